"""Drafts of forms being filled: one JSON file per open form in ``<data dir>/drafts/``.

A form saves its draft a moment after every change and deletes it once saved or
deliberately discarded; whatever is left when the program starts again was interrupted
(a crash, a power cut) and is offered back.

Files are written atomically (temporary file, flush, fsync, ``os.replace``), so a power cut
leaves either the previous draft or the new one, never half a file. Drafts live outside the
database on purpose: they are not case data, are never synced, and must survive even a
database that fails to open.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FOLDER = "drafts"
SUFFIX = ".json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Draft:
    draft_id: str
    form: str  # which form wrote it, e.g. "new_request"
    username: str  # who was filling it in
    saved_at: datetime
    title: str  # a line to recognise it by (the summary typed so far)
    values: dict[str, Any] = field(default_factory=dict)


def drafts_folder(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER


def new_draft_id() -> str:
    return uuid.uuid4().hex


def _path(data_dir: Path, draft_id: str) -> Path:
    if not draft_id or not all(ch.isalnum() or ch in "-_" for ch in draft_id):
        raise ValueError(f"bad draft id {draft_id!r}")
    return drafts_folder(data_dir) / f"{draft_id}{SUFFIX}"


def save_draft(
    *,
    data_dir: Path,
    draft_id: str,
    form: str,
    username: str,
    values: dict[str, Any],
    title: str = "",
    saved_at: datetime | None = None,
) -> Draft:
    """Write (or replace) the draft atomically; ``values`` must be JSON-serialisable."""
    draft = Draft(
        draft_id=draft_id,
        form=form,
        username=username,
        saved_at=saved_at or datetime.now().replace(microsecond=0),
        title=title.strip()[:80],
        values=dict(values),
    )
    target = _path(data_dir, draft_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(
        {
            "version": FORMAT_VERSION,
            "draft_id": draft.draft_id,
            "form": draft.form,
            "username": draft.username,
            "saved_at": draft.saved_at.isoformat(timespec="seconds"),
            "title": draft.title,
            "values": draft.values,
        },
        ensure_ascii=False,
        indent=1,
    )
    temporary = target.with_name(f".{target.name}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    _sync_folder(target.parent)
    return draft


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _read(path: Path) -> Draft | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Draft(
            draft_id=str(data["draft_id"]),
            form=str(data["form"]),
            username=str(data.get("username", "")),
            saved_at=datetime.fromisoformat(data["saved_at"]),
            title=str(data.get("title", "")),
            values=dict(data.get("values") or {}),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring unreadable draft %s: %s", path, exc)
        return None


def list_drafts(
    *, data_dir: Path, form: str | None = None, username: str | None = None
) -> list[Draft]:
    """Drafts left in the folder (newest first), optionally of one form and one person.

    Unreadable files are skipped (and logged), never raised: a damaged draft must not keep
    the program from starting.
    """
    folder = drafts_folder(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        draft = _read(path)
        if draft is None:
            continue
        if form is not None and draft.form != form:
            continue
        if username is not None and draft.username != username:
            continue
        found.append(draft)
    return sorted(found, key=lambda d: d.saved_at, reverse=True)


def load_draft(*, data_dir: Path, draft_id: str) -> Draft | None:
    path = _path(data_dir, draft_id)
    return _read(path) if path.exists() else None


def discard_draft(*, data_dir: Path, draft_id: str) -> None:
    """Delete the draft (no error if it is already gone)."""
    _path(data_dir, draft_id).unlink(missing_ok=True)
