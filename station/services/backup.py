"""Backups of the station database: making, rotating, verifying and restoring them.

Where backups live:

* ``<data folder>/backups`` always: the station can always back itself up, even when the
  USB drive is at the town office.
* the **second folder** (``StationSettings.backup_dir``, e.g. a USB drive or another disk)
  as well, in a subfolder named after the station code, when one is set and present.
  When it is set but missing (drive unplugged), the backup is still made locally and the
  outcome says so, plainly.

Every backup is a complete SQLite file made with SQLite's online backup API (consistent
while the app writes), named ``grid-station-YYYYMMDD-HHMMSS-<label>.sqlite3``. Labels:
``start`` (app start), ``daily`` (while running), ``manual`` (the button, the CLI), and
``before-…`` (before a migration, a restore, a demo build). Only the first three rotate
(:func:`backups_to_keep`, 7 daily / 4 weekly / 12 monthly); ``before-…`` copies are kept
until someone removes them, as they are the way back from an upgrade.

A backup is verified before it counts (:func:`verify_backup`: SQLite's integrity check, a
Grid Station schema this version knows, which station it belongs to); a copy that fails is
removed at once, so a damaged database can never push the good backups out of rotation.

Restoring (:func:`restore_backup`) never deletes anything: the current database is renamed
aside with a timestamp, the verified backup is copied into place, and the restore is written
to the audit log of the restored database.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from station.db.engine import DB_FILENAME, backup_database
from station.domain.permissions import Permission, require
from station.errors import DatabaseError, GridStationError
from station.services.events import Actor
from station.settings import StationSettings, load_settings, save_settings

log = logging.getLogger(__name__)

BACKUPS_FOLDER = "backups"
PENDING_RESTORE = "restore-pending.json"
APP_LOCK = "grid-station.lock"
#: Labels of the backups that rotate; ``before-…`` copies are kept.
ROTATING = ("start", "daily", "manual")
DAILY_EVERY = timedelta(hours=24)

_NAME = re.compile(r"^grid-station-(\d{8}-\d{6})-(.+)\.sqlite3$")
_ASIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RetentionPolicy:
    """How many of the newest days, ISO weeks and months keep their newest backup."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    label: str
    size: int
    location: str = "local"  # "local" (data folder) or "second" (the second folder)

    @property
    def rotates(self) -> bool:
        return self.label.split("-")[0] in ROTATING


@dataclass(frozen=True)
class BackupCheck:
    """What :func:`verify_backup` found; ``ok`` when ``problems`` is empty."""

    path: Path
    problems: tuple[str, ...]
    station_code: str = ""
    station_name: str = ""
    schema_revision: str = ""
    too_new: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class BackupOutcome:
    backup: BackupInfo
    second_copy: Path | None  # the copy in the second folder, if one was made
    second_status: str  # one line for people: copied / not set / missing / failed
    removed: tuple[Path, ...] = ()  # old backups rotated out (both folders)


@dataclass(frozen=True)
class RestoreOutcome:
    restored_from: Path
    set_aside: tuple[Path, ...]  # the previous database files, renamed, never deleted
    station_code: str
    forced: bool
    migrated: bool


# --------------------------------------------------------------------------- where


def local_backup_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUPS_FOLDER


def second_backup_dir(data_dir: Path, backup_dir: str) -> Path | None:
    """The configured second folder, or None when none is set (or it is the local one)."""
    text = (backup_dir or "").strip()
    if not text:
        return None
    folder = Path(text).expanduser()
    try:
        if folder.resolve() == local_backup_dir(data_dir).resolve():
            return None
    except OSError:
        pass
    return folder


def station_subfolder(data_dir: Path, second: Path) -> Path:
    """Where in the second folder this station's backups go: a folder named after the
    station code, so several stations may share one drive or network folder and rotation
    never touches another station's backups."""
    code = re.sub(r"[^A-Za-z0-9_-]", "", read_setting(data_dir, "station_code"))
    return Path(second) / (code or "grid-station")


def parse_backup_name(path: Path, *, location: str = "local") -> BackupInfo | None:
    """The backup a file name describes, or None for any other file."""
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        created = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, created, match.group(2), size, location)


def list_backups(folder: Path | None, *, location: str = "local") -> list[BackupInfo]:
    """The backups in ``folder``, newest first (none if it is missing or unreadable)."""
    if folder is None:
        return []
    try:
        paths = list(Path(folder).iterdir())
    except OSError:
        return []
    found = [b for p in paths if (b := parse_backup_name(p, location=location)) is not None]
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


def all_backups(data_dir: Path, backup_dir: str = "") -> list[BackupInfo]:
    """Backups in the data folder and the second folder, newest first."""
    found = list_backups(local_backup_dir(data_dir))
    second = second_backup_dir(data_dir, backup_dir)
    if second is not None:
        found += list_backups(station_subfolder(data_dir, second), location="second")
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


# --------------------------------------------------------------------------- rotation


def backups_to_keep(
    backups: Sequence[BackupInfo], *, policy: RetentionPolicy = RetentionPolicy()
) -> list[BackupInfo]:
    """Which backups rotation keeps, newest first; pure (looks at names and dates only).

    The newest backup of each of the ``daily`` newest days that have one is kept, likewise
    for ISO weeks and months; the newest backup overall always. Backups that do not rotate
    (``before-…``) are always kept.
    """
    rotating = sorted(
        (b for b in backups if b.rotates), key=lambda b: (b.created_at, b.path.name), reverse=True
    )
    keep: list[BackupInfo] = rotating[:1]
    periods: tuple[tuple[int, Callable[[datetime], object]], ...] = (
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: t.isocalendar()[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    )
    for count, period_of in periods:
        seen: set[object] = set()
        for backup in rotating:
            if len(seen) >= count:
                break
            period = period_of(backup.created_at)
            if period not in seen:
                seen.add(period)
                if backup not in keep:
                    keep.append(backup)
    keep += [b for b in backups if not b.rotates]
    return sorted(keep, key=lambda b: (b.created_at, b.path.name), reverse=True)


def rotate(folder: Path, *, policy: RetentionPolicy = RetentionPolicy()) -> tuple[Path, ...]:
    """Delete the backups in ``folder`` that :func:`backups_to_keep` does not keep."""
    backups = list_backups(folder)
    kept = {b.path for b in backups_to_keep(backups, policy=policy)}
    removed = []
    for backup in backups:
        if backup.path not in kept:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError:
                pass  # a file we cannot delete stays; the next rotation tries again
    return tuple(removed)


def backup_due(
    backups: Sequence[BackupInfo], *, now: datetime, every: timedelta = DAILY_EVERY
) -> bool:
    """True when no rotating backup is younger than ``every`` (the daily backup)."""
    newest = max((b.created_at for b in backups if b.rotates), default=None)
    return newest is None or now - newest >= every


# --------------------------------------------------------------------------- verify


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from station.db.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config(None))  # type: ignore[arg-type]
    return {rev.revision for rev in script.walk_revisions()}


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change ``path`` or create anything beside it.

    Without a ``-wal`` file the database is opened as immutable (no ``-wal``/``-shm`` files
    appear); with one (left by a crash, holding committed work) read-only in WAL mode, so
    that work is seen.
    """
    path = Path(path).resolve()
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "immutable=1"
    return sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)


def read_station(path: Path) -> tuple[str, str] | None:
    """(station code, station name) stored in the database at ``path``; None if unreadable."""
    try:
        conn = open_read_only(path)
    except sqlite3.Error:
        return None
    try:
        rows = dict(
            conn.execute(
                "SELECT key, value FROM setting WHERE key IN ('station_code', 'station_name')"
            ).fetchall()
        )
        return rows.get("station_code", ""), rows.get("station_name", "")
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def read_setting(data_dir: Path, key: str) -> str:
    """One stored setting of the database in ``data_dir``, read without opening it for
    writing; "" when missing or unreadable (a damaged database still lists its backups)."""
    try:
        conn = open_read_only(Path(data_dir) / DB_FILENAME)
    except sqlite3.Error:
        return ""
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else ""
    except sqlite3.Error:
        return ""
    finally:
        conn.close()


def verify_backup(path: Path) -> BackupCheck:
    """Is ``path`` a whole, undamaged Grid Station database this version can open?

    Opens the file read-only (it is never changed), runs ``PRAGMA integrity_check``, checks
    the schema version is one this version knows and reads which station it belongs to.
    """
    path = Path(path)
    if not path.is_file():
        return BackupCheck(path, (f"找不到文件 {path}",))
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        return BackupCheck(path, (f"无法打开 {path.name}：{exc}",))
    problems: list[str] = []
    code = name = revision = ""
    too_new = False
    try:
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        except sqlite3.DatabaseError as exc:
            return BackupCheck(path, (f"{path.name} 不是完好的数据库文件（{exc}）",))
        if result != ["ok"]:
            problems += [f"完整性检查：{line}" for line in result]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not {"alembic_version", "setting", "event"} <= tables:
            problems.append(f"{path.name} 不是网格驿站的数据库")
        else:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else ""
            if revision not in known_revisions():
                too_new = True
                problems.append(
                    f"{path.name} 来自更新版本的网格驿站（数据库版本 {revision or '未知'}），"
                    "请先升级软件"
                )
            station = read_station(path) or ("", "")
            code, name = station
    except sqlite3.DatabaseError as exc:
        problems.append(f"读取 {path.name} 失败：{exc}")
    finally:
        conn.close()
    return BackupCheck(path, tuple(problems), code, name, revision, too_new)


# --------------------------------------------------------------------------- back up


def _copy_file(source: Path, folder: Path) -> Path:
    """``source`` into ``folder`` under its own name, appearing only when complete."""
    target = folder / source.name
    part = folder / f".{source.name}.part"
    try:
        with open(source, "rb") as src, open(part, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise
    return target


def create_backup(
    *,
    data_dir: Path,
    backup_dir: str | None = None,
    label: str = "manual",
    to: Path | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    policy: RetentionPolicy = RetentionPolicy(),
) -> BackupOutcome:
    """Back up the database in ``data_dir``, verify the copy, copy it to the second folder
    and rotate both folders.

    ``backup_dir`` is the second folder; None reads it from the database's settings. With
    ``to``, the backup goes into that folder only and nothing is rotated (a copy to take
    away). Raises :class:`DatabaseError` when no verified backup could be made; a
    missing or failing second folder is reported in ``second_status`` instead.
    """
    data_dir = Path(data_dir)
    db_path = data_dir / DB_FILENAME
    if not db_path.is_file():
        raise DatabaseError(f"数据文件夹 {data_dir} 中没有数据库，无法备份。", code="no_database")
    folder = Path(to) if to is not None else local_backup_dir(data_dir)
    if to is not None and not folder.is_dir():
        raise GridStationError(
            f"文件夹 {folder} 不存在，请先插入 U 盘或创建文件夹。", code="no_folder"
        )
    try:
        path = backup_database(db_path, folder, label=label, when=now, progress=progress)
    except DatabaseError as exc:
        log.error("backup failed: %s", exc.message)
        if not _source_intact(db_path):
            raise _damaged(str(exc.__cause__ or exc.message)) from exc
        raise
    check = verify_backup(path)
    if not check.ok:
        path.unlink(missing_ok=True)
        log.error("backup %s failed its check: %s", path.name, "; ".join(check.problems[:3]))
        if _source_intact(db_path):  # the copy went wrong, not the database
            raise DatabaseError(
                f"备份文件写入 {folder} 后检查未通过（{check.problems[0]}），备份盘可能有问题。"
                "数据库本身完好。请换一个备份位置或稍后重试。",
                code="backup_failed",
            )
        raise _damaged("；".join(check.problems[:3]))
    info = parse_backup_name(path) or BackupInfo(path, now or datetime.now(), label, 0)
    if to is not None:
        return BackupOutcome(info, None, f"备份已保存到 {folder}")
    removed = list(rotate(folder, policy=policy))
    if backup_dir is None:
        backup_dir = read_setting(data_dir, "backup_dir")
    second = second_backup_dir(data_dir, backup_dir)
    copy: Path | None = None
    if second is None:
        status = "未设置第二备份位置"
    elif not second.is_dir():
        status = f"未找到第二备份位置 {second}（U 盘未插入？），本次只备份在数据文件夹中"
    else:
        try:
            target = station_subfolder(data_dir, second)
            target.mkdir(exist_ok=True)
            copy = _copy_file(path, target)
            removed += rotate(target, policy=policy)
            status = f"已复制到第二备份位置 {target}"
        except OSError as exc:
            status = (
                f"复制到第二备份位置 {second} 失败（{exc.strerror or exc}），"
                "本次只备份在数据文件夹中"
            )
    log.info(
        "backup %s (%d bytes) checked; second folder: %s; %d old backups removed",
        path.name,
        info.size,
        "copied" if copy else ("not set" if second is None else "not copied"),
        len(removed),
    )
    if second is not None and copy is None:
        log.warning("second backup folder: %s", status)
    return BackupOutcome(info, copy, status, tuple(removed))


def _damaged(reason: str) -> DatabaseError:
    return DatabaseError(
        f"数据库文件已损坏（{reason}），没有生成新的备份，已有的备份都保留着。"
        "请不要继续录入：请管理员在“设置 → 备份”中从较早的备份恢复"
        "（或关闭程序后重新打开，进入安全模式恢复），也可以联系技术支持。",
        code="database_damaged",
    )


def _source_intact(db_path: Path) -> bool:
    try:
        conn = open_read_only(db_path)
    except sqlite3.Error:
        return False
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check(1)")] == ["ok"]
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def create_backup_if_due(
    *, data_dir: Path, now: datetime | None = None, progress: Progress | None = None
) -> BackupOutcome | None:
    """The daily backup, if the newest automatic one is a day old; None when not due."""
    now = now or datetime.now()
    if not backup_due(list_backups(local_backup_dir(data_dir)), now=now):
        return None
    return create_backup(data_dir=data_dir, label="daily", now=now, progress=progress)


def set_backup_dir(session: Session, *, actor: Actor, folder: str) -> StationSettings:
    """Set (or, with "", clear) the second backup folder; it must exist or be creatable
    and writable now. Only those who manage backups may."""
    from station.services.setup import check_folder

    require(actor, Permission.MANAGE_BACKUPS)
    text = folder.strip()
    if text:
        text = str(check_folder(text, field="backup_dir", label="第二备份位置"))
    settings = replace(load_settings(session), backup_dir=text)
    save_settings(session, settings)
    return settings


def ask_for_restore(*, actor: Actor, data_dir: Path, source: Path, force: bool = False) -> Path:
    """:func:`request_restore` for a logged-in person, who must be allowed to manage
    backups; refuses another station's backup unless ``force`` (as the restore would)."""
    require(actor, Permission.MANAGE_BACKUPS)
    check = verify_backup(source)
    current = read_station(Path(data_dir) / DB_FILENAME)
    if check.ok and current and current[0] and check.station_code != current[0] and not force:
        raise GridStationError(
            f"这个备份属于另一个驿站（{check.station_code or '未设置'} {check.station_name}），"
            f"本站是 {current[0]} {current[1]}。",
            code="other_station",
        )
    return request_restore(data_dir=data_dir, source=source, by=actor.username, force=force)


# --------------------------------------------------------------------------- the running app


class AppLock:
    """An OS lock on ``<data folder>/grid-station.lock`` held while the desktop app runs,
    so a restore from the command line is refused instead of moving the database from
    under it. Released by :meth:`release` or when the process ends (also by a crash)."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle

    def release(self) -> None:
        if not self.handle.closed:
            with contextlib.suppress(OSError):
                _unlock(self.handle)
            self.handle.close()


def _lock(handle: BinaryIO) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(handle: BinaryIO) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.lockf(handle, fcntl.LOCK_UN)


def acquire_app_lock(data_dir: Path) -> AppLock | None:
    """Hold the app lock; None when another process holds it or the folder is read-only."""
    try:
        handle = open(Path(data_dir) / APP_LOCK, "a+b")  # noqa: SIM115 - held until release
    except OSError:
        return None
    try:
        _lock(handle)
    except OSError:
        handle.close()
        return None
    return AppLock(handle)


def app_running(data_dir: Path) -> bool:
    """True while another process (the desktop app) holds the app lock on ``data_dir``.

    Not for the process that holds the lock itself: POSIX record locks belong to the
    process, and closing the probe would release the holder's lock too.
    """
    if not (Path(data_dir) / APP_LOCK).exists():
        return False
    lock = acquire_app_lock(data_dir)
    if lock is None:
        return True
    lock.release()
    return False


# --------------------------------------------------------------------------- restore


def restore_backup(
    *,
    data_dir: Path,
    source: Path,
    by: str,
    force: bool = False,
    now: datetime | None = None,
) -> RestoreOutcome:
    """Replace the database in ``data_dir`` by the backup ``source``.

    The backup is verified first; one from another station is refused unless ``force``.
    The current database files are renamed aside (``grid-station-before-restore-<time>…``)
    and never deleted; if anything fails before the new file is in place they are put back.
    The restored database is brought to the current schema and the restore is audited in it
    (``by`` is who asked).
    """
    data_dir, source = Path(data_dir), Path(source).expanduser()
    db_path = data_dir / DB_FILENAME
    if source.resolve() == db_path.resolve():
        raise GridStationError(
            "不能用正在使用的数据库恢复它自己，请选择一个备份文件。", code="same_file"
        )
    if app_running(data_dir):
        raise GridStationError(
            "网格驿站程序正在使用这个数据文件夹。请先关闭程序，再恢复备份；"
            "也可以在程序的“设置 → 备份”中选择恢复，下次启动时进行。",
            code="app_running",
        )
    check = verify_backup(source)
    if not check.ok:
        raise DatabaseError(
            "备份文件未通过检查，未做任何改动：" + "；".join(check.problems[:3]),
            code="backup_invalid",
        )
    current = read_station(db_path) if db_path.exists() else None
    if current and current[0] and check.station_code != current[0] and not force:
        raise GridStationError(
            f"这个备份属于另一个驿站（{check.station_code or '未设置'} {check.station_name}），"
            f"本站是 {current[0]} {current[1]}。确实要用它替换本站的数据，请加 --force"
            "（界面中需再次确认）。",
            code="other_station",
        )
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside_base = data_dir / f"grid-station-before-restore-{stamp}.sqlite3"
    moved: list[tuple[Path, Path]] = []
    part = data_dir / f".{DB_FILENAME}.restore.part"
    try:
        for suffix in _ASIDE_SUFFIXES:
            old = Path(f"{db_path}{suffix}")
            if old.exists():
                new = Path(f"{aside_base}{suffix}")
                os.replace(old, new)
                moved.append((old, new))
        src = open_read_only(source)
        try:
            dest = sqlite3.connect(part)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
        with open(part, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(part, db_path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        for old, new in reversed(moved):
            os.replace(new, old)
        if isinstance(exc, (OSError, sqlite3.Error)):
            raise DatabaseError(
                f"恢复失败，原数据库未改动：{exc}。请检查磁盘空间和文件夹权限。",
                code="restore_failed",
            ) from exc
        raise
    log.info(
        "restored %s (station %s, forced %s); previous database kept as %s",
        source.name,
        check.station_code,
        force,
        aside_base.name if moved else "-",
    )
    migrated = _audit_restore(
        data_dir,
        by=by,
        source=source,
        check=check,
        aside=[new for _old, new in moved],
        forced=force and bool(current and check.station_code != current[0]),
    )
    return RestoreOutcome(
        source,
        tuple(new for _old, new in moved),
        check.station_code,
        force,
        migrated,
    )


def _audit_restore(
    data_dir: Path,
    *,
    by: str,
    source: Path,
    check: BackupCheck,
    aside: list[Path],
    forced: bool,
) -> bool:
    from station.db.database import open_database
    from station.db.migrate import current_revision, head_revision
    from station.db.models import AuditEntry

    db = open_database(data_dir)  # brings an older backup to the current schema
    try:
        migrated = current_revision(db.engine) != check.schema_revision
        with db.transaction() as session:
            session.add(
                AuditEntry(
                    at=datetime.now().replace(microsecond=0),
                    username=by[:40],
                    action="restore_backup",
                    target_type="database",
                    target_id=source.name[:64],
                    detail=json.dumps(
                        {
                            "source": str(source),
                            "set_aside": [p.name for p in aside],
                            "station_code": check.station_code,
                            "forced_other_station": forced,
                            "schema_from": check.schema_revision,
                            "schema_to": head_revision(),
                        },
                        ensure_ascii=False,
                        sort_keys=True,
                    ),
                )
            )
    finally:
        db.close()
    return migrated


# --------------------------------------------------------------------------- restore at start


def request_restore(*, data_dir: Path, source: Path, by: str, force: bool = False) -> Path:
    """Ask for ``source`` to be restored at the next start (the running app holds the
    database open). The backup is verified now, so a bad choice is refused at once."""
    check = verify_backup(source)
    if not check.ok:
        raise DatabaseError(
            "备份文件未通过检查：" + "；".join(check.problems[:3]), code="backup_invalid"
        )
    marker = Path(data_dir) / PENDING_RESTORE
    part = marker.with_name(marker.name + ".part")
    part.write_text(
        json.dumps({"source": str(Path(source).resolve()), "by": by, "force": force}),
        encoding="utf-8",
    )
    os.replace(part, marker)
    return marker


def pending_restore(data_dir: Path) -> dict[str, object] | None:
    try:
        return json.loads((Path(data_dir) / PENDING_RESTORE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def cancel_pending_restore(data_dir: Path) -> None:
    (Path(data_dir) / PENDING_RESTORE).unlink(missing_ok=True)


def apply_pending_restore(data_dir: Path) -> RestoreOutcome | None:
    """Carry out a restore asked for by :func:`request_restore`; None when none is pending.
    The request is removed first, so a restore that fails is not retried at every start."""
    request = pending_restore(data_dir)
    if request is None:
        return None
    cancel_pending_restore(data_dir)
    return restore_backup(
        data_dir=data_dir,
        source=Path(str(request["source"])),
        by=str(request.get("by") or "unknown"),
        force=bool(request.get("force")),
    )


__all__ = [
    "APP_LOCK",
    "BACKUPS_FOLDER",
    "ROTATING",
    "AppLock",
    "BackupCheck",
    "BackupInfo",
    "BackupOutcome",
    "RestoreOutcome",
    "RetentionPolicy",
    "acquire_app_lock",
    "all_backups",
    "app_running",
    "apply_pending_restore",
    "ask_for_restore",
    "backup_due",
    "backups_to_keep",
    "cancel_pending_restore",
    "create_backup",
    "create_backup_if_due",
    "known_revisions",
    "list_backups",
    "local_backup_dir",
    "open_read_only",
    "parse_backup_name",
    "pending_restore",
    "read_setting",
    "read_station",
    "request_restore",
    "restore_backup",
    "rotate",
    "second_backup_dir",
    "set_backup_dir",
    "station_subfolder",
    "verify_backup",
]
