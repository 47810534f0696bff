"""A year of the demo town's life, as events.

Nothing here touches a database: residents, work orders and mediation cases are written as
the very :class:`~station.services.events.EventRecord` s the services would have written
(same event types, same payload shapes, JSON-ready values), so that folding them with
:func:`station.services.projection.fold_all` gives the rows the live path would have given.

Everything random comes from the ``random.Random`` passed in, and no clock is read: the same
seed and ``today`` always give the same events, ids and HLC times included. The details
added later (dispatch: joint handling, extensions, reminders, 督办 notes; mediation: agent
kinds, performance notes, court confirmation, timer extensions, visit details, archiving)
draw from small streams seeded by the record's own id, so the rest stays as it was and a
shard gives the same events wherever it runs.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from station.demo import texts
from station.demo.names import (
    OCCUPATIONS,
    SHE_SURNAMES,
    SHOWCASE_NAME,
    NameMaker,
    PhonePool,
    birth_date,
    resident_id,
)
from station.demo.rand import Weighted
from station.demo.reference import TOWN, CategoryInfo, GridInfo, Town
from station.domain.case_workflow import TERMINAL_STATUSES, TRANSITIONS, CaseAction
from station.domain.dispatch import DispatchStep, ExtensionState, sign_deadline
from station.domain.enums import (
    AgreementForm,
    CaseStatus,
    Channel,
    MediationSource,
    MediationStatus,
    PartyRole,
    PerformanceStatus,
    Rating,
    Route,
    Urgency,
)
from station.domain.mediation_rules import AgentKind, CourtConfirmation, one_month_after
from station.domain.numbers import case_number, mediation_number
from station.domain.working_days import add_working_days, is_working_day
from station.services.events import BASE_KEY, EventRecord

S = CaseStatus
A = CaseAction
M = MediationStatus

# Demo times are local (Asia/Shanghai, UTC+8); HLC milliseconds count from the Unix epoch.
_EPOCH = datetime(1970, 1, 1, 8)
_MINUTE = timedelta(minutes=1)
_DAY = timedelta(days=1)


def iso(value: datetime | date) -> str:
    """How a datetime or date travels in a payload (as ``station.services.events.to_payload``)."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@lru_cache(maxsize=4096)
def _working(day: date) -> bool:
    return is_working_day(day)


@lru_cache(maxsize=65536)
def _deadline(start: date, days: int) -> date:
    return add_working_days(start, days)


# --------------------------------------------------------------------------- event log


class EventLog:
    """Collects events, stamping each with a UUIDv7-shaped id and an HLC time.

    The HLC is derived from the event's own (logical) time: wall milliseconds of that time
    plus a little jitter, and a counter for events that land on the same millisecond. An
    entity's events get strictly increasing times in the order they are added, so its fold
    sees them in the order they happened.

    Logs filled side by side (the demo writes in shards) stay apart by taking only
    milliseconds ``≡ residue (mod modulus)``, so no two events of the station share an HLC.
    """

    def __init__(
        self, *, rng: random.Random, station_code: str, residue: int = 0, modulus: int = 1
    ):
        self.records: list[EventRecord] = []
        self._rng = rng
        self._random = rng.random
        self._station = station_code
        self._residue, self._modulus = residue, modulus
        self._counters: dict[int, int] = {}
        self._last_ms: dict[str, int] = {}

    def new_id(self, at: datetime) -> str:
        return self._uuid7(_millis(at))

    def _uuid7(self, ms: int) -> str:
        bits = self._rng.getrandbits(74)
        value = (ms << 80) | (0x7 << 76) | ((bits >> 62) << 64) | (0b10 << 62) | (bits & _B62)
        h = f"{value:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def add(
        self,
        *,
        at: datetime,
        entity_type: str,
        entity_id: str,
        event_type: str,
        author: str,
        payload: dict[str, Any],
    ) -> str:
        """Append an event; returns its id."""
        ms = _millis(at) + int(self._random() * 1000)
        ms += (self._residue - ms) % self._modulus
        last = self._last_ms.get(entity_id)
        if last is not None and ms <= last:
            ms = last + self._modulus
        self._last_ms[entity_id] = ms
        counter = self._counters.get(ms, 0)
        self._counters[ms] = counter + 1
        event_id = self._uuid7(ms)
        self.records.append(
            EventRecord(
                event_id=event_id,
                entity_type=entity_type,
                entity_id=entity_id,
                event_type=event_type,
                station_code=self._station,
                author=author,
                hlc=f"{ms:015d}-{counter:05d}",  # HlcTimestamp(ms, counter).encode(), inlined
                payload=payload,
            )
        )
        return event_id

    def write(
        self,
        *,
        at: datetime,
        entity_type: str,
        entity_id: str,
        event_type: str,
        author: str,
        payload: dict[str, Any],
        written: dict[str, Any],
        writers: dict[str, str],
    ) -> str:
        """Append an event that writes the fields ``written``, stamped with ``_base`` as
        ``record_event`` does (which event last wrote each field); ``writers`` is the
        entity's field -> event id map, kept up to date here."""
        if written:
            payload[BASE_KEY] = {k: writers.get(k, "") for k in written}
        event_id = self.add(
            at=at,
            entity_type=entity_type,
            entity_id=entity_id,
            event_type=event_type,
            author=author,
            payload=payload,
        )
        for key in written:
            writers[key] = event_id
        return event_id


_B62 = (1 << 62) - 1


_EPOCH_DAY = _EPOCH.toordinal()


def _millis(at: datetime) -> int:
    """Milliseconds since the Unix epoch of a local (UTC+8) time, as ``(at - _EPOCH)`` in
    whole milliseconds, without building a timedelta (this runs for every event)."""
    seconds = (at.toordinal() - _EPOCH_DAY) * 86_400 + at.hour * 3600 + at.minute * 60
    return (seconds + at.second - 8 * 3600) * 1000 + at.microsecond // 1000


# --------------------------------------------------------------------------- residents


@dataclass(slots=True)
class Resident:
    id: str
    name: str
    gender: str
    grid: GridInfo


def make_residents(
    *,
    rng: random.Random,
    log: EventLog,
    names: NameMaker,
    town: Town,
    count: int,
    start: datetime,
    today: date,
) -> list[Resident]:
    """``count`` residents registered at the stations in the half year before ``start``."""
    phones = PhonePool(rng)
    used_ids: set[str] = set()
    residents: list[Resident] = []
    communities = {c.id: c for c in town.communities}
    showcase = rng.randrange(count)
    for i in range(count):
        gender = "female" if rng.random() < 0.5 else "male"
        name = names.name(gender)
        if i == showcase:
            name, gender = SHOWCASE_NAME, "female"
        grid = rng.choice(town.grids)
        community = communities[grid.community_id]
        born = birth_date(rng, today=today)
        id_number = ""
        if rng.random() < 0.94:  # some elderly residents never gave their number
            while not id_number or id_number in used_ids:
                id_number = resident_id(rng, birth=born, gender=gender)
            used_ids.add(id_number)
        phone = phones.take() if rng.random() < 0.97 else ""
        if community.streets:
            if community.estates and rng.random() < 0.3:
                address = (
                    f"{TOWN}{community.name}{community.estates[0]}"
                    f"{rng.randint(1, 24)}幢{rng.randint(1, 18)}0{rng.randint(1, 4)}室"
                )
            else:
                address = (
                    f"{TOWN}{community.name}{rng.choice(community.streets)}{rng.randint(1, 260)}号"
                )
        else:
            address = f"{TOWN}{community.name}{rng.randint(1, 12)}组{rng.randint(1, 90)}号"
        ethnicity = "畲族" if name[0] in SHE_SURNAMES and rng.random() < 0.6 else "汉族"
        at = _office_time(start - timedelta(days=rng.randint(1, 180)), rng.randrange(600))
        person_id = log.new_id(at)
        log.add(
            at=at,
            entity_type="person",
            entity_id=person_id,
            event_type="created",
            author="wangge" if rng.random() < 0.6 else "jiedai",
            payload={
                "name": name,
                "gender": gender,
                "phone": phone,
                "id_number": id_number,
                "ethnicity": ethnicity,
                "occupation": OCCUPATIONS.pick(rng),
                "address": address,
                "community_id": grid.community_id,
                "grid_id": grid.id,
                "created_at": iso(at),
            },
        )
        residents.append(Resident(person_id, name, gender, grid))
    return residents


def _office_time(day: datetime, minutes: int) -> datetime:
    """``minutes`` (0–599) into office hours 08:00–18:00 of ``day``'s date."""
    return datetime.combine(day.date(), time(8)) + timedelta(minutes=minutes % 600)


# --------------------------------------------------------------------------- work orders

# Cases arrive evenly over the year and their histories are cut off at its end, so the
# statuses come out as in a real station: most long archived, last month's closed cases
# not yet archived, the open ones recent. Besides running the full course a case may end
# early (per cent):
_ENDINGS = Weighted(((None, 93.0), (S.TO_MEDIATION, 3.0), (S.MERGED, 2.0), (S.VOID, 2.0)))
# The first cases of every demo are made to end in each status once, so even a tiny demo
# shows them all; open ones end this many days (on average) before the end of the year.
_OPEN_SLACK = {
    S.RECEIVED: 1.5,
    S.DESK_SETTLED: 1.0,
    S.STATION_HANDLING: 4.0,
    S.AWAITING_DISPATCH: 2.0,
    S.DISPATCHED: 1.0,
    S.IN_PROGRESS: 6.0,
    S.REPLIED: 3.0,
    S.AWAITING_VISIT: 3.0,
}
# Flavours: how a case travels (desk, station, center, station then center).
_FLAVOURS = {
    S.RECEIVED: ("desk", "station", "center"),
    S.DESK_SETTLED: ("desk",),
    S.STATION_HANDLING: ("station",),
    S.AWAITING_DISPATCH: ("center", "center", "center", "escalated"),
    S.DISPATCHED: ("center", "center", "center", "escalated"),
    S.IN_PROGRESS: ("center", "center", "center", "escalated"),
    S.REPLIED: ("center", "station"),
    S.AWAITING_VISIT: ("desk", "station", "station", "center", "center"),
    S.CLOSED: ("desk", "desk", "station", "station", "station", "center", "center", "escalated"),
    S.ARCHIVED: ("desk", "desk", "station", "station", "station", "center", "center", "escalated"),
    S.MERGED: ("desk", "station", "center"),
    S.VOID: ("desk", "station", "center"),
}
_ROUTE_OF_FLAVOUR = {
    "desk": Route.DESK.value,
    "station": Route.STATION.value,
    "escalated": Route.STATION.value,
    "center": Route.CENTER.value,
}
_CHANNELS = Weighted(
    (
        (Channel.WALK_IN, 36),
        (Channel.PHONE, 20),
        (Channel.WECHAT, 18),
        (Channel.GRID_VISIT, 20),
        (Channel.HOTLINE_12345, 5),
        (Channel.OTHER, 1),
    )
)
# (earliest, latest) minutes after the previous step.
_DELAYS: dict[CaseAction, tuple[int, int]] = {
    A.SETTLE_AT_DESK: (5, 40),
    A.HANDLE_AT_STATION: (10, 180),
    A.ESCALATE: (30, 1440),
    A.DISPATCH: (20, 1200),
    A.SIGN_FOR: (10, 480),
    A.RETURN: (120, 2880),
    A.REPLY: (1440, 7200),  # scaled by the category's time limit below
    A.REQUEST_VISIT: (10, 1440),
    A.CLOSE: (120, 4320),
    A.REWORK: (1440, 4320),
    A.ARCHIVE: (0, 0),  # at the monthly archiving, see _schedule
    A.TO_MEDIATION: (30, 2880),
    A.MERGE: (60, 2880),
    A.VOID: (10, 1440),
}
# Actions taken by the town center or departments: working days only.
_OFFICE_ONLY = frozenset({A.DISPATCH, A.SIGN_FOR, A.RETURN, A.ARCHIVE, A.REWORK})
_RATINGS = Weighted(
    (
        (Rating.SATISFIED.value, 86),
        (Rating.BASICALLY_SATISFIED.value, 10),
        (Rating.DISSATISFIED.value, 4),
    )
)


@dataclass(slots=True)
class Step:
    action: CaseAction
    delay: int  # minutes after the previous step (before office-hour adjustment)
    jitter: int  # 0–599: where in office hours a step pushed out of them lands
    at: datetime = datetime.min


@dataclass(slots=True)
class CasePlan:
    index: int
    id: str
    status: CaseStatus  # where its steps leave it at the end of the demo year
    flavour: str
    category: CategoryInfo
    channel: Channel
    requester: Resident | None
    grid: GridInfo
    received_at: datetime
    steps: list[Step]
    number: str = ""
    mediation_id: str | None = None
    duplicate_of: CasePlan | None = None  # for a merged case: the case it duplicates


@dataclass(slots=True)
class ToMediation:
    """A case sent to mediation: the mediation case that takes it over."""

    case: CasePlan
    at: datetime  # when the case was sent over
    mediation_id: str


@dataclass
class CaseResult:
    plans: list[CasePlan]
    counters: dict[str, int]  # NumberCounter series -> last number
    to_mediation: list[ToMediation] = field(default_factory=list)


class CaseMaker:
    def __init__(
        self,
        *,
        rng: random.Random,
        log: EventLog,
        town: Town,
        residents: list[Resident],
        names: NameMaker,
        start: datetime,
        end: datetime,
        station_code: str,
    ):
        self.rng, self.log, self.town = rng, log, town
        self.residents, self.names = residents, names
        self.start, self.end, self.station = start, end, station_code
        leaves = [c for c in town.categories.values() if c.weight]
        self.by_route = {
            route.value: Weighted((c, c.weight) for c in leaves if c.route == route.value)
            for route in Route
        }
        self.disputes = Weighted((c, c.weight) for c in leaves if c.parent_id == "K01")
        self.categories = Weighted((c, c.weight) for c in leaves)
        self.communities = {c.id: c for c in town.communities}
        self.department_ids = list(town.departments)

    # ----------------------------------------------------------------- planning

    def plan(self, count: int, *, linked_mediations: int) -> CaseResult:
        """``count`` cases numbered in order of receipt; the first ``linked_mediations``
        sent to mediation get the id of the mediation case that takes them over."""
        statuses = list(S)
        plans = [
            self._plan_one(i, statuses[i] if i < len(statuses) else None) for i in range(count)
        ]
        plans.sort(key=lambda p: (p.received_at, p.index))
        counters: dict[str, int] = {}
        for p in plans:
            series = f"case:{self.station}:{p.received_at:%Y%m%d}"
            counters[series] = counters.get(series, 0) + 1
            p.number = case_number(
                station_code=self.station, day=p.received_at.date(), seq=counters[series]
            )
        result = CaseResult(plans, counters)
        last_by_category: dict[str, CasePlan] = {}
        for i, p in enumerate(plans):
            if p.status is S.TO_MEDIATION and len(result.to_mediation) < linked_mediations:
                at = p.steps[-1].at
                p.mediation_id = self.log.new_id(at - _MINUTE)
                result.to_mediation.append(ToMediation(p, at, p.mediation_id))
            elif p.status is S.MERGED and len(plans) > 1:
                # A duplicate (合并重复件) is merged into the case of its category received
                # just before it, or else the case received just before it.
                p.duplicate_of = last_by_category.get(p.category.id) or plans[i - 1 if i else 1]
            last_by_category[p.category.id] = p
        return result

    def _plan_one(self, index: int, forced: CaseStatus | None) -> CasePlan:
        """One case: made to end in ``forced``, or else arriving at a random time of the
        year and getting as far along its course as the year allows."""
        rng = self.rng
        target = forced or _ENDINGS.pick(rng)
        if target is S.TO_MEDIATION:
            category = self.disputes.pick(rng)
            flavour = "center" if category.route == Route.CENTER.value else "station"
        elif forced is not None:
            flavour = rng.choice(_FLAVOURS[target])
            category = self.by_route[_ROUTE_OF_FLAVOUR[flavour]].pick(rng)
        else:
            category = self.categories.pick(rng)
            flavour = _flavour_of_route(rng, category.route)
        channel = _CHANNELS.pick(rng)
        requester: Resident | None = rng.choice(self.residents)
        if channel is Channel.HOTLINE_12345 and rng.random() < 0.3:
            requester = None  # anonymous 12345 calls
        elif channel is Channel.GRID_VISIT and rng.random() < 0.4:
            requester = None  # found by the grid worker on patrol
        grid = requester.grid if requester and rng.random() < 0.9 else rng.choice(self.town.grids)
        actions = self._full_path(flavour) if target is None else self._actions(target, flavour)
        steps = [Step(a, self._delay(a, category), rng.randrange(600)) for a in actions]
        if forced is None:
            received = self._arrival(channel)
            if steps:
                _schedule(received, steps)
                steps = [s for s in steps if s.at < self.end]  # what has happened so far
        else:
            received = self._place(forced, channel, steps)
        return CasePlan(
            index=index,
            id=self.log.new_id(received),
            status=_status_after([s.action for s in steps]),
            flavour=flavour,
            category=category,
            channel=channel,
            requester=requester,
            grid=grid,
            received_at=received,
            steps=steps,
        )

    def _actions(self, target: CaseStatus, flavour: str) -> list[CaseAction]:
        rng = self.rng
        path = self._full_path(flavour)
        if target in (S.TO_MEDIATION, S.MERGED, S.VOID):
            # Cut after a few steps while the case is still open, then take the action.
            k = 0 if rng.random() < 0.6 else rng.randint(0, 3)
            while k and _status_after(path[:k]) not in _OPEN:
                k -= 1
            if target is S.TO_MEDIATION:
                return [*path[:k], A.TO_MEDIATION]
            return [*path[:k], A.MERGE if target is S.MERGED else A.VOID]
        if target is S.RECEIVED:
            return []
        for _ in range(100):  # optional detours (a visit after a desk answer…) may be needed
            status = S.RECEIVED
            hits = []
            for i, action in enumerate(path):
                status = _NEXT[status, action]
                if status is target:
                    hits.append(i + 1)
            if hits:
                return path[: hits[-1] if rng.random() < 0.7 else rng.choice(hits)]
            path = self._full_path(flavour)
        raise AssertionError(f"{target} not reachable by {flavour}")

    def _full_path(self, flavour: str) -> list[CaseAction]:
        rng = self.rng
        if flavour == "desk":
            visit = [A.REQUEST_VISIT] if rng.random() < 0.3 else []
            return [A.SETTLE_AT_DESK, *visit, A.CLOSE, A.ARCHIVE]
        if flavour == "station":
            return [A.HANDLE_AT_STATION, A.REPLY, A.REQUEST_VISIT, A.CLOSE, A.ARCHIVE]
        path = [A.HANDLE_AT_STATION] if flavour == "escalated" else []
        path += [A.ESCALATE, A.DISPATCH]
        if rng.random() < 0.08:  # 退单: sent back, dispatched again
            path += [A.RETURN, A.DISPATCH]
        path.append(A.SIGN_FOR)
        if rng.random() < 0.03:  # returned after signing for it
            path += [A.RETURN, A.DISPATCH, A.SIGN_FOR]
        path += [A.REPLY, A.REQUEST_VISIT]
        if rng.random() < 0.05:  # 不满意 → 重办
            path += [A.REWORK, A.DISPATCH, A.SIGN_FOR, A.REPLY, A.REQUEST_VISIT]
        return [*path, A.CLOSE, A.ARCHIVE]

    def _delay(self, action: CaseAction, category: CategoryInfo) -> int:
        rng = self.rng
        low, high = _DELAYS[action]
        if action is A.REPLY:
            # Most replies inside the time limit (working days ≈ 1.4 calendar days), a few late.
            limit_minutes = int(category.limit * 1.4 * 1440)
            high = max(low + 60, limit_minutes)
            if rng.random() < 0.08:
                high *= 2
        elif action in (A.SIGN_FOR, A.DISPATCH) and rng.random() < 0.03:
            high *= 8  # the odd case that lies around (and ends up supervised)
        return rng.randint(low, high)

    def _arrival(self, channel: Channel) -> datetime:
        """A random moment of the demo year at which a request on ``channel`` arrives."""
        rng = self.rng
        day = (self.start + timedelta(days=rng.randrange((self.end - self.start).days))).date()
        if channel in (Channel.WALK_IN, Channel.GRID_VISIT) and day.weekday() == 6:
            # Stations are closed on Sundays (and the day before is still in the year).
            day -= _DAY if day - _DAY >= self.start.date() else -_DAY
        return datetime.combine(day, time()) + timedelta(minutes=_receive_minute(rng, channel))

    def _place(self, target: CaseStatus, channel: Channel, steps: list[Step]) -> datetime:
        """Received time for a case made to end in ``target``: all its steps fit in the
        year, and an open one has its last step recently."""
        rng = self.rng
        minute_of_day = _receive_minute(rng, channel)
        # Estimate: the delays plus nights and weekends; the loop below corrects it.
        span = timedelta(minutes=sum(s.delay for s in steps) * 1.3 + 800 * len(steps))
        if target in _OPEN_SLACK:
            last = self.end - timedelta(days=rng.expovariate(1 / _OPEN_SLACK[target]))
            day = (last - span).date()
        elif target is S.CLOSED:  # closed recently, not yet archived (archiving is monthly)
            day = (self.end - timedelta(days=rng.uniform(0, 25)) - span).date()
        else:
            days = (self.end - self.start).days
            day = (self.start + timedelta(days=rng.randrange(days))).date()
        if channel in (Channel.WALK_IN, Channel.GRID_VISIT) and day.weekday() == 6:
            day -= _DAY  # stations are closed on Sundays
        received = datetime.combine(day, time()) + timedelta(minutes=minute_of_day)
        for _ in range(60):
            last_at = _schedule(received, steps) if steps else received
            if last_at < self.end:
                return received
            received -= timedelta(days=math.ceil((last_at - self.end) / _DAY))
        raise AssertionError("could not fit a case into the demo year")

    # ----------------------------------------------------------------- events

    def write(self, plans: list[CasePlan]) -> None:
        """The events of ``plans`` (planned by :meth:`plan`, possibly by another maker)."""
        for p in plans:
            self._write_case(p)

    def _write_case(self, p: CasePlan) -> None:
        rng, log = self.rng, self.log
        cat = p.category
        loc_kind, items = texts.CASE_TEXTS[cat.id]
        summary, description, result = rng.choice(items)
        context = self._context(p, loc_kind)
        location = context["loc"]
        department_id = cat.department_id or rng.choice(self.department_ids)
        context["dept"] = self.town.departments[department_id]
        creator = "wangge" if p.channel is Channel.GRID_VISIT else "jiedai"
        payload: dict[str, Any] = {
            "summary": summary.format_map(context),
            "channel": p.channel.value,
            "received_at": iso(p.received_at),
            "category_id": cat.id,
            "grid_id": p.grid.id,
            "location": location,
            "description": description.format_map(context),
            "urgency": _urgency(rng, cat),
            "route": cat.route,
            "deadline": iso(_deadline(p.received_at.date(), cat.limit)),
            "number": p.number,
        }
        if p.requester is not None:
            payload["requester_id"] = p.requester.id
        if p.channel is Channel.GRID_VISIT:
            payload["filed_by_staff"] = p.grid.worker
        created_id = log.add(
            at=p.received_at,
            entity_type="case",
            entity_id=p.id,
            event_type="created",
            author=creator,
            payload=payload,
        )
        writers = dict.fromkeys(payload, created_id)  # every key of it is a column
        result_text = result.format_map(context)
        # Some cases get a note while being worked on (after a step that has a follow-up).
        note_after = -1
        if rng.random() < 0.25:
            noted = [i for i, s in enumerate(p.steps[:-1]) if s.action.value in texts.NOTES]
            note_after = rng.choice(noted) if noted else -1
        last_deadline: date | None = None
        dispatches = 0
        previous = p.received_at
        # Fields of the current round of handling that are set: a new dispatch clears them
        # (as station.services.dispatch does), so a re-dispatched case starts clean.
        round_fields: dict[str, Any] = {}
        extra: random.Random | None = None  # the dispatch details' own stream (see below)
        for i, step in enumerate(p.steps):
            action, at = step.action, step.at
            fields: dict[str, Any] = {}
            reason = ""
            author = "jiedai"
            if action is A.SETTLE_AT_DESK:
                fields["result"] = result_text if loc_kind == "none" else texts.DESK_ONLY_RESULT
            elif action is A.HANDLE_AT_STATION:
                fields["assignee"] = p.grid.worker
                author = "wangge" if rng.random() < 0.5 else "jiedai"
            elif action is A.ESCALATE:
                reason = rng.choice(texts.ESCALATE_REASONS)
                author = "wangge" if p.flavour == "escalated" else "jiedai"
            elif action is A.DISPATCH:
                dispatches += 1
                dept = department_id
                if dispatches == 1 and A.RETURN in (s.action for s in p.steps[i:]):
                    dept = rng.choice([d for d in self.department_ids if d != department_id])
                last_deadline = _deadline(at.date(), cat.limit)
                # Joint handling and the instructions come from a stream of the case's own,
                # so adding them left every other draw of the town as it was.
                extra = random.Random(f"{p.id}:{dispatches}")
                co = ""
                if extra.random() < _CO_HANDLING:
                    co = extra.choice([d for d in self.department_ids if d != dept])
                reason = f"请于{cn_date(last_deadline)}前办结并答复"
                if co:
                    reason = f"请牵头办理，{self.town.departments[co]}协办。" + reason
                fields = {
                    "department_id": dept,
                    "assignee": self.town.department_staff[dept][1],
                    "deadline": iso(last_deadline),
                    "instructions": reason,
                    # As station.services.dispatch stamps them (on-time sign-for counts).
                    "dispatched_at": iso(at),
                    "sign_deadline": iso(sign_deadline(at.date())),
                }
                if co:
                    fields["co_department_ids"] = co
                for key, empty in _ROUND_FIELDS.items():
                    if key not in fields and round_fields.get(key):
                        fields[key] = empty
                round_fields = {}
                author = "zhongxin"
            elif action is A.SIGN_FOR:
                fields["signed_at"] = iso(at)
                author = "bumen"
            elif action is A.RETURN:
                other = self.town.departments[department_id]
                reason = rng.choice(texts.RETURN_REASONS).format(other=other)
                if round_fields.get("extension_state"):
                    fields["extension_state"] = ExtensionState.NONE.value
                author = "bumen"
            elif action is A.REPLY:
                fields["result"] = result_text
                if p.flavour in ("center", "escalated"):
                    fields["replied_at"] = iso(at)
                    author = "bumen"
                else:
                    author = "tiaojie" if cat.parent_id == "K01" else "wangge"
            elif action is A.REQUEST_VISIT:
                author = "zhongxin" if p.flavour in ("center", "escalated") else "jiedai"
            elif action is A.CLOSE:
                rating = _RATINGS.pick(rng)
                solved = rating != Rating.DISSATISFIED.value or rng.random() < 0.5
                fields = {"rating": rating, "solved": solved}
                reason = rng.choice(texts.CLOSE_REMARKS[rating])
                author = "zhongxin" if p.flavour in ("center", "escalated") else "jiedai"
            elif action is A.REWORK:
                fields = {"rating": Rating.DISSATISFIED.value, "solved": False}
                reason = rng.choice(texts.REWORK_REASONS)
                author = "zhongxin"
            elif action is A.ARCHIVE:
                author = "admin"
            elif action is A.TO_MEDIATION:
                if p.mediation_id:
                    fields["mediation_id"] = p.mediation_id
                reason = rng.choice(texts.TO_MEDIATION_REASONS)
                author = "tiaojie"
            elif action is A.MERGE:
                if p.duplicate_of is not None:
                    fields["merged_into"] = p.duplicate_of.id
                    reason = f"与工单{p.duplicate_of.number}反映同一问题，合并办理"
                else:
                    reason = "与其他工单反映同一问题，合并办理"
                author = "zhongxin"
            elif action is A.VOID:
                reason = rng.choice(texts.VOID_REASONS)
                author = "zhongxin" if rng.random() < 0.5 else "admin"
            # As act_on_case does: closing actions stamp closed_at unless given.
            if action in (A.SETTLE_AT_DESK, A.CLOSE):
                fields.setdefault("closed_at", iso(at))
            log.write(
                at=at,
                entity_type="case",
                entity_id=p.id,
                event_type="action",
                author=author,
                payload={"action": action.value, "reason": reason, "at": iso(at), "fields": fields},
                written=fields,
                writers=writers,
            )
            round_fields.update((k, v) for k, v in fields.items() if k in _ROUND_FIELDS)
            if action is A.SIGN_FOR and extra is not None:
                following = p.steps[i + 1].at if i + 1 < len(p.steps) else self.end
                last_deadline = self._supervision(
                    p, extra, at, following, last_deadline, writers, round_fields
                )
            if i == note_after:
                # Half-way to the next step, unless that is outside office hours.
                following = p.steps[i + 1].at
                note_at = (at + (following - at) / 2).replace(microsecond=0)
                if not 8 <= note_at.hour < 18:
                    note_at = min(at + 20 * _MINUTE, at + (following - at) / 2).replace(
                        microsecond=0
                    )
                log.add(
                    at=note_at,
                    entity_type="case",
                    entity_id=p.id,
                    event_type="note_added",
                    author="bumen" if action in (A.DISPATCH, A.SIGN_FOR) else "wangge",
                    payload={"text": rng.choice(texts.NOTES[action.value]), "at": iso(note_at)},
                )
            previous = at
        if (
            p.status in (S.DISPATCHED, S.IN_PROGRESS)
            and last_deadline is not None
            and last_deadline < self.end.date()
        ):
            # Overdue: the center puts it under supervision (督办), a flag, not a status.
            at = max(datetime.combine(last_deadline + _DAY, time(9)), previous + _MINUTE * 30)
            if at < self.end:
                note = f"已超过办理期限（{cn_date(last_deadline)}），请于三个工作日内办结并答复"
                self._step(p, at, DispatchStep.SUPERVISE, note, {
                    "supervised": True, "supervision_note": note,
                }, writers)  # fmt: skip

    def _supervision(
        self,
        p: CasePlan,
        extra: random.Random,
        signed: datetime,
        following: datetime,
        deadline: date | None,
        writers: dict[str, str],
        round_fields: dict[str, Any],
    ) -> date | None:
        """Between sign-for and the next step: now and then an extension asked for and
        answered by the center, or a reminder (催办). Returns the deadline then in force."""
        span = following - signed
        if deadline is None or span < 4 * _HOUR:
            return deadline
        if extra.random() < _EXTENSION_ASKED:
            until = _deadline(deadline, extra.choice((3, 5, 10)))
            why = extra.choice(texts.EXTENSION_REASONS)
            self._step(p, signed + span * 0.3, DispatchStep.REQUEST_EXTENSION,
                f"申请延期至{until:%Y-%m-%d}。理由：{why}", {
                    "extension_state": ExtensionState.REQUESTED.value,
                    "extension_until": iso(until),
                }, writers, author="bumen")  # fmt: skip
            if extra.random() < 0.8:
                self._step(p, signed + span * 0.55, DispatchStep.APPROVE_EXTENSION,
                    f"同意延期，办理期限改为{until:%Y-%m-%d}", {
                        "extension_state": ExtensionState.APPROVED.value,
                        "deadline": iso(until),
                    }, writers)  # fmt: skip
                deadline = until
                round_fields["extension_state"] = ExtensionState.APPROVED.value
            else:
                self._step(p, signed + span * 0.55, DispatchStep.REFUSE_EXTENSION,
                    "不同意延期。请按原期限办结", {
                        "extension_state": ExtensionState.REFUSED.value,
                    }, writers)  # fmt: skip
                round_fields["extension_state"] = ExtensionState.REFUSED.value
            round_fields["extension_until"] = iso(until)
        if extra.random() < _REMINDED:
            self._step(p, signed + span * 0.8, DispatchStep.REMIND, "请抓紧办理", {}, writers)
        return deadline

    def _step(
        self,
        p: CasePlan,
        at: datetime,
        step: DispatchStep,
        reason: str,
        fields: dict[str, Any],
        writers: dict[str, str],
        *,
        author: str = "zhongxin",
    ) -> None:
        """A supervision step as station.services.dispatch records it (no ``_base``)."""
        at = at.replace(microsecond=0)
        event_id = self.log.add(
            at=at,
            entity_type="case",
            entity_id=p.id,
            event_type="step",
            author=author,
            payload={"step": step.value, "reason": reason, "at": iso(at), "fields": fields},
        )
        for key in fields:
            writers[key] = event_id

    def _context(self, p: CasePlan, loc_kind: str) -> dict[str, Any]:
        rng = self.rng
        community = self.communities[p.grid.community_id]
        context: dict[str, Any] = {
            "community": community.name,
            "street": rng.choice(community.streets) if community.streets else "村道",
            "estate": community.estates[0] if community.estates else "",
            "river": rng.choice(_RIVERS),
            "n": rng.randint(2, 9),
            "m": rng.randint(10, 99),
            "days": rng.randint(2, 5),
            "amount": rng.randrange(20, 400) * 100,
            "neighbor": f"{self.names.surname()}某",
        }
        if p.requester is not None:
            context["who"] = f"居民{p.requester.name}"
        elif p.channel is Channel.HOTLINE_12345:
            context["who"] = "12345热线转来群众"
        else:
            context["who"] = "群众"
        templates = texts.LOCATIONS if community.streets else texts.VILLAGE_LOCATIONS
        context["loc"] = templates[loc_kind].format_map(context)
        return context


_RIVERS = ("霞溪", "东吾溪", "杨家溪")
_HOUR = timedelta(hours=1)
# Shares of dispatches: joint handling (协办), an extension asked for, a reminder.
_CO_HANDLING = 0.15
_EXTENSION_ASKED = 0.12
_REMINDED = 0.1
#: Fields of one round of handling, and what a new dispatch clears them to.
_ROUND_FIELDS: dict[str, Any] = {
    "co_department_ids": "",
    "signed_at": None,
    "replied_at": None,
    "extension_state": ExtensionState.NONE.value,
    "extension_until": None,
}
_OPEN = frozenset(S) - TERMINAL_STATUSES - {S.CLOSED}


# The state machine of station.domain.case_workflow as a lookup (paths are walked a lot).
_NEXT: dict[tuple[CaseStatus, CaseAction], CaseStatus] = {
    (source, t.action): t.target for t in TRANSITIONS for source in t.sources
}


def _flavour_of_route(rng: random.Random, route: str) -> str:
    """How a case of a category with this default route travels."""
    if route == Route.STATION.value:
        return "escalated" if rng.random() < 0.15 else "station"
    return "desk" if route == Route.DESK.value else "center"


def _status_after(actions: list[CaseAction]) -> CaseStatus:
    status = S.RECEIVED
    for action in actions:
        status = _NEXT[status, action]
    return status


def _urgency(rng: random.Random, cat: CategoryInfo) -> str:
    urgent = 0.35 if cat.parent_id == "K04" else 0.08
    roll = rng.random()
    if roll < urgent * 0.15:
        return Urgency.CRITICAL.value
    if roll < urgent:
        return Urgency.URGENT.value
    return Urgency.NORMAL.value


def _receive_minute(rng: random.Random, channel: Channel) -> int:
    """Minute of the day a request arrives, by channel."""
    if channel in (Channel.WALK_IN, Channel.GRID_VISIT):
        return rng.randint(8 * 60 + 20, 17 * 60 + 40)
    if channel is Channel.PHONE:
        return rng.randint(8 * 60, 20 * 60)
    if channel is Channel.WECHAT:
        return rng.randint(7 * 60, 22 * 60 + 30)
    return rng.randint(9 * 60, 17 * 60)


def _schedule(received: datetime, steps: list[Step]) -> datetime:
    """Set each step's time from ``received``; returns the last one."""
    t = received
    for step in steps:
        if step.action is A.ARCHIVE:
            # Closed cases are archived at the start of the following month.
            first = (t.replace(day=1) + timedelta(days=32)).replace(day=1)
            t = _into_office(datetime.combine(first, time()), step.jitter, working_only=True)
            t += timedelta(days=step.jitter % 5)
            t = _into_office(t, step.jitter, working_only=True)
        else:
            t = _into_office(
                t + timedelta(minutes=step.delay),
                step.jitter,
                working_only=step.action in _OFFICE_ONLY,
            )
        step.at = t
    return t


def _into_office(t: datetime, jitter: int, *, working_only: bool) -> datetime:
    """``t`` or the next moment inside office hours (08:00–18:00); never earlier than ``t``.

    A moment pushed out of hours lands between 08:00 and 09:30 (by ``jitter``) of the next
    (working) day.
    """
    hour = t.hour
    if 8 <= hour < 18 and (not working_only or _working(t.date())):
        return t
    day = t.date() if hour < 8 else t.date() + _DAY
    if working_only:
        while not _working(day):
            day += _DAY
    minutes = jitter % 90
    return datetime(day.year, day.month, day.day, 8 + minutes // 60, minutes % 60, jitter * 7 % 60)


# --------------------------------------------------------------------------- mediation

# How mediation cases end (per cent; open ones are those the year's end cuts short).
_MED_OUTCOMES = Weighted(
    (
        (M.SUCCEEDED, 88),
        (M.FAILED, 6),
        (M.TERMINATED, 4),
        (M.NOT_ACCEPTED, 2),
    )
)
_DISPUTES = Weighted(
    (
        ("婚姻家庭", 22),
        ("邻里", 34),
        ("房屋宅基地", 9),
        ("合同", 7),
        ("生产经营", 4),
        ("损害赔偿", 9),
        ("山林土地", 4),
        ("征地拆迁", 2),
        ("劳动争议", 5),
        ("物业", 3),
        ("其他", 1),
    )
)
_SOURCES = Weighted(
    (
        (MediationSource.APPLICATION.value, 60),
        (MediationSource.INITIATIVE.value, 28),
        (MediationSource.REFERRAL.value, 12),
    )
)
_DISPUTE_OF_CATEGORY = {
    "K0101": "邻里",
    "K0102": "婚姻家庭",
    "K0103": "房屋宅基地",
    "K0104": "劳动争议",
    "K0105": "物业",
}


@dataclass(slots=True)
class MediationPlan:
    index: int
    id: str
    target: MediationStatus
    accepted_at: datetime
    dispute: str
    link: ToMediation | None
    # (kind, at) in order: "investigation", "session", "close", "visit", "court"
    timeline: list[tuple[str, datetime]]
    number: str = ""


class MediationMaker:
    def __init__(
        self,
        *,
        rng: random.Random,
        log: EventLog,
        town: Town,
        residents: list[Resident],
        names: NameMaker,
        start: datetime,
        end: datetime,
        committee: str,
        committee_short: str,
    ):
        self.rng, self.log, self.town = rng, log, town
        self.residents, self.names = residents, names
        self.start, self.end = start, end
        self.committee, self.short = committee, committee_short
        self.by_grid: dict[str, list[Resident]] = defaultdict(list)
        for r in residents:
            self.by_grid[r.grid.id].append(r)
        self.communities = {c.id: c for c in town.communities}
        self.mediator_names = dict(town.mediators)
        # The demo login's mediator (the first) leads most often.
        self.leads = Weighted(
            (rid, 6 if i == 0 else 1) for i, (rid, _) in enumerate(town.mediators)
        )

    def plan(
        self, count: int, links: list[ToMediation]
    ) -> tuple[list[MediationPlan], dict[str, int]]:
        """``count`` cases: one made to end in each status first, then those taking over
        ``links``, then the rest arriving at random; numbered in order of acceptance.
        Returns them with the number counters."""
        rng = self.rng
        statuses = list(M)
        forced = len(statuses)
        plans = []
        for i in range(count):
            link = links[i - forced] if forced <= i < forced + len(links) else None
            if link is not None:
                dispute = _DISPUTE_OF_CATEGORY.get(link.case.category.id, "邻里")
            else:
                dispute = _DISPUTES.pick(rng)
            plans.append(self._plan_one(i, statuses[i] if i < forced else None, dispute, link))
        plans.sort(key=lambda p: (p.accepted_at, p.index))
        counters: dict[str, int] = {}
        for p in plans:
            series = f"mediation:{self.short}:{p.accepted_at.year}"
            counters[series] = counters.get(series, 0) + 1
            p.number = mediation_number(
                year=p.accepted_at.year, committee_short=self.short, seq=counters[series]
            )
        return plans, counters

    def _plan_one(
        self,
        index: int,
        forced: MediationStatus | None,
        dispute: str,
        link: ToMediation | None,
    ) -> MediationPlan:
        """A case made to end in ``forced`` (an open one recently), or else accepted at a
        random time (or when its work order came over) and as far along as the year allows."""
        rng = self.rng
        target = forced or _MED_OUTCOMES.pick(rng)
        steps = self._steps(target)
        if link is not None:
            accepted = link.at - _MINUTE
        else:
            days = (self.end - self.start).days
            if forced in (M.ACCEPTED, M.IN_PROGRESS):
                day = (self.end - timedelta(days=rng.uniform(1, 6 + 3 * len(steps)))).date()
            else:
                day = (self.start + timedelta(days=rng.randrange(days))).date()
            accepted = datetime.combine(day, time()) + timedelta(
                minutes=rng.randint(8 * 60 + 30, 17 * 60 + 30)
            )
        timeline = _timeline(accepted, steps)
        if forced is not None:  # all of it must fit in the year
            while timeline and timeline[-1][1] >= self.end:
                accepted -= timedelta(days=math.ceil((timeline[-1][1] - self.end) / _DAY))
                timeline = _timeline(accepted, steps)
        else:  # what has happened so far; the status follows
            timeline = [(k, t) for k, t in timeline if t < self.end]
            kinds = {k for k, _ in timeline}
            if "close" not in kinds:
                target = M.IN_PROGRESS if "session" in kinds else M.ACCEPTED
        return MediationPlan(
            index=index,
            id=link.mediation_id if link else self.log.new_id(accepted),
            target=target,
            accepted_at=accepted,
            dispute=dispute,
            link=link,
            timeline=timeline,
        )

    def _steps(self, target: MediationStatus) -> list[tuple[str, int]]:
        """What happens after acceptance: (kind, minutes after the step it follows).

        Investigations, sessions and the close follow each other; a court confirmation and
        the first return visit follow the close, a second visit the first.
        """
        rng = self.rng
        day = 1440
        if target is M.NOT_ACCEPTED:
            return [("close", rng.randint(60, 2 * day))]
        out = [
            ("investigation", rng.randint(60, 3 * day)) for _ in range(rng.choice((0, 1, 1, 1, 2)))
        ]
        if target is M.ACCEPTED:
            return out
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            out.append(("session", rng.randint(day // 2, 7 * day)))
        if target is M.IN_PROGRESS:
            return out
        out.append(("close", rng.randint(30, 180)))
        if target is M.SUCCEEDED:
            if rng.random() < 0.06:
                out.append(("court", rng.randint(3 * day, 25 * day)))
            out.append(("visit", rng.randint(10 * day, 40 * day)))
            if rng.random() < 0.2:
                out.append(("visit", rng.randint(20 * day, 60 * day)))
        return out

    # ----------------------------------------------------------------- events

    def write(self, plans: list[MediationPlan]) -> None:
        for p in plans:
            self._write_one(p)

    def _pick_parties(self, p: MediationPlan) -> tuple[Resident, list[Resident]]:
        rng = self.rng
        if p.link is not None and p.link.case.requester is not None:
            applicant = p.link.case.requester
        else:
            applicant = rng.choice(self.residents)
        neighbours = [r for r in self.by_grid[applicant.grid.id] if r is not applicant]
        count = 2 if rng.random() < 0.12 else 1
        others: list[Resident] = []
        for _ in range(count):
            pool = neighbours if neighbours and rng.random() < 0.8 else self.residents
            candidate = rng.choice(pool)
            if candidate is not applicant and candidate not in others:
                others.append(candidate)
        if not others:
            others = [next(r for r in self.residents if r is not applicant)]
        return applicant, others

    def _write_one(self, p: MediationPlan) -> None:
        rng, log = self.rng, self.log
        applicant, respondents = self._pick_parties(p)
        people = [(applicant, PartyRole.APPLICANT.value)] + [
            (r, PartyRole.RESPONDENT.value) for r in respondents
        ]
        # The tracking fields (agent kinds, performance notes, court confirmation, timer
        # extensions, visit details, archiving) draw from the case's own stream, so adding
        # them left the rest of the town exactly as it was.
        extra = random.Random(p.id)
        parties = []
        for seq, (person, role) in enumerate(people, start=1):
            agent, authorization, agent_kind = "", "", ""
            if rng.random() < 0.1:
                agent = self.names.name("male" if rng.random() < 0.6 else "female")
                authorization = rng.choice(texts.AGENT_AUTHORIZATIONS)
                # A parent or guardian speaks for a minor or an incapacitated party: no
                # authorisation to note; anyone else was entrusted by the party.
                if extra.random() < 0.25:
                    agent_kind, authorization = AgentKind.LEGAL.value, ""
                else:
                    agent_kind = AgentKind.ENTRUSTED.value
            parties.append(
                {
                    "id": log.new_id(p.accepted_at),
                    "person_id": person.id,
                    "role": role,
                    "seq": seq,
                    "agent_name": agent,
                    "agent_authorization": authorization,
                    "agent_kind": agent_kind,
                }
            )
        mediators = [self.leads.pick(rng)]
        if rng.random() < 0.4:
            mediators.append(rng.choice([r for r in self.mediator_names if r != mediators[0]]))
        lead_name = self.mediator_names[mediators[0]]
        second = [self.mediator_names[rid] for rid in mediators[1:]]
        facts, terms, amount_range, law = rng.choice(texts.MEDIATION_TEXTS[p.dispute])
        close_at = next((t for k, t in p.timeline if k == "close"), None)
        due = (close_at or p.accepted_at).date() + timedelta(days=rng.choice((7, 15, 30, 60)))
        amount = rng.randrange(*amount_range) // 100 * 100 if amount_range else None
        context = {
            "a": applicant.name,
            "b": respondents[0].name,
            "x": amount or 0,
            "d": cn_date(due),
        }
        # A work order sent over becomes the resident's application.
        source = MediationSource.APPLICATION.value if p.link else _SOURCES.pick(rng)
        created: dict[str, Any] = {
            "source": source,
            "status": M.ACCEPTED.value,
            "committee": self.committee,
            "accepted_on": iso(p.accepted_at.date()),
            "dispute_type_id": self.town.dispute_types[p.dispute],
            "facts": facts.format_map(context),
            "number": p.number,
            "parties": parties,
            "mediators": [
                {"roster_person_id": rid, "lead": i == 0} for i, rid in enumerate(mediators)
            ],
        }
        if p.target is not M.NOT_ACCEPTED:
            created["notice_given_on"] = iso(p.accepted_at.date())
        if source == MediationSource.REFERRAL.value:
            created["referring_body"] = rng.choice(texts.REFERRING_BODIES)
        if p.link is not None:
            created["case_id"] = p.link.case.id
        log.add(
            at=p.accepted_at,
            entity_type="mediation",
            entity_id=p.id,
            event_type="created",
            author="tiaojie",
            payload=created,
        )
        community = self.communities[applicant.grid.community_id]
        status = M.ACCEPTED
        writers: dict[str, str] = {}  # fields written by "updated" events (see the fold)
        names_line = "、".join(r.name for r, _ in people)
        mediators_line = "、".join([lead_name, *second])
        sessions = sum(1 for k, _ in p.timeline if k == "session")
        seen_sessions = 0
        performance = ""
        effective: date | None = None  # of the agreement: the court-confirmation window
        applied_on: date | None = None
        extended_due = one_month_after(p.accepted_at.date())
        for kind, at in self._tracking(p, extra, close_at):
            if kind == "extend":  # the parties agreed to a longer one-month timer
                extended_due += timedelta(days=extra.choice((15, 20, 30)))
                if close_at is not None:
                    extended_due = max(extended_due, close_at.date())
                self._update(p, at, {
                    "extended_due_on": iso(extended_due),
                    "extension_consent": extra.choice(texts.EXTENSION_CONSENTS),
                }, writers)  # fmt: skip
                continue
            if kind == "perf_note":
                if performance != PerformanceStatus.PENDING.value:  # done already
                    continue
                performance = extra.choice(
                    (PerformanceStatus.PENDING.value, PerformanceStatus.PARTIAL.value)
                )
                self._event(p, at, "performance_noted", {
                    "noted_on": iso(at.date()),
                    "performance_status": performance,
                    "text": extra.choice(texts.PERFORMANCE_NOTES[performance]),
                })  # fmt: skip
                continue
            if kind == "ruling":
                if applied_on is not None:
                    ruling = (
                        CourtConfirmation.VALID
                        if extra.random() < 0.9
                        else CourtConfirmation.INVALID
                    )
                    self._update(p, at, {
                        "court_confirmation": ruling.value,
                        "court_applied_on": iso(applied_on),
                        "court_confirmed_on": iso(at.date()),
                    }, writers)  # fmt: skip
                continue
            if kind == "archive":
                self._event(p, at, "archived", {"archived_on": iso(at.date())})
                continue
            place = rng.choice(texts.RECORD_PLACES).format(community=community.name)
            if kind == "investigation":
                subject = rng.choice([r for r, _ in people]).name
                self._event(p, at, "record_added", {
                    "id": log.new_id(at),
                    "kind": "investigation",
                    "at": iso(at),
                    "body": texts.INVESTIGATION_BODY.format(subject=subject),
                    "place": place,
                    "participants": f"调解员：{mediators_line}；被调查人：{subject}",
                    "subject": subject,
                    "recorder": lead_name,
                })  # fmt: skip
            elif kind == "session":
                seen_sessions += 1
                if seen_sessions < sessions or p.target in (M.IN_PROGRESS,):
                    outcome = "pending"
                elif p.target is M.SUCCEEDED:
                    outcome = "agreed"
                elif p.target is M.FAILED:
                    outcome = "failed"
                else:
                    outcome = "pending"
                self._event(p, at, "record_added", {
                    "id": log.new_id(at),
                    "kind": "session",
                    "at": iso(at),
                    "body": texts.SESSION_BODY.format(
                        law=law, outcome=texts.SESSION_OUTCOMES[outcome]
                    ),
                    "place": place,
                    "participants": f"当事人：{names_line}；调解员：{mediators_line}",
                    "subject": f"{p.dispute}纠纷",
                    "recorder": lead_name,
                    "result": texts.SESSION_OUTCOMES[outcome],
                })  # fmt: skip
                if status is M.ACCEPTED:  # as add_record does after the first session
                    status = M.IN_PROGRESS
                    self._update(p, at, {"status": status.value}, writers)
            elif kind == "close":
                performance, effective = self._close(
                    p, at, terms, context, amount, people, due, writers, extra
                )
            elif kind == "court":
                # Applied jointly within 30 days of the agreement's effect (art. 33); only a
                # signed agreement has a day it took effect.
                if effective is not None and effective <= at.date():
                    applied_on = at.date()
                    self._update(p, at, {
                        "court_confirmation": CourtConfirmation.APPLIED.value,
                        "court_applied_on": iso(applied_on),
                        "court_confirmed_on": None,
                    }, writers)  # fmt: skip
            elif kind == "visit":
                performance = _visit_status(rng, performance, at.date(), due)
                self._event(p, at, "visit_added", {
                    "visited_on": iso(at.date()),
                    "visitor": lead_name,
                    "performance_status": performance,
                    "notes": rng.choice(texts.VISIT_NOTES[performance]),
                    **_visit_details(extra, performance),
                })  # fmt: skip

    def _close(
        self,
        p: MediationPlan,
        at: datetime,
        terms: tuple[str, ...],
        context: dict[str, Any],
        amount: int | None,
        people: list[tuple[Resident, str]],
        due: date,
        writers: dict[str, str],
        extra: random.Random,
    ) -> tuple[str, date | None]:
        """Agreement and/or closing update; returns the performance status it leaves and the
        day a signed agreement took effect."""
        rng = self.rng
        closed_on = iso(at.date())
        if p.target is M.SUCCEEDED:
            filled = [t.format_map(context) for t in terms]
            immediate = rng.random() < 0.45
            written = amount is not None or rng.random() < 0.75
            agreement: dict[str, Any] = {
                "performance_method": "即时履行" if immediate else "按协议约定期限履行",
            }
            if not immediate:
                agreement["performance_deadline"] = iso(due)
            if amount is not None:
                agreement["amount_fen"] = amount * 100
            effective: date | None = None
            if written:
                # Effective once all have signed (art. 29); now and then on an agreed later
                # day (never where the parties went to court: they applied after it).
                effective = at.date()
                if extra.random() < 0.1 and not any(k == "court" for k, _ in p.timeline):
                    effective += timedelta(days=extra.randint(1, 3))
                agreement.update(
                    agreement_form=AgreementForm.WRITTEN.value,
                    copies=len(people) + 1,
                    signed_on=closed_on,
                    signed_by="、".join(r.name for r, _ in people),
                    effective_on=iso(effective),
                )
                agreement["terms"] = filled
            else:
                agreement.update(
                    agreement_form=AgreementForm.ORAL.value,
                    agreement_content="；".join(filled),
                    effective_on=None,  # as save_agreement records an unsigned agreement
                )
                agreement["terms"] = []
            self._event(p, at, "agreement_set", agreement)
            performance = (
                PerformanceStatus.PERFORMED.value if immediate else PerformanceStatus.PENDING.value
            )
            update: dict[str, Any] = {
                "status": M.SUCCEEDED.value,
                "closed_on": closed_on,
                "performance_status": performance,
            }
            if rng.random() < 0.04:
                update["prevented_criminal"] = True
                update["prevented_criminal_persons"] = len(people) + extra.randint(0, 3)
            if rng.random() < 0.02:
                update["prevented_petition"] = True
                update["prevented_petition_persons"] = len(people) + extra.randint(3, 12)
            self._update(p, at, update, writers)
            return performance, effective
        if p.target is M.FAILED:
            update = {
                "status": M.FAILED.value,
                "closing_reason": rng.choice(texts.FAILED_REASONS),
                "other_routes": rng.choice(texts.FAILED_OTHER_ROUTES),
                "closed_on": closed_on,
            }
        elif p.target is M.TERMINATED:
            update = {
                "status": M.TERMINATED.value,
                "closing_reason": rng.choice(texts.TERMINATED_REASONS),
                "closed_on": closed_on,
            }
        else:
            update = {
                "status": M.NOT_ACCEPTED.value,
                "closing_reason": rng.choice(texts.NOT_ACCEPTED_REASONS),
                "closed_on": closed_on,
            }
        self._update(p, at, update, writers)
        return "", None

    def _tracking(
        self, p: MediationPlan, extra: random.Random, close_at: datetime | None
    ) -> list[tuple[str, datetime]]:
        """The case's timeline with what happens around it: a timer extension agreed before
        the month ran out ("extend"), a performance note after the agreement ("perf_note"),
        the court's ruling after an application ("ruling"), and the archive ("archive") of
        some cases finished well before the demo's end. Everything before the end."""
        out = list(p.timeline)
        kinds = {k for k, _ in out}
        due = one_month_after(p.accepted_at.date())
        finish = close_at or self.end
        # Agreed at a session when more time looks needed, or just before the month runs
        # out on a case still open then.
        sessions = [t for k, t in out if k == "session"]
        late = finish.date() >= due - timedelta(days=3)
        if sessions and (late or len(sessions) > 1) and extra.random() < (0.6 if late else 0.3):
            if late:
                day = due - timedelta(days=extra.randint(1, 4))
                at = datetime.combine(day, time(9)) + timedelta(minutes=extra.randint(0, 480))
            else:
                at = extra.choice(sessions) + timedelta(minutes=extra.randint(20, 60))
            if p.accepted_at < at < finish:
                out.append(("extend", at))
        if p.target is M.SUCCEEDED and close_at is not None and extra.random() < 0.35:
            visits = [t for k, t in out if k == "visit"]
            at = _into_office(close_at + timedelta(days=extra.randint(3, 9)), 0, working_only=True)
            if at < min([*visits, self.end]):
                out.append(("perf_note", at))
        court = next((t for k, t in out if k == "court"), None)
        if court is not None:
            at = _into_office(court + timedelta(days=extra.randint(7, 20)), 0, working_only=True)
            if at < self.end:
                out.append(("ruling", at))
        if close_at is not None and extra.random() < 0.3:
            done = p.target is not M.SUCCEEDED or "visit" in kinds
            done = done and ("court" not in kinds or any(k == "ruling" for k, _ in out))
            last = max(t for _, t in out)
            at = _into_office(last + timedelta(days=extra.randint(15, 45)), 0, working_only=True)
            if done and at < self.end:
                out.append(("archive", at))
        out.sort(key=lambda kind_at: kind_at[1])
        return out

    def _update(
        self, p: MediationPlan, at: datetime, values: dict[str, Any], writers: dict[str, str]
    ) -> None:
        self.log.write(
            at=at,
            entity_type="mediation",
            entity_id=p.id,
            event_type="updated",
            author="tiaojie",
            payload=dict(values),
            written=values,
            writers=writers,
        )

    def _event(self, p: MediationPlan, at: datetime, kind: str, payload: dict[str, Any]) -> None:
        self.log.add(
            at=at,
            entity_type="mediation",
            entity_id=p.id,
            event_type=kind,
            author="tiaojie",
            payload=payload,
        )


def _timeline(accepted: datetime, steps: list[tuple[str, int]]) -> list[tuple[str, datetime]]:
    """Times of a mediation case's steps (see ``MediationMaker._steps``), in time order."""
    out = []
    last = accepted  # of the investigation / session / close chain
    close = visit = accepted
    for kind, minutes in steps:
        base = close if kind == "court" else visit if kind == "visit" else last
        at = _into_office(base + timedelta(minutes=minutes), minutes, working_only=False)
        if kind == "close":
            close = visit = at
        elif kind == "visit":
            visit = at
        if kind in ("investigation", "session", "close"):
            last = at
        out.append((kind, at))
    out.sort(key=lambda kind_at: kind_at[1])  # a court date may fall after a visit
    return out


_SATISFACTION = {
    "performed": Weighted((("satisfied", 80), ("basically_satisfied", 20))),
    "pending": Weighted((("satisfied", 50), ("basically_satisfied", 50))),
    "partial": Weighted((("basically_satisfied", 60), ("dissatisfied", 40))),
    "breached": Weighted((("dissatisfied", 80), ("basically_satisfied", 20))),
}


def _visit_details(rng: random.Random, performance: str) -> dict[str, Any]:
    """What a return visit records beyond performance: satisfaction, a lawsuit, the risk of
    the dispute flaring up again and the measures taken (required when the risk is high)."""
    breached = performance == PerformanceStatus.BREACHED.value
    if breached or performance == PerformanceStatus.PARTIAL.value:
        risk = "high" if rng.random() < (0.4 if breached else 0.15) else "low"
    else:
        risk = "low" if rng.random() < 0.15 else "none"
    measures = ""
    if risk == "high" or (risk == "low" and rng.random() < 0.5):
        measures = rng.choice(texts.VISIT_MEASURES[risk])
    return {
        "satisfaction": _SATISFACTION[performance].pick(rng),
        "lawsuit": breached and rng.random() < 0.3,
        "escalation_risk": risk,
        "measures": measures,
    }


def _visit_status(rng: random.Random, current: str, visited: date, due: date) -> str:
    if current == PerformanceStatus.PERFORMED.value:
        return current
    if visited < due:
        return PerformanceStatus.PENDING.value
    return _PERFORMANCE.pick(rng)


_PERFORMANCE = Weighted(
    (
        (PerformanceStatus.PERFORMED.value, 85),
        (PerformanceStatus.PARTIAL.value, 8),
        (PerformanceStatus.BREACHED.value, 7),
    )
)
