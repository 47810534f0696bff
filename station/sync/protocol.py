"""The wire protocol between stations and the town server: one pydantic definition that the
client sends and the server validates (and publishes in its OpenAPI description).

Shape of a sync (DESIGN.md §4):

1. ``POST /api/v1/events`` with :class:`EventBatchCreate` (≤ :data:`MAX_PUSH_EVENTS`
   events, gzip body) → :class:`EventBatchResult`: one :class:`EventResult` per event, in
   order, plus the server's HLC. Pushing the same event again is harmless (``duplicate``).
2. ``GET /api/v1/changes?since=N&limit=L`` → :class:`ChangesPublic`: the events and
   reference items in the station's scope with ``server_seq > N`` (plus the earlier history
   of any entity that entered the scope in this page), and ``next_cursor`` to ask from next.

Names follow the server's convention: ``XBase`` shared fields, ``XCreate`` what a client
sends, ``XPublic`` what the server answers.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from station.services.events import EventRecord

API_PREFIX = "/api/v1"
PROTOCOL_VERSION = 1

PUSH_BATCH = 500  # events per push request the client sends
MAX_PUSH_EVENTS = 1000  # the most the server takes in one request
DEFAULT_PULL_LIMIT = 5000
MAX_PULL_LIMIT = 10_000
# Response header of GET /changes: the next page's cursor, or "end". A client can ask for the
# next page while it is still reading this one (absent from servers before it: read the body).
NEXT_PAGE_HEADER = "X-Grid-Station-Next"
MAX_PAYLOAD_CHARS = 64 * 1024  # one event's canonical JSON payload

HLC_PATTERN = r"^[0-9]{15}-[0-9]{5}$"
StationKindName = Literal["village", "community", "center", "department"]
ReferenceKind = Literal[
    "community", "department", "dispute_type", "grid", "category", "roster_person", "town_account"
]
EventStatus = Literal["accepted", "duplicate", "rejected"]


class ApiErrorBody(BaseModel):
    code: str = Field(description="stable English code for programs")
    message: str = Field(description="what went wrong, in Chinese, for people")
    field: str | None = None


class ErrorPublic(BaseModel):
    """Every error response of the server has this body."""

    error: ApiErrorBody


# --------------------------------------------------------------------------- events


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL; no legitimate id, code or name contains one.
    if "\x00" in value:
        raise ValueError("NUL character not allowed")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


class EventBase(BaseModel):
    """An event as it travels; see :class:`station.services.events.EventRecord`."""

    model_config = ConfigDict(extra="forbid")

    event_id: Text = Field(min_length=1, max_length=36)
    entity_type: Text = Field(min_length=1, max_length=24)
    entity_id: Text = Field(min_length=1, max_length=36)
    event_type: Text = Field(min_length=1, max_length=40)
    station_code: Text = Field(min_length=1, max_length=12)
    author: Text = Field(min_length=1, max_length=40)
    hlc: str = Field(pattern=HLC_PATTERN)
    schema_version: int = Field(ge=1, le=10_000)
    payload: dict[str, Any]
    content_hash: str = Field(pattern=r"^[0-9a-f]{64}$")

    def record(self) -> EventRecord:
        return EventRecord(
            event_id=self.event_id,
            entity_type=self.entity_type,
            entity_id=self.entity_id,
            event_type=self.event_type,
            station_code=self.station_code,
            author=self.author,
            hlc=self.hlc,
            payload=self.payload,
            schema_version=self.schema_version,
        )


class EventCreate(EventBase):
    """An event a station pushes."""

    @classmethod
    def from_record(cls, record: EventRecord) -> EventCreate:
        return cls(
            event_id=record.event_id,
            entity_type=record.entity_type,
            entity_id=record.entity_id,
            event_type=record.event_type,
            station_code=record.station_code,
            author=record.author,
            hlc=record.hlc,
            schema_version=record.schema_version,
            payload=record.payload,
            content_hash=record.content_hash(),
        )


class EventPublic(EventBase):
    """An event the server hands out, with its place in the server's log."""

    server_seq: int = Field(ge=1)


class EventBatchCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    events: list[EventCreate] = Field(max_length=MAX_PUSH_EVENTS)
    client_hlc: str | None = Field(default=None, pattern=HLC_PATTERN)


class EventResult(BaseModel):
    """The fate of one pushed event.

    ``accepted``: stored now with ``server_seq``. ``duplicate``: already stored with the same
    content (``server_seq`` is the stored one). ``rejected``: never stored; ``code``,
    ``message`` and ``field`` say why. A rejection is final.
    """

    event_id: str
    status: EventStatus
    server_seq: int | None = None
    code: str | None = None
    message: str | None = None
    field: str | None = None


class EventBatchResult(BaseModel):
    results: list[EventResult]
    server_hlc: str = Field(pattern=HLC_PATTERN)


# --------------------------------------------------------------------------- changes


class ReferenceItemPublic(BaseModel):
    """One reference record (a grid, a department …), versioned by ``seq``.

    ``deleted`` is a tombstone: the town center removed the record.
    """

    kind: ReferenceKind
    id: str
    seq: int
    deleted: bool = False
    data: dict[str, Any] = Field(default_factory=dict)


class ChangesPublic(BaseModel):
    events: list[EventPublic]
    reference: list[ReferenceItemPublic]
    next_cursor: int = Field(ge=0, description="pass as ?since= to continue")
    has_more: bool
    server_hlc: str = Field(pattern=HLC_PATTERN)


# --------------------------------------------------------------------------- stations


class StationBase(BaseModel):
    code: str = Field(min_length=1, max_length=12)
    name: str = Field(min_length=1, max_length=60)
    kind: StationKindName
    department_id: str | None = None
    grids: list[str] = Field(default_factory=list)


class StationCreate(StationBase):
    """What the town center registers (``grid-station server add-station``)."""


class StationPublic(StationBase):
    enrolled: bool = False
    revoked: bool = False


class TownPublic(BaseModel):
    town_name: str = ""
    committee_name: str = ""
    committee_short: str = ""


class EnrollmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Text = Field(min_length=4, max_length=40, description="the one-time enrollment code")


class EnrollmentPublic(BaseModel):
    """The answer to a successful enrollment. ``token`` is shown this once and never again."""

    station: StationPublic
    token: str
    town: TownPublic
    server_hlc: str = Field(pattern=HLC_PATTERN)


class HealthPublic(BaseModel):
    status: Literal["ok"]
    version: str
    database: str
    protocol: int = PROTOCOL_VERSION
