"""Scopes: a station receives exactly what it may see — its grids and what is routed to it;
a department what is dispatched to it; the center everything; reference data everyone."""

from __future__ import annotations

from sqlalchemy import select
from sync_support import NOW

from station.db.models import Case, Category, Event, Grid, Person
from station.services import cases, persons
from station.services.overview import check_database


def _case(station, *, grid: str, summary: str, category: str = "K21"):  # type: ignore[no-untyped-def]
    with station.db.transaction() as s:
        p = persons.create_person(
            s, actor=station.actor, name=f"{summary}的居民", phone="13800138002", grid_id=grid
        )
        return cases.create_case(
            s,
            actor=station.actor,
            summary=summary,
            received_at=NOW,
            requester_id=p.id,
            grid_id=grid,
            category_id=category,
        )


def _case_ids(station) -> set[str]:  # type: ignore[no-untyped-def]
    with station.db.read() as s:
        return set(s.scalars(select(Case.id)))


def _entity_ids(station) -> set[str]:  # type: ignore[no-untyped-def]
    with station.db.read() as s:
        return set(s.scalars(select(Event.entity_id)))


def test_villages_see_only_their_own_and_the_center_sees_all(make_station) -> None:  # type: ignore[no-untyped-def]
    ts, vs, center, dept = (make_station(c) for c in ("TS01", "VS01", "CT01", "DP01"))
    a = _case(ts, grid="C1-01", summary="东街堆放杂物")
    b = _case(vs, grid="V1-01", summary="溪口村秸秆焚烧")
    for st in (ts, vs, center, dept):
        st.sync()
    for st in (ts, vs, center, dept):
        st.sync()
    assert _case_ids(ts) == {a.id}
    assert _case_ids(vs) == {b.id}
    assert _case_ids(center) == {a.id, b.id}
    assert _case_ids(dept) == set()
    # Not even the requester of another village's case reaches the event log.
    assert _entity_ids(vs) & _entity_ids(ts) == set()
    # Reference data reaches everyone, departments included.
    with dept.db.read() as s:
        assert len(s.scalars(select(Grid)).all()) == 3
        assert len(s.scalars(select(Category)).all()) == 4


def test_a_case_in_another_stations_grid_is_routed_there(make_station) -> None:  # type: ignore[no-untyped-def]
    """The center records a request about 溪口村: the village receives it."""
    vs, center = make_station("VS01"), make_station("CT01")
    center.sync()
    c = _case(center, grid="V1-01", summary="中心受理的溪口村诉求")
    center.sync()
    vs.sync()
    assert _case_ids(vs) == {c.id}


def test_dispatched_case_arrives_with_its_whole_history(make_station, dispatcher) -> None:  # type: ignore[no-untyped-def]
    ts, center, dept = make_station("TS01"), make_station("CT01"), make_station("DP01")
    c = _case(ts, grid="C1-01", summary="河道养鸭污染")
    with ts.db.transaction() as s:
        cases.act_on_case(s, actor=ts.actor, case_id=c.id, action="escalate")
        cases.add_note(s, actor=ts.actor, case_id=c.id, text="已拍照取证")
    other = _case(ts, grid="C1-02", summary="另一件不派单的事")
    ts.sync()
    dept.sync()
    assert _case_ids(dept) == set()  # nothing dispatched yet: the cursor moves on past it
    center.sync()
    with center.db.transaction() as s:
        cases.act_on_case(
            s, actor=center.actor, case_id=c.id, action="dispatch", department_id="D-CG"
        )
    center.sync()
    report = dept.sync()
    assert _case_ids(dept) == {c.id}
    assert report.pulled == 5  # person, case, escalate, note, dispatch
    with dept.db.read() as s:
        detail = cases.get_case(s, case_id=c.id)
        assert detail.status == "dispatched" and detail.requester == "河道养鸭污染的居民"
        assert [n.kind for n in detail.notes] == ["escalate", "note", "dispatch"]
        assert s.get(Person, detail.requester_id) is not None
        assert check_database(s).ok, check_database(s).problems
    assert other.id not in _case_ids(dept)
    # The department works the case; the station that received it sees the progress.
    with dept.db.transaction() as s:
        cases.act_on_case(s, actor=dept.actor, case_id=c.id, action="sign_for")
    dept.sync()
    ts.sync()
    with ts.db.read() as s:
        assert cases.get_case(s, case_id=c.id).status == "in_progress"


def test_re_registering_a_station_changes_what_it_receives_next(make_station, server) -> None:  # type: ignore[no-untyped-def]
    """The server keeps the stations' scopes between pushes; a new registration of a
    station (other grids) must take effect with the very next push, both ways."""
    ts, vs = make_station("TS01"), make_station("VS01")
    before = _case(ts, grid="C1-01", summary="登记前的东街诉求")
    ts.sync()  # the server has loaded (and kept) the scopes
    vs.sync()
    assert _case_ids(vs) == set()

    server.add_station("VS01", kind="village", grids=("V1-01", "C1-01"))
    during = _case(ts, grid="C1-01", summary="扩大网格后的东街诉求")
    ts.sync()
    vs.sync()
    assert _case_ids(vs) == {during.id}  # audiences grow from a push on, not back in time

    server.add_station("VS01", kind="village", grids=("V1-01",))
    after = _case(ts, grid="C1-01", summary="收回网格后的东街诉求")
    ts.sync()
    vs.sync()
    assert _case_ids(vs) == {during.id}
    assert {before.id, after.id} <= _case_ids(ts)
