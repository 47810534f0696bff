"""SQLAlchemy models of the local database.

Three kinds of table live here:

* **Reference data** owned by the town center (communities, grids, roster, departments,
  categories, dispute types). Edited through services; flows to stations by sync.
* **Projections** of synced operational data (persons, cases, mediation cases and their
  child records). They are *never* edited directly: every change is an :class:`Event`
  and ``station.services.projection`` folds events into these rows. A projection can be
  dropped and rebuilt from the events at any time (``grid-station check`` does exactly
  that and compares).
* **Local-only** tables: settings, user accounts, audit log, number counters.

Times are naive ``datetime`` in the station's local time (Asia/Shanghai); HLC strings order
events.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from station.db.sealed import SealedJSON, SealedString


class Base(DeclarativeBase):
    pass


# --------------------------------------------------------------------------- reference data


class Community(Base):
    """A community (社区) or village (村) of the town."""

    __tablename__ = "community"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # CommunityKind
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    grids: Mapped[list[Grid]] = relationship(back_populates="community", order_by="Grid.id")


class Grid(Base):
    """A third-level grid (网格) of 50–100 households."""

    __tablename__ = "grid"
    id: Mapped[str] = mapped_column(String(24), primary_key=True)
    community_id: Mapped[str] = mapped_column(ForeignKey("community.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    households: Mapped[int] = mapped_column(Integer, default=0)
    community: Mapped[Community] = relationship(back_populates="grids")


class Department(Base):
    __tablename__ = "department"
    id: Mapped[str] = mapped_column(String(24), primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    short_name: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(String(20), default="")


class RosterPerson(Base):
    """Someone on the town's roster: grid worker, grid leader, mediator, dispatcher…"""

    __tablename__ = "roster_person"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    gender: Mapped[str] = mapped_column(String(8), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    community_id: Mapped[str | None] = mapped_column(ForeignKey("community.id"))
    department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    roles: Mapped[list[RosterAssignment]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )


class RosterAssignment(Base):
    """One role of a roster person, optionally for one grid (a grid leader has several)."""

    __tablename__ = "roster_assignment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("roster_person.id"), index=True)
    role: Mapped[str] = mapped_column(String(24), index=True)  # RosterRole
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("grid.id"), index=True)
    person: Mapped[RosterPerson] = relationship(back_populates="roles")


class Category(Base):
    """Request category tree; each node has a default route, time limit and department."""

    __tablename__ = "category"
    id: Mapped[str] = mapped_column(String(24), primary_key=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("category.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    default_route: Mapped[str] = mapped_column(String(16))  # Route
    time_limit_days: Mapped[int] = mapped_column(Integer, default=5)  # working days
    department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class DisputeType(Base):
    __tablename__ = "dispute_type"
    id: Mapped[str] = mapped_column(String(24), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


# --------------------------------------------------------------------------- local only


class Setting(Base):
    """Key/value station settings (typed access in ``station.settings``)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class UserAccount(Base):
    """A local login; every event records its author's username."""

    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(24))  # Role
    password_hash: Mapped[str] = mapped_column(String(200))
    roster_person_id: Mapped[str | None] = mapped_column(ForeignKey("roster_person.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Lockout (station.services.users): consecutive failures and until when logins wait.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    # "local" (managed here) or "town" (from the town server, station.sync.town_accounts)
    origin: Mapped[str] = mapped_column(String(8), default="local", server_default="local")


class AuditEntry(Base):
    """Append-only record of sensitive actions (logins, reveals, exports, prints).

    SQLite triggers (migration 0005) refuse every UPDATE and DELETE of these rows.
    """

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    username: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40), index=True)
    target_type: Mapped[str] = mapped_column(String(24), default="")
    target_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class NumberCounter(Base):
    """Last number handed out per series (case numbers per day, mediation per year)."""

    __tablename__ = "number_counter"
    series: Mapped[str] = mapped_column(String(60), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


# --------------------------------------------------------------------------- events


class Event(Base):
    """An immutable change to synced data (DESIGN.md §4). Never updated, never deleted."""

    __tablename__ = "event"
    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity_type: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[str] = mapped_column(String(36))
    event_type: Mapped[str] = mapped_column(String(40))
    station_code: Mapped[str] = mapped_column(String(12))
    author: Mapped[str] = mapped_column(String(40))
    hlc: Mapped[str] = mapped_column(String(24))
    schema_version: Mapped[int] = mapped_column(Integer)
    # Canonical JSON, changed fields only; ID numbers in it sealed at rest (station.db.sealed).
    payload: Mapped[str] = mapped_column(SealedJSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    server_seq: Mapped[int | None] = mapped_column(Integer, index=True)  # set once pushed

    __table_args__ = (
        Index("ix_event_entity", "entity_type", "entity_id", "hlc"),
        Index("ix_event_order", "hlc", "event_id"),
    )


class Conflict(Base):
    """A change the fold could not apply as written, listed for a person to review.

    Both events stay in the log; the projection keeps the winner by ``(hlc, event_id)``.
    """

    __tablename__ = "conflict"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # "{lost event}:{field}"
    entity_type: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(40))
    kept_event_id: Mapped[str] = mapped_column(String(36))
    lost_event_id: Mapped[str] = mapped_column(String(36))
    lost_value: Mapped[str] = mapped_column(SealedJSON)  # holds the lost payload


# --------------------------------------------------------------------------- projections


class Person(Base):
    """A resident or a party to a dispute."""

    __tablename__ = "person"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), index=True)
    gender: Mapped[str] = mapped_column(String(8), default="")
    phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    # Sealed at rest, deterministically: ``==`` finds a full number, LIKE finds nothing.
    id_number: Mapped[str] = mapped_column(SealedString(18), default="", index=True)
    ethnicity: Mapped[str] = mapped_column(String(16), default="")
    occupation: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(120), default="")
    community_id: Mapped[str | None] = mapped_column(ForeignKey("community.id"))
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("grid.id"), index=True)
    # Search keys derived from the name when the projection is written.
    name_initials: Mapped[str] = mapped_column(String(40), default="", index=True)
    name_pinyin: Mapped[str] = mapped_column(String(160), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[str] = mapped_column(String(64))  # "{hlc} {event_id}" of last event


class Case(Base):
    """A work order (工单)."""

    __tablename__ = "work_case"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    station_code: Mapped[str] = mapped_column(String(12))
    channel: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    requester_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    filed_by_staff: Mapped[str] = mapped_column(String(40), default="")  # 代办
    category_id: Mapped[str | None] = mapped_column(ForeignKey("category.id"), index=True)
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("grid.id"), index=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(String(16))
    route: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(24), index=True)
    department_id: Mapped[str | None] = mapped_column(ForeignKey("department.id"))
    assignee: Mapped[str] = mapped_column(String(60), default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[str] = mapped_column(String(24), default="")  # Rating or ""
    solved: Mapped[bool | None] = mapped_column(Boolean)
    supervised: Mapped[bool] = mapped_column(Boolean, default=False)
    mediation_id: Mapped[str | None] = mapped_column(String(36))
    merged_into: Mapped[str | None] = mapped_column(String(36))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Dispatch (station.domain.dispatch): lead unit is department_id or handling_community_id.
    handling_community_id: Mapped[str | None] = mapped_column(String(16))
    co_department_ids: Mapped[str] = mapped_column(String(200), default="")  # "D-1,D-2"
    instructions: Mapped[str] = mapped_column(Text, default="")
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime)
    sign_deadline: Mapped[date | None] = mapped_column(Date)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime)
    extension_state: Mapped[str] = mapped_column(String(16), default="")  # ExtensionState
    extension_until: Mapped[date | None] = mapped_column(Date)
    reminder_count: Mapped[int] = mapped_column(Integer, default=0)  # 催办, counted by the fold
    supervision_note: Mapped[str] = mapped_column(Text, default="")  # latest 督办
    rework_count: Mapped[int] = mapped_column(Integer, default=0)  # 重办, counted by the fold
    # What the case's history lines (case_note) say, for statistics: set by the fold from
    # those lines only, never by an event (migration 0006).
    was_desk_settled: Mapped[bool] = mapped_column(Boolean, default=False)
    was_station_handled: Mapped[bool] = mapped_column(Boolean, default=False)
    was_escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    was_sent_to_mediation: Mapped[bool] = mapped_column(Boolean, default=False)
    first_dispatched_at: Mapped[datetime | None] = mapped_column(DateTime)
    first_signed_at: Mapped[datetime | None] = mapped_column(DateTime)
    first_replied_at: Mapped[datetime | None] = mapped_column(DateTime)  # or settled at desk
    repeat_count: Mapped[int] = mapped_column(Integer, default=0)  # 再次反映 lines
    version: Mapped[str] = mapped_column(String(64))  # "{hlc} {event_id}" of last event


class CaseNote(Base):
    """Append-only history lines of a case: notes, actions with reasons, visits."""

    __tablename__ = "case_note"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the event id
    case_id: Mapped[str] = mapped_column(ForeignKey("work_case.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(24))  # "note" or a CaseAction
    text: Mapped[str] = mapped_column(Text, default="")


class MediationCase(Base):
    """A people's mediation case (调解案件)."""

    __tablename__ = "mediation_case"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    source: Mapped[str] = mapped_column(String(16))
    referring_body: Mapped[str] = mapped_column(String(60), default="")
    dispute_type_id: Mapped[str | None] = mapped_column(ForeignKey("dispute_type.id"))
    accepted_on: Mapped[date] = mapped_column(Date, index=True)
    committee: Mapped[str] = mapped_column(String(60))
    facts: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), index=True)
    case_id: Mapped[str | None] = mapped_column(String(36))
    notice_given_on: Mapped[date | None] = mapped_column(Date)
    closing_reason: Mapped[str] = mapped_column(Text, default="")  # refusal/failure/termination
    other_routes: Mapped[str] = mapped_column(Text, default="")
    agreement_form: Mapped[str] = mapped_column(String(16), default="")  # AgreementForm
    agreement_content: Mapped[str] = mapped_column(Text, default="")  # oral agreement (art. 28)
    performance_method: Mapped[str] = mapped_column(Text, default="")
    performance_deadline: Mapped[date | None] = mapped_column(Date)
    amount_fen: Mapped[int | None] = mapped_column(Integer)  # in 分: exact, no float money
    copies: Mapped[int | None] = mapped_column(Integer)
    signed_on: Mapped[date | None] = mapped_column(Date)
    signed_by: Mapped[str] = mapped_column(String(200), default="")
    performance_status: Mapped[str] = mapped_column(String(16), default="")
    court_confirmed_on: Mapped[date | None] = mapped_column(Date)
    prevented_criminal: Mapped[bool] = mapped_column(Boolean, default=False)  # 防止民转刑
    prevented_petition: Mapped[bool] = mapped_column(Boolean, default=False)  # 防止群体性上访
    closed_on: Mapped[date | None] = mapped_column(Date)
    # Statistics captured as the work happens (read by the statistics reports).
    prevented_criminal_persons: Mapped[int] = mapped_column(Integer, default=0)
    prevented_petition_persons: Mapped[int] = mapped_column(Integer, default=0)
    # The agreement takes effect when signed (usually signed_on); 司法确认 counts from it.
    effective_on: Mapped[date | None] = mapped_column(Date)
    court_confirmation: Mapped[str] = mapped_column(String(16), default="")  # CourtConfirmation
    court_applied_on: Mapped[date | None] = mapped_column(Date)
    # court_confirmed_on (above): the day the court ruled (valid or invalid).
    # One-month timer: the due date agreed with the parties when extended (None: one month).
    extended_due_on: Mapped[date | None] = mapped_column(Date)
    extension_consent: Mapped[str] = mapped_column(Text, default="")
    # Archive lock (归档): set while archived; a reopen clears it and keeps its reason.
    archived_on: Mapped[date | None] = mapped_column(Date)
    archived_by: Mapped[str] = mapped_column(String(40), default="")
    reopen_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[str] = mapped_column(String(64))  # "{hlc} {event_id}" of last event


class MediationParty(Base):
    __tablename__ = "mediation_party"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mediation_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # PartyRole
    seq: Mapped[int] = mapped_column(Integer)
    agent_name: Mapped[str] = mapped_column(String(40), default="")
    agent_authorization: Mapped[str] = mapped_column(String(200), default="")
    agent_kind: Mapped[str] = mapped_column(String(16), default="")  # AgentKind or ""


class MediationMediator(Base):
    __tablename__ = "mediation_mediator"
    mediation_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), primary_key=True)
    roster_person_id: Mapped[str] = mapped_column(ForeignKey("roster_person.id"), primary_key=True)
    lead: Mapped[bool] = mapped_column(Boolean, default=False)


class MediationRecord(Base):
    """An investigation record (调查记录) or a session record (调解记录)."""

    __tablename__ = "mediation_record"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mediation_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "investigation" | "session"
    at: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(120), default="")
    participants: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(200), default="")  # 被调查人 / 事由
    recorder: Mapped[str] = mapped_column(String(40), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")


class AgreementTerm(Base):
    __tablename__ = "agreement_term"
    mediation_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class ReturnVisit(Base):
    __tablename__ = "return_visit"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    mediation_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    visitor: Mapped[str] = mapped_column(String(40))
    performance_status: Mapped[str] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[str] = mapped_column(String(24), default="")  # Satisfaction or ""
    lawsuit: Mapped[bool] = mapped_column(Boolean, default=False)  # a party went to court
    escalation_risk: Mapped[str] = mapped_column(String(16), default="")  # EscalationRisk
    measures: Mapped[str] = mapped_column(Text, default="")


class PerformanceNote(Base):
    """A dated note on how an agreement is being performed (履行情况), append-only."""

    __tablename__ = "mediation_performance_note"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the event id
    mediation_id: Mapped[str] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    noted_on: Mapped[date] = mapped_column(Date)
    performance_status: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(40), default="")


# Tables whose rows are derived from events; ``check`` compares them with a rebuild.
PROJECTION_TABLES = (
    "person",
    "work_case",
    "case_note",
    "mediation_case",
    "mediation_party",
    "mediation_mediator",
    "mediation_record",
    "agreement_term",
    "return_visit",
    "mediation_performance_note",
    "conflict",
)
