"""The town server's tables (its own schema, migrated by ``station/server/migrations``).

* ``seq_counter`` — one row holding the last ``server_seq`` handed out. Every write that
  hands out sequence numbers locks it first (see :mod:`station.server.ingest`).
* ``event`` — every accepted event, in ``server_seq`` order; never updated or deleted.
* ``entity`` — one row per accepted entity (person, case, mediation): who created it and
  its human number, which must stay unique across the town.
* ``audience`` — which station may see which entity, and from which ``server_seq`` on.
  Rows are only ever added: a case dispatched away stays visible to its first department.
* ``entity_link`` — persons an entity refers to (a case's requester, a mediation's
  parties); they travel with it into every scope it enters.
* ``reference_item`` — reference data, versioned by ``seq`` from the same counter, with
  tombstones.
* ``station`` / ``station_grid`` — registered stations; only hashes of credentials.
* ``town_setting`` — the town's name and mediation committee, handed out on enrollment.
* ``audit_entry`` — the stations' audit logs, pushed up (``POST /api/v1/audit``); only
  ever inserted (triggers refuse UPDATE and DELETE, migration s0002).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class SeqCounter(Base):
    __tablename__ = "seq_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(BigInteger, default=0)


class Station(Base):
    __tablename__ = "station"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(16))  # StationKind
    department_id: Mapped[str | None] = mapped_column(String(24), index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enroll_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    enroll_expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    enrolled_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Raised by every (re-)registration: the audience rules' cache key (ingest.ScopesCache).
    scope_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    grids: Mapped[list[StationGrid]] = relationship(
        back_populates="station", cascade="all, delete-orphan", order_by="StationGrid.grid_id"
    )


class StationGrid(Base):
    __tablename__ = "station_grid"
    station_id: Mapped[int] = mapped_column(ForeignKey("station.id"), primary_key=True)
    grid_id: Mapped[str] = mapped_column(String(24), primary_key=True, index=True)
    station: Mapped[Station] = relationship(back_populates="grids")


class Event(Base):
    __tablename__ = "event"
    server_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity_type: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[str] = mapped_column(String(36))
    event_type: Mapped[str] = mapped_column(String(40))
    station_code: Mapped[str] = mapped_column(String(12))
    author: Mapped[str] = mapped_column(String(40))
    hlc: Mapped[str] = mapped_column(String(24))
    schema_version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON, as hashed
    content_hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_event_entity_seq", "entity_type", "entity_id", "server_seq"),)


class Entity(Base):
    __tablename__ = "entity"
    entity_type: Mapped[str] = mapped_column(String(24), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(12))
    number: Mapped[str | None] = mapped_column(String(40))
    created_seq: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ux_entity_number", "entity_type", "number", unique=True),)


class Audience(Base):
    __tablename__ = "audience"
    # A station's id, without a foreign key: checking it cost PostgreSQL a query per row, and
    # only ingest writes these rows, from stations it loaded (never deleted). Migration s0004.
    station_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    entity_type: Mapped[str] = mapped_column(String(24), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    since_seq: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_audience_entity", "entity_type", "entity_id"),
        Index("ix_audience_station_since", "station_id", "since_seq"),
    )


class EntityLink(Base):
    __tablename__ = "entity_link"
    parent_type: Mapped[str] = mapped_column(String(24), primary_key=True)
    parent_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class ReferenceItem(Base):
    __tablename__ = "reference_item"
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[str] = mapped_column(Text)  # canonical JSON


class TownSetting(Base):
    __tablename__ = "town_setting"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """One station's audit entry. The key holds a hash of the content: a station restored
    from a backup reuses entry ids, and its new entries must not pass for duplicates."""

    __tablename__ = "audit_entry"
    station_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    entry_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    username: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    target_type: Mapped[str] = mapped_column(String(24))
    target_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime)
