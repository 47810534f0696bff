"""The 同步 tab of 设置: the town server's address, enrollment, interval, CA file, sync now.

Enrolling sends the one-time code from the town center to the server (on a network thread,
see :class:`ui.sync_controller.SyncController`) and keeps the credential in the station's
database; it is never shown. The address is checked as it is typed, beside the field.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station.errors import GridStationError, ValidationError
from station.sync import setup
from station.sync.setup import SyncSettings
from ui.context import AppContext
from ui.errors import show_exception
from ui.sync_controller import SyncController, SyncStatus
from ui.widgets.form_errors import FormErrors, field_box
from ui.widgets.sync_status import SyncStatusWidget


class SyncSettingsSection(QWidget):
    """Server, enrollment, schedule and the last result; see the module docstring."""

    sig_loaded = Signal(object)  # SyncSettings
    sig_saved = Signal(object)  # SyncSettings
    sig_enrolled = Signal(object)  # the enrollment answer (token blanked)
    sig_failed = Signal(object)  # an error shown in the form

    def __init__(
        self, *, context: AppContext, controller: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = controller
        self.setObjectName("syncSettings")
        self.errors = FormErrors()

        self.station_label = QLabel()
        self.station_label.setObjectName("hint")
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://town.example:8700")
        self.server_edit.editingFinished.connect(self.check_url)
        self.server_edit.textEdited.connect(lambda _t: self.errors.clear("server_url"))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("One-time code from the town center"))
        self.code_edit.textEdited.connect(lambda _t: self.errors.clear("code"))
        self.enroll_button = QPushButton(self.tr("Enroll"))
        self.enroll_button.clicked.connect(self.enroll)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.enroll_button)

        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(setup.MIN_INTERVAL, setup.MAX_INTERVAL)
        self.interval_spin.setSuffix(self.tr(" min"))
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("Empty: the system's certificates"))
        self.ca_edit.textEdited.connect(lambda _t: self.errors.clear("ca_file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(browse)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("hint")

        form = QFormLayout()
        form.addRow(self.tr("Station"), self.station_label)
        form.addRow(
            self.tr("Town server"),
            field_box(self.server_edit, self.errors.add("server_url", self.server_edit)),
        )
        form.addRow(
            self.tr("Enrollment code"),
            field_box(code_row, self.errors.add("code", self.code_edit)),
        )
        form.addRow(
            self.tr("Sync every"),
            field_box(self.interval_spin, self.errors.add("interval_minutes", self.interval_spin)),
        )
        form.addRow(
            self.tr("CA certificate"), field_box(ca_row, self.errors.add("ca_file", self.ca_edit))
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)

        self.status = SyncStatusWidget()
        self.status.sig_sync_now.connect(controller.sync_now)
        controller.sig_status.connect(self._show_status)
        self._show_status(controller.status)
        last = QLabel(self.tr("Last result"))
        last.setObjectName("sectionTitle")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(last)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.load()

    # ----------------------------------------------------------------- data

    def load(self) -> None:
        self.context.runner.query(
            setup.load_sync_settings, parent=self, success=self._loaded, label="sync settings"
        )

    def _loaded(self, settings: SyncSettings) -> None:
        self.server_edit.setText(settings.server_url)
        self.interval_spin.setValue(settings.interval_minutes)
        self.ca_edit.setText(settings.ca_file)
        self._show_station(settings)
        self.sig_loaded.emit(settings)

    def _show_station(self, settings: SyncSettings) -> None:
        if settings.enrolled:
            self.station_label.setText(
                self.tr("Enrolled as %1 (%2)")
                .replace("%1", settings.station_code)
                .replace("%2", settings.station_name)
            )
        else:
            self.station_label.setText(
                self.tr("Not enrolled yet: enter the server address and the code, then Enroll")
            )

    def _show_status(self, status: SyncStatus) -> None:
        self.status.show_status(status)

    # ----------------------------------------------------------------- actions

    def check_url(self) -> bool:
        """Check the address beside the field (no network)."""
        text = self.server_edit.text()
        if not text.strip():
            self.errors.clear("server_url")
            return True
        try:
            setup.check_server_url(text)
        except ValidationError as exc:
            self.errors.show_error(exc)
            return False
        self.errors.clear("server_url")
        return True

    def save(self) -> None:
        self.errors.clear_all()
        self.saved_label.clear()
        actor = self.context.actor
        url, minutes, ca = (
            self.server_edit.text(),
            self.interval_spin.value(),
            self.ca_edit.text(),
        )
        self.context.runner.mutate(
            lambda s: setup.save_sync_settings(
                s, actor=actor, server_url=url, interval_minutes=minutes, ca_file=ca
            ),
            parent=self,
            success=self._saved,
            failure=self._failed,
            label="save sync settings",
        )

    def _saved(self, settings: SyncSettings) -> None:
        self.controller.set_interval(settings.interval_minutes)
        self.saved_label.setText(self.tr("Saved."))
        self._loaded(settings)
        self.sig_saved.emit(settings)

    def enroll(self) -> None:
        self.errors.clear_all()
        self.saved_label.clear()
        if not self.check_url():
            return
        self.enroll_button.setEnabled(False)
        self.enroll_button.setText(self.tr("Enrolling…"))
        self.controller.enroll(
            server_url=self.server_edit.text(),
            code=self.code_edit.text(),
            ca_file=self.ca_edit.text(),
            done=self._enroll_done,
        )

    def _enroll_done(self, answer: object, error: BaseException | None) -> None:
        self.enroll_button.setEnabled(True)
        self.enroll_button.setText(self.tr("Enroll"))
        if error is not None:
            self._failed(error)
            return
        self.code_edit.clear()
        station = answer.station  # type: ignore[attr-defined]
        if station.code != self.context.actor.station_code:
            self.saved_label.setText(
                self.tr("Enrolled as %1. Restart the program to start syncing.").replace(
                    "%1", station.code
                )
            )
        else:
            self.saved_label.setText(self.tr("Enrolled. Syncing now."))
        self.load()
        self.sig_enrolled.emit(answer)

    def _failed(self, exc: BaseException) -> None:
        if self.errors.show_error(exc) is None:
            if isinstance(exc, GridStationError):
                self.saved_label.setText(exc.message)
            else:
                show_exception(self, exc)
        self.sig_failed.emit(exc)

    def _choose_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the town's CA certificate"),
            "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_edit.setText(path)
            self.errors.clear("ca_file")
