"""Every document from the demo town's database: the right data, masked, audited, or refused."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.database import Database, database_path, open_database
from station.db.models import (
    AuditEntry,
    Case,
    CaseNote,
    Category,
    MediationCase,
    MediationParty,
    MediationRecord,
    Person,
    ReturnVisit,
)
from station.documents import DocumentDataMissing
from station.documents.data import LedgerKind, PartyRole, ReceiptPaper
from station.domain.enums import Role
from station.domain.validation import birth_date_from_id, mask_id
from station.domain.working_days import add_working_days
from station.errors import NotFoundError, PermissionDenied, ValidationError
from station.services import cases, mediation
from station.services import documents as docs
from station.services.events import Actor, forget_clocks

TODAY = date(2026, 11, 20)  # the demo town's data ends the day before
HAVE_PDFTOTEXT = shutil.which("pdftotext") is not None


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from station.demo.town import build_demo_town

    folder = tmp_path_factory.mktemp("documents_demo")
    build_demo_town(folder, cases=200, mediations=40, today=TODAY)
    return database_path(folder)


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo town for each test (tests write audit rows)."""
    shutil.copy(demo_file, database_path(tmp_path))
    forget_clocks()
    database = open_database(tmp_path)
    yield database
    database.close()


@pytest.fixture
def actor() -> Actor:
    return Actor(username="tiaojie", role=Role.MEDIATOR, station_code="XX01",
                 display_name="陈调解")


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The text a reader gets back, whitespace removed (poppler when installed)."""
    if HAVE_PDFTOTEXT:
        path = tmp_path / "read.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                             capture_output=True, check=True).stdout.decode("utf-8")
    else:
        out = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", "", out)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def audit_rows(session: Session) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def cn(day: date | datetime) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# --------------------------------------------------------------------------- picking data


def receipt_case(session: Session) -> Case:
    """A case with a requester who has a mobile phone, and a category."""
    return session.scalars(
        select(Case)
        .join(Person, Person.id == Case.requester_id)
        .where(Case.category_id.is_not(None), Person.phone.startswith("1"))
        .order_by(Case.number)
    ).first()


def dispatched_case(session: Session) -> Case:
    """A case dispatched to a department whose requester's ID number is on file."""
    dispatched = select(CaseNote.case_id).where(CaseNote.kind == "dispatch")
    return session.scalars(
        select(Case)
        .join(Person, Person.id == Case.requester_id)
        .where(Case.department_id.is_not(None), Case.id.in_(dispatched),
               Person.id_number != "", Person.phone != "")
        .order_by(Case.number)
    ).first()


def full_mediation(session: Session) -> MediationCase:
    """An applied-for case settled in writing, with investigations, sessions and visits."""
    def having(model: type) -> object:
        return select(model.mediation_id)

    return session.scalars(
        select(MediationCase)
        .where(
            MediationCase.source == "application",
            MediationCase.agreement_form == "written",
            MediationCase.status == "succeeded",
            MediationCase.id.in_(having(ReturnVisit)),
            MediationCase.id.in_(
                select(MediationRecord.mediation_id).where(MediationRecord.kind == "investigation")
            ),
        )
        .order_by(MediationCase.number)
    ).first()


def oral_mediation(session: Session, actor: Actor) -> MediationCase:
    """A case settled by an oral agreement, recorded through the service (the demo town
    may or may not have one)."""
    open_case = session.scalars(
        select(MediationCase).where(MediationCase.status.in_(("accepted", "in_progress")))
        .order_by(MediationCase.number)
    ).first()
    mediation.set_agreement(
        session, actor=actor, mediation_id=open_case.id, terms=[],
        agreement_form="oral", agreement_content="被申请人当场向申请人赔礼道歉，双方握手言和。",
        performance_method="当场履行", signed_on=date(2026, 11, 18),
    )
    return open_case


def party_people(session: Session, mediation_id: str) -> list[Person]:
    return list(session.scalars(
        select(Person).join(MediationParty, MediationParty.person_id == Person.id)
        .where(MediationParty.mediation_id == mediation_id).order_by(MediationParty.seq)
    ))


# --------------------------------------------------------------------------- work orders


def test_receipt_prints_the_case_with_a_masked_phone_and_the_reply_date(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    with db.transaction() as s:
        case = receipt_case(s)
        person = s.get(Person, case.requester_id)
        category = s.get(Category, case.category_id)
        parent = s.get(Category, category.parent_id)
        pdf = docs.render_document(s, actor=actor, kind="receipt", number=case.number)
        number, received, phone = case.number, case.received_at, person.phone
        name, summary = person.name, case.summary
        due = add_working_days(received.date(), category.time_limit_days)
        category_path = f"{parent.name}／{category.name}"
    text = pdf_text(pdf, tmp_path)
    assert page_count(pdf) == 1
    for expected in ("霞溪镇东街社区网格驿站", "受理回执", number, name, category_path,
                     f"{phone[:3]}****{phone[-4:]}", cn(due), "请妥善保管本回执", "0593-8601234"):
        assert expected in text, expected
    assert summary.replace(" ", "") in text
    assert phone not in text


def test_receipt_reply_date_follows_the_category_time_limit(db: Database) -> None:
    with db.read() as s:
        case = receipt_case(s)
        data = docs.receipt_data(s, case_id=case.id)
        limit = s.get(Category, case.category_id).time_limit_days
        received = case.received_at
    assert data.reply_due == add_working_days(received.date(), limit)
    assert data.received_at == received
    assert data.channel in {"来访", "来电", "微信群", "网格员走访", "12345转办", "其他"}
    assert data.receptionist  # the display name of whoever recorded the case


def test_receipt_on_half_an_a4_sheet(db: Database, actor: Actor, tmp_path: Path) -> None:
    with db.transaction() as s:
        number = receipt_case(s).number
        pdf = docs.render_document(s, actor=actor, kind="receipt", number=number,
                                   paper=ReceiptPaper.HALF_A4)
    text = pdf_text(pdf, tmp_path)
    assert "第一联交诉求人" in text and "第二联驿站存根" in text


def test_every_print_is_audited_with_who_what_and_when(db: Database, actor: Actor) -> None:
    before = datetime.now().replace(microsecond=0)
    with db.transaction() as s:
        number = receipt_case(s).number
        docs.render_document(s, actor=actor, kind="receipt", number=number)
    with db.read() as s:
        (entry,) = audit_rows(s)
    assert entry.username == "tiaojie"
    assert entry.action == docs.PRINT_ACTION
    assert (entry.target_type, entry.target_id) == ("case", number)
    assert entry.at >= before
    detail = json.loads(entry.detail)
    assert detail == {"kind": "receipt", "title": "受理回执", "reason": "打印《受理回执》",
                      "full_id": False}


def test_referral_masks_the_id_number_unless_the_full_number_is_chosen(
    db: Database, actor: Actor, tmp_path: Path
) -> None:
    with db.transaction() as s:
        case = dispatched_case(s)
        person = s.get(Person, case.requester_id)
        id_number, phone, number = person.id_number, person.phone, case.number
        masked = docs.render_document(s, actor=actor, kind="referral", number=number)
    text = pdf_text(masked, tmp_path)
    assert "交办单" in text and number in text and person.name in text
    assert mask_id(id_number) in text and id_number not in text
    assert f"{phone[:3]}****{phone[-4:]}" in text and phone not in text
    assert "办理情况反馈（由承办单位填写）" in text and "经办人（签名）" in text
    with db.read() as s:
        assert [e.action for e in audit_rows(s)] == [docs.PRINT_ACTION]

    with db.transaction() as s:
        full = docs.render_document(s, actor=actor, kind="referral", number=number,
                                    show_full_id=True, reason="派出所核实身份")
    assert id_number in pdf_text(full, tmp_path)
    with db.read() as s:
        printed, revealed = audit_rows(s)[1:]
    assert printed.action == docs.PRINT_ACTION and json.loads(printed.detail)["full_id"] is True
    assert revealed.action == docs.REVEAL_ACTION
    assert (revealed.username, revealed.target_type, revealed.target_id) == (
        "tiaojie", "case", number)
    detail = json.loads(revealed.detail)
    assert detail["reason"] == "派出所核实身份"
    assert detail["person_id"] == case.requester_id and detail["id_on_file"] is True
    # The audit says whose number was shown, never the number itself.
    assert id_number not in revealed.detail and id_number not in printed.detail


def test_referral_names_department_deadline_and_dispatcher(db: Database) -> None:
    with db.read() as s:
        case = dispatched_case(s)
        data = docs.referral_data(s, case_id=case.id)
        dispatch = s.scalars(select(CaseNote).where(CaseNote.case_id == case.id,
                                                    CaseNote.kind == "dispatch")
                             .order_by(CaseNote.at)).all()[-1]
        deadline = case.deadline
    assert data.issuer == "霞溪镇网格服务管理中心"
    assert data.recipient.startswith("霞溪")
    assert data.referred_at == dispatch.at
    assert data.deadline == deadline
    assert data.contact_name  # the dispatcher's name, from the local accounts
    assert data.show_full_id is False


def test_a_case_never_dispatched_has_no_referral(db: Database, actor: Actor) -> None:
    with db.transaction() as s:
        number = s.scalar(select(Case.number).where(Case.status == "received").limit(1))
        with pytest.raises(DocumentDataMissing) as caught:
            docs.render_document(s, actor=actor, kind="referral", number=number)
    assert "承办单位" in caught.value.message and "交办时间" in caught.value.message
    with db.read() as s:
        assert audit_rows(s) == []


def test_full_id_is_refused_for_documents_without_an_id(db: Database, actor: Actor) -> None:
    with db.transaction() as s:
        number = receipt_case(s).number
        with pytest.raises(ValidationError) as caught:
            docs.render_document(s, actor=actor, kind="receipt", number=number, show_full_id=True)
    assert caught.value.code == "no_id_on_document"
    with db.read() as s:
        assert audit_rows(s) == []


# --------------------------------------------------------------------------- mediation

SIGNATURE = "（签名盖章或按指印）"
MEDIATION_EXPECTED = {
    "application": ["人民调解申请书", "当事人申请事项：", f"申请人{SIGNATURE}"],
    "registration": ["人民调解受理登记表", "■当事人申请", "登记人（签名）"],
    "notice": ["人民调解当事人权利义务告知书", "当事人（签名）"],
    "investigation": ["人民调解调查记录", "被调查人（签名）", "调查人（签名）"],
    "record": ["人民调解记录", "调解记录：", "人民调解员（签名）"],
    "agreement": ["人民调解协议书", "经调解，自愿达成如下协议：", "履行方式、时限：",
                  "人民调解员（签名）"],
    "visit": ["人民调解回访记录", "回访人（签名）"],
    "case-file": ["调解卷宗", "卷内目录", "人民调解申请书", "人民调解协议书", "卷内备考表"],
}


@pytest.mark.parametrize("kind", sorted(MEDIATION_EXPECTED))
def test_mediation_forms_from_a_settled_case(
    kind: str, db: Database, actor: Actor, tmp_path: Path
) -> None:
    with db.transaction() as s:
        med = full_mediation(s)
        people = party_people(s, med.id)
        number, committee = med.number, med.committee
        pdf = docs.render_document(s, actor=actor, kind=kind, number=number)
    text = pdf_text(pdf, tmp_path)
    for expected in [*MEDIATION_EXPECTED[kind], number, committee]:
        assert expected in text, expected
    if kind == "investigation":  # a record names whoever was questioned
        assert any(p.name in text for p in people)
    else:
        assert all(p.name in text for p in people)
    # Official mediation forms carry no ID number, not even masked.
    for person in people:
        if person.id_number:
            assert person.id_number not in text and mask_id(person.id_number) not in text
    if kind == "case-file":
        assert page_count(pdf) >= 8
    with db.read() as s:
        (entry,) = audit_rows(s)
    assert (entry.action, entry.target_type, entry.target_id) == (
        docs.PRINT_ACTION, "mediation", number)
    assert json.loads(entry.detail)["kind"] == kind


def test_oral_agreement_form(db: Database, actor: Actor, tmp_path: Path) -> None:
    with db.transaction() as s:
        number = oral_mediation(s, actor).number
    with db.transaction() as s:
        data = docs.mediation_form_data(s, mediation_id=docs.find_mediation_for_number(
            s, number=number))
        pdf = docs.render_document(s, actor=actor, kind="oral-agreement", number=number)
        with pytest.raises(DocumentDataMissing, match="人民调解协议书"):
            docs.render_document(s, actor=actor, kind="agreement", number=number)
    assert data.agreement is None and data.oral_agreement is not None
    assert data.oral_agreement.agreed_on == date(2026, 11, 18)
    assert data.oral_agreement.performance == "当场履行"
    text = pdf_text(pdf, tmp_path)
    assert "人民调解口头协议登记表" in text and number in text
    assert "被申请人当场向申请人赔礼道歉，双方握手言和。" in text


def test_mediation_data_carries_parties_with_age_from_the_id_number(db: Database) -> None:
    with db.read() as s:
        med = full_mediation(s)
        data = docs.mediation_form_data(s, mediation_id=med.id)
        people = party_people(s, med.id)
    assert data.case_number == med.number and data.committee == med.committee
    assert [p.name for p in data.parties] == [p.name for p in people]
    assert data.parties[0].role is PartyRole.APPLICANT
    for party, person in zip(data.parties, people, strict=True):
        assert party.gender in ("男", "女", "")
        if person.id_number:
            born = birth_date_from_id(person.id_number)
            on = med.accepted_on
            age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
            assert party.age == str(age)
        else:
            assert party.age == ""
    assert data.dispute_type.endswith("纠纷") or data.dispute_type == "其他"
    assert data.application is not None and data.application.requests
    assert data.agreement is not None and data.agreement.terms and data.agreement.signed_on
    assert data.investigations and data.sessions and data.visits
    assert data.mediators and data.recorder


def test_a_case_nobody_applied_for_has_no_application(db: Database, actor: Actor) -> None:
    with db.transaction() as s:
        number = s.scalar(select(MediationCase.number).where(MediationCase.source != "application")
                          .order_by(MediationCase.number).limit(1))
        with pytest.raises(DocumentDataMissing) as caught:
            docs.render_document(s, actor=actor, kind="application", number=number)
        # The case file simply leaves the application out.
        assert docs.render_document(s, actor=actor, kind="case-file", number=number)
    assert "人民调解申请书" in caught.value.message
    with db.read() as s:
        assert [json.loads(e.detail)["kind"] for e in audit_rows(s)] == ["case-file"]


def test_case_file_cover_defaults(db: Database) -> None:
    with db.read() as s:
        med = full_mediation(s)
        data = docs.case_file_data(s, mediation_id=med.id)
    assert data.filed_on == med.closed_on and data.mediation_to == med.closed_on
    assert data.mediation_from == med.accepted_on
    assert data.filed_by == data.mediation.recorder
    assert data.retention == "长期"


def test_mediation_found_by_ascii_brackets_or_by_its_work_order(db: Database) -> None:
    with db.read() as s:
        med = full_mediation(s)
        typed = med.number.replace("（", "(").replace("）", ")")
        assert docs.find_mediation_for_number(s, number=typed) == med.id
        linked = s.execute(select(Case.number, Case.mediation_id)
                           .where(Case.mediation_id.is_not(None)).limit(1)).first()
        if linked is not None:
            assert docs.find_mediation_for_number(s, number=linked[0]) == linked[1]
        with pytest.raises(NotFoundError):
            docs.find_mediation_for_number(s, number="（2026）霞溪人调字第9999号")


# --------------------------------------------------------------------------- ledger


def test_case_ledger_for_a_period(db: Database, actor: Actor, tmp_path: Path) -> None:
    start, end = date(2026, 1, 1), date(2026, 6, 30)
    with db.transaction() as s:
        expected = s.scalar(select(func.count()).select_from(Case).where(
            Case.received_at >= datetime(2026, 1, 1), Case.received_at < datetime(2026, 7, 1)))
        data = docs.ledger_data(s, kind="cases", date_from=start, date_to=end)
        pdf = docs.render_ledger_document(s, actor=actor, kind="cases", date_from=start,
                                          date_to=end)
    assert len(data.rows) == expected > 0
    assert [r.received_at for r in data.rows] == sorted(r.received_at for r in data.rows)
    text = pdf_text(pdf, tmp_path)
    assert "工单台账" in text and f"共{expected}件" in text
    assert text.count("诉求摘要") == page_count(pdf)  # the header row repeats on every page
    phones = [r.requester_phone for r in data.rows if r.requester_phone]
    assert phones and all(p not in text for p in phones)
    with db.read() as s:
        (entry,) = audit_rows(s)
    assert (entry.target_type, entry.target_id) == ("ledger", "cases:2026-01-01..2026-06-30")
    assert json.loads(entry.detail)["rows"] == expected


def test_mediation_ledger_and_status_filter(db: Database, actor: Actor, tmp_path: Path) -> None:
    with db.transaction() as s:
        everything = docs.ledger_data(s, kind=LedgerKind.MEDIATIONS, date_from=date(2025, 1, 1),
                                      date_to=TODAY)
        settled = docs.ledger_data(s, kind="mediations", date_from=date(2025, 1, 1),
                                   date_to=TODAY, status="succeeded")
        pdf = docs.render_ledger_document(s, actor=actor, kind="mediations",
                                          date_from=date(2025, 1, 1), date_to=TODAY)
        with pytest.raises(ValidationError, match="没有“done”这种状态"):
            docs.ledger_data(s, kind="mediations", date_from=date(2025, 1, 1), date_to=TODAY,
                             status="done")
    assert len(everything.rows) == 40
    assert 0 < len(settled.rows) < 40 and {r.status for r in settled.rows} == {"调解成功"}
    assert settled.filters == "状态：调解成功"
    assert all(r.parties and r.mediators for r in everything.rows)
    assert "人民调解案件台账" in pdf_text(pdf, tmp_path)


def test_ledger_period_must_be_in_order(db: Database) -> None:
    with db.read() as s, pytest.raises(ValidationError, match="晚于截止日期"):
        docs.ledger_data(s, kind="cases", date_from=date(2026, 3, 1), date_to=date(2026, 1, 1))


# --------------------------------------------------------------------------- refusals


def test_missing_data_names_the_field_and_nothing_is_audited(
    db: Database, actor: Actor
) -> None:
    with db.transaction() as s:
        case = receipt_case(s)
        new = cases.create_case(s, actor=actor, summary="咨询医保缴费时间",
                                requester_id=case.requester_id,
                                received_at=datetime(2026, 11, 19, 10, 0))
    with db.transaction() as s, pytest.raises(DocumentDataMissing) as caught:
        docs.render_document(s, actor=actor, kind="receipt", number=new.number)
    assert caught.value.message == "无法生成《受理回执》：缺少诉求类别。请补充后再打印。"
    assert caught.value.field == "category"
    with db.read() as s:
        assert audit_rows(s) == []


def test_a_case_without_a_requester_has_no_receipt(db: Database, actor: Actor) -> None:
    with db.transaction() as s:
        number = s.scalar(select(Case.number).where(Case.requester_id.is_(None)).limit(1))
        with pytest.raises(DocumentDataMissing, match="诉求人姓名"):
            docs.render_document(s, actor=actor, kind="receipt", number=number)


@pytest.mark.parametrize(("kind", "number", "words"), [
    ("receipt", "XX01-20200101-999", "没有编号为 XX01-20200101-999 的工单"),
    ("agreement", "（2020）霞溪人调字第1号", "没有编号为 （2020）霞溪人调字第1号 的调解案件"),
])
def test_unknown_numbers(db: Database, actor: Actor, kind: str, number: str, words: str) -> None:
    with db.transaction() as s, pytest.raises(NotFoundError) as caught:
        docs.render_document(s, actor=actor, kind=kind, number=number)
    assert caught.value.message == words


def test_unknown_kind_and_ledger_by_number(db: Database, actor: Actor) -> None:
    with db.transaction() as s:
        with pytest.raises(ValidationError, match="没有“bill”这种文书"):
            docs.render_document(s, actor=actor, kind="bill", number="1")
        with pytest.raises(ValidationError, match="台账请按日期范围打印"):
            docs.render_document(s, actor=actor, kind="ledger", number="1")


# --------------------------------------------------------------------------- odds and ends


def test_same_record_same_bytes(db: Database, actor: Actor) -> None:
    with db.transaction() as s:
        number = full_mediation(s).number
        first = docs.render_document(s, actor=actor, kind="agreement", number=number)
        again = docs.render_document(s, actor=actor, kind="agreement", number=number)
    assert first == again


@pytest.mark.parametrize(("kind", "number", "name"), [
    ("receipt", "XX01-20260305-007", "receipt-XX01-20260305-007.pdf"),
    ("agreement", "（2026）霞溪人调字第3号", "agreement-（2026）霞溪人调字第3号.pdf"),
    ("visit", 'a/b\\c:d*e?"f<g>h|', "visit-a_b_c_d_e_f_g_h_.pdf"),
    ("receipt", "../..", "receipt-.._.pdf"),  # no way out of the folder
])
def test_safe_filename(kind: str, number: str, name: str) -> None:
    assert docs.safe_filename(kind, number) == name


def test_mediation_forms_are_refused_to_other_roles(db: Database) -> None:
    """Mediation records are confidential: a receptionist prints receipts, not 协议书."""
    clerk = Actor(username="jiedai", role=Role.RECEPTIONIST, station_code="XX01")
    with db.transaction() as s:
        med = full_mediation(s)
        case = receipt_case(s)
        assert docs.render_document(s, actor=clerk, kind="receipt", number=case.number)
        with pytest.raises(PermissionDenied):
            docs.render_document(s, actor=clerk, kind="agreement", number=med.number)
        printed = s.query(AuditEntry).filter_by(target_id=med.number).count()
    assert printed == 0
