"""Convergence, as a hypothesis state machine: four stations and one real server; random
edits, random sync order, pushes duplicated, reordered and whose answers are dropped,
pulled pages applied twice and out of order, clocks skewed by up to ±30 days. After everyone
syncs: every station's projection of every entity it holds equals the center's, the center
equals a fold of the server's log, and no accepted event is lost or doubled."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select
from sync_support import ROLE_OF_KIND, STATIONS, Station, SwitchableApp, serve_in_thread

from station.db.database import database_path, open_database
from station.db.models import Case, Event, Person
from station.domain.case_workflow import allowed_actions
from station.domain.clock import HybridLogicalClock
from station.errors import GridStationError
from station.server import crud
from station.server.app import ServerSettings, create_app
from station.server.models import Event as ServerEvent
from station.server.reference import put_reference
from station.services import cases, events, persons
from station.services.events import REJECTED_SEQ, EventRecord
from station.services.overview import check_database
from station.services.projection import INSERT_ORDER, _table, fold_all
from station.sync.apply import apply_changes
from station.sync.protocol import ChangesPublic, StationCreate
from station.sync.transport import enroll

CODES = ("TS01", "VS01", "CT01", "DP01")
# The column of each projection table naming the entity a row belongs to.
ENTITY_COLUMN = {
    "person": "id",
    "work_case": "id",
    "mediation_case": "id",
    "case_note": "case_id",
    "conflict": "entity_id",
}
DAY_MS = 86_400_000


class Town(RuleBasedStateMachine):
    """One example = a fresh server database and four fresh station databases."""

    env: ClassVar[dict] = {}  # type: ignore[type-arg]  # set by the test: template, url …

    @initialize(skews=st.lists(st.integers(-30, 30), min_size=4, max_size=4))
    def start(self, skews: list[int]) -> None:
        env = self.env
        self.folder = Path(tempfile.mkdtemp(dir=env["tmp"]))
        url = f"sqlite:///{self.folder / 'server.sqlite3'}"
        self.app = create_app(url, settings=ServerSettings(rate_per_second=0))
        env["switch"].app = self.app
        db = self.app.state.db
        with db.transaction() as s:
            put_reference(s, records=env["reference"], replace_all=True)
        self.stations: dict[str, Station] = {}
        for code, skew in zip(CODES, skews, strict=True):
            folder = self.folder / code
            folder.mkdir()
            shutil.copy(env["template"], database_path(folder))
            station_db = open_database(folder, migrate=False)
            # This PC's clock is off by `skew` days (the HLC still orders causally).
            offset = skew * DAY_MS
            events._clocks[str(station_db.engine.url)] = HybridLogicalClock(
                wall=lambda offset=offset: time.time_ns() // 1_000_000 + offset
            )
            spec = STATIONS[code]
            with db.transaction() as s:
                _row, enroll_code = crud.add_station(
                    s,
                    data=StationCreate(code=code, name=code, **_spec(spec)),
                    now=datetime.now(),
                )
            enroll(station_db, server_url=env["url"], code=enroll_code)
            actor = events.Actor(
                username=code.lower(), role=ROLE_OF_KIND[spec["kind"]], station_code=code
            )
            self.stations[code] = Station(code=code, db=station_db, actor=actor)
        self.accepted: set[str] = set()
        # A shared starting point: a case at each station, known to the center, so that
        # edits from different stations meet on the same records.
        for code, grid in (("TS01", "C1-01"), ("VS01", "V1-01"), ("CT01", "C1-02")):
            station = self.stations[code]
            with station.db.transaction() as s:
                person = persons.create_person(s, actor=station.actor, name="王五", grid_id=grid)
                cases.create_case(
                    s,
                    actor=station.actor,
                    summary="起始工单",
                    grid_id=grid,
                    requester_id=person.id,
                    category_id="K21",
                )
        for code in CODES:
            self.stations[code].sync()
        self.stations["TS01"].sync()
        self.stations["VS01"].sync()

    def teardown(self) -> None:
        if hasattr(self, "accepted"):  # the example got going: everyone must converge
            self.check_converged()
        for station in getattr(self, "stations", {}).values():
            station.db.close()
        if hasattr(self, "app"):
            self.app.state.db.close()

    # ------------------------------------------------------------------ edits

    def _ids(self, code: str, model: type) -> list[str]:
        with self.stations[code].db.read() as s:
            return sorted(s.scalars(select(model.id)))

    @rule(code=st.sampled_from(("TS01", "VS01", "CT01")), data=st.data())
    def create_case(self, code: str, data: st.DataObject) -> None:
        grids = {"TS01": ["C1-01", "C1-02"], "VS01": ["V1-01"], "CT01": ["C1-01", "V1-01"]}
        station = self.stations[code]
        grid = data.draw(st.sampled_from(grids[code]))
        with station.db.transaction() as s:
            requester = None
            if data.draw(st.booleans()):
                requester = persons.create_person(
                    s,
                    actor=station.actor,
                    name=data.draw(st.sampled_from(["张三", "李四"])),
                    grid_id=grid,
                ).id
            cases.create_case(
                s,
                actor=station.actor,
                summary=data.draw(st.sampled_from(["路灯不亮", "占道经营", "邻里噪音"])),
                grid_id=grid,
                requester_id=requester,
                category_id="K21",
            )

    @rule(code=st.sampled_from(CODES), data=st.data())
    def edit_case(self, code: str, data: st.DataObject) -> None:
        ids = self._ids(code, Case)
        if not ids:
            return
        station = self.stations[code]
        case_id = data.draw(st.sampled_from(ids))
        field = data.draw(st.sampled_from(["location", "summary", "urgency", "assignee"]))
        value = {
            "location": data.draw(st.sampled_from(["东街1号", "东街2号", "村口"])),
            "summary": data.draw(st.sampled_from(["改过的摘要", "又改了"])),
            "urgency": data.draw(st.sampled_from(["normal", "urgent"])),
            "assignee": data.draw(st.sampled_from(["陈", "黄"])),
        }[field]
        with station.db.transaction() as s:
            cases.update_case(s, actor=station.actor, case_id=case_id, **{field: value})

    @rule(code=st.sampled_from(CODES), data=st.data())
    def act(self, code: str, data: st.DataObject) -> None:
        ids = self._ids(code, Case)
        if not ids:
            return
        station = self.stations[code]
        case_id = data.draw(st.sampled_from(ids))
        with station.db.transaction() as s:
            status = s.get(Case, case_id).status
            choices = allowed_actions(status, station.actor.role)
            if not choices:
                return
            action = data.draw(st.sampled_from(choices))
            fields = {"department_id": "D-CG"} if action.value == "dispatch" else {}
            with contextlib.suppress(GridStationError):
                cases.act_on_case(
                    s, actor=station.actor, case_id=case_id, action=action, reason="原因", **fields
                )

    @rule(code=st.sampled_from(CODES), data=st.data())
    def note_or_person_edit(self, code: str, data: st.DataObject) -> None:
        station = self.stations[code]
        if data.draw(st.booleans()):
            ids = self._ids(code, Case)
            if ids:
                with station.db.transaction() as s:
                    cases.add_note(
                        s, actor=station.actor, case_id=data.draw(st.sampled_from(ids)), text="跟进"
                    )
        else:
            ids = self._ids(code, Person)
            if ids:
                with station.db.transaction() as s:
                    persons.update_person(
                        s,
                        actor=station.actor,
                        person_id=data.draw(st.sampled_from(ids)),
                        address=data.draw(st.sampled_from(["一巷", "二巷"])),
                    )

    # ------------------------------------------------------------------ sync, with faults

    @rule(code=st.sampled_from(CODES))
    def sync(self, code: str) -> None:
        self.stations[code].sync(push_batch=3, pull_limit=5)

    @rule(code=st.sampled_from(CODES), fault=st.sampled_from(["twice", "reversed", "lost"]))
    def push_with_fault(self, code: str, fault: str) -> None:
        """Pending events reach the server out of the client's control: sent twice,
        in reverse order (updates before creations), or with the answer lost."""
        station = self.stations[code]
        with station.db.read() as s:
            rows = s.scalars(
                select(Event).where(Event.server_seq.is_(None)).order_by(Event.hlc)
            ).all()
            bodies = [
                {**EventRecord.from_row(r).__dict__, "content_hash": r.content_hash} for r in rows
            ]
        if not bodies:
            return
        batches = {"twice": [bodies, bodies], "reversed": [bodies[::-1]], "lost": [bodies]}[fault]
        with station.http() as http:
            for batch in batches:
                http.post("/api/v1/events", json={"events": batch}).raise_for_status()
        # The client never saw an answer: its events stay pending and go again later.

    @rule(code=st.sampled_from(CODES), fault=st.sampled_from(["twice", "stale"]))
    def pull_with_fault(self, code: str, fault: str) -> None:
        """A page applied twice, or an old page applied after newer ones."""
        station = self.stations[code]
        with station.http() as http:
            since = 0 if fault == "stale" else _cursor(station)
            page = ChangesPublic.model_validate_json(
                http.get("/api/v1/changes", params={"since": since, "limit": 4}).content
            )
        for _ in range(2 if fault == "twice" else 1):
            with station.db.transaction() as s:
                apply_changes(s, page)
            with station.db.read() as s:
                assert check_database(s).problems == []

    def local_projections_hold(self) -> None:
        for station in self.stations.values():
            with station.db.read() as s:
                problems = check_database(s).problems
            assert problems == [], (station.code, problems[:5])

    # ------------------------------------------------------------------ the end

    def check_converged(self) -> None:
        self.local_projections_hold()  # every copy equals a rebuild from its own events
        for _round in range(2):
            for code in CODES:
                self.stations[code].sync()
        self.local_projections_hold()
        with self.app.state.db.sessions() as s:
            server_events = [
                EventRecord.from_row(e)
                for e in s.scalars(select(ServerEvent))  # type: ignore[arg-type]
            ]
        server_ids = [e.event_id for e in server_events]
        assert len(server_ids) == len(set(server_ids))
        expected = fold_all(server_events)
        # Shown by --hypothesis-show-statistics: the runs do reach the interesting cases.
        event(f"{len(expected.get('conflict', []))} conflict(s)")
        rejected = sum(len(r.rejected) for st in self.stations.values() for r in st.reports)
        event("some rejected" if rejected else "none rejected")
        center = _projection(self.stations["CT01"])
        for table in INSERT_ORDER:
            assert center[table] == _canonical(expected.get(table, [])), table
        for code in CODES:
            station = self.stations[code]
            with station.db.read() as s:
                local = s.scalars(select(Event)).all()
            for e in local:  # every own event settled; every accepted one is on the server
                assert e.server_seq is not None
                if e.server_seq != REJECTED_SEQ:
                    assert e.event_id in set(server_ids)
            mine = _projection(station)
            held = {r["id"] for t in ("person", "work_case", "mediation_case") for r in mine[t]}
            for table in INSERT_ORDER:
                key = ENTITY_COLUMN.get(table, "mediation_id")
                subset = [r for r in center[table] if r[key] in held]
                assert mine[table] == subset, (code, table)


def _spec(spec: dict) -> dict:  # type: ignore[type-arg]
    return {
        "kind": spec["kind"],
        "grids": list(spec.get("grids", ())),
        "department_id": spec.get("department"),
    }


def _cursor(station: Station) -> int:
    from station.sync.state import read_cursor

    with station.db.read() as s:
        return read_cursor(s)


def _canonical(rows: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return sorted((dict(r) for r in rows), key=lambda r: str(sorted(r.items())))


def _projection(station: Station) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    with station.db.read() as s:
        return {
            t: _canonical(list(s.connection().execute(select(_table(t))).mappings()))
            for t in INSERT_ORDER
        }


def test_every_copy_converges(template_db: Path, tmp_path: Path, town_reference) -> None:  # type: ignore[no-untyped-def]
    switch = SwitchableApp()
    url, server, thread = serve_in_thread(switch)
    Town.env = {
        "tmp": tmp_path,
        "template": template_db,
        "reference": town_reference,
        "switch": switch,
        "url": url,
    }
    try:
        run_state_machine_as_test(
            Town,
            settings=settings(
                max_examples=10,
                stateful_step_count=20,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            ),
        )
    finally:
        server.should_exit = True
        thread.join(timeout=10)
