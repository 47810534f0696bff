"""Photos and scans attached to a work order, kept as files in the data folder.

Files are copied to ``<data dir>/attachments/<case id>/`` (the original may sit on a USB
stick or a phone that leaves with the resident); each attachment also leaves a line on the
case's history (kind ``attachment``), written in the caller's transaction. If copying or
the database fails, the files copied by that call are removed again: nothing half-way.

The files themselves stay on this station: sync carries the history line, not the bytes.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from station.errors import ValidationError
from station.services import cases
from station.services.changes import Changed, Changes
from station.services.events import Actor, record_event

FOLDER = "attachments"
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff"})
SUFFIXES = IMAGE_SUFFIXES | {".pdf"}
MAX_BYTES = 30 * 1024 * 1024  # a phone photo is 3–8 MB; a multi-page scan a little more
MAX_FILES = 20


@dataclass(frozen=True)
class AttachmentInfo:
    case_id: str
    name: str
    path: Path
    size: int
    modified: datetime

    @property
    def is_image(self) -> bool:
        return self.path.suffix.lower() in IMAGE_SUFFIXES


def case_folder(data_dir: Path, case_id: str) -> Path:
    if not case_id or not all(ch.isalnum() or ch == "-" for ch in case_id):
        raise ValueError(f"bad case id {case_id!r}")
    return Path(data_dir) / FOLDER / case_id


def check_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files as paths, after checking they exist, are photos/scans and not too big."""
    if len(paths) > MAX_FILES:
        raise ValidationError(
            f"一次最多添加{MAX_FILES}个附件", code="too_many", field="attachments"
        )
    checked = []
    for raw in paths:
        path = Path(raw)
        if path.suffix.lower() not in SUFFIXES:
            raise ValidationError(
                f"“{path.name}”不是照片或扫描件（支持 JPG、PNG、PDF 等）",
                code="bad_type",
                field="attachments",
            )
        if not path.is_file():
            raise ValidationError(
                f"找不到文件“{path.name}”，可能已被移走", code="missing", field="attachments"
            )
        if path.stat().st_size > MAX_BYTES:
            raise ValidationError(
                f"“{path.name}”太大（超过{MAX_BYTES // 1024 // 1024} MB），请缩小后再添加",
                code="too_big",
                field="attachments",
            )
        checked.append(path)
    return checked


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = target.stem, target.suffix
    n = 2
    while target.exists():
        target = folder / f"{stem}（{n}）{suffix}"
        n += 1
    return target


def copy_into_case(data_dir: Path, case_id: str, files: Iterable[Path]) -> list[Path]:
    """Copy ``files`` into the case's folder (each atomically); removes them all on failure."""
    folder = case_folder(data_dir, case_id)
    folder.mkdir(parents=True, exist_ok=True)
    copied: list[Path] = []
    try:
        for source in files:
            target = _free_name(folder, source.name)
            partial = target.with_name(f".{target.name}.part")
            shutil.copyfile(source, partial)
            os.replace(partial, target)
            copied.append(target)
    except BaseException:
        remove_files(copied)
        raise
    return copied


def remove_files(paths: Iterable[Path]) -> None:
    for path in paths:
        Path(path).unlink(missing_ok=True)
        Path(path).with_name(f".{Path(path).name}.part").unlink(missing_ok=True)


def attach_files(
    session: Session,
    *,
    actor: Actor,
    data_dir: Path,
    case_id: str,
    paths: Sequence[str | Path],
) -> Changed[list[AttachmentInfo]]:
    """Copy photos/scans to the case and note each on its history (one transaction).

    The caller's transaction commits after this returns; if it fails later the copied files
    stay as orphans of a case that does not exist — harmless, and never the other way round
    (a history line without its file) within this station.
    """
    cases.get_case(session, case_id=case_id)  # raises NotFoundError for an unknown case
    files = check_files(paths)
    copied = copy_into_case(data_dir, case_id, files)
    try:
        at = datetime.now().replace(microsecond=0)
        for path in copied:
            record_event(
                session,
                actor=actor,
                entity_type="case",
                entity_id=case_id,
                event_type="note_added",
                payload={"text": f"附件：{path.name}", "kind": "attachment", "at": at},
            )
    except BaseException:
        remove_files(copied)
        raise
    return Changed(
        [_info(case_id, p) for p in copied],
        Changes.of(cases=[case_id]),
    )


def _info(case_id: str, path: Path) -> AttachmentInfo:
    stat = path.stat()
    return AttachmentInfo(
        case_id=case_id,
        name=path.name,
        path=path,
        size=stat.st_size,
        modified=datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0),
    )


def list_attachments(*, data_dir: Path, case_id: str) -> list[AttachmentInfo]:
    """The case's attachments, oldest first (unfinished copies are not listed)."""
    folder = case_folder(data_dir, case_id)
    if not folder.is_dir():
        return []
    found = [
        _info(case_id, p)
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUFFIXES
    ]
    return sorted(found, key=lambda a: (a.modified, a.name))
