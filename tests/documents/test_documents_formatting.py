"""Masks, money in capitals, dates and Chinese line breaking."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from station.documents import formatting as fmt
from station.documents import linebreak
from station.documents.toolkit import SONG, register_fonts


@pytest.mark.parametrize(
    ("phone", "shown"),
    [
        ("13800138000", "138****8000"),
        ("138 0013 8000", "138****8000"),
        ("+8613800138000", "138****8000"),
        ("0591-83001234", "059*****1234"),
        ("12345", "*****"),
        ("", ""),
    ],
)
def test_mask_phone(phone: str, shown: str) -> None:
    assert fmt.mask_phone(phone) == shown


@pytest.mark.parametrize(
    ("id_number", "shown"),
    [
        ("35010219900307123X", "350***********123X"),
        ("35010219900307123x", "350***********123X"),
        ("350102900307123", "350********7123"),  # old 15-digit numbers
        ("", ""),
    ],
)
def test_mask_id_number(id_number: str, shown: str) -> None:
    assert fmt.mask_id_number(id_number) == shown


def test_full_id_only_when_chosen() -> None:
    assert fmt.shown_id_number("35010219900307123x", show_full=True) == "35010219900307123X"
    assert fmt.shown_id_number("35010219900307123X", show_full=False) == "350***********123X"


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("5000", "人民币伍仟元整"),
        ("460", "人民币肆佰陆拾元整"),
        ("10005.05", "人民币壹万零伍元零伍分"),
        ("1200000", "人民币壹佰贰拾万元整"),
        ("5000.50", "人民币伍仟元伍角整"),  # 角 closes with 整, 分 does not
        ("0.05", "人民币伍分"),
        ("98765.43", "人民币玖万捌仟柒佰陆拾伍元肆角叁分"),
        ("0", "人民币零元整"),
        ("12.345", "人民币壹拾贰元叁角伍分"),  # rounded half up to the fen
    ],
)
def test_amount_in_capitals(amount: str, words: str) -> None:
    assert fmt.amount_in_capitals(Decimal(amount)) == words


def test_amount_with_capitals() -> None:
    assert fmt.amount_with_capitals(Decimal("5000")) == "人民币5,000.00元（大写：人民币伍仟元整）"


def test_negative_amount_is_refused() -> None:
    with pytest.raises(ValueError):
        fmt.amount_in_capitals(Decimal("-1"))


def test_dates() -> None:
    assert fmt.format_date(date(2026, 3, 5)) == "2026年3月5日"
    assert fmt.format_datetime(datetime(2026, 3, 5, 9, 30)) == "2026年3月5日 09:30"
    assert fmt.format_date(None) == fmt.BLANK_DATE
    assert fmt.format_short_date(date(2026, 3, 5)) == "2026-03-05"
    assert fmt.format_period(date(2026, 3, 5), None).startswith("2026年3月5日至")


def test_party_sides_and_ordinals() -> None:
    assert [fmt.party_side_label(i) for i in (0, 1, 9, 10, 11)] == [
        "甲方", "乙方", "癸方", "第十一方", "第十二方"]
    assert [fmt.chinese_ordinal(n) for n in (1, 10, 12, 40)] == ["一", "十", "十二", "四十"]


def _lines(text: str, width: float) -> list[str]:
    register_fonts()
    widths = [stringWidth(ch, SONG, 12) for ch in text]
    ends = linebreak.line_ends(text, widths, [width])
    starts = [0, *ends[:-1]]
    return [text[a:b] for a, b in zip(starts, ends, strict=True)]


@pytest.mark.parametrize("width", [100 + 7 * k for k in range(40)])
def test_no_line_starts_with_closing_punctuation(width: float) -> None:
    text = ("乙方于2026年3月15日前一次性支付甲方之父医疗费，金额人民币1,264.50元（大写：人民币壹仟"
            "贰佰陆拾肆元伍角整）。双方今后共同维护通道整洁畅通，互谅互让，和睦相处。“好的。”")
    lines = _lines(text, width)
    assert "".join(lines) == text  # nothing lost or repeated
    for line in lines[1:]:
        assert line[0] not in linebreak.CANNOT_START, lines
    for line in lines[:-1]:
        assert line[-1] not in linebreak.CANNOT_END, lines


def test_numbers_are_not_split_when_they_fit() -> None:
    text = "请拨打联系电话13800138000咨询办理进度"
    for width in range(80, 260, 5):
        lines = _lines(text, width)
        assert any("13800138000" in line for line in lines), lines


def test_line_breaking_always_progresses() -> None:
    text = "A" * 50 + "，" * 5
    lines = _lines(text, 10)  # narrower than one character
    assert "".join(lines) == text
