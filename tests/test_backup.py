"""Backups: rotation rules, verified copies in two folders, restore round trip, the CLI."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from support import NOW

from station.cli import main
from station.db.database import Database, database_path, open_database
from station.db.models import AuditEntry, Case
from station.errors import DatabaseError, GridStationError, PermissionDenied
from station.services import cases
from station.services.backup import (
    BackupInfo,
    RetentionPolicy,
    all_backups,
    app_running,
    apply_pending_restore,
    ask_for_restore,
    backup_due,
    backups_to_keep,
    create_backup,
    create_backup_if_due,
    list_backups,
    local_backup_dir,
    pending_restore,
    request_restore,
    restore_backup,
    rotate,
    set_backup_dir,
    verify_backup,
)
from station.settings import load_settings, save_settings

# --------------------------------------------------------------------------- rotation (pure)


def _info(when: datetime, label: str = "daily") -> BackupInfo:
    return BackupInfo(Path(f"grid-station-{when:%Y%m%d-%H%M%S}-{label}.sqlite3"), when, label, 1)


def test_rotation_keeps_the_newest_of_7_days_4_weeks_12_months() -> None:
    now = datetime(2026, 11, 27, 9, 0)
    # Two backups a day (start and daily) for 500 days.
    backups = [
        _info(now - timedelta(days=d, hours=h), label)
        for d in range(500)
        for h, label in ((0, "start"), (6, "daily"))
    ]
    kept = backups_to_keep(backups)
    days = sorted({b.created_at.date() for b in kept}, reverse=True)
    # Daily: the newest of each of the last 7 days, one backup per day.
    assert [b.created_at for b in kept[:7]] == [now - timedelta(days=d) for d in range(7)]
    # Weekly: one per ISO week for the 4 newest weeks; monthly: one per month for 12 months.
    weeks = {b.created_at.isocalendar()[:2] for b in kept}
    months = {(b.created_at.year, b.created_at.month) for b in kept}
    assert len(months) == 12
    assert len(weeks) >= 4
    # Nothing older than the 12th month back survives; never more than 7 + 4 + 12 files.
    assert min(days) >= datetime(2025, 12, 1).date()
    assert len(kept) <= 7 + 4 + 12
    # Every kept backup is the newest one of its day.
    for backup in kept:
        same_day = [b for b in backups if b.created_at.date() == backup.created_at.date()]
        assert backup.created_at == max(b.created_at for b in same_day)


def test_rotation_never_drops_pre_migration_backups_and_always_keeps_the_newest() -> None:
    now = datetime(2026, 11, 27, 9, 0)
    old_migration = _info(now - timedelta(days=900), "before-0004")
    recent = [_info(now - timedelta(minutes=m), "start") for m in range(5)]
    kept = backups_to_keep([old_migration, *recent], policy=RetentionPolicy(0, 0, 0))
    assert kept == [recent[0], old_migration]


def test_rotation_with_fewer_backups_than_the_policy_keeps_them_all() -> None:
    now = datetime(2026, 11, 27, 9, 0)
    backups = [_info(now - timedelta(days=d * 3)) for d in range(5)]
    assert backups_to_keep(backups) == backups


def test_backup_is_due_a_day_after_the_last_rotating_one() -> None:
    now = datetime(2026, 11, 27, 9, 0)
    assert backup_due([], now=now)
    assert not backup_due([_info(now - timedelta(hours=23))], now=now)
    assert backup_due([_info(now - timedelta(hours=24))], now=now)
    # A pre-migration copy is not the daily backup.
    assert backup_due([_info(now - timedelta(hours=1), "before-0005")], now=now)


def test_the_daily_backup_is_made_only_when_due(db) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    first = create_backup(data_dir=data_dir, label="start", now=NOW)
    assert create_backup_if_due(data_dir=data_dir, now=NOW + timedelta(hours=23)) is None
    daily = create_backup_if_due(data_dir=data_dir, now=NOW + timedelta(hours=24))
    assert daily is not None and daily.backup.label == "daily"
    labels = [b.label for b in list_backups(local_backup_dir(data_dir))]
    assert labels == ["daily", "start"] and first.backup.path.exists()


def test_rotate_deletes_only_the_files_rotation_drops(tmp_path: Path) -> None:
    now = datetime(2026, 11, 27, 9, 0)
    for d in range(40):
        (tmp_path / f"grid-station-{now - timedelta(days=d):%Y%m%d-%H%M%S}-daily.sqlite3").touch()
    (tmp_path / "notes.txt").write_text("not a backup", encoding="utf-8")
    before = list_backups(tmp_path)
    expected = {b.path for b in backups_to_keep(before)}
    removed = rotate(tmp_path)
    assert len(removed) == 40 - len(expected)
    assert {b.path for b in list_backups(tmp_path)} == expected
    assert (tmp_path / "notes.txt").exists()


# --------------------------------------------------------------------------- making backups


def _new_case(db: Database, actor, summary: str = "楼道堆放杂物") -> str:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return cases.create_case(
            s, actor=actor, summary=summary, received_at=NOW, category_id="K11", grid_id="C1-01"
        ).number


def _numbers(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT number FROM work_case")}
    finally:
        conn.close()


def _set_station(db: Database, **changes: str) -> None:
    from dataclasses import replace

    with db.transaction() as s:
        save_settings(s, replace(load_settings(s), **changes))


def test_backup_is_a_verified_consistent_copy_while_the_database_is_open(db, clerk) -> None:  # type: ignore[no-untyped-def]
    number = _new_case(db, clerk)
    data_dir = db.path.parent
    # A read transaction stays open during the backup, as the app's would.
    with db.read() as session:
        assert session.query(Case).count() == 1
        outcome = create_backup(data_dir=data_dir, label="start")
    backup = outcome.backup
    assert backup.path.parent == local_backup_dir(data_dir)
    assert backup.label == "start" and backup.size == backup.path.stat().st_size > 0
    assert not Path(f"{backup.path}-wal").exists()  # one self-contained file
    check = verify_backup(backup.path)
    assert check.ok, check.problems
    assert (check.station_code, check.station_name) == ("TS01", "测试社区网格驿站")
    assert _numbers(backup.path) == {number}
    assert outcome.second_copy is None and "未设置" in outcome.second_status
    assert not [p for p in local_backup_dir(data_dir).iterdir() if p.name.endswith(".part")]


def test_backup_is_copied_to_the_second_folder_and_missing_drive_is_reported(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    usb = tmp_path / "U盘" / "驿站备份"
    usb.mkdir(parents=True)
    first = create_backup(data_dir=data_dir, backup_dir=str(usb), now=NOW)
    assert first.second_copy == usb / "TS01" / first.backup.path.name
    assert first.second_copy.read_bytes() == first.backup.path.read_bytes()
    assert "已复制" in first.second_status
    locations = {b.location for b in all_backups(data_dir, str(usb))}
    assert locations == {"local", "second"}

    shutil.rmtree(tmp_path / "U盘")  # the drive was unplugged
    second = create_backup(data_dir=data_dir, backup_dir=str(usb), now=NOW + timedelta(hours=1))
    assert second.second_copy is None
    assert "未找到第二备份位置" in second.second_status and str(usb) in second.second_status
    assert second.backup.path.exists()  # the local backup was still made
    assert not usb.exists()  # and no folder was invented where the drive should be


def test_backup_to_a_folder_only_writes_there(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    away = tmp_path / "带走"
    away.mkdir()
    outcome = create_backup(data_dir=db.path.parent, to=away)
    assert outcome.backup.path.parent == away
    assert list_backups(local_backup_dir(db.path.parent)) == []
    with pytest.raises(GridStationError) as missing:
        create_backup(data_dir=db.path.parent, to=tmp_path / "没有")
    assert missing.value.code == "no_folder"


def test_a_damaged_database_never_replaces_good_backups(db, clerk) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    _new_case(db, clerk)
    good = create_backup(data_dir=data_dir, now=NOW).backup
    db.close()
    _damage(database_path(data_dir))
    with pytest.raises(DatabaseError) as damaged:
        create_backup(
            data_dir=data_dir, now=NOW + timedelta(days=1), policy=RetentionPolicy(0, 0, 0)
        )
    assert damaged.value.code == "database_damaged", damaged.value.message
    assert [b.path for b in list_backups(local_backup_dir(data_dir))] == [good.path]


def _damage(path: Path) -> None:
    """Overwrite a stretch of pages in the middle of the file, as a bad sector would."""
    # Fold the WAL into the file first, so the damage hits data SQLite will read.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.seek(size // 2)
        f.write(b"\xde\xad\xbe\xef" * (min(size // 4, 64 * 1024) // 4))


# --------------------------------------------------------------------------- verify


def test_verify_rejects_damaged_foreign_and_newer_files(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    backup = create_backup(data_dir=db.path.parent).backup
    original = backup.path.read_bytes()

    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(original[:100] + b"\x00" * 4096 + original[4196:])
    assert not verify_backup(damaged).ok

    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert any("不是网格驿站" in p for p in verify_backup(other).problems)

    newer = tmp_path / "newer.sqlite3"
    shutil.copy(backup.path, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.commit()
    conn.close()
    check = verify_backup(newer)
    assert check.too_new and "更新版本" in check.problems[0]

    assert backup.path.read_bytes() == original  # verifying never writes


# --------------------------------------------------------------------------- restore


def test_restore_round_trip_keeps_the_current_database_aside_and_audits(db, clerk) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    kept = _new_case(db, clerk, "备份前的工单")
    backup = create_backup(data_dir=data_dir).backup
    later = _new_case(db, clerk, "备份后的工单")
    db.close()

    outcome = restore_backup(data_dir=data_dir, source=backup.path, by="admin")

    assert _numbers(database_path(data_dir)) == {kept}
    (aside,) = [p for p in outcome.set_aside if p.name.endswith(".sqlite3")]
    assert aside.parent == data_dir and "before-restore" in aside.name
    assert _numbers(aside) == {kept, later}  # nothing lost: the replaced data is still there
    restored = open_database(data_dir)
    try:
        with restored.read() as s:
            entry = s.query(AuditEntry).filter_by(action="restore_backup").one()
        assert entry.username == "admin" and entry.target_id == backup.path.name
        assert json.loads(entry.detail)["set_aside"][0] == aside.name
    finally:
        restored.close()


def test_restore_refuses_another_stations_backup_unless_forced(db, template_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    shutil.copy(template_db, database_path(other_dir))
    other = open_database(other_dir)
    _set_station(other, station_code="ZZ09", station_name="别的驿站")
    other.close()
    foreign = create_backup(data_dir=other_dir).backup
    db.close()
    before = database_path(data_dir).read_bytes()

    with pytest.raises(GridStationError) as refused:
        restore_backup(data_dir=data_dir, source=foreign.path, by="admin")
    assert refused.value.code == "other_station"
    assert "ZZ09" in refused.value.message and "--force" in refused.value.message
    assert database_path(data_dir).read_bytes() == before

    restore_backup(data_dir=data_dir, source=foreign.path, by="admin", force=True)
    check = verify_backup(database_path(data_dir))
    assert check.station_code == "ZZ09"


def test_restore_of_a_bad_file_changes_nothing(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    db.close()
    junk = tmp_path / "elsewhere" / "junk.sqlite3"
    junk.parent.mkdir()
    junk.write_bytes(b"this is not a database" * 100)
    before = sorted(p.name for p in data_dir.iterdir())
    content = database_path(data_dir).read_bytes()
    with pytest.raises(DatabaseError) as bad:
        restore_backup(data_dir=data_dir, source=junk, by="admin")
    assert bad.value.code == "backup_invalid"
    assert sorted(p.name for p in data_dir.iterdir()) == before
    assert database_path(data_dir).read_bytes() == content


def test_restore_asked_for_in_the_app_happens_at_the_next_start(db, clerk) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    backup = create_backup(data_dir=data_dir).backup
    _new_case(db, clerk)
    request_restore(data_dir=data_dir, source=backup.path, by="admin")
    assert pending_restore(data_dir) is not None
    db.close()
    outcome = apply_pending_restore(data_dir)
    assert outcome is not None and outcome.restored_from == backup.path.resolve()
    assert _numbers(database_path(data_dir)) == set()
    assert pending_restore(data_dir) is None
    assert apply_pending_restore(data_dir) is None


def test_restore_is_refused_while_the_app_holds_the_data_folder(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    backup = create_backup(data_dir=data_dir).backup
    db.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from station.services.backup import acquire_app_lock;"
            f"lock = acquire_app_lock({str(data_dir)!r}); print(lock is not None, flush=True);"
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        assert app_running(data_dir)
        with pytest.raises(GridStationError) as running:
            restore_backup(data_dir=data_dir, source=backup.path, by="admin")
        assert running.value.code == "app_running"
        assert not list(data_dir.glob("*before-restore*"))
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()  # type: ignore[union-attr]
    assert not app_running(data_dir)  # the lock went with the process
    restore_backup(data_dir=data_dir, source=backup.path, by="admin")


def test_only_those_who_manage_backups_set_the_folder_or_ask_for_a_restore(
    db, clerk, admin, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    backup = create_backup(data_dir=data_dir).backup
    with pytest.raises(PermissionDenied), db.transaction() as s:
        set_backup_dir(s, actor=clerk, folder=str(tmp_path / "usb"))
    with pytest.raises(PermissionDenied):
        ask_for_restore(actor=clerk, data_dir=data_dir, source=backup.path)
    assert pending_restore(data_dir) is None
    with db.transaction() as s:
        assert set_backup_dir(s, actor=admin, folder=str(tmp_path / "usb")).backup_dir == str(
            tmp_path / "usb"
        )
    ask_for_restore(actor=admin, data_dir=data_dir, source=backup.path)
    assert pending_restore(data_dir) is not None


# --------------------------------------------------------------------------- CLI


def test_cli_backup_list_and_restore(db, clerk, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    data_dir = db.path.parent
    number = _new_case(db, clerk)
    usb = tmp_path / "usb"
    usb.mkdir()
    _set_station(db, backup_dir=str(usb))
    db.close()

    assert main(["backup", "--data-dir", str(data_dir), "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert Path(made["file"]).exists() and Path(made["second_copy"]).parent == usb / "TS01"

    assert main(["backup", "--list", "--data-dir", str(data_dir), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {(Path(b["file"]).name, b["location"]) for b in listed} == {
        (Path(made["file"]).name, "local"),
        (Path(made["file"]).name, "second"),
    }

    # Remove the case behind the backup's back, then restore: it is there again.
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("DELETE FROM work_case")
    conn.commit()
    conn.close()
    assert main(["restore", made["second_copy"], "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "原来的数据库已保留为" in out
    assert _numbers(database_path(data_dir)) == {number}

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00" * 2048)
    assert main(["restore", str(junk), "--data-dir", str(data_dir)]) == 1
    assert "未通过检查" in capsys.readouterr().err

    assert main(["backup", "--verify", made["file"], "--data-dir", str(data_dir), "--json"]) == 0
    verified = json.loads(capsys.readouterr().out)
    assert verified["ok"] and verified["station_code"] == "TS01"
    assert main(["backup", "--verify", str(junk), "--data-dir", str(data_dir)]) == 1
    assert "未通过检查" in capsys.readouterr().err
