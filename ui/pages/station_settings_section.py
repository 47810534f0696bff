"""设置 › 驿站信息: names, phone and the idle lock, for the station admin."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station.services.station_profile import (
    MAX_IDLE_MINUTES,
    StationProfile,
    get_station_profile,
    update_station_profile,
)
from ui.context import AppContext
from ui.widgets.form_errors import FormErrors, field_box


class StationSettingsSection(QWidget):
    """Loaded by :meth:`load`; Save stores and audits (checked like the first-run setup)."""

    sig_saved = Signal(object)  # the StationProfile

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stationSettingsSection")
        self.context = context
        self.errors = FormErrors()
        self._loaded = False
        self.code_label = QLabel()
        self.name_edit = QLineEdit()
        self.committee_edit = QLineEdit()
        self.short_edit = QLineEdit()
        self.short_edit.setMaximumWidth(120)
        self.phone_edit = QLineEdit()
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(0, MAX_IDLE_MINUTES)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setSpecialValueText(self.tr("Never"))
        self.idle_spin.setMaximumWidth(120)
        idle_hint = QLabel(
            self.tr("Locks the screen after this long without use. Open windows are kept.")
        )
        idle_hint.setObjectName("hint")
        idle_hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Station code"), self.code_label)
        for label, widget, field, hint in (
            (self.tr("Station &name"), self.name_edit, "station_name", None),
            (self.tr("&Mediation committee"), self.committee_edit, "committee_name", None),
            (self.tr("Committee &short name"), self.short_edit, "committee_short", None),
            (self.tr("&Phone"), self.phone_edit, "phone", None),
            (self.tr("&Lock when idle"), self.idle_spin, "idle_lock_minutes", idle_hint),
        ):
            parts: list[QWidget] = [widget, self.errors.add(field, widget)]
            if hint is not None:
                parts.insert(1, hint)
            form.addRow(label, field_box(*parts))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        """Loaded when the tab first comes into view (later, what was typed stays)."""
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.load()

    def load(self) -> None:
        self.context.runner.query(
            get_station_profile, parent=self, success=self._show, label="station profile"
        )

    def _show(self, profile: StationProfile) -> None:
        self.code_label.setText(profile.station_code)
        self.name_edit.setText(profile.station_name)
        self.committee_edit.setText(profile.committee_name)
        self.short_edit.setText(profile.committee_short)
        self.phone_edit.setText(profile.phone)
        self.idle_spin.setValue(profile.idle_lock_minutes)

    def save(self) -> None:
        self.errors.clear_all()
        self.status_label.clear()
        actor = self.context.actor
        values = {
            "station_name": self.name_edit.text(),
            "committee_name": self.committee_edit.text(),
            "committee_short": self.short_edit.text(),
            "phone": self.phone_edit.text(),
            "idle_lock_minutes": self.idle_spin.value(),
        }
        self.save_button.setEnabled(False)
        self.context.runner.mutate(
            lambda s: update_station_profile(s, actor=actor, **values),
            parent=self,
            success=self._saved,
            failure=self._failed,
            label="station profile",
        )

    def _saved(self, profile: StationProfile) -> None:
        self.save_button.setEnabled(True)
        self._show(profile)
        self.status_label.setText(self.tr("Saved."))
        self.sig_saved.emit(profile)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_failure(exc, parent=self)
