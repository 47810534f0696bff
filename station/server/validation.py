"""Per-event checks on push: the desktop forms' own rules, run again on the server.

A station's app already validated what it recorded, so a rejection here means a bug, an old
app or a tampered client — and the event must not reach other stations. Checks, in order:

1. envelope — known entity and event type, UUID event id, the author station is the
   authenticated one, the content hash matches, schema not newer than the server's, payload
   size;
2. shape — only known payload keys, every value of its column's type and within the
   column's length (an "oversize field");
3. domain — the very functions the desktop forms call (:func:`clean_person_fields`,
   :func:`clean_case_fields`, the mediation cleaners), looking up reference data and
   persons through :class:`ServerLookup`; a case action must be one the station's kind can
   take and legal at its place in the case's history (the fold decides, as everywhere),
   and the station-kind table of :mod:`station.domain.dispatch` must allow it for this
   station (a village cannot dispatch; a department acts only on cases dispatched to it).

Every problem raises a :class:`~station.errors.GridStationError` whose code and Chinese
message go back to the station in that event's result.

Not a rejection: a change to a mediation case another station has archived. The server
cannot tell whether its author knew of the archive (a station that edits offline writes in
good faith; HLC order is not knowledge), and a rejected event is lost to every copy. So it is
accepted, and the fold on every station keeps the lock: the change stays in the case's
history, is not applied, and becomes a conflict for a person (see
:func:`station.services.projection.fold_mediation`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any, ClassVar

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text

from station.db import models as m
from station.domain.case_workflow import CaseAction, transition_for
from station.domain.clock import is_uuid, wall_time
from station.domain.dispatch import (
    DISPATCH_FIELDS,
    EDIT_DISPATCH,
    DispatchStep,
    ExtensionState,
    UnitRole,
    check_station_may,
    check_step,
    split_ids,
    unit_role,
)
from station.domain.enums import (
    AgreementForm,
    CaseStatus,
    MediationStatus,
    PartyRole,
    PerformanceStatus,
    Rating,
    Role,
    StationKind,
)
from station.errors import GridStationError, PermissionDenied, TransitionError, ValidationError
from station.server.crud import AuthStation
from station.server.reference import ReferenceIndex
from station.services import cases, persons
from station.services.events import (
    BASE_KEY,
    RESOLVES_KEY,
    SCHEMA_VERSION,
    EventRecord,
    canonical_json,
)
from station.services.mediation import _clean as clean_mediation_fields
from station.services.mediation import _clean_mediators, _clean_parties
from station.services.projection import fold_case
from station.sync.protocol import MAX_PAYLOAD_CHARS, EventCreate

TEXT_MAX = cases.DESCRIPTION_MAX
FUTURE_SLACK = timedelta(minutes=5)

# Payload keys each event may carry besides the reserved ``_base`` / ``_resolves``.
_CASE_CREATE = (*cases.EDITABLE, "number")
_PERSON_CREATE = (*persons.EDITABLE, "created_at")
_MEDIATION_FIELDS = (
    "source", "referring_body", "dispute_type_id", "accepted_on", "committee", "facts",
    "status", "case_id", "notice_given_on", "closing_reason", "other_routes",
    "performance_status", "court_confirmed_on", "prevented_criminal", "prevented_petition",
    "closed_on", "prevented_criminal_persons", "prevented_petition_persons",
    "court_confirmation", "court_applied_on", "extended_due_on", "extension_consent",
)  # fmt: skip
_AGREEMENT = (
    "agreement_form", "agreement_content", "performance_method", "performance_deadline",
    "amount_fen", "copies", "signed_on", "signed_by", "terms", "effective_on",
)  # fmt: skip
_RECORD = ("id", "kind", "at", "place", "participants", "subject", "recorder", "body", "result")
_PARTY = ("id", "person_id", "role", "seq", "agent_name", "agent_authorization", "agent_kind")

EVENT_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "person": {"created": _PERSON_CREATE, "updated": persons.EDITABLE},
    "case": {
        "created": _CASE_CREATE,
        "updated": cases.EDITABLE,
        "action": ("action", "reason", "at", "fields"),
        "note_added": ("text", "at", "kind"),
        "step": ("step", "reason", "at", "fields"),
    },
    "mediation": {
        "created": (*_MEDIATION_FIELDS, "number", "parties", "mediators"),
        "updated": _MEDIATION_FIELDS,
        "party_added": _PARTY,
        "party_updated": _PARTY,
        "party_removed": ("id",),
        "mediators_set": ("mediators",),
        "record_added": _RECORD,
        "record_updated": _RECORD,
        "agreement_set": _AGREEMENT,
        "visit_added": (
            "visited_on", "visitor", "performance_status", "notes", "satisfaction", "lawsuit",
            "escalation_risk", "measures",
        ),
        "performance_noted": ("noted_on", "performance_status", "text"),
        "archived": ("archived_on",),
        "reopened": ("reason",),
    },
}
MAIN_TABLE = {"person": "person", "case": "work_case", "mediation": "mediation_case"}

# Roles that exist at each kind of station: an action needs one of them (the event itself
# does not carry its author's role, so the server checks what the station could have done).
_STATION_ROLES = frozenset(
    {Role.RECEPTIONIST, Role.GRID_WORKER, Role.MEDIATOR, Role.STATION_ADMIN, Role.VIEWER}
)
KIND_ROLES: dict[str, frozenset[Role]] = {
    StationKind.VILLAGE.value: _STATION_ROLES,
    StationKind.COMMUNITY.value: _STATION_ROLES,
    StationKind.CENTER.value: frozenset(Role),
    StationKind.DEPARTMENT.value: frozenset({Role.DEPARTMENT_HANDLER, Role.VIEWER}),
}


class ServerLookup:
    """Stands in for the station's ``Session`` in the shared field cleaners.

    Those cleaners only call ``session.get(Model, id)`` to see whether a grid, category,
    dispute type, roster person or resident exists (and read a grid's community). This
    answers the same calls from the server's reference data and accepted entities, so the
    server applies exactly the desktop's rules without a station database.
    """

    _KINDS: ClassVar[dict[type, str]] = {
        m.Community: "community",
        m.Grid: "grid",
        m.Department: "department",
        m.Category: "category",
        m.DisputeType: "dispute_type",
        m.RosterPerson: "roster_person",
    }

    def __init__(
        self, *, reference: ReferenceIndex, entity_exists: Callable[[str, str], bool]
    ) -> None:
        self.reference = reference
        self.entity_exists = entity_exists

    def get(self, model: type, ident: Any) -> SimpleNamespace | None:
        if model is m.Person:
            return SimpleNamespace(id=ident) if self.entity_exists("person", ident) else None
        kind = self._KINDS.get(model)
        if kind is None:
            raise TypeError(f"no server lookup for {model.__name__}")
        data = self.reference.get(kind, ident if isinstance(ident, str) else None)
        return SimpleNamespace(**data) if data is not None else None


def _reject(message: str, code: str, field: str | None = None) -> ValidationError:
    return ValidationError(message, code=code, field=field)


# --------------------------------------------------------------------------- shape


# Per table: column name -> (kind, text limit); read from the models once, not per value.
_DATETIME, _DATE, _BOOL, _INT, _TEXT = range(5)
_COLUMN_KINDS: dict[str, dict[str, tuple[int, int]]] = {}


def _column_kinds(table_name: str) -> dict[str, tuple[int, int]]:
    kinds = _COLUMN_KINDS.get(table_name)
    if kinds is None:
        kinds = {}
        for column in m.Base.metadata.tables[table_name].columns:
            kind = column.type
            if isinstance(kind, DateTime):
                kinds[column.key] = (_DATETIME, 0)
            elif isinstance(kind, Date):
                kinds[column.key] = (_DATE, 0)
            elif isinstance(kind, Boolean):
                kinds[column.key] = (_BOOL, 0)
            elif isinstance(kind, Integer):
                kinds[column.key] = (_INT, 0)
            elif isinstance(kind, String | Text):
                limit = kind.length if isinstance(kind, String) and kind.length else TEXT_MAX
                kinds[column.key] = (_TEXT, limit)
        _COLUMN_KINDS[table_name] = kinds
    return kinds


def _typed(table_name: str, values: dict[str, Any]) -> dict[str, Any]:
    """Payload values as the column types want them; wrong types and oversize text raise."""
    kinds = _column_kinds(table_name)
    out = dict(values)
    for key, value in values.items():
        spec = kinds.get(key)
        if spec is None or value is None:
            continue
        kind, limit = spec
        try:
            if kind == _TEXT:
                if not isinstance(value, str):
                    raise TypeError
                if len(value) > limit:
                    raise _reject(
                        f"“{key}”太长：最多{limit}个字，现在有{len(value)}个字",
                        "too_long",
                        key,
                    )
            elif kind == _DATETIME:
                out[key] = datetime.fromisoformat(value)
            elif kind == _DATE:
                out[key] = date.fromisoformat(value)
            elif kind == _BOOL:
                if not isinstance(value, bool):
                    raise TypeError
            elif isinstance(value, bool) or not isinstance(value, int):  # _INT
                raise TypeError
        except (TypeError, ValueError):
            raise _reject(f"“{key}”的值格式不对", "bad_value", key) from None
    return out


# The same as sets, for the per-event check (every push checks every key of every event).
_KEY_SETS = {
    kind: {etype: frozenset((*keys, BASE_KEY, RESOLVES_KEY)) for etype, keys in types.items()}
    for kind, types in EVENT_KEYS.items()
}


def _check_keys(ev: EventRecord) -> None:
    unknown = sorted(ev.payload.keys() - _KEY_SETS[ev.entity_type][ev.event_type])
    if unknown:
        raise _reject(f"事件中有不认识的字段：{', '.join(unknown)}", "bad_field", unknown[0])
    base = ev.payload.get(BASE_KEY)
    if base is not None and not (
        isinstance(base, dict) and all(isinstance(v, str) for v in base.values())
    ):
        raise _reject("事件的 _base 格式不对", "bad_value", BASE_KEY)
    resolves = ev.payload.get(RESOLVES_KEY)
    if resolves is not None and not (
        isinstance(resolves, list) and all(isinstance(v, str) for v in resolves)
    ):
        raise _reject("事件的 _resolves 格式不对", "bad_value", RESOLVES_KEY)


def _text(payload: dict[str, Any], key: str, *, required: bool, limit: int = TEXT_MAX) -> str:
    value = payload.get(key, "")
    if not isinstance(value, str):
        raise _reject(f"“{key}”应为文字", "bad_value", key)
    if required and not value.strip():
        raise _reject(f"“{key}”不能为空", "required", key)
    if len(value) > limit:
        raise _reject(f"“{key}”太长：最多{limit}个字", "too_long", key)
    return value


def _when(payload: dict[str, Any], key: str, *, required: bool = True) -> datetime | None:
    value = payload.get(key)
    if value is None and not required:
        return None
    try:
        return datetime.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise _reject(f"“{key}”不是有效的时间", "bad_datetime", key) from None


def _choice(enum: type, value: Any, *, key: str, allow_empty: bool = False) -> None:
    if allow_empty and value in ("", None):
        return
    try:
        enum(value)
    except ValueError:
        raise _reject(f"“{key}”的取值“{value}”不在可选范围内", "bad_choice", key) from None


# --------------------------------------------------------------------------- the checks


def check_envelope(ev: EventCreate, *, station: AuthStation) -> tuple[EventRecord, str]:
    """The event as a record, and its payload's canonical JSON (what is stored)."""
    if ev.entity_type not in EVENT_KEYS:
        raise _reject(f"未知的数据类型“{ev.entity_type}”", "unknown_entity_type", "entity_type")
    if ev.event_type not in EVENT_KEYS[ev.entity_type]:
        raise _reject(f"未知的事件类型“{ev.event_type}”", "unknown_event_type", "event_type")
    if not is_uuid(ev.event_id):
        raise _reject("事件编号不是有效的 UUID", "bad_event_id", "event_id")
    if ev.station_code != station.code:
        raise PermissionDenied(
            f"事件记录的站点是“{ev.station_code}”，但上传的是“{station.code}”："
            "一个站点只能上传本站写下的记录",
            code="wrong_station",
            field="station_code",
        )
    if ev.schema_version > SCHEMA_VERSION:
        raise _reject(
            "这条记录来自更新版本的网格驿站，请先升级镇服务器", "schema_too_new", "schema_version"
        )
    record = ev.record()
    payload_json = canonical_json(ev.payload)
    if _content_hash(record, payload_json) != ev.content_hash:
        raise _reject("事件内容与校验值不符（传输中损坏或被改动）", "bad_hash", "content_hash")
    if len(payload_json) > MAX_PAYLOAD_CHARS:
        raise _reject(f"事件内容超过{MAX_PAYLOAD_CHARS // 1024}KB", "too_large", "payload")
    # JSON writes a NUL (in a key or a value) as \u0000: without that text there is none.
    if "\\u0000" in payload_json and _has_nul(ev.payload):
        raise _reject("事件内容含有不可见的控制字符（NUL）", "bad_value", "payload")
    _check_keys(record)
    return record, payload_json


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _content_hash(record: EventRecord, payload_json: str) -> str:
    """:meth:`EventRecord.content_hash` with the payload's canonical JSON already made: the
    envelope's keys in sorted order around it, the same bytes as ``canonical_json`` of the
    whole (each batch of a thousand events saved that second encoding of every payload)."""
    body = (
        f'{{"author":{_dumps(record.author)},"entity_id":{_dumps(record.entity_id)},'
        f'"entity_type":{_dumps(record.entity_type)},"event_id":{_dumps(record.event_id)},'
        f'"event_type":{_dumps(record.event_type)},"hlc":{_dumps(record.hlc)},'
        f'"payload":{payload_json},"schema_version":{int(record.schema_version)},'
        f'"station_code":{_dumps(record.station_code)}}}'
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def check_domain(
    record: EventRecord,
    *,
    station: AuthStation,
    lookup: ServerLookup,
    history: Callable[[], list[EventRecord]],
) -> None:
    """The desktop's rules for this event; ``history`` gives the entity's accepted events."""
    p = record.payload
    kind, etype = record.entity_type, record.event_type
    values = _typed(MAIN_TABLE[kind], {k: v for k, v in p.items() if not k.startswith("_")})
    if kind == "person":
        if etype == "created":
            if not str(p.get("name", "")).strip():
                raise _reject("请填写姓名", "required", "name")
            _when(p, "created_at", required=False)
        persons.clean_person_fields(lookup, values)  # type: ignore[arg-type]
    elif kind == "case":
        _check_case(record, values, station=station, lookup=lookup, history=history)
    else:
        _check_mediation(record, values, lookup=lookup)


def _check_case(
    record: EventRecord,
    values: dict[str, Any],
    *,
    station: AuthStation,
    lookup: ServerLookup,
    history: Callable[[], list[EventRecord]],
) -> None:
    p, etype = record.payload, record.event_type
    if etype in ("created", "updated"):
        if etype == "created":
            if not p.get("summary"):
                raise _reject("请用一句话写下诉求摘要", "required", "summary")
            _text(p, "number", required=True, limit=32)
        # "Not later than now" at the time it was written, by the writer's own clock (read
        # only when the server's own clock would refuse it: it seldom does).
        received = values.pop("received_at", None)
        if (
            received is not None
            and received > datetime.now() + FUTURE_SLACK
            and received > wall_time(record.hlc) + FUTURE_SLACK
        ):
            raise _reject("受理时间不能晚于现在", "in_future", "received_at")
        cases.clean_case_fields(lookup, values)  # type: ignore[arg-type]
        if DISPATCH_FIELDS & set(p) and station.kind != StationKind.CENTER.value:
            state = _case_state(history()) if etype == "updated" else {}
            check_station_may(
                EDIT_DISPATCH,
                kind=station.kind,
                status=state.get("status") or CaseStatus.RECEIVED.value,
            )
    elif etype == "note_added":
        _text(p, "text", required=True)
        _when(p, "at")
        _text(p, "kind", required=False, limit=24)
        if station.kind == StationKind.DEPARTMENT.value:
            state = _case_state(history())
            check_station_may(
                "progress",
                kind=station.kind,
                status=state.get("status", ""),
                unit=_unit_role(station, lookup, state),
            )
    elif etype == "step":
        _check_step(record, station=station, lookup=lookup, history=history)
    else:  # action
        _choice(CaseAction, p.get("action"), key="action")
        transition = transition_for(p["action"])
        reason = _text(p, "reason", required=transition.needs_reason)
        del reason
        _when(p, "at")
        fields = p.get("fields", {})
        if not isinstance(fields, dict):
            raise _reject("“fields”应为对象", "bad_value", "fields")
        unknown = sorted(set(fields) - set(cases.ACTION_FIELDS))
        if unknown:
            raise _reject(f"不能随操作修改：{', '.join(unknown)}", "bad_field", unknown[0])
        typed = _typed("work_case", fields)
        if typed.get("department_id") and lookup.get(m.Department, typed["department_id"]) is None:
            raise _reject("没有这个部门", "unknown", "department_id")
        community = typed.get("handling_community_id")
        if community and lookup.get(m.Community, community) is None:
            raise _reject("没有这个村（社区）", "unknown", "handling_community_id")
        for dept in split_ids(typed.get("co_department_ids")):
            if lookup.get(m.Department, dept) is None:
                raise _reject("协办单位中有不存在的部门", "unknown", "co_department_ids")
        _choice(ExtensionState, typed.get("extension_state", ""), key="extension_state")
        _choice(Rating, typed.get("rating", ""), key="rating", allow_empty=True)
        roles = KIND_ROLES.get(station.kind, frozenset())
        if not roles & transition.roles:
            raise PermissionDenied(
                f"{StationKind(station.kind).label}不能执行“{transition.action.label}”",
                code="role_not_allowed",
                field="action",
            )
        earlier = history()
        folded = fold_case([*earlier, record])
        if f"{record.event_id}:status" in folded.conflicts:
            current = (folded.rows.get("work_case") or [{}])[0].get("status", "")
            raise TransitionError(
                f"工单当前状态不能执行“{transition.action.label}”",
                current=str(current),
                requested=transition.action.value,
            )
        state = _case_state(earlier)
        check_station_may(
            transition.action.value,
            kind=station.kind,
            status=state.get("status", ""),
            unit=_unit_role(station, lookup, state),
        )


# --------------------------------------------------------------------------- dispatch

# Fields each supervision step may set (station.services.dispatch writes exactly these).
STEP_FIELDS: dict[str, frozenset[str]] = {
    DispatchStep.REQUEST_EXTENSION.value: frozenset({"extension_state", "extension_until"}),
    DispatchStep.APPROVE_EXTENSION.value: frozenset({"extension_state", "deadline"}),
    DispatchStep.REFUSE_EXTENSION.value: frozenset({"extension_state"}),
    DispatchStep.REMIND.value: frozenset(),
    DispatchStep.SUPERVISE.value: frozenset({"supervised", "supervision_note"}),
}


def _case_state(events: list[EventRecord]) -> dict[str, Any]:
    """The case as the accepted events fold it (before the event being checked)."""
    row = dict((fold_case(events).rows.get("work_case") or [{}])[0])
    row["status"] = row.get("status") or CaseStatus.RECEIVED.value
    return row


def _unit_role(station: AuthStation, lookup: ServerLookup, state: dict[str, Any]) -> UnitRole:
    communities = set()
    for grid in station.grids:
        info = lookup.reference.get("grid", grid)
        if info and info.get("community_id"):
            communities.add(info["community_id"])
    return unit_role(
        kind=station.kind,
        department_id=station.department_id,
        communities=frozenset(communities),
        lead_department_id=state.get("department_id"),
        lead_community_id=state.get("handling_community_id"),
        co_department_ids=state.get("co_department_ids") or "",
    )


def _check_step(
    record: EventRecord,
    *,
    station: AuthStation,
    lookup: ServerLookup,
    history: Callable[[], list[EventRecord]],
) -> None:
    p = record.payload
    _choice(DispatchStep, p.get("step"), key="step")
    _text(p, "reason", required=p["step"] == DispatchStep.SUPERVISE.value)
    _when(p, "at")
    fields = p.get("fields", {})
    if not isinstance(fields, dict):
        raise _reject("“fields”应为对象", "bad_value", "fields")
    unknown = sorted(set(fields) - STEP_FIELDS[p["step"]])
    if unknown:
        raise _reject(f"不能随操作修改：{', '.join(unknown)}", "bad_field", unknown[0])
    typed = _typed("work_case", fields)
    _choice(ExtensionState, typed.get("extension_state", ""), key="extension_state")
    earlier = history()
    state = _case_state(earlier)
    if f"{record.event_id}:status" in fold_case([*earlier, record]).conflicts:
        check_step(
            p["step"], status=state.get("status", ""), extension=state.get("extension_state", "")
        )
        raise TransitionError(  # (check_step raises first; this is a safety net)
            "工单当前状态不能执行这一步", current=str(state.get("status")), requested=p["step"]
        )
    check_station_may(
        p["step"],
        kind=station.kind,
        status=state.get("status", ""),
        unit=_unit_role(station, lookup, state),
    )


def _check_mediation(record: EventRecord, values: dict[str, Any], *, lookup: ServerLookup) -> None:
    p, etype = record.payload, record.event_type
    session: Any = lookup
    if etype in ("created", "updated"):
        clean_mediation_fields(session, values)
        if etype == "created":
            _text(p, "number", required=True, limit=40)
            if not isinstance(p.get("parties"), list) or not isinstance(p.get("mediators"), list):
                raise _reject("调解案件须有当事人和调解员", "required", "parties")
            _clean_parties(session, p["parties"])
            _clean_mediators(session, p["mediators"])
            for party in p["parties"]:
                _text(party, "id", required=False, limit=36)
    elif etype in ("party_added", "party_updated", "party_removed"):
        _text(p, "id", required=True, limit=36)
        if "person_id" in p and lookup.get(m.Person, p["person_id"]) is None:
            raise _reject("当事人不在居民名册中", "unknown", "person_id")
        if etype == "party_added" and "person_id" not in p:
            raise _reject("请选择当事人", "required", "person_id")
        if "role" in p:
            _choice(PartyRole, p["role"], key="role")
        _typed("mediation_party", p)
    elif etype == "mediators_set":
        if not isinstance(p.get("mediators"), list):
            raise _reject("请至少选择一位调解员", "required", "mediators")
        _clean_mediators(session, p["mediators"])
    elif etype in ("record_added", "record_updated"):
        _text(p, "id", required=True, limit=36)
        if p.get("kind", "session") not in ("investigation", "session"):
            raise _reject("记录类型只能是调查记录或调解记录", "bad_choice", "kind")
        _text(p, "body", required=etype == "record_added")
        _typed("mediation_record", p)
    elif etype == "agreement_set":
        _choice(AgreementForm, p.get("agreement_form"), key="agreement_form")
        terms = p.get("terms", [])
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise _reject("协议条款格式不对", "bad_value", "terms")
        if any(len(t) > TEXT_MAX for t in terms):
            raise _reject(f"协议条款最多{TEXT_MAX}字", "too_long", "terms")
        if (values.get("amount_fen") or 0) < 0:
            raise _reject("金额不能为负数", "negative", "amount_fen")
    elif etype == "visit_added":
        _choice(PerformanceStatus, p.get("performance_status"), key="performance_status")
        _typed("return_visit", p)
        if "visited_on" not in p:
            raise _reject("请填写回访日期", "required", "visited_on")
    elif etype == "performance_noted":
        _choice(PerformanceStatus, p.get("performance_status"), key="performance_status")
        _typed("mediation_performance_note", p)
        if "noted_on" not in p:
            raise _reject("请填写记录日期", "required", "noted_on")
    elif etype == "archived":
        if "archived_on" not in p:
            raise _reject("请填写归档日期", "required", "archived_on")
    elif etype == "reopened":
        _text(p, "reason", required=True)
    if "status" in values:
        _choice(MediationStatus, values["status"], key="status")


def result_of(error: GridStationError) -> dict[str, str | None]:
    return {"code": error.code, "message": error.message, "field": error.field}
