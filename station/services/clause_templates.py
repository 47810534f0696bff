"""Clause templates for mediation agreements (调解协议书): data, no Qt.

A mediator picks a template for the kind of dispute and gets numbered terms to edit, with
the parties' names, the deadline and the amount already filled in. Blanks the template
cannot know stay as ``____`` so they stand out on screen and on paper.

Placeholders in the texts: ``{BLANK}``, ``{applicant}`` and ``{respondent}`` (names joined with 、),
``{deadline}`` (``2026年3月5日``), ``{amount}`` (``人民币5,000.00元（大写：人民币伍仟元整）``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from station.documents.formatting import amount_with_capitals, format_date

BLANK = "____"


@dataclass(frozen=True)
class ClauseTemplate:
    key: str
    title: str  # what the mediator picks from
    dispute_types: tuple[str, ...]  # dispute type names it is offered first for
    terms: tuple[str, ...]
    performance_method: str
    uses_amount: bool = False


TEMPLATES: tuple[ClauseTemplate, ...] = (
    ClauseTemplate(
        key="obstruction",
        title="邻里通道堆物、妨碍通行",
        dispute_types=("邻里", "物业"),
        terms=(
            "{respondent}于{deadline}前将堆放在公共通道上的杂物全部清理完毕，恢复通道畅通。",
            "今后{respondent}不再在公共通道、楼道等共用部位堆放物品，不妨碍他人通行。",
            "{applicant}对{respondent}按期清理表示认可，双方不再因此事发生争执。",
            "双方今后互谅互让，和睦相处，遇事协商解决。",
        ),
        performance_method="{respondent}自行清理，调解员到场查看清理结果。",
    ),
    ClauseTemplate(
        key="boundary",
        title="相邻地界、宅基地界址",
        dispute_types=("房屋宅基地", "山林土地", "邻里"),
        terms=(
            "双方确认以{BLANK}为界，界线以东归{applicant}使用，以西归{respondent}使用。",
            "双方于{deadline}前在村（居）委会工作人员见证下共同埋设界桩。",
            "任何一方不得越界建房、种植或堆放物品；已越界的部分由越界一方于{deadline}前自行"
            "拆除、清理。",
            "本协议履行后，双方就该地界不再提出其他主张。",
        ),
        performance_method="双方在村（居）委会工作人员见证下现场确认界址并埋设界桩。",
    ),
    ClauseTemplate(
        key="maintenance",
        title="赡养费、抚养费给付",
        dispute_types=("婚姻家庭",),
        terms=(
            "{respondent}自本协议签订之月起，每月向{applicant}支付赡养（抚养）费{BLANK}元，"
            "于每月{BLANK}日前支付。",
            "{respondent}于{deadline}前一次性支付此前拖欠的费用{amount}。",
            "{applicant}患病住院时，医疗费用中个人负担部分由赡养（抚养）义务人按{BLANK}的"
            "比例分担。",
            "双方今后互相尊重，{respondent}应常回家看望，履行赡养（抚养）义务。",
        ),
        performance_method="银行转账或现金支付，{applicant}收到后出具收条。",
        uses_amount=True,
    ),
    ClauseTemplate(
        key="compensation",
        title="损害赔偿",
        dispute_types=("损害赔偿", "邻里", "生产经营"),
        terms=(
            "{respondent}一次性赔偿{applicant}各项损失共计{amount}。",
            "上述款项于{deadline}前付清。",
            "款项付清后，{applicant}不再就此事向{respondent}主张其他任何权利。",
            "双方就此事的纠纷一次性了结。",
        ),
        performance_method="现金或银行转账一次性支付，{applicant}收到后出具收条。",
        uses_amount=True,
    ),
)


def list_templates(*, dispute_type: str = "") -> list[ClauseTemplate]:
    """Every template; those made for ``dispute_type`` (a dispute type name) first."""
    return sorted(TEMPLATES, key=lambda t: dispute_type not in t.dispute_types)


def get_template(key: str) -> ClauseTemplate:
    for template in TEMPLATES:
        if template.key == key:
            return template
    raise KeyError(key)


def _fill(
    text: str,
    *,
    applicant: str,
    respondent: str,
    deadline: date | None,
    amount_fen: int | None,
) -> str:
    amount = (
        amount_with_capitals(Decimal(amount_fen) / 100)
        if amount_fen is not None
        else f"人民币{BLANK}元"
    )
    return text.format(
        applicant=applicant or "申请人",
        respondent=respondent or "被申请人",
        deadline=format_date(deadline) if deadline else f"{BLANK}年{BLANK}月{BLANK}日",
        amount=amount,
        BLANK=BLANK,
    )


def fill_template(
    key: str,
    *,
    applicant: str = "",
    respondent: str = "",
    deadline: date | None = None,
    amount_fen: int | None = None,
) -> tuple[list[str], str]:
    """The template's terms and performance method with the case's values filled in."""
    template = get_template(key)
    values = {
        "applicant": applicant,
        "respondent": respondent,
        "deadline": deadline,
        "amount_fen": amount_fen,
    }
    terms = [_fill(t, **values) for t in template.terms]
    return terms, _fill(template.performance_method, **values)
