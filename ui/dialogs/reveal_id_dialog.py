"""Show a resident's full ID number, after saying why; every reveal is audited."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.domain.permissions import Permission, allowed
from station.errors import GridStationError
from station.services.persons import reveal_id_number
from ui.context import AppContext
from ui.errors import show_exception
from ui.widgets.form_errors import FormErrors, field_box


class RevealIdDialog(QDialog):
    """Reason (a common one preselected, or typed), then the full number in large type.

    Roles that may not see full ID numbers (the permissions table) get the reason why and
    no button; the service refuses them in any case.
    """

    sig_revealed = Signal(str)  # the full number (for the caller to show, never to store)

    def __init__(
        self,
        *,
        context: AppContext,
        person_id: str,
        person_name: str,
        where: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revealIdDialog")
        self.context = context
        self.person_id = person_id
        self.where = where
        self.errors = FormErrors()
        self.setWindowTitle(self.tr("Show full ID number"))
        intro = QLabel(
            self.tr(
                "The full ID number of %1 is personal information. Viewing it is recorded "
                "with your name and the reason."
            ).replace("%1", person_name)
        )
        intro.setWordWrap(True)
        self.reason_combo = QComboBox()
        self.reason_combo.setEditable(True)
        self.reason_combo.addItems(
            [
                self.tr("Verify identity against the ID card"),
                self.tr("Needed for a document or a referral"),
                self.tr("Correct a wrongly recorded number"),
            ]
        )
        self.number_label = QLabel()
        self.number_label.setObjectName("revealedNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number_label.hide()
        form = QFormLayout()
        form.addRow(
            self.tr("Reason"),
            field_box(self.reason_combo, self.errors.add("reason", self.reason_combo)),
        )
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("primaryButton")
        self.close_button = QPushButton(self.tr("Close"))
        self.show_button.clicked.connect(self.reveal)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.number_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.show_button.setDefault(True)
        self.reason_combo.setFocus()
        if not allowed(context.actor.role, Permission.REVEAL_ID_NUMBER):
            # Said up front; the service refuses anyway.
            self.show_button.setEnabled(False)
            self.reason_combo.setEnabled(False)
            self.errors.show(
                "reason",
                self.tr("Your role may not see full ID numbers. Ask the station administrator."),
            )

    def reveal(self) -> None:
        actor, person_id = self.context.actor, self.person_id
        reason, where = self.reason_combo.currentText(), self.where
        self.show_button.setEnabled(False)
        self.errors.clear_all()
        self.context.runner.mutate(
            lambda s: reveal_id_number(
                s, actor=actor, person_id=person_id, reason=reason, context=where
            ),
            parent=self,
            success=self._revealed,
            failure=self._failed,
            label="reveal id",
        )

    def _revealed(self, number: str) -> None:
        self.number_label.setText(number)
        self.number_label.show()
        self.show_button.hide()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.sig_revealed.emit(number)

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        if isinstance(exc, GridStationError) and self.errors.show_error(exc) is None:
            self.errors.show("reason", exc.message)
        elif not isinstance(exc, GridStationError):
            show_exception(self, exc)
