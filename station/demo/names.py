"""Synthetic people: names, resident ID numbers and mobile numbers.

Everything here is invented. Names are drawn from common surnames and given-name
characters; ID numbers carry real region codes of 霞浦县 (the county our fictitious town
would sit in) and correct MOD 11-2 check digits, so they pass validation, but every other
digit is random; mobile numbers come from ranges like ``1380000xxxx``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import lru_cache

from stdnum.cn import ric

from station.demo.rand import Weighted
from station.domain.pinyin import name_keys

# Common in Fujian, weighted roughly by frequency; 雷 蓝 钟 are typical 畲族 surnames of 霞浦.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("陈", 120),
    ("林", 100),
    ("黄", 60),
    ("张", 40),
    ("吴", 38),
    ("王", 30),
    ("李", 30),
    ("刘", 26),
    ("郑", 30),
    ("杨", 18),
    ("许", 16),
    ("蔡", 14),
    ("翁", 10),
    ("郭", 12),
    ("何", 10),
    ("谢", 12),
    ("曾", 10),
    ("游", 8),
    ("周", 12),
    ("叶", 12),
    ("肖", 6),
    ("邱", 8),
    ("罗", 6),
    ("卓", 6),
    ("缪", 6),
    ("阮", 6),
    ("雷", 10),
    ("蓝", 8),
    ("钟", 8),
    ("薛", 5),
    ("苏", 6),
    ("高", 6),
    ("潘", 5),
    ("施", 5),
    ("詹", 4),
)
SHE_SURNAMES = frozenset("雷蓝钟")

MALE_CHARS = (
    "建国明华志伟文强德荣平金福海清春良忠兴永宏辉斌杰俊鑫涛浩宇晨子轩博磊勇坤峰毅昌顺发"
    "水生旺祥松林彬锋鹏军民泉瑞榕闽耀宗仁义"
)
FEMALE_CHARS = (
    "秀英兰芳玉珍美丽娟敏静燕红霞婷娜琳雪梅凤琴月慧颖佳欣怡萱晓婉莉萍丹桂花珠素碧金妹淑惠莹洁"
)
# Rare characters a real roster always has (and fonts and search must cope with).
RARE_CHARS = "堃喆赟"

# The one resident the pinyin search examples (`lll`, `linlingling`) are about.
SHOWCASE_NAME = "林玲玲"

OCCUPATIONS = Weighted(
    (
        ("务农", 20),
        ("渔民", 10),
        ("海水养殖户", 8),
        ("个体经营", 14),
        ("企业职工", 16),
        ("退休", 14),
        ("教师", 3),
        ("外出务工", 8),
        ("自由职业", 5),
        ("无业", 4),
        ("学生", 3),
    )
)

# Region codes (GB/T 2260) valid for the birth year, as stdnum checks them: 霞浦县 was
# 352225 under 宁德地区 until 1999 and is 350921 under 宁德市 since.
_OLD_CODES = Weighted((("352225", 90), ("352201", 4), ("352202", 3), ("350102", 3)))
_NEW_CODES = Weighted((("350921", 88), ("350902", 6), ("350981", 4), ("350102", 2)))

_PHONE_PREFIXES = tuple(
    f"{head}0000"
    for head in ("138", "139", "137", "135", "136", "150", "151", "152", "158", "159", "187", "188")
)
_ROSTER_PHONE_PREFIXES = ("1330000", "1770000", "1990000")


class NameMaker:
    """Draws names; never returns the showcase name or anything a search for it would find."""

    def __init__(self, rng: random.Random):
        self._rng = rng
        self._surnames = Weighted(SURNAMES)

    def surname(self) -> str:
        return self._surnames.pick(self._rng)

    def given(self, gender: str) -> str:
        rng = self._rng
        pool = MALE_CHARS if gender == "male" else FEMALE_CHARS
        if rng.random() < 0.004:
            return rng.choice(RARE_CHARS) + (rng.choice(pool) if rng.random() < 0.6 else "")
        if rng.random() < 0.18:  # two-character names: surname + one character
            return rng.choice(pool)
        first, second = rng.choice(pool), rng.choice(pool)
        if gender == "female" and rng.random() < 0.08:
            second = first  # 玲玲, 婷婷: doubled characters are common for women
        return first + second

    def name(self, gender: str, *, surname: str | None = None) -> str:
        while True:
            name = (surname or self.surname()) + self.given(gender)
            if not _shadows_showcase(name):
                return name


def _shadows_showcase(name: str) -> bool:
    initials, full = name_keys(name)
    return name == SHOWCASE_NAME or initials.startswith("lll") or full.startswith("linlingl")


@lru_cache(maxsize=4096)
def _code_valid(code: str, year: int) -> bool:
    probe = f"{code}{year:04d}0101001"
    return ric.is_valid(probe + ric.calc_check_digit(probe + "X"))


def resident_id(rng: random.Random, *, birth: date, gender: str) -> str:
    """A GB 11643 number: region code valid in the birth year, sequence parity = gender."""
    codes = _OLD_CODES if birth.year < 1999 else _NEW_CODES
    while True:
        code = codes.pick(rng)
        if _code_valid(code, birth.year):
            break
    seq = rng.randrange(0, 500) * 2 + (1 if gender == "male" else 0)
    body = f"{code}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "X")  # the function ignores the last character


def birth_date(rng: random.Random, *, today: date) -> date:
    """Adults, with more middle-aged and elderly people (young ones work in the cities)."""
    age = int(rng.triangular(18, 92, 52))
    return today - timedelta(days=age * 365 + rng.randrange(0, 365))


class PhonePool:
    """Unique, clearly fictitious mobile numbers (``1380000xxxx`` style)."""

    def __init__(self, rng: random.Random, *, prefixes: tuple[str, ...] = _PHONE_PREFIXES):
        self._rng = rng
        self._prefixes = prefixes
        self._used: set[str] = set()

    def take(self) -> str:
        if len(self._used) >= len(self._prefixes) * 10_000 * 0.9:
            raise RuntimeError("phone pool exhausted")
        while True:
            number = f"{self._rng.choice(self._prefixes)}{self._rng.randrange(10_000):04d}"
            if number not in self._used:
                self._used.add(number)
                return number


def roster_phones(rng: random.Random) -> PhonePool:
    return PhonePool(rng, prefixes=_ROSTER_PHONE_PREFIXES)
