"""The archive lock of a mediation case holds across stations, and loses nothing.

The town center archives a closed case while the village-side station, offline, still edits
it. The server accepts the late edits (they were written in good faith), every copy keeps
them as events, none applies them to the archived case, and each becomes a conflict a
person reads in plain Chinese. Reopening does not apply them by surprise; deciding the
conflicts syncs and empties the list everywhere. An edit that was logically *before* the
archive (earlier HLC) but arrives after it is simply applied: order by logical time, not
arrival.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from mediation_support import FACTS, open_dispute, settle
from sqlalchemy import func, select
from sync_support import Station

from station.db.models import Event
from station.domain.enums import Role
from station.services import conflicts, mediation
from station.services.events import Actor
from station.services.overview import check_database


def mediator_at(station: Station) -> Actor:
    return replace(station.actor, role=Role.MEDIATOR)


def closed_case(station: Station) -> str:
    """A settled neighbour dispute whose case file is complete (ready to archive)."""
    actor = mediator_at(station)
    with station.db.transaction() as s:
        case = open_dispute(s, actor=actor)
        settle(s, actor=actor, mediation_id=case.id)
        mediation.add_return_visit(
            s,
            actor=actor,
            mediation_id=case.id,
            visited_on=date(2026, 11, 12),
            visitor="陈和顺",
            performance_status="performed",
            notes="已清理。",
        )
        return case.id


def archive(station: Station, case_id: str) -> None:
    with station.db.transaction() as s:
        mediation.archive_mediation(
            s, actor=mediator_at(station), mediation_id=case_id, archived_on=date(2026, 11, 30)
        )


def edit_offline(station: Station, case_id: str) -> None:
    """What the village-side mediator types before hearing of the archive."""
    actor = mediator_at(station)
    with station.db.transaction() as s:
        mediation.edit_mediation(
            s, actor=actor, mediation_id=case_id, facts=FACTS + "（补记：已拍照留存）"
        )
        mediation.note_performance(
            s,
            actor=actor,
            mediation_id=case_id,
            noted_on=date(2026, 11, 28),
            performance_status="performed",
            text="再次查看，通道畅通。",
        )


def event_count(station: Station, case_id: str) -> int:
    with station.db.read() as s:
        return int(
            s.scalar(select(func.count()).select_from(Event).where(Event.entity_id == case_id)) or 0
        )


def test_late_edits_to_an_archived_case_are_kept_but_not_applied(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    case_id = closed_case(ts)
    assert ts.sync().rejected == []
    center.sync()

    archive(center, case_id)  # the center files the case …
    edit_offline(ts, case_id)  # … while the station, offline, still adds to it
    assert center.sync().rejected == []
    report = ts.sync()
    assert report.rejected == [], "the server must keep work written in good faith"
    center.sync()

    for station in (ts, center):
        assert event_count(station, case_id) == event_count(ts, case_id)  # nothing lost
        with station.db.read() as s:
            got = mediation.get_mediation(s, mediation_id=case_id)
            assert got.archived_on == date(2026, 11, 30)
            assert got.facts == FACTS  # the lock held
            assert got.performance_notes == ()
            seen = conflicts.list_conflicts(s, actor=mediator_at(station))
            assert len(seen) == 2, station.code
            for c in seen:
                assert c.entity_id == case_id and c.field_label == "归档"
                assert c.reason.startswith("案件已归档") and "重新打开" in c.reason
                assert c.lost.station_code == "TS01" and c.kept.station_code == "CT01"
                assert not c.can_restore  # only by reopening and entering it again
            check = check_database(s)
            assert check.ok, check.problems  # a rebuild folds the same lock
            timeline = mediation.mediation_timeline(
                s, mediation_id=case_id, actor=mediator_at(station)
            )
            held = [e.title for e in timeline if e.title.endswith("（案件已归档，未生效）")]
            assert held == ["修改（案件已归档，未生效）", "记录履行情况（案件已归档，未生效）"]

    # Reopening unlocks the case, but does not slip the old edits in unseen.
    with ts.db.transaction() as s:
        mediation.reopen_mediation(
            s, actor=mediator_at(ts), mediation_id=case_id, reason="补记照片和履行情况"
        )
        assert mediation.get_mediation(s, mediation_id=case_id).facts == FACTS
        assert len(conflicts.list_conflicts(s, actor=mediator_at(ts))) == 2
        mediation.edit_mediation(
            s, actor=mediator_at(ts), mediation_id=case_id, facts=FACTS + "（补记：已拍照留存）"
        )
        for c in conflicts.list_conflicts(s, actor=mediator_at(ts)):
            conflicts.resolve_conflict(s, actor=mediator_at(ts), conflict_id=c.id, keep="kept")
        assert conflicts.list_conflicts(s, actor=mediator_at(ts)) == []
        titles = [
            e.title
            for e in mediation.mediation_timeline(s, mediation_id=case_id, actor=mediator_at(ts))
        ]
        assert titles[-4:-1] == ["重新打开", "修改", "修改"]  # after reopening: applied
    assert ts.sync().rejected == []
    center.sync()
    with center.db.read() as s:
        got = mediation.get_mediation(s, mediation_id=case_id)
        assert got.archived_on is None and got.facts.endswith("（补记：已拍照留存）")
        assert conflicts.list_conflicts(s, actor=mediator_at(center)) == []
        assert check_database(s).ok


def test_an_edit_made_before_the_archive_is_applied_whenever_it_arrives(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, center = make_station("TS01"), make_station("CT01")
    case_id = closed_case(ts)
    assert ts.sync().rejected == []
    center.sync()

    edit_offline(ts, case_id)  # logically first …
    archive(center, case_id)  # … then the archive; but the archive reaches the server first
    assert center.sync().rejected == []
    assert ts.sync().rejected == []
    center.sync()

    for station in (ts, center):
        with station.db.read() as s:
            got = mediation.get_mediation(s, mediation_id=case_id)
            assert got.archived_on == date(2026, 11, 30)
            assert got.facts.endswith("（补记：已拍照留存）")
            assert [n.text for n in got.performance_notes] == ["再次查看，通道畅通。"]
            assert conflicts.list_conflicts(s, actor=mediator_at(station)) == []
            assert check_database(s).ok
