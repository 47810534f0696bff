"""Can the app safely open the data folder? The checks behind the desktop app's safe mode.

:func:`diagnose_data_folder` looks at the folder and the database file **without changing
either**: a probe file shows whether the folder can be written, the database is opened
read-only. It finds a read-only folder or file, a full disk, a damaged file and a database
from a newer version. Each problem says in plain Chinese what is wrong and what to do.
Nothing here ever "repairs" a file: the way back from damage is a verified backup
(station.services.backup), and the damaged file is kept aside, never overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from station.db.engine import DB_FILENAME

#: Below this much free space the app does not start writing (a save could fail half-way).
MIN_FREE_BYTES = 50 * 1024 * 1024
#: Up to this size the start-up check reads every page (``quick_check``, well under a
#: second); larger files get the quick look here and the full check with the start backup.
THOROUGH_LIMIT = 512 * 1024 * 1024
SQLITE_HEADER = b"SQLite format 3\x00"

CORRUPT, READ_ONLY, DISK_FULL, TOO_NEW = "corrupt", "read_only", "disk_full", "too_new"
OPEN_FAILED = "open_failed"


@dataclass(frozen=True)
class StartupProblem:
    kind: str  # CORRUPT, READ_ONLY, DISK_FULL or TOO_NEW
    title: str
    detail: str  # what is wrong, with the technical reason
    advice: str  # what to do
    can_restore: bool  # restoring a backup is the way out (the folder is writable)


def diagnose_data_folder(
    data_dir: Path, *, min_free: int = MIN_FREE_BYTES, thorough_limit: int = THOROUGH_LIMIT
) -> StartupProblem | None:
    """The first problem that keeps the app from working on ``data_dir``; None if none
    (also when there is no database yet: that is the first-run setup)."""
    data_dir = Path(data_dir)
    db_path = data_dir / DB_FILENAME
    if not db_path.exists():
        return None
    problem = _check_writable(data_dir, db_path, min_free)
    if problem is not None:
        return problem
    return _check_file(db_path, thorough_limit)


def _read_only(data_dir: Path, reason: str) -> StartupProblem:
    return StartupProblem(
        READ_ONLY,
        "数据文件夹不能写入",
        f"网格驿站无法在 {data_dir} 中保存数据（{reason}）。"
        "为了不丢失录入的内容，程序没有打开数据库。",
        "请确认数据文件夹所在的磁盘没有写保护、没有拔出，并且当前 Windows 账户对它有修改权限"
        "（可请技术人员检查文件夹的“属性 → 安全”）。改好后点“重新检查”。",
        False,
    )


def _disk_full(data_dir: Path, free: int | None) -> StartupProblem:
    amount = f"只剩 {free / 1024 / 1024:.0f} MB" if free is not None else "已满"
    return StartupProblem(
        DISK_FULL,
        "磁盘空间不足",
        f"数据文件夹 {data_dir} 所在的磁盘{amount}。空间不足时保存可能失败，程序没有打开数据库。",
        "请删除或移走不需要的大文件（如下载的视频、安装包），清空回收站，"
        "至少留出 1 GB 空间，然后点“重新检查”。",
        False,
    )


def _check_writable(data_dir: Path, db_path: Path, min_free: int) -> StartupProblem | None:
    probe = data_dir / ".grid-station-write-test"
    try:
        with open(probe, "wb") as f:
            f.write(b"\x00" * 4096)
            f.flush()
            os.fsync(f.fileno())
        probe.unlink()
    except OSError as exc:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return _disk_full(data_dir, None)
        return _read_only(data_dir, exc.strerror or str(exc))
    try:
        # Opening for update writes nothing, but fails on a read-only file or disk.
        with open(db_path, "r+b"):
            pass
    except OSError as exc:
        return _read_only(data_dir, f"{db_path.name}：{exc.strerror or exc}")
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError:
        return None
    if free < min_free:
        return _disk_full(data_dir, free)
    return None


def _corrupt(db_path: Path, reason: str) -> StartupProblem:
    return StartupProblem(
        CORRUPT,
        "数据库文件已损坏",
        f"数据库文件 {db_path} 无法正常读取（{reason}）。常见原因是突然断电或磁盘故障。"
        "程序没有改动这个文件。",
        "请从下面的备份中选一个（通常选最新的）恢复。恢复时损坏的文件会改名保留，不会删除，"
        "技术人员以后仍可尝试从中找回最近的记录。没有备份时请联系技术支持，不要删除数据文件夹。",
        True,
    )


def _check_file(db_path: Path, thorough_limit: int) -> StartupProblem | None:
    from station.services.backup import known_revisions, open_read_only

    try:
        with open(db_path, "rb") as f:
            header = f.read(len(SQLITE_HEADER))
        size = db_path.stat().st_size
    except OSError as exc:
        return _corrupt(db_path, exc.strerror or str(exc))
    if header != SQLITE_HEADER:
        return _corrupt(db_path, "文件头不是 SQLite 数据库")
    try:
        conn = open_read_only(db_path)
    except sqlite3.Error as exc:
        return _corrupt(db_path, str(exc))
    try:
        if size <= thorough_limit:
            result = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
            if result != ["ok"]:
                lines = [ln for r in result for ln in r.splitlines() if not ln.startswith("***")]
                return _corrupt(db_path, "；".join(lines[:2]))
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            return None  # an empty or new file: opening it creates the schema
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
        if revision is not None and revision not in known_revisions():
            return StartupProblem(
                TOO_NEW,
                "数据库来自更新版本的网格驿站",
                f"数据库 {db_path} 已被更新版本的网格驿站使用过（数据库版本 {revision}），"
                "这个版本的程序不能打开它。程序没有改动这个文件。",
                "请安装最新版本的网格驿站后再打开（向镇里或技术支持索取）。"
                "只有在确实无法升级时，才从下面较早的备份恢复：那样会缺少备份之后录入的内容。",
                True,
            )
        conn.execute("SELECT count(*) FROM setting").fetchone()
    except sqlite3.DatabaseError as exc:
        return _corrupt(db_path, str(exc))
    finally:
        conn.close()
    return None


def open_failed_problem(data_dir: Path, exc: BaseException) -> StartupProblem:
    """The problem to show when the checks passed but opening (or upgrading) failed."""
    reason = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
    return StartupProblem(
        OPEN_FAILED,
        "数据库无法打开",
        f"打开 {Path(data_dir) / DB_FILENAME} 时出错（{reason}）。",
        "如果刚升级了网格驿站，请从下面“升级或恢复前”的备份恢复，或装回原来的版本；"
        "否则请从最新的备份恢复。也可以把“打开数据文件夹”中 logs 文件夹里的日志发给技术支持。",
        True,
    )


def explain_storage_error(exc: BaseException) -> str | None:
    """A plain Chinese message for an error that came from the disk rather than from a bug
    (disk full, read-only, damaged file) while the app runs; None for anything else.

    SQLite reports these as text (SQLAlchemy wraps them), the OS by ``errno``; the whole
    chain of causes is looked at.
    """
    seen: BaseException | None = exc
    while seen is not None:
        text = str(seen).lower()
        number = getattr(seen, "errno", None)
        if "database or disk is full" in text or number == errno.ENOSPC:
            return (
                "磁盘空间不足，刚才的操作没有保存（已填写的内容还在）。"
                "请清理磁盘、至少留出 1 GB 空间后再保存。"
            )
        if "readonly database" in text or number == errno.EROFS:
            return (
                "数据文件夹不能写入，刚才的操作没有保存（已填写的内容还在）。"
                "请检查磁盘是否被拔出或写保护，然后重启网格驿站。"
            )
        if "malformed" in text or "not a database" in text:
            return (
                "数据库文件已损坏，刚才的操作没有保存。请关闭网格驿站后重新打开："
                "程序会进入安全模式，从备份中恢复。"
            )
        seen = seen.__cause__ or seen.__context__
    return None


__all__ = [
    "CORRUPT",
    "DISK_FULL",
    "MIN_FREE_BYTES",
    "OPEN_FAILED",
    "READ_ONLY",
    "TOO_NEW",
    "StartupProblem",
    "diagnose_data_folder",
    "explain_storage_error",
    "open_failed_problem",
]
