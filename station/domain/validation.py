"""Checks for what people type at the counter: resident ID numbers, phones, credit codes.

Every ``check_*`` function either returns a :class:`Checked` (the normalised value to store,
plus Chinese warnings that must be shown but do not block saving) or raises
:class:`~station.errors.ValidationError` with a stable English ``code``, the ``field`` it was
given and a Chinese message that says what to do. Empty input always raises ``required``.

Input is normalised first, because numbers arrive from Chinese input methods, pasted from
WeChat or Excel, or read off a card: full-width digits and letters become ASCII, spaces and
hyphens go.

The resident ID rules (GB 11643) come from :mod:`stdnum.cn.ric`; we only translate its
verdicts into our errors and add what it leaves out (dates in the future or before 1850).
Its region check needs care, see :func:`check_resident_id`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from stdnum import numdb
from stdnum.cn import ric, uscc
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
)
from stdnum.exceptions import ValidationError as StdnumValidationError

from station.errors import ValidationError

#: Birth dates before this are typing mistakes, not residents. Not 1900: the standard's own
#: example number (440524188001010014) is from 1880 and must pass.
EARLIEST_BIRTH_DATE = datetime.date(1850, 1, 1)

# U+FF01..U+FF5E are ASCII U+0021..U+007E shifted by 0xFEE0; U+3000 is the ideographic space.
_FULL_WIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# ASCII hyphen plus the dashes that input methods, Word and Excel substitute for it.
_SEPARATORS_RE = re.compile("[\\s\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63]+")

_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
# Subscriber numbers never start with 0 (trunk prefix) or 1 (special services such as 110).
_LOCAL_NUMBER_RE = re.compile(r"[2-9][0-9]{6,7}")
# Beijing (010) and 020–029 are the only area codes with two digits after the 0.
_TWO_DIGIT_AREA_CODES = frozenset({"010", *(f"02{d}" for d in range(10))})
_EXTENSION_RE = re.compile(
    r"(?P<main>.*?[0-9)])\s*(?:转|分机|ext\.?|x|#)\s*(?P<ext>[0-9]{1,6})", re.IGNORECASE
)
_PARENTHESISED_AREA_RE = re.compile(r"\((?P<area>[^()]*)\)(?P<rest>.*)")
_HINT_LANDLINE = "例如 0591-87654321"


@dataclass(frozen=True)
class Checked:
    """A value that passed its check.

    ``value`` is the normalised form to store and compare; ``warnings`` are Chinese messages
    to show next to the field. They never block saving.
    """

    value: str
    warnings: tuple[str, ...] = ()


def normalize_digits(text: str) -> str:
    """Full-width digits and letters to ASCII; all whitespace and hyphens/dashes removed.

    Case is kept; callers upper-case where the format wants it.
    """
    return _SEPARATORS_RE.sub("", text.translate(_FULL_WIDTH_TO_ASCII))


# --- resident ID -----------------------------------------------------------------------------


def check_resident_id(text: str, *, field: str = "id_number") -> Checked:
    """Check a resident ID number (居民身份证号码, GB 11643).

    Guarantees for a returned value: 18 characters, 17 digits then a digit or ``X``
    (upper case), a correct MOD 11-2 check character, and a birth date that exists, is not
    in the future and is not before :data:`EARLIEST_BIRTH_DATE`. A region code (first six
    digits) missing from stdnum's table is a warning, never an error.

    Raises :class:`ValidationError` with code ``required``, ``id_wrong_length``,
    ``id_bad_format``, ``id_bad_checksum`` or ``id_bad_birth_date``.
    """
    number = normalize_digits(text).upper()
    if not number:
        raise ValidationError("请填写身份证号", code="required", field=field)
    if len(number) == 18 and number[-1] not in "0123456789X":
        # stdnum would call a stray last letter a checksum error, which sends people hunting
        # for a mistyped digit instead of the letter.
        raise _id_format_error(field)

    region_rejected = False
    try:
        number = ric.validate(number)
    # InvalidLength subclasses InvalidFormat, so it has to be caught first.
    except InvalidLength as err:
        raise _id_length_error(number, field) from err
    except InvalidFormat as err:
        raise _id_format_error(field) from err
    except InvalidChecksum as err:
        raise ValidationError(
            "身份证号校验位不对，多半是某一位录入有误，请对照证件逐位核对",
            code="id_bad_checksum",
            field=field,
        ) from err
    except (InvalidComponent, KeyError):
        # stdnum checks the birth date and then the region and raises InvalidComponent for
        # either; python-stdnum 2.2 even raises KeyError('county') for a known province with
        # an unknown county. Length, format and checksum have passed by then, and the date is
        # re-checked below, so what is left here is the region.
        region_rejected = True

    _birth_date(number, field=field)
    warnings: tuple[str, ...] = ()
    # stdnum also rejects codes that were not yet (or no longer) in use in the birth year.
    # Cards were issued decades after birth for everyone born before the 1980s, so that
    # would flag most older residents; warn only when the code is unknown altogether.
    if region_rejected and not _region_code_known(number[:6]):
        warnings = (
            f"身份证号前6位地区码 {number[:6]} 不在行政区划代码表中，请对照证件核对；"
            "如确认无误，可以保存",
        )
    return Checked(number, warnings)


def birth_date_from_id(id_number: str) -> datetime.date:
    """The birth date encoded in a resident ID; raises :class:`ValidationError` as
    :func:`check_resident_id` does if the number is not valid."""
    return ric.get_birth_date(check_resident_id(id_number).value)


def gender_from_id(id_number: str) -> str:
    """``"男"`` or ``"女"`` from the 17th digit (odd for men); raises
    :class:`ValidationError` as :func:`check_resident_id` does if the number is not valid."""
    return "男" if int(check_resident_id(id_number).value[16]) % 2 else "女"


def mask_id(id_number: str) -> str:
    """ID number for screens and paper: first 3 and last 4 characters, the rest ``*``.

    ``'35010219800101123X'`` becomes ``'350***********123X'``. Never shows more than those
    7 characters; anything shorter than 14 characters (clearly not an ID, so possibly
    something else private) is masked completely.
    """
    number = normalize_digits(id_number).upper()
    if len(number) < 14:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def _birth_date(number: str, *, field: str) -> datetime.date:
    try:
        born = ric.get_birth_date(number)
    except InvalidComponent as err:
        year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
        raise ValidationError(
            f"身份证号中的出生日期 {year}年{month}月{day}日 不存在，请核对第7到14位",
            code="id_bad_birth_date",
            field=field,
        ) from err
    # Spelled out rather than strftime: strftime with Chinese text fails on some Windows
    # locales.
    shown = f"{born.year}年{born.month}月{born.day}日"
    if born > datetime.date.today():
        raise ValidationError(
            f"身份证号中的出生日期 {shown} 晚于今天，请核对第7到14位",
            code="id_bad_birth_date",
            field=field,
        )
    if born < EARLIEST_BIRTH_DATE:
        raise ValidationError(
            f"身份证号中的出生日期 {shown} 早于{EARLIEST_BIRTH_DATE.year}年，请核对第7到14位",
            code="id_bad_birth_date",
            field=field,
        )
    return born


def _region_code_known(code: str) -> bool:
    """Whether stdnum's region table (the data behind ``ric.get_birth_place``) has a county
    entry for this six-digit code in any year."""
    return any("county" in props for _part, props in numdb.get("cn/loc").info(code))


def _id_length_error(number: str, field: str) -> ValidationError:
    if len(number) == 15:
        message = "这是15位的旧身份证号，请填写现行的18位身份证号"
    else:
        message = f"身份证号应为18位，现在是{len(number)}位，请核对"
    return ValidationError(message, code="id_wrong_length", field=field)


def _id_format_error(field: str) -> ValidationError:
    return ValidationError(
        "身份证号前17位应全是数字，最后一位是数字或X，请核对",
        code="id_bad_format",
        field=field,
    )


# --- phones ----------------------------------------------------------------------------------


def check_mobile(text: str, *, field: str = "phone") -> Checked:
    """Check a mainland mobile number.

    Accepts spaces, hyphens, full-width digits and a leading ``+86``, ``0086`` or ``86``.
    Guarantees for a returned value: exactly 11 ASCII digits matching ``1[3-9]`` + 9 digits.

    Raises :class:`ValidationError` with code ``required``, ``mobile_bad_format``,
    ``mobile_wrong_length`` or ``mobile_bad_prefix``.
    """
    raw = normalize_digits(text)
    if not raw:
        raise ValidationError("请填写手机号", code="required", field=field)
    number = _strip_country_code(raw)
    if not _is_ascii_digits(number):
        raise ValidationError("手机号只能包含数字，请核对", code="mobile_bad_format", field=field)
    if len(number) != 11:
        raise ValidationError(
            f"手机号应为11位，现在是{len(number)}位，请核对",
            code="mobile_wrong_length",
            field=field,
        )
    if not _MOBILE_RE.fullmatch(number):
        raise ValidationError(
            "手机号应以13到19开头，请核对前两位",
            code="mobile_bad_prefix",
            field=field,
        )
    return Checked(number)


def check_landline(text: str, *, field: str = "phone") -> Checked:
    """Check a fixed-line number with area code.

    Accepts ``0591-87654321``, ``(0591)87654321``, ``059187654321``, spaces, full-width
    characters, a ``+86``/``0086`` prefix and an extension after ``转``, ``分机``, ``ext``,
    ``x``, ``#`` or a final hyphen. Guarantees for a returned value: the form
    ``0591-87654321`` or ``0591-87654321转123``, where the area code is ``010``, ``02x`` or
    ``0`` + 3 digits and the number has 7 or 8 digits, not starting with 0 or 1.

    Raises :class:`ValidationError` with code ``required``, ``landline_missing_area_code``
    or ``landline_bad_format``.
    """
    raw = normalize_digits(text)
    if not raw:
        raise ValidationError("请填写电话号码", code="required", field=field)
    parsed = _parse_landline(text)
    if parsed is None:
        if _LOCAL_NUMBER_RE.fullmatch(raw):
            raise ValidationError(
                f"固定电话请加上区号，{_HINT_LANDLINE}",
                code="landline_missing_area_code",
                field=field,
            )
        raise ValidationError(
            f"固定电话应为“区号-号码”，{_HINT_LANDLINE}；区号以0开头，号码为7到8位，请核对",
            code="landline_bad_format",
            field=field,
        )
    area, local, extension = parsed
    value = f"{area}-{local}" + (f"转{extension}" if extension else "")
    return Checked(value)


def check_phone(text: str, *, field: str = "phone") -> Checked:
    """A mobile or a landline, with the guarantees and error codes of :func:`check_mobile`
    or :func:`check_landline`.

    A number that reads as a landline is one; otherwise numbers starting with 1 (after any
    country code) are checked as mobiles and everything else as landlines, so the error
    message is about the kind of number the person was most likely typing.
    """
    raw = normalize_digits(text)
    if not raw:
        raise ValidationError("请填写电话号码", code="required", field=field)
    # Landlines first: '+86 10 …' is Beijing, not a mobile with a wrong prefix.
    if _parse_landline(text) is None and _strip_country_code(raw).startswith("1"):
        return check_mobile(text, field=field)
    return check_landline(text, field=field)


def mask_phone(phone: str) -> str:
    """Phone number for receipts.

    Mobiles keep the first 3 and last 4 digits (``138****8000``). Landlines keep the area
    code and the last 4 digits of an 8-digit number or the last 2 of a 7-digit one, so at
    least 4 digits stay hidden (``0591-****4321``); extensions are dropped. Anything
    unrecognised keeps only its last 2 characters.
    """
    mobile = _strip_country_code(normalize_digits(phone))
    if _MOBILE_RE.fullmatch(mobile):
        return f"{mobile[:3]}****{mobile[-4:]}"
    parsed = _parse_landline(phone)
    if parsed is not None:
        area, local, _extension = parsed
        keep = 4 if len(local) == 8 else 2
        return f"{area}-{'*' * (len(local) - keep)}{local[-keep:]}"
    text = normalize_digits(phone)
    if len(text) <= 4:
        return "*" * len(text)
    return "*" * (len(text) - 2) + text[-2:]


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit alone also accepts superscripts and other scripts' digits.
    return text.isascii() and text.isdigit()


def _strip_country_code(number: str) -> str:
    """Drop ``+86``/``0086``, or a bare ``86`` when exactly a mobile's 11 digits follow."""
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            return number[len(prefix) :]
    # A bare 86 is only a country code in front of a full mobile number; anywhere else it
    # may be the start of the number itself.
    if number.startswith("86") and len(number) == 13:
        return number[2:]
    return number


def _parse_landline(text: str) -> tuple[str, str, str] | None:
    """``(area code, number, extension)`` or ``None``; see :func:`check_landline`."""
    main = text.translate(_FULL_WIDTH_TO_ASCII).strip()
    extension = ""
    if match := _EXTENSION_RE.fullmatch(main):
        main, extension = match["main"], match["ext"]
    if match := _PARENTHESISED_AREA_RE.fullmatch(main):
        main = f"{match['area']}-{match['rest']}"
    groups = [group for group in _SEPARATORS_RE.split(main) if group]
    parts = _split_area_code("".join(groups))
    if parts is None and not extension and len(groups) >= 3:
        # '0591-87654321-123': a trailing group that does not fit the number is taken as an
        # extension, but only if the rest is then a complete number.
        last = groups[-1]
        if len(last) <= 6 and _is_ascii_digits(last):
            parts = _split_area_code("".join(groups[:-1]))
            extension = last
    if parts is None:
        return None
    return parts[0], parts[1], extension


def _split_area_code(digits: str) -> tuple[str, str] | None:
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix) :]
            # Callers from abroad drop the trunk 0; restore it so the number reads as at home.
            if not digits.startswith("0"):
                digits = "0" + digits
            break
    if len(digits) < 3 or not _is_ascii_digits(digits) or digits[0] != "0":
        return None
    if digits[:3] in _TWO_DIGIT_AREA_CODES:
        area_length = 3
    elif digits[1] in "01":
        # 00 starts an international call; 010 is the only area code beginning 01.
        return None
    else:
        area_length = 4
    area, local = digits[:area_length], digits[area_length:]
    if not _LOCAL_NUMBER_RE.fullmatch(local):
        return None
    return area, local


# --- organisations ---------------------------------------------------------------------------


def check_credit_code(text: str, *, field: str = "credit_code") -> Checked:
    """Check a unified social credit code (统一社会信用代码) with :mod:`stdnum.cn.uscc`.

    Guarantees: the returned value is the input without spaces/hyphens, full-width
    characters in ASCII, upper-cased. Any problem with length, characters or check character
    is a warning, because old registration numbers and codes copied from documents still
    have to be recordable. Only empty input raises (code ``required``).
    """
    code = normalize_digits(text).upper()
    if not code:
        raise ValidationError("请填写统一社会信用代码", code="required", field=field)
    confirm = "请对照营业执照或登记证书核对；如确认无误，可以保存"
    warnings: tuple[str, ...] = ()
    try:
        uscc.validate(code)
    except InvalidLength:
        warnings = (f"统一社会信用代码应为18位，现在是{len(code)}位，{confirm}",)
    except InvalidFormat:
        warnings = (
            f"统一社会信用代码前8位应为数字，其余为数字或字母（不用I、O、Z、S、V），{confirm}",
        )
    except InvalidChecksum:
        warnings = (f"统一社会信用代码校验位不对，多半是某一位录入有误，{confirm}",)
    except StdnumValidationError:
        warnings = (f"统一社会信用代码格式不对，{confirm}",)
    return Checked(code, warnings)
