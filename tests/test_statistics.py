"""Statistics figures on a fixed month (tests/stats_dataset.py), each checked against an
independent SQL count written here by hand, against the plan the data was built from, and
against the click-through list behind it."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest
from sqlalchemy import text
from stats_dataset import ADMIN, MEDIATIONS, OCTOBER, PLAN, TODAY, build_dataset

from station.errors import PermissionDenied, ValidationError
from station.services import statistics as st

PERIOD = st.Period(*OCTOBER)
START, END = "2026-10-01 00:00:00", "2026-11-01 00:00:00"
IN_PERIOD = f"received_at >= '{START}' AND received_at < '{END}'"


@pytest.fixture
def dataset(db):  # type: ignore[no-untyped-def]
    return build_dataset(db)


def _one(s, sql: str) -> int:  # type: ignore[no-untyped-def]
    return int(s.execute(text(sql)).scalar() or 0)


def _history(s, kind: str, where: str = "") -> int:  # type: ignore[no-untyped-def]
    return _one(
        s,
        f"SELECT COUNT(*) FROM work_case w WHERE {IN_PERIOD.replace('received', 'w.received')} "
        f"{where} AND EXISTS (SELECT 1 FROM case_note n WHERE n.case_id = w.id "
        f"AND n.kind = '{kind}')",
    )


def _independent_case_counts(s, where: str = "") -> dict[str, int]:  # type: ignore[no-untyped-def]
    base = f"SELECT COUNT(*) FROM work_case WHERE {IN_PERIOD} {where}"
    w_where = where.replace("grid_id", "w.grid_id").replace("station_code", "w.station_code")
    first = (
        "SELECT n.case_id, MIN(CASE WHEN n.kind = 'dispatch' THEN n.at END) AS d, "
        "MIN(CASE WHEN n.kind = 'sign_for' THEN n.at END) AS sg, "
        "MIN(CASE WHEN n.kind IN ('reply', 'settle_at_desk') THEN n.at END) AS r "
        "FROM case_note n GROUP BY n.case_id"
    )
    timed = (
        f"SELECT COUNT(*) FROM work_case w JOIN ({first}) t ON t.case_id = w.id "
        f"WHERE {IN_PERIOD.replace('received', 'w.received')} {w_where}"
    )
    return {
        "received": _one(s, base),
        "desk_settled": _history(s, "settle_at_desk", w_where),
        "station_handled": _history(s, "handle_at_station", w_where),
        "escalated": _history(s, "escalate", w_where),
        "dispatched": _history(s, "dispatch", w_where),
        "to_mediation": _history(s, "to_mediation", w_where),
        "repeated": _history(s, "repeat", w_where),
        "joint": _one(s, f"{base} AND department_id IS NOT NULL"),
        "closed": _one(s, f"{base} AND status IN ('closed', 'archived', 'desk_settled')"),
        "rated": _one(s, f"{base} AND rating <> ''"),
        "satisfied": _one(s, f"{base} AND rating = 'satisfied'"),
        "basically_satisfied": _one(s, f"{base} AND rating = 'basically_satisfied'"),
        "dissatisfied": _one(s, f"{base} AND rating = 'dissatisfied'"),
        "solved_known": _one(s, f"{base} AND solved IS NOT NULL"),
        "solved": _one(s, f"{base} AND solved = 1"),
        "merged": _one(s, f"{base} AND status = 'merged'"),
        "supervised": _one(s, f"{base} AND supervised = 1"),
        "overdue": _one(
            s,
            f"{base} AND status IN ('received', 'station_handling', 'awaiting_dispatch', "
            f"'dispatched', 'in_progress') AND deadline < '{TODAY}'",
        ),
        "signed_for": _one(s, f"{timed} AND t.sg IS NOT NULL AND t.d IS NOT NULL"),
        "signed_on_time": _one(
            s,
            f"{timed} AND t.sg IS NOT NULL AND t.d IS NOT NULL AND "
            "(julianday(t.sg) - julianday(t.d)) <= 1.0",
        ),
        "replied": _one(s, f"{timed} AND w.deadline IS NOT NULL AND t.r IS NOT NULL"),
        "replied_on_time": _one(
            s, f"{timed} AND w.deadline IS NOT NULL AND date(t.r) <= w.deadline"
        ),
        "repeat_requests": _one(
            s,
            "SELECT COUNT(*) FROM case_note n JOIN work_case w ON w.id = n.case_id "
            f"WHERE n.kind = 'repeat' AND {IN_PERIOD.replace('received', 'w.received')} "
            f"{w_where}",
        ),
    }


def test_case_figures_equal_independent_sql_and_the_plan(db, dataset) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        figures = st.case_figures(s, period=PERIOD, today=TODAY)
        expected = _independent_case_counts(s)
    for name, value in expected.items():
        assert getattr(figures, name) == value, name
    october = [p for p in PLAN if p.day]
    paths = [p.path for p in october]
    assert figures.received == len(october)
    assert figures.desk_settled == paths.count("desk")
    assert figures.station_handled == paths.count("station") + paths.count("repeat")
    dispatched = [p for p in paths if p.startswith("dispatch") or p == "overdue"]
    assert figures.escalated == figures.dispatched == figures.joint == len(dispatched)
    assert figures.signed_for == len(dispatched) - 1  # the overdue one was never signed for
    assert figures.signed_on_time == figures.signed_for - paths.count("dispatch_late_sign")
    assert figures.replied_on_time == figures.replied - paths.count("dispatch_late_reply")
    # Never signed for, and never even routed: both are past their deadline on TODAY.
    assert figures.overdue == paths.count("overdue") + paths.count("received") == 2
    assert figures.repeated == 1 and figures.repeat_requests == 2
    assert figures.merged == 1 and figures.to_mediation == 1
    ratings = [p.rating for p in october if p.rating]
    assert figures.rated == len(ratings)
    good = ratings.count("satisfied") + ratings.count("basically_satisfied")
    assert figures.satisfaction_rate == pytest.approx(good / len(ratings))
    solved = [p.solved for p in october if p.solved is not None]
    assert figures.solved_rate == pytest.approx(sum(solved) / len(solved))


#: What the case fold keeps on ``work_case`` from the history lines, in plain SQL on them.
_FACTS_FROM_NOTES = """
SELECT w.id,
  EXISTS (SELECT 1 FROM case_note n WHERE n.case_id = w.id AND n.kind = 'settle_at_desk'),
  EXISTS (SELECT 1 FROM case_note n WHERE n.case_id = w.id AND n.kind = 'handle_at_station'),
  EXISTS (SELECT 1 FROM case_note n WHERE n.case_id = w.id AND n.kind = 'escalate'),
  EXISTS (SELECT 1 FROM case_note n WHERE n.case_id = w.id AND n.kind = 'to_mediation'),
  (SELECT MIN(at) FROM case_note n WHERE n.case_id = w.id AND n.kind = 'dispatch'),
  (SELECT MIN(at) FROM case_note n WHERE n.case_id = w.id AND n.kind = 'sign_for'),
  (SELECT MIN(at) FROM case_note n WHERE n.case_id = w.id
     AND n.kind IN ('reply', 'settle_at_desk')),
  (SELECT COUNT(*) FROM case_note n WHERE n.case_id = w.id AND n.kind = 'repeat')
FROM work_case w ORDER BY w.id
"""
_FACTS_KEPT = (
    "SELECT id, was_desk_settled, was_station_handled, was_escalated, was_sent_to_mediation, "
    "first_dispatched_at, first_signed_at, first_replied_at, repeat_count "
    "FROM work_case ORDER BY id"
)


def _facts(s, sql: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [tuple(row) for row in s.execute(text(sql))]


def test_history_facts_on_the_case_row_are_those_of_its_history(db, dataset) -> None:  # type: ignore[no-untyped-def]
    # The figures read the facts the fold keeps on the case row; they must be exactly what
    # the history table says, and a rebuild from events must give them again.
    from station.services.projection import verify_projections

    with db.read() as s:
        kept = _facts(s, _FACTS_KEPT)
        assert kept == _facts(s, _FACTS_FROM_NOTES)
        assert any(row[1] for row in kept) and any(row[8] == 2 for row in kept)
        assert verify_projections(s) == []


def test_an_event_cannot_write_the_history_facts(db, dataset) -> None:  # type: ignore[no-untyped-def]
    # They follow the history lines only: a payload naming them changes nothing.
    from dataclasses import replace

    from sqlalchemy import select

    from station.db.models import Event
    from station.services.events import EventRecord
    from station.services.projection import fold_case

    repeat_case = dataset.case_ids[[p.path for p in PLAN].index("repeat")]
    with db.read() as s:
        events = [
            EventRecord.from_row(e)
            for e in s.scalars(select(Event).where(Event.entity_id == repeat_case))
        ]
    honest = fold_case(events).rows["work_case"][0]
    forged = [
        replace(
            e,
            payload={
                **e.payload,
                "repeat_count": 99,
                "was_escalated": True,
                "first_signed_at": None,
            },
        )
        if e.event_type == "created"
        else e
        for e in events
    ]
    row = fold_case(forged).rows["work_case"][0]
    assert honest["repeat_count"] == 2 and not honest["was_escalated"]
    assert (row["repeat_count"], row["was_escalated"]) == (2, False)
    assert row["first_replied_at"] == honest["first_replied_at"] is not None


def test_migration_0006_fills_old_rows_as_the_fold_does(db, dataset) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from station.db.migrate import alembic_config, upgrade

    with db.read() as s:
        folded = _facts(s, _FACTS_KEPT)
    command.downgrade(alembic_config(db.engine), "0005")
    with db.read() as s:
        columns = {row[1] for row in s.execute(text("PRAGMA table_info(work_case)"))}
        assert "first_signed_at" not in columns and "summary" in columns
    upgrade(db.engine)  # the columns come back, filled from the history table
    with db.read() as s:
        assert _facts(s, _FACTS_KEPT) == folded
        figures = st.case_figures(s, period=PERIOD, today=TODAY)
        for name, value in _independent_case_counts(s).items():
            assert getattr(figures, name) == value, name


def test_click_through_and_groups_agree_with_the_figures(db, dataset) -> None:  # type: ignore[no-untyped-def]
    scope = st.Scope(st.ScopeKind.COMMUNITY, "C1")
    with db.read() as s:
        for sc in (st.TOWN, scope):
            figures = st.case_figures(s, period=PERIOD, scope=sc, today=TODAY)
            for name in ("signed_on_time", "replied_on_time", "escalated", "repeated"):
                ids = st.drill_case_ids(
                    s, period=PERIOD, scope=sc, drill=st.Drill(name), today=TODAY
                )
                assert len(ids) == getattr(figures, name) > 0, name
        groups = st.case_groups(s, period=PERIOD, by="grid", today=TODAY)
        assert (
            sum(g.figures.replied_on_time for g in groups)
            == st.case_figures(s, period=PERIOD, today=TODAY).replied_on_time
        )


@pytest.mark.parametrize(
    ("scope", "where"),
    [
        (st.Scope(st.ScopeKind.COMMUNITY, "C1"), "AND grid_id IN ('C1-01', 'C1-02')"),
        (st.Scope(st.ScopeKind.COMMUNITY, "V1"), "AND grid_id = 'V1-01'"),
        (st.Scope(st.ScopeKind.GRID, "C1-02"), "AND grid_id = 'C1-02'"),
        (st.Scope(st.ScopeKind.STATION, ""), "AND station_code = 'TS01'"),  # this station
        (st.Scope(st.ScopeKind.STATION, "TS02"), "AND station_code = 'TS02'"),
    ],
)
def test_scopes_narrow_every_figure(db, dataset, scope, where) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        figures = st.case_figures(s, period=PERIOD, scope=scope, today=TODAY)
        expected = _independent_case_counts(s, where)
    assert figures.received > 0
    for name, value in expected.items():
        assert getattr(figures, name) == value, name


def test_breakdowns_add_up_and_match_group_by(db, dataset) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        total = st.case_figures(s, period=PERIOD, today=TODAY).received
        by_channel = st.case_counts(s, period=PERIOD, by="channel")
        sql_channel = dict(
            s.execute(
                text(f"SELECT channel, COUNT(*) FROM work_case WHERE {IN_PERIOD} GROUP BY channel")
            ).all()
        )
        by_category = st.case_counts(s, period=PERIOD, by="category")
        by_community = st.case_counts(s, period=PERIOD, by="community")
        by_grid = st.case_counts(s, period=PERIOD, by="grid")
        sql_c1 = _one(
            s,
            f"SELECT COUNT(*) FROM work_case WHERE {IN_PERIOD} "
            "AND grid_id IN (SELECT id FROM grid WHERE community_id = 'C1')",
        )
        sql_k1 = _one(
            s,
            f"SELECT COUNT(*) FROM work_case WHERE {IN_PERIOD} AND category_id IN "
            "(SELECT id FROM category WHERE id = 'K1' OR parent_id = 'K1')",
        )
    assert {c.key: c.count for c in by_channel} == sql_channel
    assert [c.label for c in by_channel][:2] == ["来访", "来电"]  # in the channel list's order
    for breakdown in (by_channel, by_category, by_community, by_grid):
        assert sum(c.count for c in breakdown) == total
    assert {c.key for c in by_category} == {"K1", "K2"}  # subcategories roll up
    assert next(c for c in by_category if c.key == "K1").count == sql_k1
    assert next(c for c in by_community if c.key == "C1").count == sql_c1
    assert next(c for c in by_community if c.key == "C1").label == "东街社区"


def test_grouped_figures_sum_to_the_whole(db, dataset) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        whole = st.case_figures(s, period=PERIOD, today=TODAY)
        for by in ("channel", "category", "community", "grid", "month"):
            groups = st.case_groups(s, period=PERIOD, by=by, today=TODAY)
            for f in fields(st.CaseFigures):
                assert sum(getattr(g.figures, f.name) for g in groups) == getattr(whole, f.name), (
                    by,
                    f.name,
                )


def test_every_figure_clicks_through_to_exactly_its_cases(db, dataset) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        figures = st.case_figures(s, period=PERIOD, today=TODAY)
        for f in fields(st.CaseFigures):
            if f.name == "repeat_requests":
                continue  # lines, not cases: its list is the cases with repeats
            ids = st.drill_case_ids(s, period=PERIOD, drill=st.Drill(f.name), today=TODAY)
            assert len(ids) == len(set(ids)) == getattr(figures, f.name), f.name
        late = st.drill_case_ids(s, period=PERIOD, drill=st.Drill("signed_late"), today=TODAY)
        assert len(late) == figures.signed_for - figures.signed_on_time == 1
        for group in st.case_groups(s, period=PERIOD, by="category", today=TODAY):
            ids = st.drill_case_ids(
                s, period=PERIOD, drill=st.Drill("rated", "category", group.key), today=TODAY
            )
            assert len(ids) == group.figures.rated
        overdue = st.drill_case_ids(s, period=PERIOD, drill=st.Drill("overdue_now"), today=TODAY)
        assert len(overdue) == st.overdue_now(s, today=TODAY) == figures.overdue
        received = st.drill_case_ids(s, period=PERIOD, drill=st.Drill(), today=TODAY)
        when = dict(s.execute(text("SELECT id, received_at FROM work_case")).all())
    assert len(received) == figures.received
    times = [str(when[i]) for i in received]
    assert times == sorted(times, reverse=True)  # newest first, as the case list shows them
    assert all(START <= t < END for t in times)


def _independent_mediation_counts(s) -> dict[str, int]:  # type: ignore[no-untyped-def]
    base = (
        "SELECT {what} FROM mediation_case m WHERE accepted_on >= '2026-10-01' "
        "AND accepted_on <= '2026-10-31'"
    )
    count = base.format(what="COUNT(*)")
    parties = "(SELECT COUNT(*) FROM mediation_party p WHERE p.mediation_id = m.id)"
    return {
        "taken": _one(s, f"{count} AND status <> 'not_accepted'"),
        "succeeded": _one(s, f"{count} AND status = 'succeeded'"),
        "failed": _one(s, f"{count} AND status = 'failed'"),
        "open": _one(s, f"{count} AND status IN ('accepted', 'in_progress')"),
        "written": _one(s, f"{count} AND status = 'succeeded' AND agreement_form = 'written'"),
        "oral": _one(s, f"{count} AND status = 'succeeded' AND agreement_form = 'oral'"),
        "amount_fen": _one(s, base.format(what="SUM(amount_fen)") + " AND status = 'succeeded'"),
        "performed": _one(s, f"{count} AND performance_status = 'performed'"),
        "prevented_criminal": _one(s, f"{count} AND prevented_criminal = 1"),
        "prevented_petition": _one(s, f"{count} AND prevented_petition = 1"),
        "prevented_criminal_persons": _one(
            s, base.format(what=f"SUM({parties})") + " AND prevented_criminal = 1"
        ),
    }


def test_mediation_figures_equal_independent_sql_and_the_plan(db, dataset) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        figures = st.mediation_figures(s, period=PERIOD)
        expected = _independent_mediation_counts(s)
        by_type = st.mediation_groups(s, period=PERIOD, by="dispute_type")
        by_mediator = st.mediation_groups(s, period=PERIOD, by="mediator")
    for name, value in expected.items():
        assert getattr(figures, name) == value, name
    outcomes = [m[2] for m in MEDIATIONS]
    assert figures.taken == len(MEDIATIONS)
    assert figures.succeeded == outcomes.count("written") + outcomes.count("oral")
    assert figures.success_rate == pytest.approx(figures.succeeded / figures.taken)
    assert figures.amount_fen == sum(m[3] or 0 for m in MEDIATIONS if m[2] != "failed")
    assert figures.court_confirmed == sum(1 for m in MEDIATIONS if m[5] == "valid")
    assert figures.court_applied == sum(1 for m in MEDIATIONS if m[5])
    # The first case has three parties and prevented a criminal case; the failed one two.
    assert figures.prevented_criminal == 2 and figures.prevented_criminal_persons == 5
    assert {g.label: g.figures.taken for g in by_type} == {"邻里": 3, "婚姻家庭": 2}
    # Cases with two mediators count for both.
    assert {g.label: g.figures.taken for g in by_mediator} == {"陈和顺": 5, "黄志坚": 2}


def test_mediation_click_through_needs_the_mediation_role(db, dataset, clerk) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        figures = st.mediation_figures(s, period=PERIOD)
        for name in ("taken", "succeeded", "written", "oral", "court_confirmed", "performed"):
            ids = st.drill_mediation_ids(s, actor=ADMIN, period=PERIOD, drill=st.Drill(name))
            assert len(ids) == getattr(figures, name), name
        ids = st.drill_mediation_ids(
            s, actor=ADMIN, period=PERIOD, drill=st.Drill("taken", "mediator", "R2")
        )
        assert len(ids) == 2
        with pytest.raises(PermissionDenied):
            st.drill_mediation_ids(s, actor=clerk, period=PERIOD, drill=st.Drill("taken"))


def test_dashboard_has_everything_and_a_twelve_month_trend(db, dataset) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s:
        board = st.dashboard(s, period=PERIOD, today=TODAY)
        # The page's breakdowns come from one grouped query: the same as one query each.
        for by in ("channel", "category", "community", "grid"):
            assert getattr(board, f"by_{by}") == tuple(st.case_counts(s, period=PERIOD, by=by))
    assert board.cases.received == sum(c.count for c in board.by_channel)
    assert board.overdue_now == board.cases.overdue  # no older case is still open
    assert board.mediations.taken == len(MEDIATIONS)
    assert len(board.trend) == 12 and board.trend[-1].month == "2026-10"
    assert board.trend[-1].received == board.cases.received
    assert board.trend[-2].received == sum(1 for p in PLAN if p.day == 0)  # 30 September
    assert board.trend[-1].mediations == len(MEDIATIONS)
    assert board.scope_label == "测试镇全镇"


def test_town_trend_counts_months_like_the_grouped_query(db, dataset) -> None:  # type: ignore[no-untyped-def]
    # Town-wide the trend counts each month on the index; a narrower scope groups by month.
    # Both must agree with SQL month by month, empty months (November) included.
    with db.read() as s:
        town = st.monthly_trend(s, last=date(2026, 11, 30), months=3)
        whole_station = st.monthly_trend(
            s, scope=st.Scope(st.ScopeKind.STATION, "TS01"), last=date(2026, 11, 30), months=3
        )
        sql = {
            month: _one(
                s,
                f"SELECT COUNT(*) FROM work_case WHERE strftime('%Y-%m', received_at) = '{month}'",
            )
            for month in ("2026-09", "2026-10", "2026-11")
        }
        station_sql = _one(
            s, f"SELECT COUNT(*) FROM work_case WHERE {IN_PERIOD} AND station_code = 'TS01'"
        )
    assert [(p.month, p.received) for p in town] == list(sql.items())
    assert sql["2026-09"] == 1 and sql["2026-10"] == len(PLAN) - 1
    assert [p.month for p in whole_station] == list(sql)
    assert whole_station[1].received == station_sql < sql["2026-10"]


def test_periods_and_scopes_are_checked() -> None:
    assert st.Period.parse_month("2026-10") == st.Period(date(2026, 10, 1), date(2026, 10, 31))
    assert st.Period.parse_month("2026-12").end == date(2026, 12, 31)
    assert st.Period.parse_month("2026-02").label == "2026年2月"
    with pytest.raises(ValidationError):
        st.Period.parse_month("十月")
    with pytest.raises(ValidationError):
        st.Period(date(2026, 10, 2), date(2026, 10, 1))
    assert st.Scope.parse("community:C1") == st.Scope(st.ScopeKind.COMMUNITY, "C1")
    with pytest.raises(ValidationError):
        st.Scope.parse("county")
    assert st.format_rate(None) == "—" and st.format_rate(0.9736) == "97.4%"


def test_unknown_scope_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    with db.read() as s, pytest.raises(ValidationError, match="没有编号"):
        st.case_figures(s, period=PERIOD, scope=st.Scope(st.ScopeKind.GRID, "NOPE"))
