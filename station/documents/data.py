"""What a document needs to know, as plain frozen dataclasses.

The document layer never touches the database: whoever prints a slip (a service, the CLI, a
test) fills one of these classes and calls :func:`station.documents.render`. Values arrive
ready to print: labels instead of codes (``"来访"``, ``"邻里纠纷"``), ``date``/``datetime``
objects for dates, ``Decimal`` yuan for money. Phone and ID numbers arrive **unmasked**;
each document decides what it masks (receipts, referral slips and ledgers mask phones; ID
numbers are masked unless ``show_full_id`` is set; official mediation forms print no ID at
all).

Every field carries its Chinese label in ``metadata["label"]``, and ``metadata["required"]``
when a document cannot be printed without it, so a missing value is reported by name (see
:func:`missing_fields`). Optional parts of a mediation case (the application, records,
agreement, visits) are *sections*: a form that needs one asks for it explicitly.
"""

# The field helpers below wrap dataclasses.field (adding a label); ruff cannot tell.
# ruff: noqa: RUF009

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any


def required(label: str, *, item: str = "") -> Any:
    """A field the document cannot be printed without (no default: callers must pass it).

    ``item`` names one element of a tuple field, ``{n}`` being its 1-based position.
    """
    return field(metadata={"label": label, "required": True, "item": item})


def optional(label: str, default: Any = "", *, item: str = "") -> Any:
    return field(default=default, metadata={"label": label, "required": False, "item": item})


def section(label: str, default: Any = None, *, item: str = "") -> Any:
    """An optional part of a record that some documents need (checked only by those)."""
    return field(default=default, metadata={"label": label, "section": True, "item": item})


def _coerce(obj: object, name: str, enum: type[StrEnum]) -> None:
    """Accept an enum's plain value (``"half-a4"``) for an enum field of a frozen dataclass."""
    value = getattr(obj, name)
    if isinstance(value, tuple):
        object.__setattr__(obj, name, tuple(enum(v) for v in value))
    elif not isinstance(value, enum):
        object.__setattr__(obj, name, enum(value))


# ----------------------------------------------------------------------------- work orders


class ReceiptPaper(StrEnum):
    """How a receipt is printed (a station setting)."""

    A5 = "a5"
    HALF_A4 = "half-a4"  # two copies on one A4 sheet, 交诉求人 and 存根, with a cut line


@dataclass(frozen=True, kw_only=True)
class ReceiptData:
    """受理回执: handed to the resident at the counter."""

    station_name: str = required("驿站名称")
    station_phone: str = optional("驿站电话")
    case_number: str = required("工单编号")
    received_at: datetime = required("受理时间")
    channel: str = required("受理渠道")
    requester_name: str = required("诉求人姓名")
    requester_phone: str = optional("联系电话")  # unmasked; printed as 138****8000
    category: str = required("诉求类别")
    summary: str = required("诉求摘要")
    location: str = optional("事发地点")
    receptionist: str = optional("受理人")
    reply_due: date | None = optional("预计答复日期", None)
    next_steps: str = optional("后续办理说明")  # empty: a standard sentence from reply_due
    paper: ReceiptPaper = optional("纸张", ReceiptPaper.A5)

    def __post_init__(self) -> None:
        _coerce(self, "paper", ReceiptPaper)

    @property
    def document_date(self) -> datetime:
        return self.received_at


class ReferralKind(StrEnum):
    ASSIGN = "assign"  # 交办单: the town center assigns a case to a department or community
    TRANSFER = "transfer"  # 转办单: passed on to a body outside the normal route

    @property
    def title(self) -> str:
        return "交办单" if self is ReferralKind.ASSIGN else "转办单"


@dataclass(frozen=True, kw_only=True)
class ReferralData:
    """交办单 / 转办单: sent with a case to the department or community that handles it."""

    kind: ReferralKind = optional("单据类型", ReferralKind.ASSIGN)
    slip_number: str = optional("交办单号")  # empty: the case number
    case_number: str = required("工单编号")
    issuer: str = required("交办单位")
    recipient: str = required("承办单位")
    referred_at: datetime = required("交办时间")
    deadline: date = required("办理时限")
    received_at: datetime = required("受理时间")
    channel: str = required("受理渠道")
    requester_name: str = required("诉求人姓名")
    requester_phone: str = optional("联系电话")  # unmasked; printed masked
    requester_id_number: str = optional("身份证号码")  # unmasked; masked unless show_full_id
    requester_address: str = optional("联系地址")
    category: str = required("诉求类别")
    urgency: str = optional("紧急程度")
    location: str = optional("事发地点")
    summary: str = required("诉求摘要")
    description: str = optional("诉求详情")
    requested_action: str = required("办理要求")
    contact_name: str = optional("交办联系人")
    contact_phone: str = optional("交办联系电话")  # an office number: printed in full
    notes: str = optional("备注")
    show_full_id: bool = optional("显示完整身份证号码", False)  # the caller audits this choice

    def __post_init__(self) -> None:
        _coerce(self, "kind", ReferralKind)

    @property
    def document_date(self) -> datetime:
        return self.referred_at


# ------------------------------------------------------------------------------- mediation


class MediationSource(StrEnum):
    APPLICATION = "application"
    INITIATIVE = "initiative"
    REFERRAL = "referral"

    @property
    def label(self) -> str:
        return {"application": "当事人申请", "initiative": "主动调解", "referral": "委托移送"}[
            self.value
        ]


class PartyRole(StrEnum):
    APPLICANT = "applicant"
    RESPONDENT = "respondent"

    @property
    def label(self) -> str:
        return "申请人" if self is PartyRole.APPLICANT else "被申请人"


@dataclass(frozen=True, kw_only=True)
class PartyData:
    """A party to a mediation (当事人). Official forms carry no ID number, so there is none."""

    name: str = required("姓名")
    role: PartyRole = optional("当事人类别", PartyRole.APPLICANT)
    gender: str = optional("性别")
    ethnicity: str = optional("民族")
    age: str = optional("年龄")
    occupation: str = optional("职业或职务")
    phone: str = optional("联系方式")  # unmasked; masked only with MediationFormData.mask_phones
    address: str = optional("单位或住址")
    agent: str = optional("委托代理人")
    agent_title: str = optional("代理人类别", "委托代理人")  # or 法定代理人

    def __post_init__(self) -> None:
        _coerce(self, "role", PartyRole)


@dataclass(frozen=True, kw_only=True)
class ApplicationData:
    """人民调解申请书."""

    applied_on: date = required("申请日期")
    requests: tuple[str, ...] = required("当事人申请事项", item="第{n}项申请事项")
    statement: str = optional("纠纷简要情况")  # empty: the case's facts


@dataclass(frozen=True, kw_only=True)
class InvestigationData:
    """人民调解调查记录. Lines of ``body`` starting 问： / 答： print as questions and answers."""

    held_at: datetime = required("调查时间")
    place: str = required("调查地点")
    subject: str = required("被调查人")
    body: str = required("调查记录内容")
    participants: str = optional("参加人")
    investigators: tuple[str, ...] = optional("调查人", ())  # empty: the case's mediators
    recorder: str = optional("记录人")  # empty: the case's recorder


@dataclass(frozen=True, kw_only=True)
class SessionData:
    """人民调解记录 (one mediation session)."""

    held_at: datetime = required("调解时间")
    place: str = required("调解地点")
    body: str = required("调解记录内容")
    cause: str = optional("事由")  # empty: the case title
    parties_present: tuple[str, ...] = optional("到场当事人", ())  # empty: every party
    participants: str = optional("参加人")
    mediators: tuple[str, ...] = optional("人民调解员", ())  # empty: the case's mediators
    recorder: str = optional("记录人")
    result: str = optional("调解结果")  # empty: ruled lines to write on


@dataclass(frozen=True, kw_only=True)
class AgreementTerm:
    """One numbered term; ``amount`` (yuan) prints also in capitals after the text."""

    text: str = required("内容")
    amount: Decimal | None = optional("金额", None)


@dataclass(frozen=True, kw_only=True)
class AgreementData:
    """人民调解协议书."""

    facts_and_issues: str = required("纠纷主要事实、争议事项")
    terms: tuple[AgreementTerm, ...] = required("协议内容", item="第{n}条协议内容")
    performance: str = required("履行方式、时限")
    signed_on: date = required("签订日期")
    number: str = optional("协议编号")  # empty: the case number
    amount: Decimal | None = optional("协议金额", None)  # total money involved, if any
    copies: int | None = optional("份数", None)  # empty: one per party plus one for the committee


@dataclass(frozen=True, kw_only=True)
class OralAgreementData:
    """人民调解口头协议登记表 (人民调解法 第二十八条)."""

    agreed_on: date = required("达成协议日期")
    content: str = required("口头协议内容")
    performance: str = optional("履行方式、时限")
    number: str = optional("协议编号")  # empty: the case number


@dataclass(frozen=True, kw_only=True)
class VisitData:
    """人民调解回访记录."""

    visited_on: date = required("回访日期")
    visitor: str = required("回访人")
    notes: str = required("回访情况")
    interviewees: tuple[str, ...] = optional("受访当事人", ())  # empty: every party
    cause: str = optional("回访事由")  # empty: the case title
    performance_status: str = optional("协议履行情况")  # e.g. "已履行"


@dataclass(frozen=True, kw_only=True)
class MediationFormData:
    """A mediation case with everything its official forms print.

    One object serves every form: ``render("agreement", data)`` prints the agreement,
    ``render("investigation", data)`` every investigation record (pass a copy with one record
    to print one), and the case file all of them.
    """

    committee: str = required("人民调解委员会")  # full name, e.g. 城东社区人民调解委员会
    case_number: str = required("案件编号")  # （2026）城东人调字第12号
    parties: tuple[PartyData, ...] = required("当事人", item="第{n}位当事人")
    mediators: tuple[str, ...] = required("人民调解员")
    dispute_type: str = optional("纠纷类型")
    source: MediationSource = optional("案件来源", MediationSource.APPLICATION)
    referring_body: str = optional("移送单位")
    accepted_on: date | None = optional("受理日期", None)
    facts: str = optional("纠纷简要情况")
    case_title: str = optional("纠纷名称")  # empty: 「甲、乙之间的邻里纠纷」
    recorder: str = optional("记录人")
    notice_given_on: date | None = optional("告知日期", None)  # empty: the acceptance date
    mask_phones: bool = optional("隐藏联系电话", False)
    application: ApplicationData | None = section("人民调解申请书")
    investigations: tuple[InvestigationData, ...] = section(
        "人民调解调查记录", (), item="第{n}份调查记录"
    )
    sessions: tuple[SessionData, ...] = section("人民调解记录", (), item="第{n}份调解记录")
    agreement: AgreementData | None = section("人民调解协议书")
    oral_agreement: OralAgreementData | None = section("口头协议")
    visits: tuple[VisitData, ...] = section("人民调解回访记录", (), item="第{n}份回访记录")

    def __post_init__(self) -> None:
        _coerce(self, "source", MediationSource)

    @property
    def title(self) -> str:
        """The dispute's name: ``case_title`` or one built from the parties and type."""
        if self.case_title.strip():
            return self.case_title.strip()
        names = "、".join(p.name for p in self.parties)
        kind = self.dispute_type.strip() or "纠纷"
        if not kind.endswith("纠纷"):
            kind += "纠纷"
        return f"{names}之间的{kind}"

    @property
    def party_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parties)


class CaseFileItem(StrEnum):
    """What a case file (卷宗) may contain, in its default order."""

    APPLICATION = "application"
    REGISTRATION = "registration"
    NOTICE = "notice"
    INVESTIGATION = "investigation"
    RECORD = "record"
    AGREEMENT = "agreement"
    ORAL_AGREEMENT = "oral-agreement"
    VISIT = "visit"


@dataclass(frozen=True, kw_only=True)
class CaseFileData:
    """人民调解卷宗: cover, contents, the forms in ``order`` and the back cover, as one PDF.

    A form whose section is absent (no agreement after a failed mediation, no visits) is left
    out; the contents page lists what is in the file with its page numbers.
    """

    mediation: MediationFormData = required("调解案件")
    filed_by: str = required("立卷人")
    filed_on: date = required("立卷日期")
    retention: str = optional("保管期限", "长期")
    volume_name: str = optional("卷名")  # empty: the dispute's name
    volume_number: str = optional("卷号")  # empty: the case number
    mediation_from: date | None = optional("调解开始日期", None)  # empty: the acceptance date
    mediation_to: date | None = optional("调解结束日期", None)
    checked_by: str = optional("检查人")
    notes: str = optional("备注")
    order: tuple[CaseFileItem, ...] = optional("卷内文书顺序", tuple(CaseFileItem))

    def __post_init__(self) -> None:
        _coerce(self, "order", CaseFileItem)

    @property
    def document_date(self) -> datetime:
        return datetime.combine(self.filed_on, datetime.min.time())


# ---------------------------------------------------------------------------------- ledger


class LedgerKind(StrEnum):
    CASES = "cases"
    MEDIATIONS = "mediations"


@dataclass(frozen=True, kw_only=True)
class CaseLedgerRow:
    number: str = required("工单编号")
    received_at: datetime = required("受理时间")
    channel: str = optional("渠道")
    requester_name: str = optional("诉求人")
    requester_phone: str = optional("联系电话")  # unmasked; printed masked
    category: str = optional("类别")
    summary: str = optional("诉求摘要")
    handler: str = optional("承办单位")
    deadline: date | None = optional("办理时限", None)
    status: str = required("状态")
    rating: str = optional("评价")


@dataclass(frozen=True, kw_only=True)
class MediationLedgerRow:
    number: str = required("案件编号")
    accepted_on: date = required("受理日期")
    parties: tuple[str, ...] = optional("当事人", ())
    dispute_type: str = optional("纠纷类型")
    source: str = optional("来源")
    mediators: tuple[str, ...] = optional("调解员", ())
    status: str = required("调解结果")
    agreement_form: str = optional("协议形式")
    amount: Decimal | None = optional("协议金额", None)
    performance: str = optional("履行情况")
    closed_on: date | None = optional("结案日期", None)


@dataclass(frozen=True, kw_only=True)
class LedgerData:
    """台账: a landscape table of cases or mediation cases for a period."""

    kind: LedgerKind = required("台账类型")
    unit: str = required("编制单位")
    date_from: date = required("起始日期")
    date_to: date = required("截止日期")
    generated_at: datetime = required("制表时间")
    rows: tuple[CaseLedgerRow, ...] | tuple[MediationLedgerRow, ...] = optional(
        "台账条目", (), item="第{n}行"
    )
    filters: str = optional("筛选条件")  # e.g. "社区：城东社区；状态：已办结"
    prepared_by: str = optional("制表人")
    title: str = optional("标题")  # empty: 工单台账 / 人民调解案件台账

    def __post_init__(self) -> None:
        _coerce(self, "kind", LedgerKind)

    @property
    def document_date(self) -> datetime:
        return self.generated_at


# ------------------------------------------------------------------------------ validation


@dataclass(frozen=True)
class Missing:
    """One missing value: ``path`` for programs (``parties[2].name``), ``label`` for people."""

    path: str
    label: str


def _is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, tuple | list):
        return len(value) == 0 or all(isinstance(v, str) and not v.strip() for v in value)
    return False


def missing_fields(
    obj: object, *, names: tuple[str, ...] = (), path: str = "", label: str = ""
) -> list[Missing]:
    """Every required value left empty in ``obj`` and the dataclasses inside it.

    ``names`` adds fields of ``obj`` that the calling document needs although they are
    optional in general (e.g. the agreement section for the agreement form); sections are
    only checked when named. Empty means ``None``, a blank string or an empty tuple.
    """
    found: list[Missing] = []
    for f in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        meta = f.metadata
        is_section = meta.get("section", False)
        needed = meta.get("required", False) or f.name in names
        own_path = f"{path}{f.name}"
        own_label = f"{label}{meta.get('label', f.name)}"
        if needed and _is_empty(value):
            found.append(Missing(own_path, own_label))
            continue
        if is_section and f.name not in names:
            continue
        for index, item in _items(value):
            item_label = meta.get("item", "")
            if index is None:
                prefix_label = f"{own_label}的"
                prefix_path = f"{own_path}."
            else:
                prefix_label = (
                    item_label.format(n=index + 1) if item_label else f"{own_label}第{index + 1}项"
                ) + "的"
                prefix_path = f"{own_path}[{index}]."
            found.extend(missing_fields(item, path=prefix_path, label=prefix_label))
    return found


def _items(value: object) -> Iterator[tuple[int | None, object]]:
    if is_dataclass(value) and not isinstance(value, type):
        yield None, value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            if is_dataclass(item) and not isinstance(item, type):
                yield index, item


__all__ = [
    "AgreementData",
    "AgreementTerm",
    "ApplicationData",
    "CaseFileData",
    "CaseFileItem",
    "CaseLedgerRow",
    "InvestigationData",
    "LedgerData",
    "LedgerKind",
    "MediationFormData",
    "MediationLedgerRow",
    "MediationSource",
    "Missing",
    "OralAgreementData",
    "PartyData",
    "PartyRole",
    "ReceiptData",
    "ReceiptPaper",
    "ReferralData",
    "ReferralKind",
    "SessionData",
    "VisitData",
    "missing_fields",
]
