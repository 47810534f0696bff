"""调解协议: the agreement the parties reached, written (协议书) or oral (口头协议).

Numbered terms come from the clause templates and are edited in place; the amount is typed
in yuan and shown in Chinese capitals as it is typed (as the agreement prints it). What is
typed is kept in a draft file a moment after each change, so a long agreement survives a
crash: opening the form again restores it; saving or discarding removes the draft.

The agreement takes effect when all have signed (人民调解法 art. 29) unless it names a later
day: 生效日期 follows the signing date until the mediator sets it apart, and may not come
before it. The 30-day court-confirmation window counts from it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from station.documents.formatting import amount_in_capitals
from station.domain.enums import AgreementForm, PartyRole
from station.errors import ValidationError
from station.services import drafts
from station.services.mediation import MediationDetail, save_agreement
from ui.context import AppContext
from ui.dialogs.mediation_dialog_base import DraftedMediationDialog, date_edit
from ui.task_runner import DbSession
from ui.widgets.agreement_terms_editor import AgreementTermsEditor

MAX_YUAN = Decimal("100000000")
DRAFT_FORM = "mediation_agreement"


def agreement_draft_id(mediation_id: str) -> str:
    """One agreement draft per case: reopening the form finds it again."""
    return f"mediation-agreement-{mediation_id}"


def parse_yuan(text: str) -> int | None:
    """``"5,000.5"`` → 500050 (分); empty → None; raises ValidationError on anything else."""
    cleaned = text.strip().replace(",", "").replace("，", "").removesuffix("元")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(
            "金额请填写数字，如 5000 或 5000.50", code="bad_amount", field="amount_fen"
        ) from None
    if value < 0 or value >= MAX_YUAN or value != value.quantize(Decimal("0.01")):
        raise ValidationError(
            "金额须为不超过一亿元、最多两位小数的正数", code="bad_amount", field="amount_fen"
        )
    return int(value * 100)


class MediationAgreementDialog(DraftedMediationDialog):
    DRAFT_FORM = DRAFT_FORM
    DRAFT_TASK = "mediation agreement draft"

    def __init__(
        self,
        *,
        context: AppContext,
        mediation: MediationDetail,
        draft: drafts.Draft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context=context, mediation=mediation, title=self.tr("Agreement"), parent=parent
        )
        self.draft_id = agreement_draft_id(mediation.id)
        self._draft_written = draft is not None
        self.setObjectName("mediationAgreementDialog")
        m = mediation

        self.form_group = QButtonGroup(self)
        self.written_radio = QRadioButton(self.tr("&Written agreement"))
        self.oral_radio = QRadioButton(self.tr("&Oral agreement (art. 28)"))
        forms = QWidget()
        row = QHBoxLayout(forms)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.written_radio, self.oral_radio):
            self.form_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        (
            self.oral_radio if m.agreement_form == AgreementForm.ORAL.value else self.written_radio
        ).setChecked(True)
        self.add_field(self.tr("Form"), "agreement_form", forms)

        self.terms_editor = AgreementTermsEditor(
            dispute_type=m.dispute_type, template_values=self._template_values
        )
        self.terms_editor.set_terms(list(m.terms))
        self.terms_editor.sig_template_used.connect(self._template_used)
        self.terms_editor.sig_submit.connect(self.submit)
        self.add_field(self.tr("Terms"), "terms", self.terms_editor)

        self.content_edit = QPlainTextEdit(m.agreement_content)
        self.content_edit.setFixedHeight(70)
        self.content_edit.setPlaceholderText(self.tr("What the parties agreed orally"))
        self.add_field(self.tr("Oral agreement"), "agreement_content", self.content_edit)
        self.content_row_label = self.form.labelForField(
            self.errors.label("agreement_content").parentWidget()
        )

        self.method_edit = QLineEdit(m.performance_method)
        self.method_edit.setMaxLength(300)
        self.method_edit.setPlaceholderText(self.tr("e.g. cash paid in one sum, receipt given"))
        self.add_field(self.tr("Performance method"), "performance_method", self.method_edit)

        self.deadline_check = QCheckBox(self.tr("by"))
        self.deadline_edit = date_edit(m.performance_deadline)
        self.deadline_check.setChecked(m.performance_deadline is not None)
        self.deadline_edit.setEnabled(m.performance_deadline is not None)
        self.deadline_check.toggled.connect(self.deadline_edit.setEnabled)
        deadline = QWidget()
        row = QHBoxLayout(deadline)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.deadline_check)
        row.addWidget(self.deadline_edit)
        row.addStretch(1)
        self.add_field(self.tr("Performance deadline"), "performance_deadline", deadline)

        self.amount_edit = QLineEdit(
            f"{Decimal(m.amount_fen) / 100:.2f}" if m.amount_fen is not None else ""
        )
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setMaximumWidth(160)
        self.amount_edit.setPlaceholderText(self.tr("yuan, e.g. 5000"))
        self.capitals_label = QLabel()
        self.capitals_label.setObjectName("amountCapitals")
        amount = QWidget()
        row = QHBoxLayout(amount)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount_edit)
        row.addWidget(self.capitals_label, 1)
        self.add_field(self.tr("Amount (yuan)"), "amount_fen", amount)
        self.amount_edit.textChanged.connect(self._update_capitals)

        self.copies_spin = QSpinBox()
        self.copies_spin.setRange(1, 20)
        self.copies_spin.setValue(m.copies or len(m.parties) + 1)
        self.copies_spin.setSuffix(self.tr(" copies"))
        self.signed_edit = date_edit(m.signed_on)
        self.signed_by_edit = QLineEdit(m.signed_by or "、".join(p.name for p in m.parties))
        self.signed_by_edit.setMaxLength(200)
        signing = QWidget()
        row = QHBoxLayout(signing)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.copies_spin)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Signed on")))
        row.addWidget(self.signed_edit)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("signed by")))
        row.addWidget(self.signed_by_edit, 1)
        self.add_field(self.tr("Copies"), "copies", signing)
        self.errors.add("signed_on", self.signed_edit, self.errors.label("copies"))

        self.effective_edit = date_edit(m.effective_on or m.signed_on)
        self.effective_edit.setObjectName("effectiveEdit")
        # Follows the signing date until set apart from it (the usual case: same day).
        self._effective_follows = m.effective_on is None or m.effective_on == m.signed_on
        if self._effective_follows:
            self.effective_edit.setDate(self.signed_edit.date())
        effective_hint = QLabel(
            self.tr("Effective once signed by all (art. 29) unless a later day was agreed.")
        )
        effective_hint.setObjectName("hint")
        effective = QWidget()
        row = QHBoxLayout(effective)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.effective_edit)
        row.addSpacing(12)
        row.addWidget(effective_hint, 1)
        self.add_field(self.tr("Takes effect on"), "effective_on", effective)
        self.signed_edit.dateChanged.connect(self._signed_changed)
        self.effective_edit.dateChanged.connect(self._effective_changed)

        self.draft_label = QLabel()
        self.draft_label.setObjectName("hint")
        self.form.addRow("", self.draft_label)
        if draft is not None:
            self._restore(draft)
        self.written_radio.toggled.connect(self._form_changed)
        self._form_changed()
        self._update_capitals()
        self._draft_timer = self._make_draft_timer()
        self.terms_editor.sig_changed.connect(self._draft_timer.start)
        self.content_edit.textChanged.connect(self._draft_timer.start)
        self.method_edit.textChanged.connect(self._draft_timer.start)
        self.setMinimumSize(880, 720)
        if m.terms:
            self.terms_editor.edits[0].setFocus()
        else:
            self.terms_editor.template_combo.setFocus()

    # ----------------------------------------------------------------- drafts

    def draft_values(self) -> dict[str, Any]:
        return {
            "terms": self.terms_editor.terms(),
            "agreement_content": self.content_edit.toPlainText(),
            "performance_method": self.method_edit.text(),
        }

    def _restore(self, draft: drafts.Draft) -> None:
        v = draft.values
        terms = v.get("terms")
        if isinstance(terms, list) and all(isinstance(t, str) for t in terms):
            self.terms_editor.set_terms(terms)
        self.content_edit.setPlainText(str(v.get("agreement_content", "")))
        self.method_edit.setText(str(v.get("performance_method", "")))
        self._show_restored(draft)

    # ----------------------------------------------------------------- behaviour

    def _template_values(self) -> dict[str, Any]:
        assert self.mediation is not None
        names = {
            role: "、".join(p.name for p in self.mediation.parties if p.role == role.value)
            for role in PartyRole
        }
        try:
            amount = parse_yuan(self.amount_edit.text())
        except ValidationError:
            amount = None
        return {
            "applicant": names[PartyRole.APPLICANT],
            "respondent": names[PartyRole.RESPONDENT],
            "deadline": self.deadline(),
            "amount_fen": amount,
        }

    def _template_used(self, _key: str, method: str) -> None:
        if not self.method_edit.text().strip():
            self.method_edit.setText(method)

    def _form_changed(self, *_: object) -> None:
        oral = self.oral_radio.isChecked()
        self.content_edit.setVisible(oral)
        if self.content_row_label is not None:
            self.content_row_label.setVisible(oral)

    def _update_capitals(self) -> None:
        try:
            fen = parse_yuan(self.amount_edit.text())
        except ValidationError as exc:
            self.capitals_label.setText(exc.message)
            return
        self.capitals_label.setText("" if fen is None else amount_in_capitals(Decimal(fen) / 100))

    def _signed_changed(self, *_: object) -> None:
        if self._effective_follows:
            self.effective_edit.setDate(self.signed_edit.date())
        self.errors.clear("effective_on")

    def _effective_changed(self, *_: object) -> None:
        self._effective_follows = self.effective_edit.date() == self.signed_edit.date()
        self.errors.clear("effective_on")

    def effective_on(self) -> date:
        return self.effective_edit.date().toPython()

    def deadline(self) -> date | None:
        return self.deadline_edit.date().toPython() if self.deadline_check.isChecked() else None

    # ----------------------------------------------------------------- saving

    def has_typed(self) -> bool:
        assert self.mediation is not None
        return (
            self.terms_editor.terms() != list(self.mediation.terms)
            or self.content_edit.toPlainText().strip() != self.mediation.agreement_content.strip()
            or self.method_edit.text().strip() != self.mediation.performance_method.strip()
        )

    def make_op(self) -> Callable[[DbSession], Any] | None:
        assert self.mediation is not None
        try:
            amount_fen = parse_yuan(self.amount_edit.text())
        except ValidationError as exc:
            self.errors.show_error(exc)
            self.amount_edit.setFocus()
            return None
        signed_on = self.signed_edit.date().toPython()
        if self.effective_on() < signed_on:
            self.errors.show(
                "effective_on",
                self.tr(
                    "The agreement cannot take effect before it is signed (%1): "
                    "choose the signing date or a later day."
                ).replace("%1", f"{signed_on:%Y-%m-%d}"),
            )
            self.effective_edit.setFocus()
            return None
        oral = self.oral_radio.isChecked()
        values = {
            "agreement_form": AgreementForm.ORAL.value if oral else AgreementForm.WRITTEN.value,
            "agreement_content": self.content_edit.toPlainText().strip() if oral else "",
            "performance_method": self.method_edit.text().strip(),
            "performance_deadline": self.deadline(),
            "amount_fen": amount_fen,
            "copies": self.copies_spin.value(),
            "signed_on": signed_on,
            "signed_by": self.signed_by_edit.text().strip(),
            "effective_on": self.effective_on(),
        }
        terms = self.terms_editor.terms()
        actor, mediation_id = self.context.actor, self.mediation.id
        return lambda s: save_agreement(
            s, actor=actor, mediation_id=mediation_id, terms=terms, **values
        )
