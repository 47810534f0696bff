"""Validation rules for IDs, phones and credit codes, with public test vectors.

``11010519491231002X`` and ``440524188001010014`` are the examples printed in GB 11643;
``91110000600037341L`` is python-stdnum's documented USCC example. Vectors that need a
particular region or date get their check digit from stdnum, never from a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from station.domain.validation import (
    EARLIEST_BIRTH_DATE,
    Checked,
    birth_date_from_id,
    check_credit_code,
    check_landline,
    check_mobile,
    check_phone,
    check_resident_id,
    gender_from_id,
    mask_id,
    mask_phone,
    normalize_digits,
)
from station.errors import ValidationError

CHINESE = re.compile(r"[\u4e00-\u9fff]")
VALID_ID = "11010519491231002X"


def with_check_digit(first17: str) -> str:
    """A full ID number; stdnum's calc_check_digit expects a placeholder check character."""
    return first17 + ric.calc_check_digit(first17 + "0")


def to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def assert_error(info: pytest.ExceptionInfo[ValidationError], *, code: str, field: str) -> None:
    assert info.value.code == code
    assert info.value.field == field
    assert CHINESE.search(info.value.message), info.value.message


# --- normalisation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("１１０１０５", "110105"),
        ("ａｂｃＸｘ", "abcXx"),
        (" 138 0013\u30008000 ", "13800138000"),
        ("138-0013－8000", "13800138000"),
        ("138–0013—8000", "13800138000"),
        ("", ""),
    ],
)
def test_normalize_digits(text: str, expected: str) -> None:
    assert normalize_digits(text) == expected


# --- resident ID -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "11010519491231002X",
        "11010519491231002x",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
        " 110105 19491231 002X ",
        "110105-19491231-002x",
    ],
)
def test_resident_id_valid_forms_normalise(text: str) -> None:
    assert check_resident_id(text) == Checked(VALID_ID, ())


def test_the_standards_1880_example_is_valid() -> None:
    """GB 11643 prints 440524188001010014 as a valid number; the issue lists it too."""
    assert check_resident_id("440524188001010014").value == "440524188001010014"
    assert birth_date_from_id("440524188001010014") == date(1880, 1, 1)


def test_resident_id_known_region_outside_its_years_is_not_warned() -> None:
    # stdnum rejects 350102 (鼓楼区, in its table from 1983) for someone born in 1920; the
    # card was issued long after birth, so this is normal and must not warn.
    number = with_check_digit("35010219200101001")
    assert not ric.is_valid(number)
    assert check_resident_id(number) == Checked(number, ())


@pytest.mark.parametrize(
    "first17",
    [
        "99010519491231002",  # no such province: stdnum raises InvalidComponent
        "11999919491231002",  # known province, unknown county: stdnum raises KeyError
    ],
)
def test_resident_id_unknown_region_is_a_warning(first17: str) -> None:
    number = with_check_digit(first17)
    checked = check_resident_id(number)
    assert checked.value == number
    assert len(checked.warnings) == 1
    assert number[:6] in checked.warnings[0]
    assert CHINESE.search(checked.warnings[0])


@pytest.mark.parametrize("field", ["id_number", "agent_id_number"])
@pytest.mark.parametrize(
    ("text", "code", "in_message"),
    [
        ("", "required", "身份证号"),
        ("  \u3000-", "required", "身份证号"),
        ("11010519491231002", "id_wrong_length", "17位"),
        ("11010519491231002X1", "id_wrong_length", "19位"),
        ("110105491231002", "id_wrong_length", "15位"),
        ("11010519491231A02X", "id_bad_format", "数字"),
        ("11010519491231002A", "id_bad_format", "X"),
        ("11010519491231002Ｘ0", "id_wrong_length", "19位"),
        ("110105194912310021", "id_bad_checksum", "核对"),
        ("110105194902310026", "id_bad_birth_date", "1949年2月31日"),
    ],
)
def test_resident_id_invalid(text: str, code: str, in_message: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_resident_id(text, field=field)
    assert_error(info, code=code, field=field)
    assert in_message in info.value.message


def test_vectors_for_date_errors_have_valid_check_digits() -> None:
    # So the tests above fail for the date, not for a checksum we got wrong.
    for number in ("110105194902310026",):
        assert ric.calc_check_digit(number) == number[-1]


@pytest.mark.parametrize(
    "first17",
    [
        "11010520990101001",  # far future
        "110105" + f"{date.today() + timedelta(days=1):%Y%m%d}" + "001",  # tomorrow
        "11010518491231001",  # the day before the earliest accepted date
        "99010519490231002",  # unknown region does not excuse a bad date
    ],
)
def test_resident_id_bad_birth_dates(first17: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_resident_id(with_check_digit(first17))
    assert_error(info, code="id_bad_birth_date", field="id_number")


def test_resident_id_unknown_region_does_not_excuse_bad_checksum() -> None:
    number = with_check_digit("99010519491231002")
    wrong = number[:-1] + ("1" if number[-1] != "1" else "2")
    with pytest.raises(ValidationError) as info:
        check_resident_id(wrong)
    assert_error(info, code="id_bad_checksum", field="id_number")


def test_earliest_birth_date_itself_is_accepted() -> None:
    number = with_check_digit(f"110105{EARLIEST_BIRTH_DATE:%Y%m%d}001")
    assert birth_date_from_id(number) == EARLIEST_BIRTH_DATE


@pytest.mark.parametrize(
    ("text", "born", "gender"),
    [
        ("11010519491231002X", date(1949, 12, 31), "女"),
        ("１１０１０５１９４９１２３１００２ｘ", date(1949, 12, 31), "女"),
        (with_check_digit("35010219800101001"), date(1980, 1, 1), "男"),
    ],
)
def test_birth_date_and_gender_from_id(text: str, born: date, gender: str) -> None:
    assert birth_date_from_id(text) == born
    assert gender_from_id(text) == gender


@pytest.mark.parametrize("function", [birth_date_from_id, gender_from_id])
def test_birth_date_and_gender_reject_invalid_ids(function: Callable[[str], object]) -> None:
    with pytest.raises(ValidationError) as info:
        function("110105194912310021")
    assert_error(info, code="id_bad_checksum", field="id_number")


@settings(database=None)
@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=date.today()),
    sequence=st.integers(min_value=0, max_value=999),
)
def test_generated_ids_are_accepted_and_keep_their_date(born: date, sequence: int) -> None:
    number = with_check_digit(f"350102{born:%Y%m%d}{sequence:03d}")
    assert check_resident_id(number) == Checked(number, ())
    assert check_resident_id(to_full_width(number.lower())).value == number
    assert birth_date_from_id(number) == born
    assert gender_from_id(number) == ("男" if sequence % 2 else "女")
    assert mask_id(number) == number[:3] + "*" * 11 + number[-4:]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("35010219800101123X", "350***********123X"),
        ("11010519491231002x", "110***********002X"),
        ("１１０１０５１９４９１２３１００２Ｘ", "110***********002X"),
        ("110105491231002", "110********1002"),
        ("1234567", "*******"),
        ("", ""),
    ],
)
def test_mask_id(text: str, masked: str) -> None:
    assert mask_id(text) == masked


# --- phones ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "13800138000",
        "+86 138 0013 8000",
        "+8613800138000",
        "0086-138-0013-8000",
        "86 138 0013 8000",
        "８６１３８００１３８０００",
        "１３８００１３８０００",
        "138-0013-8000",
    ],
)
def test_mobile_valid(text: str) -> None:
    assert check_mobile(text) == Checked("13800138000", ())
    assert check_phone(text) == Checked("13800138000", ())


@pytest.mark.parametrize("number", ["13012345678", "15912345678", "19912345678"])
def test_mobile_valid_prefixes(number: str) -> None:
    assert check_mobile(number).value == number


@pytest.mark.parametrize("field", ["phone", "agent_phone"])
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "required"),
        (" - ", "required"),
        ("12800138000", "mobile_bad_prefix"),
        ("10800138000", "mobile_bad_prefix"),
        ("1380013800", "mobile_wrong_length"),
        ("138001380001", "mobile_wrong_length"),
        ("+86 138 0013 800", "mobile_wrong_length"),
        ("1380013800O", "mobile_bad_format"),
        ("138００１３８00a", "mobile_bad_format"),
        ("+1 202 555 0123", "mobile_bad_format"),
    ],
)
def test_mobile_invalid(text: str, code: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_mobile(text, field=field)
    assert_error(info, code=code, field=field)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0591-87654321", "0591-87654321"),
        ("(0591)87654321", "0591-87654321"),
        ("（0591）87654321", "0591-87654321"),
        ("(0591) 8765 4321", "0591-87654321"),
        ("059187654321", "0591-87654321"),
        ("０５９１－８７６５４３２１", "0591-87654321"),
        ("0591 8765 4321", "0591-87654321"),
        ("0591-8765432", "0591-8765432"),  # 7-digit numbers still exist
        ("05918765432", "0591-8765432"),
        ("010-62345678", "010-62345678"),
        ("01062345678", "010-62345678"),
        ("020 8765 4321", "020-87654321"),
        ("029-8765432", "029-8765432"),
        ("+86 591 8765 4321", "0591-87654321"),
        ("0086 10 6234 5678", "010-62345678"),
        ("+86 10 6234 5678", "010-62345678"),  # Beijing, not a mobile starting 10
        ("0591-87654321转123", "0591-87654321转123"),
        ("0591-87654321 分机 8", "0591-87654321转8"),
        ("0591-87654321 ext. 8", "0591-87654321转8"),
        ("0591-87654321-123", "0591-87654321转123"),
        ("(0591)87654321#123", "0591-87654321转123"),
    ],
)
def test_landline_valid(text: str, expected: str) -> None:
    assert check_landline(text) == Checked(expected, ())
    assert check_phone(text) == Checked(expected, ())


@pytest.mark.parametrize("field", ["phone", "office_phone"])
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "required"),
        ("87654321", "landline_missing_area_code"),
        ("8765432", "landline_missing_area_code"),
        ("0591-876543", "landline_bad_format"),  # 6 digits
        ("0591-876543210", "landline_bad_format"),  # 9 digits
        ("0591-07654321", "landline_bad_format"),  # numbers do not start with 0
        ("0591-17654321", "landline_bad_format"),  # nor with 1
        ("011-62345678", "landline_bad_format"),  # 010 is the only 01x area code
        ("0059187654321", "landline_bad_format"),
        ("0591-8765432a", "landline_bad_format"),
        ("13800138000", "landline_bad_format"),
    ],
)
def test_landline_invalid(text: str, code: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_landline(text, field=field)
    assert_error(info, code=code, field=field)


@pytest.mark.parametrize("field", ["phone", "contact_phone"])
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "required"),
        ("12800138000", "mobile_bad_prefix"),
        ("138 0013 800", "mobile_wrong_length"),
        ("+86 128 0013 8000", "mobile_bad_prefix"),
        ("87654321", "landline_missing_area_code"),
        ("0591-876543", "landline_bad_format"),
        ("电话", "landline_bad_format"),
    ],
)
def test_phone_invalid(text: str, code: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_phone(text, field=field)
    assert_error(info, code=code, field=field)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("13800138000", "138****8000"),
        ("+86 138 0013 8000", "138****8000"),
        ("８６１３８００１３８０００", "138****8000"),
        ("0591-87654321", "0591-****4321"),
        ("(0591)87654321转123", "0591-****4321"),
        ("010-62345678", "010-****5678"),
        ("0591-8765432", "0591-*****32"),
        ("87654321", "******21"),
        ("1234", "****"),
        ("", ""),
    ],
)
def test_mask_phone(text: str, masked: str) -> None:
    assert mask_phone(text) == masked


# --- credit codes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["91110000600037341L", "9111 0000 6000 3734 1l", "９１１１００００６０００３７３４１Ｌ"],
)
def test_credit_code_valid(text: str) -> None:
    assert check_credit_code(text) == Checked("91110000600037341L", ())


@pytest.mark.parametrize(
    ("text", "value", "in_warning"),
    [
        ("91110000600037341M", "91110000600037341M", "校验位"),
        ("12345", "12345", "5位"),
        ("A1110000600037341L", "A1110000600037341L", "前8位"),
        ("9111000060003734IL", "9111000060003734IL", "前8位"),
    ],
)
def test_credit_code_problems_only_warn(text: str, value: str, in_warning: str) -> None:
    checked = check_credit_code(text)
    assert checked.value == value
    assert len(checked.warnings) == 1
    assert in_warning in checked.warnings[0]
    assert CHINESE.search(checked.warnings[0])


@pytest.mark.parametrize("field", ["credit_code", "org_credit_code"])
def test_credit_code_required(field: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_credit_code("  ", field=field)
    assert_error(info, code="required", field=field)
