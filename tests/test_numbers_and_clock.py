from __future__ import annotations

import itertools
import uuid
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.domain.clock import HlcTimestamp, HybridLogicalClock, new_id
from station.domain.numbers import (
    case_number,
    check_station_code,
    mediation_number,
    parse_case_number,
)
from station.domain.pinyin import name_keys
from station.domain.working_days import add_working_days, is_working_day
from station.errors import ValidationError


def test_case_number_format_round_trips() -> None:
    number = case_number(station_code="XX01", day=date(2026, 11, 27), seq=7)
    assert number == "XX01-20261127-007"
    assert parse_case_number(number) == ("XX01", date(2026, 11, 27), 7)
    assert case_number(station_code="XX01", day=date(2026, 11, 27), seq=1234).endswith("-1234")


@pytest.mark.parametrize("bad", ["", "XX01-2026-001", "xx01-20261127-001", "XX01-20261127-1"])
def test_bad_case_numbers_are_rejected(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_case_number(bad)
    assert info.value.code == "bad_case_number"


def test_station_codes() -> None:
    assert check_station_code(" xx01 ") == "XX01"
    with pytest.raises(ValidationError):
        check_station_code("霞溪")


def test_mediation_number_is_official_style() -> None:
    assert mediation_number(year=2026, committee_short="霞溪", seq=12) == "（2026）霞溪人调字第12号"
    with pytest.raises(ValidationError) as info:
        mediation_number(year=2026, committee_short=" ", seq=1)
    assert info.value.field == "committee_short"


def test_uuid7_ids_are_version_7_and_ordered() -> None:
    ids = [new_id() for _ in range(50)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert ids == sorted(ids)


def test_hlc_never_goes_back_when_the_wall_clock_does() -> None:
    walls = iter([1000, 1000, 900, 900, 2000])
    clock = HybridLogicalClock(wall=lambda: next(walls))
    stamps = [clock.now() for _ in range(5)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 5
    assert HlcTimestamp.decode(stamps[2]) == HlcTimestamp(1000, 2)


def test_hlc_observe_moves_past_a_remote_clock_ahead_of_ours() -> None:
    clock = HybridLogicalClock(wall=lambda: 1000)
    remote = HlcTimestamp(5000, 3).encode()
    after = clock.observe(remote)
    assert after > remote
    assert clock.now() > after


@given(st.lists(st.integers(min_value=0, max_value=10**13), min_size=1, max_size=40))
def test_hlc_is_strictly_increasing_for_any_wall_clock(walls: list[int]) -> None:
    it = iter(walls)
    clock = HybridLogicalClock(wall=lambda: next(it))
    stamps = [clock.now() for _ in walls]
    assert all(a < b for a, b in itertools.pairwise(stamps))


@pytest.mark.parametrize(
    ("name", "initials", "full"),
    [
        ("林玲玲", "lll", "linlingling"),
        ("张三", "zs", "zhangsan"),
        ("欧阳娜娜", "oynn", "ouyangnana"),
    ],
)
def test_pinyin_keys(name: str, initials: str, full: str) -> None:
    assert name_keys(name) == (initials, full)


def test_working_days_skip_weekends_and_national_day() -> None:
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)
    # 1–7 October 2026 is the National Day holiday: no working day inside it.
    assert add_working_days(date(2026, 9, 30), 1) > date(2026, 10, 7)
    assert not is_working_day(date(2026, 10, 1))
