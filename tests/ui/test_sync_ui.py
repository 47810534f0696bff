"""Sync in the desktop app against a real town server on loopback: the schedule's triggers,
the status-bar line in plain Chinese, the 同步 settings tab (enrollment) and the conflicts
window. Offscreen Qt, real uvicorn, real station databases."""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))
from sync_desk_support import local_pending, open_desk, register, server_events
from sync_support import free_socket
from ui_support import shot

from station.db.database import Database, database_path, open_database
from station.domain.enums import Role
from station.services import cases
from station.services.changes import Changed, Changes
from station.services.events import Actor, forget_clocks
from station.settings import load_settings
from station.sync.client import sync_once
from station.sync.state import load_sync_state
from station.sync.transport import enroll, open_client
from ui.main_window import SETTINGS

# --------------------------------------------------------------------------- tests


def test_not_enrolled_station_says_so_and_never_syncs(qtbot, small_db, desks) -> None:  # type: ignore[no-untyped-def]
    desk = open_desk(qtbot, small_db)
    desks.append(desk)
    qtbot.waitUntil(lambda: desk.controller.status.loaded, timeout=10_000)
    assert desk.status_text == "未注册镇服务器，仅在本机工作"
    assert not desk.window.sync_ui.status.sync_button.isVisible()
    assert desk.controller.sync_now() is False
    assert desk.controller.schedule.due_at() is None  # nothing scheduled
    shot(desk.window, "sync-status-not-enrolled")


def test_syncs_at_start_then_after_a_local_change(qtbot, small_db, town_server, desks) -> None:  # type: ignore[no-untyped-def]
    enroll(small_db, server_url=town_server.url, code=register(town_server))
    pending = local_pending(small_db)
    assert pending > 0
    desk = open_desk(qtbot, small_db, start=False)
    desks.append(desk)
    with qtbot.waitSignal(desk.controller.sig_finished, timeout=30_000) as done:
        desk.window.show()
        desk.window.start()
    assert done.args[0].pushed == pending
    qtbot.waitUntil(lambda: "已同步" in desk.status_text, timeout=10_000)
    assert "待同步" not in desk.status_text
    assert server_events(town_server) == pending
    shot(desk.window, "sync-status-synced")

    # A clerk saves a new work order: a sync follows shortly, by itself.
    actor = desk.context.actor

    def new_case(s):  # type: ignore[no-untyped-def]
        c = cases.create_case(s, actor=actor, summary="东街路灯又坏了", grid_id="C1-01")
        return Changed(c, Changes.of(cases=[c.id]))

    with qtbot.waitSignal(desk.controller.sig_finished, timeout=30_000) as done:
        desk.context.mutate(new_case, parent=None)
    assert done.args[0].pushed == 1
    assert server_events(town_server) == pending + 1
    qtbot.waitUntil(lambda: local_pending(small_db) == 0, timeout=5000)


def test_offline_status_backoff_and_sync_now(qtbot, small_db, town_server, desks) -> None:  # type: ignore[no-untyped-def]
    enroll(small_db, server_url=town_server.url, code=register(town_server))
    pending = local_pending(small_db)
    # The server goes away (a closed port on the same machine).
    sock = free_socket()
    dead_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()
    with small_db.transaction() as s:
        from station.settings import save_settings

        save_settings(s, replace(load_settings(s), server_url=dead_url))
    desk = open_desk(qtbot, small_db, start=False)
    desks.append(desk)
    with qtbot.waitSignal(desk.controller.sig_finished, timeout=30_000) as done:
        desk.window.show()
        desk.window.start()
    assert done.args[0].code == "offline"
    qtbot.waitUntil(lambda: "无法连接" in desk.status_text, timeout=10_000)
    assert desk.status_text == f"无法连接镇服务器，已离线工作，{pending} 条待同步（从未同步）"
    schedule = desk.controller.schedule
    assert schedule.failures == 1
    retry = schedule.due_at()
    assert retry is not None and retry - desk.controller.clock() > 10  # backing off
    assert desk.window.sync_ui.status.sync_button.isEnabled()
    shot(desk.window, "sync-status-offline")

    # The server is back; F9 (sync now) does not wait for the backoff.
    with small_db.transaction() as s:
        from station.settings import save_settings

        save_settings(s, replace(load_settings(s), server_url=town_server.url))
    with qtbot.waitSignal(desk.controller.sig_finished, timeout=30_000) as done:
        qtbot.keyClick(desk.window, Qt.Key.Key_F9)
    assert done.args[0].pushed == pending
    assert schedule.failures == 0
    qtbot.waitUntil(lambda: desk.status_text.startswith("已同步"), timeout=10_000)


def test_settings_tab_checks_the_address_and_enrolls(qtbot, small_db, town_server, desks) -> None:  # type: ignore[no-untyped-def]
    desk = open_desk(qtbot, small_db)
    desks.append(desk)
    section = desk.window.sync_ui.settings_section
    assert section is not None
    desk.window.show_area(SETTINGS)
    desk.window.settings_page.tabs.setCurrentWidget(section)
    qtbot.waitUntil(lambda: "尚未注册" in section.station_label.text(), timeout=10_000)

    section.server_edit.setText("town.example:8700")
    section.server_edit.editingFinished.emit()
    assert "https://" in section.errors.message("server_url")
    shot(desk.window, "sync-settings-bad-url")

    section.server_edit.setText(town_server.url)
    section.server_edit.editingFinished.emit()
    assert section.errors.message("server_url") == ""
    section.code_edit.setText("WRONG-CODE")
    with qtbot.waitSignal(section.sig_failed, timeout=20_000):
        section.enroll_button.click()
    assert "注册码" in section.saved_label.text() or section.errors.messages()

    section.code_edit.setText(register(town_server))
    with qtbot.waitSignal(desk.controller.sig_finished, timeout=30_000) as done:
        section.enroll_button.click()
    assert done.args[0].pushed > 0
    qtbot.waitUntil(lambda: "TS01" in section.station_label.text(), timeout=10_000)
    assert section.code_edit.text() == ""
    qtbot.waitUntil(lambda: section.status.label.text().startswith("已同步"), timeout=10_000)

    section.interval_spin.setValue(15)
    with qtbot.waitSignal(section.sig_saved, timeout=10_000):
        section.save_button.click()
    assert desk.controller.schedule.config.interval == 15 * 60
    with small_db.read() as s:
        assert load_settings(s).sync_interval_minutes == 15
    shot(desk.window, "sync-settings-enrolled")


def test_conflicts_window_shows_both_values_and_keeps_one(
    qtbot, small_db, town_server, desks, tmp_path: Path, template_db: Path
) -> None:  # type: ignore[no-untyped-def]
    # A second station (the town center), starting empty and filled by its first sync.
    center_dir = tmp_path / "center"
    center_dir.mkdir()
    shutil.copy(template_db, database_path(center_dir))
    forget_clocks()
    center_db = open_database(center_dir, migrate=False)
    try:
        enroll(small_db, server_url=town_server.url, code=register(town_server))
        enroll(center_db, server_url=town_server.url, code=register(town_server, "CT01"))
        center = Actor(username="zhongxin", role=Role.DISPATCHER, station_code="CT01")
        with small_db.read() as s:
            case_id = cases.case_ids(s, cases.CaseFilter())[0]
            before = cases.get_case(s, case_id=case_id).location
        assert before not in ("东街5号楼道", "东街7号楼道")

        def sync(db: Database) -> None:
            with open_client(db) as http:
                sync_once(db=db, http=http)

        sync(small_db)
        sync(center_db)
        with center_db.transaction() as s:
            cases.update_case(s, actor=center, case_id=case_id, location="东街5号楼道")
        admin = Actor(username="admin", role=Role.STATION_ADMIN, station_code="TS01")
        with small_db.transaction() as s:
            cases.update_case(s, actor=admin, case_id=case_id, location="东街7号楼道")
        sync(center_db)
        sync(small_db)  # the station now holds a conflict

        desk = open_desk(qtbot, small_db)
        desks.append(desk)
        button = desk.window.sync_ui.status.conflicts_button
        qtbot.waitUntil(lambda: button.isVisible(), timeout=20_000)
        assert button.text() == "1 处冲突待处理"
        shot(desk.window, "sync-status-conflict")

        page = desk.window.sync_ui.show_conflicts()
        qtbot.waitUntil(lambda: bool(page.items), timeout=10_000)
        loaded = [page.items]
        (item,) = loaded[0]
        assert item.field_label == "事发地点"
        assert item.kept.value == "东街7号楼道" and item.kept.station_code == "TS01"
        assert item.lost.value == "东街5号楼道" and item.lost.station_code == "CT01"
        assert page.kept_panel.value.text() == "东街7号楼道"
        assert page.lost_panel.value.text() == "东街5号楼道"
        assert "CT01" in page.lost_panel.origin.text()
        assert "zhongxin" in page.lost_panel.origin.text()
        shot(page, "sync-conflicts-page")

        with qtbot.waitSignal(page.sig_resolved, timeout=10_000):
            page.lost_panel.keep.click()
        qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty_label, timeout=10_000)
        with small_db.read() as s:
            assert cases.get_case(s, case_id=case_id).location == "东街5号楼道"
        qtbot.waitUntil(lambda: not button.isVisible(), timeout=10_000)
        shot(page, "sync-conflicts-empty")
    finally:
        center_db.close()


def test_database_worker_stays_free_while_sync_waits_for_the_network(
    qtbot, small_db, town_server, desks
) -> None:  # type: ignore[no-untyped-def]
    from fault_proxy import FaultProxy

    proxy = FaultProxy(int(town_server.url.rsplit(":", 1)[1]))
    try:
        enroll(small_db, server_url=proxy.url, code=register(town_server))
        proxy.plan = lambda m, _p, _n: "hold" if m == "POST" else None
        desk = open_desk(qtbot, small_db)
        desks.append(desk)
        # The sync waits for the server's answer (the GUI thread must not block here: the
        # sync's database steps are handed to the worker through it).
        qtbot.waitUntil(proxy.holding.is_set, timeout=20_000)
        assert desk.controller.running
        # … and the person's work still goes through the one database worker meanwhile.
        with qtbot.waitSignal(desk.context.runner.sig_task_done, timeout=5000) as done:
            desk.context.runner.query(
                lambda s: load_sync_state(s).pending, parent=None, label="meanwhile"
            )
        assert done.args[0].label == "meanwhile" and done.args[0].result > 0
        assert proxy.holding.is_set() and desk.controller.running
        qtbot.waitUntil(lambda: desk.status_text.startswith("正在同步"), timeout=5000)
        shot(desk.window, "sync-status-running")
        proxy.plan = lambda _m, _p, _n: None
        with qtbot.waitSignal(desk.controller.sig_finished, timeout=30_000) as finished:
            proxy.release()
        assert finished.args[0].pushed > 0
    finally:
        proxy.close()
