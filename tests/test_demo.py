"""The demo town: counts, every status, integrity, determinism, valid synthetic data, and
that a station can go on working on it (numbers, search, logins)."""

from __future__ import annotations

import json
import re
import shutil
import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, text

from station.db.database import Database, database_path, open_database
from station.db.models import (
    Case,
    Conflict,
    Event,
    MediationCase,
    NumberCounter,
    Person,
    RosterAssignment,
)
from station.demo import town as demo_town
from station.demo.town import DemoSummary, build_demo_town, event_row, generate_demo
from station.domain.case_workflow import CaseAction, transition_for
from station.domain.clock import HlcTimestamp
from station.domain.enums import CaseStatus, MediationStatus, RosterRole
from station.domain.numbers import parse_case_number
from station.domain.validation import check_phone, check_resident_id
from station.services import cases as case_service
from station.services import mediation as mediation_service
from station.services import persons as person_service
from station.services import users as user_service
from station.services.events import EventRecord, forget_clocks
from station.services.overview import check_database, station_info
from station.services.persons import search_persons
from station.services.users import LoginFailed, authenticate

TODAY = date.today()
SMALL = {"seed": 2026, "cases": 300, "mediations": 60, "today": TODAY}


@pytest.fixture(scope="module", autouse=True)
def quick_password_hashing() -> Iterator[None]:
    """Demo builds hash seven passwords each; with the production argon2 cost that is most
    of a small build's time. Logins still verify real argon2id hashes."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(user_service, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))
        yield


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DemoSummary, Database]]:
    folder = tmp_path_factory.mktemp("demo")
    summary = build_demo_town(folder, **SMALL)
    db = open_database(folder)
    yield summary, db
    db.close()


@pytest.fixture
def demo_copy(demo: tuple[DemoSummary, Database], tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database for tests that write to it."""
    _, db = demo
    shutil.copy(db.path, database_path(tmp_path))
    forget_clocks()
    copy = open_database(tmp_path)
    yield copy
    copy.close()


def _rows(db: Database, sql: str) -> list[tuple]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(text(sql))]


# --------------------------------------------------------------------------- the town


def test_town_counts(demo: tuple[DemoSummary, Database]) -> None:
    summary, db = demo
    with db.read() as s:
        info = station_info(s)
    assert (info.communities, info.villages) == (6, 1)
    assert info.grids == 342
    assert info.grid_workers == 342
    assert info.grid_leaders == 63
    assert 7 <= info.deputy_grid_leaders <= 14  # community police, one or two per community
    assert info.mediators >= 20
    assert info.residents == 3000
    assert (info.cases, info.mediations) == (300, 60)
    assert summary == DemoSummary(
        communities=6,
        villages=1,
        grids=342,
        grid_workers=342,
        grid_leaders=63,
        mediators=info.mediators,
        residents=3000,
        cases=300,
        mediations=60,
        users=("admin", "jiedai", "wangge", "tiaojie", "zhongxin", "bumen", "chakan"),
        password="demo1234",
    )


def test_every_grid_has_one_worker_and_one_leader(demo: tuple[DemoSummary, Database]) -> None:
    _, db = demo
    with db.read() as s:
        for role in (RosterRole.GRID_WORKER, RosterRole.GRID_LEADER):
            per_grid = s.execute(
                select(RosterAssignment.grid_id, func.count())
                .where(RosterAssignment.role == role.value)
                .group_by(RosterAssignment.grid_id)
            ).all()
            assert len(per_grid) == 342 and all(n == 1 for _, n in per_grid), role


def test_every_status_is_present(demo: tuple[DemoSummary, Database]) -> None:
    _, db = demo
    with db.read() as s:
        info = station_info(s)
    assert set(info.cases_by_status) == {s.value for s in CaseStatus}
    assert set(info.mediations_by_status) == {s.value for s in MediationStatus}
    # Realistic weights: most cases long closed, every open status a minority.
    finished = info.cases_by_status["archived"] + info.cases_by_status["closed"]
    assert finished > info.cases / 2


def test_check_passes(demo: tuple[DemoSummary, Database]) -> None:
    _, db = demo
    with db.read() as s:
        report = check_database(s)
    for problem in report.problems[:50]:
        print(problem)
    assert report.ok


def test_no_conflicts_unique_hlc_and_uuid7_ids(demo: tuple[DemoSummary, Database]) -> None:
    _, db = demo
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Conflict)) == 0
        events = s.execute(select(Event.event_id, Event.hlc, Event.entity_id)).all()
    assert len({hlc for _, hlc, _ in events}) == len(events)
    for event_id, hlc, entity_id in events:
        assert HlcTimestamp.decode(hlc).encode() == hlc
        assert uuid.UUID(event_id).version == 7 and uuid.UUID(entity_id).version == 7
        # the id's timestamp is the event's HLC wall time
        assert int(event_id.replace("-", "")[:12], 16) == HlcTimestamp.decode(hlc).millis


def test_schema_and_durability_as_the_migrations_left_them(
    demo: tuple[DemoSummary, Database], tmp_path: Path
) -> None:
    """The bulk load drops indexes and full-text triggers and relaxes the journal; all of
    it must be back exactly as a freshly migrated database has it."""
    _, db = demo
    fresh = open_database(tmp_path)
    try:
        schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        assert _rows(db, schema) == _rows(fresh, schema)
    finally:
        fresh.close()
    assert _rows(db, "PRAGMA journal_mode") == [("wal",)]
    assert _rows(db, "PRAGMA synchronous") == [(2,)]  # FULL


@pytest.mark.parametrize("query", ["公共通道", "秸秆", "鸭"])
def test_full_text_index_was_rebuilt(demo: tuple[DemoSummary, Database], query: str) -> None:
    """The FTS tables are rebuilt after the bulk load: search finds what LIKE finds."""
    _, db = demo
    like = f"%{query}%"
    expected = {
        i
        for (i,) in _rows(
            db,
            f"SELECT id FROM work_case WHERE summary LIKE '{like}' OR description LIKE '{like}' "
            f"OR location LIKE '{like}'",
        )
    }
    with db.read() as s:
        found = set(case_service.case_ids(s, case_service.CaseFilter(query=query)))
    assert expected and expected <= found


# --------------------------------------------------------------------------- events


def test_stored_events_hash_as_the_services_hash(demo: tuple[DemoSummary, Database]) -> None:
    _, db = demo
    with db.read() as s:
        for row in s.scalars(select(Event)):
            record = EventRecord.from_row(row)
            assert row.content_hash == record.content_hash()
            assert row.payload == record.canonical_json()


def test_fast_event_rows_equal_to_row() -> None:
    _, events = generate_demo(**{**SMALL, "cases": 120, "mediations": 30, "residents": 200})
    for event in events:
        assert event_row(event) == event.to_row()


def test_payloads_have_the_services_shapes(demo: tuple[DemoSummary, Database]) -> None:
    """Every demo event is one a service could have written (keys, actions, reasons)."""
    _, db = demo
    created_case = {*case_service.EDITABLE, "number"}
    mediation_created = {*mediation_service.EDITABLE, "number", "parties", "mediators"}
    with db.read() as s:
        for row in s.scalars(select(Event)):
            payload = json.loads(row.payload)
            key = (row.entity_type, row.event_type)
            if key == ("person", "created"):
                assert set(payload) <= {*person_service.EDITABLE, "created_at"}
            elif key == ("case", "created"):
                assert set(payload) <= created_case and {"summary", "channel"} <= set(payload)
            elif key == ("case", "action"):
                fields = payload["fields"]
                assert set(fields) <= set(case_service.ACTION_FIELDS)
                expected = {"action", "reason", "at", "fields"} | ({"_base"} if fields else set())
                assert set(payload) == expected
                if transition_for(CaseAction(payload["action"])).needs_reason:
                    assert payload["reason"]
            elif key == ("case", "updated"):
                assert set(payload) - {"_base"} <= set(case_service.EDITABLE)
            elif key == ("case", "note_added"):
                assert set(payload) == {"text", "at"}
            elif key == ("case", "step"):  # as station.services.dispatch writes them
                assert set(payload) == {"step", "reason", "at", "fields"} and payload["reason"]
            elif key == ("mediation", "created"):
                assert set(payload) <= mediation_created
            elif key == ("mediation", "updated"):
                assert set(payload) - {"_base"} <= set(mediation_service.EDITABLE)
                assert set(payload["_base"]) == set(payload) - {"_base"}
            elif key == ("mediation", "agreement_set"):
                assert set(payload) <= {*mediation_service.AGREEMENT_FIELDS, "terms"}
            elif key == ("mediation", "record_added"):
                assert payload["kind"] in ("investigation", "session") and payload["body"]
            elif key == ("mediation", "performance_noted"):
                assert set(payload) == {"noted_on", "performance_status", "text"}
            elif key == ("mediation", "archived"):
                assert set(payload) == {"archived_on"}
            else:
                assert key == ("mediation", "visit_added"), key
                assert set(payload) == {
                    "visited_on", "visitor", "performance_status", "notes", "satisfaction",
                    "lawsuit", "escalation_risk", "measures",
                }  # fmt: skip


def test_deterministic_for_seed_and_today(
    demo: tuple[DemoSummary, Database], tmp_path: Path
) -> None:
    _, db = demo
    build_demo_town(tmp_path / "again", **SMALL)
    again = open_database(tmp_path / "again")
    try:
        for sql in (
            "SELECT number, summary, status FROM work_case ORDER BY number",
            "SELECT number, facts, status FROM mediation_case ORDER BY number",
            "SELECT event_id, hlc, content_hash FROM event ORDER BY rowid",
            "SELECT id, name, id_number, phone FROM person ORDER BY rowid",
        ):
            assert _rows(db, sql) == _rows(again, sql), sql
    finally:
        again.close()
    _, other = generate_demo(**{**SMALL, "seed": 7, "cases": 50, "mediations": 10})
    _, same_seed = generate_demo(**{**SMALL, "cases": 50, "mediations": 10})
    assert [e.event_id for e in other] != [e.event_id for e in same_seed]


def test_forked_shard_gives_the_same_database(tmp_path: Path, monkeypatch) -> None:
    """The 200,000-case path (second shard in a forked process, merged by SQL) writes the
    same rows as the in-process path."""
    small = {**SMALL, "cases": 60, "mediations": 12, "residents": 300}
    steps: list[str] = []
    build_demo_town(tmp_path / "one", **small, progress=steps.append)
    assert "merge" not in steps
    monkeypatch.setattr(demo_town, "PARALLEL_FROM", 0)
    monkeypatch.setattr(demo_town, "_single_threaded", lambda: True)  # even under pytest-qt
    steps.clear()
    build_demo_town(tmp_path / "two", **small, progress=steps.append)
    assert "merge" in steps
    one, two = open_database(tmp_path / "one"), open_database(tmp_path / "two")
    try:
        for table in ("event", "person", "work_case", "case_note", "mediation_case"):
            sql = f"SELECT * FROM {table} ORDER BY rowid"
            assert _rows(one, sql) == _rows(two, sql), table
        with two.read() as s:
            assert check_database(s).ok
        leftovers = [p.name for p in (tmp_path / "two").iterdir() if "grid-station" not in p.name]
        assert leftovers == []
    finally:
        one.close()
        two.close()


# --------------------------------------------------------------------------- numbers


def test_case_numbers_are_daily_sequences_with_counters(
    demo: tuple[DemoSummary, Database],
) -> None:
    _, db = demo
    with db.read() as s:
        by_day: dict[str, list[int]] = defaultdict(list)
        for number, received in s.execute(select(Case.number, Case.received_at)):
            station, day, seq = parse_case_number(number)
            assert station == "XX01" and day == received.date()
            by_day[f"case:{station}:{day:%Y%m%d}"].append(seq)
        counters = dict(s.execute(select(NumberCounter.series, NumberCounter.last)).all())
    for series, seqs in by_day.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
        assert counters[series] == len(seqs)
    (last,) = _rows(db, "SELECT max(received_at) FROM work_case")[0]
    assert datetime.fromisoformat(last) < datetime.combine(TODAY, time())


def test_mediation_numbers_per_year(demo: tuple[DemoSummary, Database]) -> None:
    _, db = demo
    pattern = re.compile(r"^（(\d{4})）霞溪人调字第(\d+)号$")
    with db.read() as s:
        by_year: dict[int, list[int]] = defaultdict(list)
        for number, accepted in s.execute(select(MediationCase.number, MediationCase.accepted_on)):
            match = pattern.match(number)
            assert match, number
            assert int(match[1]) == accepted.year
            by_year[accepted.year].append(int(match[2]))
        counters = dict(s.execute(select(NumberCounter.series, NumberCounter.last)).all())
    for year, seqs in by_year.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
        assert counters[f"mediation:霞溪:{year}"] == len(seqs)


def test_cases_sent_to_mediation_are_linked_both_ways(
    demo: tuple[DemoSummary, Database],
) -> None:
    _, db = demo
    with db.read() as s:
        linked = s.execute(
            select(MediationCase.id, Case.mediation_id, Case.status)
            .join(Case, Case.id == MediationCase.case_id)
        ).all()  # fmt: skip
    assert linked
    assert all(mid == case_mid and status == "to_mediation" for mid, case_mid, status in linked)


def test_a_live_case_after_the_demo_gets_a_fresh_number(demo_copy: Database) -> None:
    with demo_copy.transaction() as s:
        actor = authenticate(s, username="jiedai", password="demo1234")
        busiest = s.execute(
            select(func.date(Case.received_at), func.count())
            .group_by(func.date(Case.received_at))
            .order_by(func.count().desc())
        ).first()
        day = date.fromisoformat(busiest[0])
        existing = set(s.scalars(select(Case.number)))
        now = datetime.now().replace(microsecond=0)
        for received in (datetime.combine(day, time(15, 30)), now):
            case = case_service.create_case(
                s, actor=actor, summary="居民反映楼道灯不亮", received_at=received,
                category_id="K0505", grid_id="C01-01",
            )  # fmt: skip
            assert case.number not in existing
            existing.add(case.number)
        assert parse_case_number(case.number)[2] >= 1
    with demo_copy.read() as s:
        assert check_database(s).ok


# --------------------------------------------------------------------------- people


def test_residents_have_valid_ids_and_phones(demo: tuple[DemoSummary, Database]) -> None:
    _, db = demo
    with db.read() as s:
        people = s.execute(select(Person.name, Person.gender, Person.id_number, Person.phone))
        ids = phones = 0
        for name, gender, id_number, phone in people:
            if id_number:
                checked = check_resident_id(id_number)
                assert checked.value == id_number and not checked.warnings, (name, id_number)
                assert (int(id_number[16]) % 2 == 1) == (gender == "male")
                ids += 1
            if phone:
                assert check_phone(phone).value == phone
                phones += 1
    assert ids > 2500 and phones > 2800
    assert len(set(_rows(db, "SELECT phone FROM person WHERE phone != ''"))) == phones


def test_names_include_rare_characters_and_short_names(
    demo: tuple[DemoSummary, Database],
) -> None:
    _, db = demo
    names = [n for (n,) in _rows(db, "SELECT name FROM person")]
    assert sum(len(n) == 2 for n in names) > 100
    assert any(ch in n for n in names for ch in "堃喆赟")
    assert names.count("林玲玲") == 1


@pytest.mark.parametrize("query", ["lll", "linlingling", "林玲玲", "玲玲"])
def test_pinyin_search_finds_lin_lingling(demo: tuple[DemoSummary, Database], query: str) -> None:
    _, db = demo
    with db.read() as s:
        assert "林玲玲" in [p.name for p in search_persons(s, query=query)]


def test_demo_users_log_in(demo_copy: Database) -> None:
    roles = {
        "admin": "station_admin",
        "jiedai": "receptionist",
        "wangge": "grid_worker",
        "tiaojie": "mediator",
        "zhongxin": "dispatcher",
        "bumen": "department_handler",
        "chakan": "viewer",
    }
    for username, role in roles.items():
        with demo_copy.transaction() as s:
            actor = authenticate(s, username=username, password="demo1234")
            assert (actor.role.value, actor.station_code) == (role, "XX01")
    with pytest.raises(LoginFailed), demo_copy.transaction() as s:
        authenticate(s, username="admin", password="wrong-password")


def test_rebuilding_backs_up_the_old_database(tmp_path: Path, monkeypatch) -> None:
    tiny = {**SMALL, "cases": 20, "mediations": 8, "residents": 50}
    build_demo_town(tmp_path, **tiny)
    with monkeypatch.context() as patch:  # a failed build leaves the old database alone
        patch.setattr(demo_town, "_create_users", _fail)
        with pytest.raises(RuntimeError):
            build_demo_town(tmp_path, **{**tiny, "seed": 1})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grid-station.sqlite3"]
    build_demo_town(tmp_path, **{**tiny, "seed": 1})
    backups = list((tmp_path / "backups").glob("*before-demo*"))
    assert len(backups) == 1
    db = open_database(tmp_path)
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Case)) == 20
            assert check_database(s).ok
    finally:
        db.close()


def _fail(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("interrupted")


def test_demo_year_ends_before_today(demo: tuple[DemoSummary, Database]) -> None:
    _, db = demo
    start = datetime.combine(TODAY - timedelta(days=400), time())
    (first,) = _rows(db, "SELECT min(received_at) FROM work_case")[0]
    assert datetime.fromisoformat(first) >= start
