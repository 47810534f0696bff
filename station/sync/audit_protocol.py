"""``POST /api/v1/audit``: a station's audit entries, pushed up to the town server.

The audit log is local and append-only; every sync also sends the entries the server has
not acknowledged yet (:mod:`station.sync.audit_push`). They are never pulled back down.
An entry carries exactly what the station's ``audit_entry`` row holds (no ID numbers,
phones or passwords, see :mod:`station.services.audit`) plus the station that wrote it.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from station.sync.protocol import Text

AUDIT_BATCH = 500  # entries per push request the client sends
MAX_AUDIT_ENTRIES = 1000  # the most the server takes in one request
MAX_DETAIL_CHARS = 16 * 1024


class AuditEntryCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int = Field(ge=1, description="the entry's id in the station's own log")
    station_code: Text = Field(min_length=1, max_length=12)
    at: datetime
    username: Text = Field(max_length=40)
    action: Text = Field(min_length=1, max_length=40)
    target_type: Text = Field(default="", max_length=24)
    target_id: Text = Field(default="", max_length=64)
    detail: Text = Field(default="", max_length=MAX_DETAIL_CHARS)


class AuditBatchCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entries: list[AuditEntryCreate] = Field(max_length=MAX_AUDIT_ENTRIES)


class AuditBatchResult(BaseModel):
    accepted: int = Field(description="entries stored now")
    duplicates: int = Field(description="entries the server already had")
