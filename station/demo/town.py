"""``grid-station demo``: build the demo town 霞溪镇 into a data folder.

How it stays fast (200,000 cases in well under two minutes on a 2-core PC) while writing
exactly what the services would have written:

1. **Plan** (sequential): the town, its residents and, for every case and mediation case,
   its category, parties and timetable; numbers are handed out in order of receipt, as
   the live counters would have.
2. **Write events** in two shards (cases and mediation cases dealt out 9:11), each with its
   own seeded random streams: the :class:`~station.services.events.EventRecord` s the services
   would have recorded, folded into projection rows by the live path's own pure fold
   (:func:`station.services.projection.fold_all`).
3. **Load** into a fresh database in a staging folder: reference data and accounts, then
   every event and projection row in one transaction (indexes and full-text triggers off
   meanwhile, rebuilt from the migrations' own statements at the end). Shard 1 runs in a
   forked process that writes its rows to a scratch SQLite file, merged with
   ``INSERT … SELECT``; where ``fork`` is not available the shards run one after the
   other, with the same result. The finished file then replaces the old database, which is
   backed up first.

Everything is deterministic for a given ``seed`` and ``today``: no global random state and
no clock is read while generating (only login accounts get a real creation time).
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Table
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session

from station.db import models as m
from station.db import sealed
from station.db.database import database_path, open_database
from station.db.engine import backup_database
from station.db.search_schema import create_statements, drop_statements
from station.demo.history import (
    CaseMaker,
    CasePlan,
    EventLog,
    MediationMaker,
    MediationPlan,
    Resident,
    make_residents,
)
from station.demo.names import NameMaker
from station.demo.rand import DemoRandom
from station.demo.reference import COUNTY, MEDIATORS, TOWN, Town, build_town
from station.domain.enums import CommunityKind, Role, StationKind
from station.errors import DatabaseError
from station.services.events import EventRecord, forget_clocks
from station.services.projection import INSERT_ORDER, fold_all
from station.services.users import create_user
from station.settings import StationSettings, save_settings

PASSWORD = "demo1234"
STATION_CODE = "XX01"
COMMITTEE_SHORT = "霞溪"
SHARDS = 2  # fixed, so the data never depends on the machine
# Of every 20 cases (and mediation cases), this many go to shard 1, the one a second
# process makes: the first process also plans before and loads after, so it gets less.
SHARD1_OF_20 = 11
PARALLEL_FROM = 20_000  # cases; below this a second process costs more than it saves
STAGING_DIR = ".demo-build"  # inside the data folder, so the final move is a rename

# (username, whose roster entry it is, role)
USERS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "station_head", Role.STATION_ADMIN),
    ("jiedai", "receptionist", Role.RECEPTIONIST),
    ("wangge", "grid_worker", Role.GRID_WORKER),
    ("tiaojie", "mediator", Role.MEDIATOR),
    ("zhongxin", "dispatcher", Role.DISPATCHER),
    ("bumen", "department", Role.DEPARTMENT_HANDLER),
    ("chakan", "viewer", Role.VIEWER),
)


@dataclass(frozen=True)
class DemoSummary:
    communities: int
    villages: int
    grids: int
    grid_workers: int
    grid_leaders: int
    mediators: int
    residents: int
    cases: int
    mediations: int
    users: tuple[str, ...]
    password: str


def demo_settings() -> StationSettings:
    return StationSettings(
        station_code=STATION_CODE,
        station_name=f"{TOWN}东街社区网格驿站",
        station_kind=StationKind.COMMUNITY.value,
        town_name=TOWN,
        committee_name=f"{TOWN}人民调解委员会",
        committee_short=COMMITTEE_SHORT,
        phone="0593-8601234",
    )


# --------------------------------------------------------------------------- generating


@dataclass
class DemoPlan:
    """The demo town decided, before its case histories are written out as events."""

    seed: int
    settings: StationSettings
    town: Town
    start: datetime
    end: datetime
    people: list[Resident]
    person_events: list[EventRecord]
    cases: list[CasePlan]
    mediations: list[MediationPlan]
    counters: dict[str, int]  # NumberCounter series -> last number handed out


def plan_demo(
    *,
    seed: int = 2026,
    cases: int = 1000,
    mediations: int = 300,
    residents: int | None = None,
    today: date,
) -> DemoPlan:
    if cases < 0 or mediations < 0:
        raise ValueError("counts must not be negative")
    residents = max(3000, cases // 20) if residents is None else max(residents, 2)
    rng = DemoRandom(seed)
    settings = demo_settings()
    names = NameMaker(rng)
    town = build_town(rng, names)
    end = datetime.combine(today, time())  # the demo year ends the day before today
    start = end - timedelta(days=365)
    log = EventLog(
        rng=DemoRandom(f"{seed}:ids"),
        station_code=settings.station_code,
        residue=0,
        modulus=SHARDS + 1,
    )
    people = make_residents(
        rng=rng, log=log, names=names, town=town, count=residents, start=start, today=today
    )
    case_maker = CaseMaker(
        rng=rng,
        log=log,
        town=town,
        residents=people,
        names=names,
        start=start,
        end=end,
        station_code=settings.station_code,
    )
    # The first mediation cases are placed freely (one per status); the next ones take
    # over the work orders sent to mediation.
    planned = case_maker.plan(cases, linked_mediations=max(0, mediations - 6))
    mediation_maker = MediationMaker(
        rng=rng,
        log=log,
        town=town,
        residents=people,
        names=names,
        start=start,
        end=end,
        committee=settings.committee_name,
        committee_short=settings.committee_short,
    )
    med_plans, med_counters = mediation_maker.plan(mediations, planned.to_mediation)
    return DemoPlan(
        seed=seed,
        settings=settings,
        town=town,
        start=start,
        end=end,
        people=people,
        person_events=log.records,
        cases=planned.plans,
        mediations=med_plans,
        counters={**planned.counters, **med_counters},
    )


def shard_events(plan: DemoPlan, shard: int) -> list[EventRecord]:
    """The events of this shard's cases and mediation cases (see :func:`_in_shard`; shard 0
    also has the residents), sorted by ``(hlc, event_id)``. Depends only on the plan and
    ``shard``."""
    rng = DemoRandom(f"{plan.seed}:shard{shard}")
    log = EventLog(
        rng=DemoRandom(f"{plan.seed}:ids{shard}"),
        station_code=plan.settings.station_code,
        residue=shard + 1,
        modulus=SHARDS + 1,
    )
    common = {
        "rng": rng,
        "log": log,
        "town": plan.town,
        "residents": plan.people,
        "names": NameMaker(rng),
        "start": plan.start,
        "end": plan.end,
    }
    CaseMaker(**common, station_code=plan.settings.station_code).write(
        [p for i, p in enumerate(plan.cases) if _in_shard(i) == shard]
    )
    MediationMaker(
        **common,
        committee=plan.settings.committee_name,
        committee_short=plan.settings.committee_short,
    ).write([p for i, p in enumerate(plan.mediations) if _in_shard(i) == shard])
    events = [*plan.person_events, *log.records] if shard == 0 else log.records
    events.sort(key=lambda e: (e.hlc, e.event_id))
    return events


def _in_shard(index: int) -> int:
    return 1 if index % 20 < SHARD1_OF_20 else 0


def generate_demo(
    *,
    seed: int = 2026,
    cases: int = 1000,
    mediations: int = 300,
    residents: int | None = None,
    today: date,
) -> tuple[DemoPlan, list[EventRecord]]:
    """The whole demo in memory: its plan and all its events (no database, no clock)."""
    with _no_cyclic_gc():
        plan = plan_demo(
            seed=seed, cases=cases, mediations=mediations, residents=residents, today=today
        )
        events = [e for shard in range(SHARDS) for e in shard_events(plan, shard)]
    events.sort(key=lambda e: (e.hlc, e.event_id))
    return plan, events


# --------------------------------------------------------------------------- building


def build_demo_town(
    data_dir: Path,
    *,
    seed: int = 2026,
    cases: int = 1000,
    mediations: int = 300,
    residents: int | None = None,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Replace the database in ``data_dir`` with the demo town; returns what it holds.

    An existing database is first copied to ``data_dir/backups`` (the CLI asks for
    ``--force`` before calling this). Deterministic for a given ``seed`` and ``today``
    (default: the current date); the demo year of cases ends the day before ``today``.
    ``progress`` is called with the name of each step as it starts (``"plan"``,
    ``"schema"``, ``"reference"``, ``"events"``, ``"insert"``, ``"merge"``,
    ``"search_index"``, ``"commit"``).
    """
    data_dir = Path(data_dir)
    with _no_cyclic_gc():
        return _build(
            data_dir,
            seed=seed,
            cases=cases,
            mediations=mediations,
            residents=residents,
            today=today or date.today(),
            progress=progress or (lambda _step: None),
        )


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Millions of small dicts and no reference cycles: the cycle collector would only
    walk them again and again (it multiplies the run time at 200,000 cases)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(
    data_dir: Path,
    *,
    seed: int,
    cases: int,
    mediations: int,
    residents: int | None,
    today: date,
    progress: Callable[[str], None],
) -> DemoSummary:
    progress("plan")
    plan = plan_demo(
        seed=seed, cases=cases, mediations=mediations, residents=residents, today=today
    )
    # Built aside and moved in when complete: until then the old database stays in place,
    # and a build that fails or is interrupted leaves nothing half-made behind.
    staging = data_dir / STAGING_DIR
    shutil.rmtree(staging, ignore_errors=True)
    try:
        progress("schema")
        db = open_database(staging)  # creates the schema
        db.engine.dispose()  # no pooled connection may be inherited by the shard process
        scratch = staging / "shard1.sqlite3"
        helper = None
        if (
            cases >= PARALLEL_FROM
            and (os.cpu_count() or 1) > 1
            and "fork" in multiprocessing.get_all_start_methods()
            and _single_threaded()  # forking a threaded process (say, a Qt app) can deadlock
        ):
            _FORKED["plan"] = plan  # the child sees it as memory, nothing is pickled
            helper = multiprocessing.get_context("fork").Process(
                target=_shard_to_file, args=(1, str(scratch)), name="demo-shard-1"
            )
            helper.start()
        try:
            with db.engine.connect() as conn:
                _load(conn, plan, helper=helper, scratch=scratch, progress=progress)
        finally:
            _FORKED.clear()
            if helper is not None and helper.is_alive():
                helper.terminate()
                helper.join()
            db.close()
        _remove_existing(data_dir)
        target = database_path(data_dir)
        for suffix in ("", "-wal"):
            built = Path(f"{db.path}{suffix}")
            if built.exists():
                os.replace(built, f"{target}{suffix}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    forget_clocks()  # a clock cached for the replaced database must not linger
    town = plan.town
    return DemoSummary(
        communities=sum(c.kind == CommunityKind.COMMUNITY.value for c in town.communities),
        villages=sum(c.kind == CommunityKind.VILLAGE.value for c in town.communities),
        grids=len(town.grids),
        grid_workers=len(town.grids),
        grid_leaders=town.grid_leaders,
        mediators=MEDIATORS,
        residents=len(plan.people),
        cases=len(plan.cases),
        mediations=len(plan.mediations),
        users=tuple(username for username, _, _ in USERS),
        password=PASSWORD,
    )


def _single_threaded() -> bool:
    """Whether this process runs one thread only (native threads included where the OS
    tells: Qt and other libraries start threads Python does not know about)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


def _remove_existing(data_dir: Path) -> None:
    """Back up the database in ``data_dir`` (if any) into ``backups/``, then remove it."""
    path = database_path(data_dir)
    if path.exists():
        try:
            backup_database(path, data_dir / "backups", label="before-demo")
        except DatabaseError:
            # Too damaged for SQLite's backup API: keep the files as they are instead.
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            (data_dir / "backups").mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-wal"):
                if Path(f"{path}{suffix}").exists():
                    shutil.copy2(
                        f"{path}{suffix}",
                        data_dir / "backups" / f"{path.stem}-{stamp}-before-demo-raw{suffix}",
                    )
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


_FORKED: dict[str, DemoPlan] = {}


def _shard_to_file(shard: int, path: str) -> None:
    """In the forked process: one shard's rows into a scratch database at ``path``."""
    rows = shard_rows(_FORKED["plan"], shard, dialect=_sqlite_dialect())
    target = sqlite3.connect(path)
    sealed.register_functions(target)  # ID numbers are sealed as they are written
    try:
        target.execute("PRAGMA journal_mode=OFF")  # scratch data: nothing to protect
        target.execute("PRAGMA synchronous=OFF")
        for name, table_rows in rows.items():
            columns = _columns(name)
            target.execute(f"CREATE TABLE {name} ({', '.join(columns)})")
            target.executemany(_insert_sql(name), table_rows)
        target.commit()
    finally:
        target.close()


def _load(
    conn: Connection,
    plan: DemoPlan,
    *,
    helper: Any,
    scratch: Path,
    progress: Callable[[str], None],
) -> None:
    """Write the demo: reference data and accounts first, then every event and projection
    row in one transaction. Journal and fsync are relaxed only while this runs.

    The database is a fresh one in the staging folder, so the rollback journal may live in
    memory and nothing needs to reach the disk before the final commit: a crash mid-way
    leaves a half-built file that is never moved into place.
    """
    conn.exec_driver_sql("PRAGMA journal_mode=MEMORY")  # no other connection is open
    conn.exec_driver_sql("PRAGMA synchronous=OFF")
    conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB
    conn.commit()
    try:
        progress("reference")
        with Session(bind=conn) as session:
            save_settings(session, plan.settings)
            session.flush()
            for table in m.Base.metadata.sorted_tables:
                rows = plan.town.rows.get(table.name)
                if rows:
                    conn.execute(table.insert(), rows)
            conn.execute(
                m.NumberCounter.__table__.insert(),
                [{"series": s, "last": n} for s, n in sorted(plan.counters.items())],
            )
            session.commit()
        # Seven argon2 hashes take seconds but release the GIL: the accounts are created
        # on a thread while this one makes the first shard's rows (which does not touch
        # the connection, so the two never use it at the same time).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-users") as pool:
            users = pool.submit(_create_users, conn, plan.town)
            progress("events")
            rows = shard_rows(plan, 0, dialect=conn.dialect)
            users.result()
        progress("insert")
        # Full-text indexes: rebuilt once at the end instead of by triggers row by row.
        for statement in drop_statements():
            conn.exec_driver_sql(statement)
        indexes = _secondary_indexes(conn)
        for name, _sql in indexes:
            conn.exec_driver_sql(f"DROP INDEX {name}")
        cursor = conn.connection.driver_connection.cursor()
        for shard in range(SHARDS if helper is None else 1):
            if shard:
                progress("events")
                rows = shard_rows(plan, shard, dialect=conn.dialect)
                progress("insert")
            for name, table_rows in rows.items():
                cursor.executemany(_insert_sql(name), table_rows)
            del rows
        if helper is not None:
            helper.join()
            progress("merge")
            if helper.exitcode != 0:
                raise RuntimeError(f"demo shard process failed (exit code {helper.exitcode})")
            _merge(conn, scratch)
        progress("indexes")
        for _name, sql in indexes:
            conn.exec_driver_sql(sql)
        progress("search_index")
        for statement in create_statements():
            conn.exec_driver_sql(statement)
        progress("commit")
        conn.commit()
        if helper is not None:
            conn.exec_driver_sql("DETACH DATABASE shard")
    finally:
        conn.rollback()
        conn.exec_driver_sql("PRAGMA synchronous=FULL")
        conn.exec_driver_sql("PRAGMA cache_size=-2000")
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        conn.commit()


def _secondary_indexes(conn: Connection) -> list[tuple[str, str]]:
    """(name, CREATE statement) of the indexes on the bulk-loaded tables, as the migrations
    made them: dropped during the load and created again after it (one sort each instead
    of millions of scattered index updates)."""
    tables = ", ".join(f"'{name}'" for name in _TABLE_ORDER)
    return [
        (name, sql)
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({tables}) ORDER BY name"
        )
    ]


def _merge(conn: Connection, scratch: Path) -> None:
    """Copy the shard process's rows in (same transaction), parents before children."""
    conn.exec_driver_sql("ATTACH DATABASE ? AS shard", (str(scratch),))
    present = {
        name
        for (name,) in conn.exec_driver_sql(
            "SELECT name FROM shard.sqlite_master WHERE type = 'table'"
        )
    }
    for name in _TABLE_ORDER:
        if name in present:
            columns = ", ".join(_columns(name))
            conn.exec_driver_sql(
                f"INSERT INTO main.{name} ({columns}) SELECT {columns} FROM shard.{name}"
            )


def _create_users(conn: Connection, town: Town) -> None:
    """The demo accounts (one per role, password :data:`PASSWORD`), in their own
    transaction on ``conn``."""
    roster = {
        "station_head": None,
        "receptionist": town.receptionists[0],
        "grid_worker": (town.grids[0].worker_id, town.grids[0].worker),
        "mediator": town.mediators[0],
        "dispatcher": town.dispatchers[0],
        "department": town.department_staff["D-CG"],
        "viewer": None,
    }
    fixed_names = {"station_head": "驿站管理员", "viewer": f"{COUNTY}司法局（查看）"}
    with Session(bind=conn) as session:
        for username, who, role in USERS:
            person = roster[who]
            create_user(
                session,
                username=username,
                display_name=person[1] if person else fixed_names[who],
                role=role.value,
                password=PASSWORD,
                roster_person_id=person[0] if person else None,
            )
        session.commit()


# --------------------------------------------------------------------------- rows

_TABLE_ORDER = ("event", *INSERT_ORDER)  # parents before children


def shard_rows(plan: DemoPlan, shard: int, *, dialect: Dialect) -> dict[str, list[Any]]:
    """One shard's events and projection rows as DB-API parameter rows, per table in
    insert order, converted exactly as SQLAlchemy would bind them."""
    events = shard_events(plan, shard)
    out: dict[str, list[Any]] = {"event": _bind("event", map(event_row, events), dialect)}
    folded = fold_all(events)
    for name in INSERT_ORDER:
        if folded.get(name):
            out[name] = _bind(name, folded[name], dialect)
    return out


@cache
def _columns(name: str) -> tuple[str, ...]:
    return tuple(c.key for c in _table(name).columns)


@cache
def _insert_sql(name: str) -> str:
    columns = _columns(name)
    marks = ", ".join(sealed.insert_placeholder(name, c) for c in columns)  # ID numbers sealed
    return f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})"


def _table(name: str) -> Table:
    return m.Base.metadata.tables[name]


def _bind(name: str, rows: Any, dialect: Dialect) -> list[Any]:
    """Row dicts -> parameter tuples, each value through the column type's bind processor
    (SQLite stores datetimes as text in SQLAlchemy's format, booleans as 0/1)."""
    columns = _table(name).columns
    getter = itemgetter(*_columns(name))
    processors = [
        (i, proc)
        for i, column in enumerate(columns)
        if (proc := _processor(column.type, dialect)) is not None
    ]
    if not processors:
        return [getter(row) for row in rows]
    out = []
    for row in rows:
        values = list(getter(row))
        for i, proc in processors:
            values[i] = proc(values[i])
        out.append(values)
    return out


_DATETIME_PROBES = (datetime(2026, 1, 2, 3, 4, 5, 60007), datetime(1999, 12, 31), None)
_DATE_PROBES = (date(2026, 1, 2), date(999, 1, 1), None)


def _processor(column_type: Any, dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column type's bind processor, or a quicker one that gives the same text.

    SQLAlchemy stores a SQLite datetime as ``2026-01-02 03:04:05.060007`` and a date as
    ``2026-01-02``, which is what ``isoformat`` writes; the quick path is taken only when
    the real processor agrees on the probes, so a changed storage format is still obeyed.
    """
    proc = column_type.dialect_impl(dialect).bind_processor(dialect)
    if proc is None:
        return None
    if isinstance(column_type, DateTime):
        if all(proc(p) == _datetime_text(p) for p in _DATETIME_PROBES):
            return _datetime_text
    elif isinstance(column_type, Date) and all(proc(p) == _date_text(p) for p in _DATE_PROBES):
        return _date_text
    return proc


def _datetime_text(v: datetime | None) -> str | None:
    return None if v is None else v.isoformat(" ", "microseconds")


def _date_text(v: date | None) -> str | None:
    return None if v is None else v.isoformat()


def _sqlite_dialect() -> Dialect:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect()


# Same settings as station.services.events.canonical_json; built once instead of per call.
_CANONICAL = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), check_circular=False
)


def _fast_canonical() -> Callable[[Any], str]:
    """``_CANONICAL.encode`` minus its per-call set-up: the C encoder ``json`` itself builds
    on every call, built once. Used only if it writes exactly what the slow path writes."""
    try:
        from json.encoder import c_make_encoder, encode_basestring

        def refuse(value: object) -> None:
            raise TypeError(f"cannot put {type(value).__name__} into an event")

        iterencode = c_make_encoder(None, refuse, encode_basestring, None, ":", ",", True,
                                    False, True)  # fmt: skip
        probe = {"b": [1, 2.5, None, True, 'é"\n林'], "a": {"z": "", "y": -3}}
        if "".join(iterencode(probe, 0)) == _CANONICAL.encode(probe):
            return lambda value: "".join(iterencode(value, 0))
    except (ImportError, TypeError):
        pass
    return _CANONICAL.encode


_encode = _fast_canonical()


@lru_cache(maxsize=256)
def _quoted(text: str) -> str:
    return _CANONICAL.encode(text)


def event_row(event: EventRecord) -> dict[str, Any]:
    """``event.to_row()``, computed with one JSON encoding of the payload instead of two.

    The hashed body is the canonical JSON of the event's fields with the payload nested;
    the payload's own canonical JSON is a substring of it, so it is spliced in rather than
    encoded twice (keys in sorted order, as ``sort_keys`` puts them). ``tests/test_demo``
    checks the result equals ``to_row()`` for every event of a demo town.
    """
    payload = _encode(event.payload)
    # Ids and HLC times are hex digits and hyphens: quoting them is just adding quotes.
    body = (
        f'{{"author":{_quoted(event.author)},"entity_id":"{event.entity_id}",'
        f'"entity_type":{_quoted(event.entity_type)},"event_id":"{event.event_id}",'
        f'"event_type":{_quoted(event.event_type)},"hlc":"{event.hlc}",'
        f'"payload":{payload},"schema_version":{event.schema_version},'
        f'"station_code":{_quoted(event.station_code)}}}'
    )
    return {
        "event_id": event.event_id,
        "entity_type": event.entity_type,
        "entity_id": event.entity_id,
        "event_type": event.event_type,
        "station_code": event.station_code,
        "author": event.author,
        "hlc": event.hlc,
        "schema_version": event.schema_version,
        "payload": payload,
        "content_hash": hashlib.sha256(body.encode("utf-8")).hexdigest(),
        "server_seq": None,
    }
