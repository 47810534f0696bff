"""Two fields of the mediation dialogs, driven on real widgets over a real database.

* 受理 (new case): each party's agent is fully described in the party table — name, kind
  (法定代理人 / 委托代理人) and authorisation — and a kind without a name is refused beside
  the table before anything is saved.
* 调解协议: 生效日期 is its own field; it follows the signing date until set apart from it,
  may not come before it, and a later day is what the case keeps (the court-confirmation
  window counts from it).

Screenshots: /tmp/gs-shots/mediation-new-case-agents.png, mediation-agreement-effective.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import func, select
from ui_support import app_context, shot

from station.db.database import Database
from station.db.models import MediationCase
from station.services import mediation
from station.services.events import Actor
from station.services.persons import create_person
from station.services.reference import Option
from ui.context import AppContext
from ui.dialogs.mediation_agreement_dialog import MediationAgreementDialog
from ui.dialogs.mediation_new_case_dialog import AGENT_KIND, AGENT_NAME, MediationNewCaseDialog

AUTHORISATION = 8  # the party table's authorisation column


@pytest.fixture
def context(db: Database, mediator: Actor) -> Iterator[AppContext]:
    yield from app_context(db, mediator)


def new_case_dialog(qtbot, context: AppContext) -> MediationNewCaseDialog:  # type: ignore[no-untyped-def]
    dialog = MediationNewCaseDialog(
        context=context,
        dispute_types=[Option("T1", "邻里"), Option("T2", "婚姻家庭")],
        mediators=[Option("R1", "陈和顺"), Option("R2", "黄志坚")],
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("T2"))
    dialog.facts_edit.setPlainText("邱某某与前夫就孩子抚养费发生争执。")
    dialog.check_mediator("陈和顺", lead=True)
    for name in ("邱某某", "宋某某"):
        dialog._new_resident(name)  # what Enter on "new resident" in the lookup does
    return dialog


def test_new_case_records_each_partys_agent_kind(qtbot, context: AppContext, db: Database) -> None:
    dialog = new_case_dialog(qtbot, context)
    table = dialog.party_table
    assert table.horizontalHeaderItem(AGENT_KIND).text() == "代理人类型"
    # The applicant is a minor's parent speaking for her; the respondent sends a lawyer.
    table.item(0, AGENT_NAME).setText("邱父")
    dialog.agent_kind_combo(0).setCurrentIndex(dialog.agent_kind_combo(0).findText("法定代理人"))
    table.item(1, AGENT_NAME).setText("郑律师")
    dialog.agent_kind_combo(1).setCurrentIndex(dialog.agent_kind_combo(1).findText("委托代理人"))
    table.item(1, AUTHORISATION).setText("特别授权")
    assert [(p.get("agent_kind"), p.get("agent_name")) for p in dialog.parties()] == [
        ("legal", "邱父"),
        ("entrusted", "郑律师"),
    ]
    shot(dialog, "mediation-new-case-agents")
    with qtbot.waitSignal(dialog.sig_done, timeout=10_000) as done:
        dialog.submit()
    detail = done.args[0]
    assert [p.agent_text for p in detail.parties] == [
        "法定代理人：邱父",
        "委托代理人：郑律师（特别授权）",
    ]
    with db.transaction() as s:
        stored = mediation.get_mediation(s, mediation_id=detail.id)
    assert [p.agent_kind for p in stored.parties] == ["legal", "entrusted"]


def test_agent_kind_without_a_name_is_refused_beside_the_table(
    qtbot, context: AppContext, db: Database
) -> None:
    dialog = new_case_dialog(qtbot, context)
    dialog.agent_kind_combo(1).setCurrentIndex(dialog.agent_kind_combo(1).findText("委托代理人"))
    dialog.submit()
    error = dialog.errors.label("parties")
    assert error.isVisible()
    assert "第2位当事人" in error.text() and "代理人" in error.text()
    assert dialog.party_table.currentRow() == 1
    assert dialog.party_table.currentColumn() == AGENT_NAME
    assert dialog.isVisible()  # nothing typed is lost
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(MediationCase)) == 0
    # "Not stated" with no agent is fine: the case opens.
    dialog.agent_kind_combo(1).setCurrentIndex(0)
    with qtbot.waitSignal(dialog.sig_done, timeout=10_000) as done:
        dialog.submit()
    assert [p.agent_kind for p in done.args[0].parties] == ["", ""]


# --------------------------------------------------------------------------- agreement


@pytest.fixture
def case(db: Database, mediator: Actor) -> mediation.MediationDetail:
    with db.transaction() as s:
        a = create_person(s, actor=mediator, name="陆某某").id
        b = create_person(s, actor=mediator, name="陶某某").id
        return mediation.create_mediation(
            s,
            actor=mediator,
            parties=[
                {"person_id": a, "role": "applicant"},
                {"person_id": b, "role": "respondent"},
            ],
            mediators=[{"roster_person_id": "R1", "lead": True}],
            accepted_on=date(2026, 11, 2),
            dispute_type_id="T1",
            source="application",
            facts="陶某某在共用通道上堆放杂物。",
        )


def agreement_dialog(qtbot, context: AppContext, case) -> MediationAgreementDialog:  # type: ignore[no-untyped-def]
    dialog = MediationAgreementDialog(context=context, mediation=case)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.terms_editor.set_terms(["陶某某于三日内清理通道上的杂物。"])
    return dialog


def test_effective_date_follows_signing_until_set_apart(
    qtbot, context: AppContext, case, db: Database
) -> None:
    dialog = agreement_dialog(qtbot, context, case)
    signed = QDate(2026, 11, 10)
    dialog.signed_edit.setDate(signed)
    assert dialog.effective_edit.date() == signed  # default: effective when signed
    dialog.effective_edit.setDate(QDate(2026, 11, 12))  # the parties agreed a later day
    dialog.signed_edit.setDate(QDate(2026, 11, 11))
    assert dialog.effective_edit.date() == QDate(2026, 11, 12)  # kept once set apart
    shot(dialog, "mediation-agreement-effective")
    with qtbot.waitSignal(dialog.sig_done, timeout=10_000) as done:
        dialog.submit()
    saved = done.args[0]
    assert (saved.signed_on, saved.effective_on) == (date(2026, 11, 11), date(2026, 11, 12))
    with db.transaction() as s:
        stored = mediation.get_mediation(s, mediation_id=case.id)
    assert stored.effective_on == date(2026, 11, 12)

    # Opened again on the saved case: the effective day stays its own.
    again = MediationAgreementDialog(context=context, mediation=saved)
    qtbot.addWidget(again)
    assert again.effective_edit.date() == QDate(2026, 11, 12)


def test_effective_before_signing_is_refused_beside_the_field(
    qtbot, context: AppContext, case, db: Database
) -> None:
    dialog = agreement_dialog(qtbot, context, case)
    dialog.signed_edit.setDate(QDate(2026, 11, 10))
    dialog.effective_edit.setDate(QDate(2026, 11, 9))
    dialog.submit()
    error = dialog.errors.label("effective_on")
    assert error.isVisible() and "2026-11-10" in error.text()
    assert dialog.isVisible()
    with db.transaction() as s:
        assert mediation.get_mediation(s, mediation_id=case.id).signed_on is None
    # Same day as signing is fine, and the error goes as soon as the date changes.
    dialog.effective_edit.setDate(QDate(2026, 11, 10))
    assert not error.isVisible()
    with qtbot.waitSignal(dialog.sig_done, timeout=10_000) as done:
        dialog.submit()
    assert done.args[0].effective_on == date(2026, 11, 10)


def test_service_refuses_effective_before_signing(db: Database, mediator: Actor, case) -> None:
    from station.errors import ValidationError

    with db.transaction() as s, pytest.raises(ValidationError) as refused:
        mediation.save_agreement(
            s,
            actor=mediator,
            mediation_id=case.id,
            terms=["陶某某于三日内清理杂物。"],
            agreement_form="written",
            signed_on=date(2026, 11, 10),
            signed_by="陆某某、陶某某",
            effective_on=date(2026, 11, 9),
        )
    assert refused.value.field == "effective_on"
