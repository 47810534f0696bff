"""A document whose required data is missing is refused, naming what is missing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from station.documents import DocumentDataMissing, render
from station.documents import samples as s
from station.documents import toolkit as tk
from station.documents.data import AgreementTerm, PartyData, PartyRole
from station.errors import ValidationError


@pytest.fixture
def no_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refusal happens before any layout: building a PDF here would be a bug."""

    def forbidden(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a PDF was built although data is missing")

    monkeypatch.setattr(tk, "build_pdf", forbidden)


CASES = [
    # (kind, data, field path, words the message must contain)
    ("receipt", replace(s.sample_receipt(), case_number=""), "case_number", "工单编号"),
    ("receipt", replace(s.sample_receipt(), summary="  "), "summary", "诉求摘要"),
    ("referral", replace(s.sample_referral(), requested_action=""), "requested_action",
     "办理要求"),
    ("application", replace(s.sample_mediation(), application=None), "application",
     "人民调解申请书"),
    ("application", replace(s.sample_mediation(), application=replace(
        s.sample_mediation().application, requests=())), "application.requests",
     "当事人申请事项"),
    ("registration", replace(s.sample_mediation(), facts=""), "facts", "纠纷简要情况"),
    ("registration", replace(s.sample_mediation(), dispute_type=""), "dispute_type",
     "纠纷类型"),
    ("notice", replace(s.sample_mediation(), parties=()), "parties", "当事人"),
    ("notice", replace(s.sample_mediation(), parties=(
        s.sample_mediation().parties[0], PartyData(name=" ", role=PartyRole.RESPONDENT))),
     "parties[1].name", "第2位当事人的姓名"),
    ("investigation", replace(s.sample_mediation(), investigations=()), "investigations",
     "人民调解调查记录"),
    ("record", replace(s.sample_mediation(), sessions=(
        replace(s.sample_mediation().sessions[0], body=""),)), "sessions[0].body",
     "第1份调解记录的调解记录内容"),
    ("agreement", replace(s.sample_mediation(), agreement=None), "agreement", "人民调解协议书"),
    ("agreement", replace(s.sample_mediation(), agreement=replace(
        s.sample_mediation().agreement, terms=(AgreementTerm(text="一"), AgreementTerm(text=""))
    )), "agreement.terms[1].text", "第2条协议内容的内容"),
    ("oral-agreement", s.sample_mediation(), "oral_agreement", "口头协议"),
    ("visit", replace(s.sample_mediation(), visits=()), "visits", "人民调解回访记录"),
    ("case-file", replace(s.sample_case_file(), filed_by=""), "filed_by", "立卷人"),
    ("case-file", s.sample_case_file(replace(s.sample_mediation(), facts="")), "facts",
     "人民调解受理登记表"),
    ("ledger", replace(s.sample_case_ledger(), unit=""), "unit", "编制单位"),
    ("ledger", replace(s.sample_case_ledger(), rows=(
        replace(s.sample_case_ledger().rows[0], status=""),)), "rows[0].status", "第1行的状态"),
]


@pytest.mark.usefixtures("no_layout")
@pytest.mark.parametrize(("kind", "data", "path", "words"), CASES,
                         ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_missing_data_is_named(kind: str, data: object, path: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        render(kind, data)
    error = caught.value
    assert isinstance(error, DocumentDataMissing)
    assert error.code == "document_data_missing"
    assert error.field == path
    assert words in error.message
    assert error.to_dict()["field"] == path


@pytest.mark.usefixtures("no_layout")
def test_every_missing_value_is_named_at_once() -> None:
    data = replace(s.sample_receipt(), case_number="", requester_name="", category="")
    with pytest.raises(DocumentDataMissing) as caught:
        render("receipt", data)
    assert [m.path for m in caught.value.missing] == ["case_number", "requester_name",
                                                      "category"]
    assert "工单编号、诉求人姓名、诉求类别" in caught.value.message


@pytest.mark.usefixtures("no_layout")
def test_application_needs_an_applicant() -> None:
    mediation = s.sample_mediation()
    respondents = tuple(replace(p, role=PartyRole.RESPONDENT) for p in mediation.parties)
    with pytest.raises(DocumentDataMissing, match="申请人"):
        render("application", replace(mediation, parties=respondents))


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        render("certificate", s.sample_receipt())
    assert caught.value.code == "unknown_document"
    assert "receipt" in caught.value.message


def test_enum_fields_accept_their_plain_values() -> None:
    from station.documents.data import LedgerKind, ReceiptPaper, ReferralKind

    assert replace(s.sample_receipt(), paper="half-a4").paper is ReceiptPaper.HALF_A4
    assert replace(s.sample_referral(), kind="transfer").kind is ReferralKind.TRANSFER
    assert PartyData(name="王䶮", role="respondent").role is PartyRole.RESPONDENT
    assert replace(s.sample_case_ledger(), kind="cases").kind is LedgerKind.CASES
    with pytest.raises(ValueError):
        replace(s.sample_receipt(), paper="a3")


def test_wrong_data_type_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        render("receipt", s.sample_referral())


def test_optional_values_may_be_empty(inspect_pdf) -> None:
    """A blank optional value prints as a blank to fill by hand, not as an error."""
    receipt = replace(s.sample_receipt(), requester_phone="", location="", receptionist="",
                      reply_due=None, station_phone="")
    assert inspect_pdf(render("receipt", receipt)).contains("按规定时限")
    mediation = replace(s.sample_mediation(), accepted_on=None, notice_given_on=None,
                        recorder="", case_title="")
    notice = inspect_pdf(render("notice", mediation, created=None))
    assert notice.contains("年月日")  # the blank date line
    session = replace(mediation.sessions[0], result="")
    record = inspect_pdf(render("record", replace(mediation, sessions=(session,))))
    assert record.contains("调解结果：")
    visit = replace(mediation.visits[0], performance_status="", cause="")
    assert inspect_pdf(render("visit", replace(mediation, visits=(visit,)))).contains(
        "王䶮、李喆之间的邻里纠纷")
