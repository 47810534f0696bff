"""Cancelling a running sync from the status bar, and the window of records the town server
refused. Offscreen Qt, the real main window, a real town server on loopback (uvicorn),
real station databases."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))
from sync_desk_support import local_pending, open_desk, register, server_events
from ui_support import shot

from station.domain.enums import Role
from station.services import cases, persons
from station.services.events import Actor, record_event
from station.sync.client import SyncAborted, sync_once
from station.sync.protocol import PUSH_BATCH
from station.sync.transport import enroll, open_client
from ui.sync_controller import SyncStatus

ADMIN = Actor(username="admin", role=Role.STATION_ADMIN, station_code="TS01")


def test_cancel_stops_the_sync_early_and_the_next_one_sends_the_rest(
    qtbot, small_db, town_server, desks
) -> None:  # type: ignore[no-untyped-def]
    enroll(small_db, server_url=town_server.url, code=register(town_server))
    with small_db.transaction() as s:  # a day of importing residents: many batches to push
        for n in range(5 * PUSH_BATCH):
            persons.create_person(s, actor=ADMIN, name=f"居民{n}", grid_id="C1-01")
    total = local_pending(small_db)
    desk = open_desk(qtbot, small_db, start=False)
    desks.append(desk)
    bar = desk.window.sync_ui.status
    assert desk.controller.cancel() is False  # nothing runs: nothing to cancel
    assert not desk.window.sync_ui.cancel_action.isEnabled()

    seen: list[tuple[str, bool, bool]] = []

    def cancel_after_the_first_batch(status: SyncStatus) -> None:
        if status.running and status.progress.startswith("已上传") and not status.cancelled:
            seen.append(
                (
                    desk.status_text,
                    bar.cancel_button.isVisible(),
                    desk.window.sync_ui.cancel_action.isEnabled(),
                )
            )
            if len(seen) == 1:
                shot(desk.window, "syncui-status-running-cancel")
            bar.cancel_button.click()

    desk.controller.sig_status.connect(cancel_after_the_first_batch)
    with qtbot.waitSignal(desk.controller.sig_finished, timeout=60_000) as done:
        desk.window.show()
        desk.window.start()
    assert isinstance(done.args[0], SyncAborted)
    text, button_shown, action_enabled = seen[0]
    assert text.startswith("正在同步… 已上传 500/") and button_shown and action_enabled

    # Stopped early; what went stays, nothing is lost.
    pending = local_pending(small_db)
    assert PUSH_BATCH <= server_events(town_server) < total
    assert server_events(town_server) + pending == total
    expected = f"同步已取消，下次将继续，{pending} 条待同步"
    qtbot.waitUntil(lambda: desk.status_text == expected, timeout=10_000)  # count re-read
    assert not bar.label.property("error")
    assert bar.cancel_button.isHidden() and bar.sync_button.isEnabled()
    assert not desk.window.sync_ui.cancel_action.isEnabled()
    shot(desk.window, "syncui-status-cancelled")

    # Not a failure: no backoff; the next sync keeps its regular time (5 minutes here).
    schedule = desk.controller.schedule
    assert schedule.failures == 0
    due = schedule.due_at()
    assert due is not None and due - desk.controller.clock() > 250
    assert desk.controller.cancel() is False

    desk.controller.sig_status.disconnect(cancel_after_the_first_batch)
    with qtbot.waitSignal(desk.controller.sig_finished, timeout=60_000) as done:
        qtbot.keyClick(desk.window, Qt.Key.Key_F9)
    assert done.args[0].pushed == pending
    assert local_pending(small_db) == 0 and server_events(town_server) == total
    qtbot.waitUntil(lambda: desk.status_text.startswith("已同步"), timeout=10_000)


def test_refused_change_is_listed_in_chinese_and_opens_its_work_order(
    qtbot, qtmodeltester, small_db, town_server, desks
) -> None:  # type: ignore[no-untyped-def]
    enroll(small_db, server_url=town_server.url, code=register(town_server))
    with open_client(small_db) as http:
        sync_once(db=small_db, http=http)
    with small_db.read() as s:
        case_id = cases.case_ids(s, cases.CaseFilter())[0]
        case = cases.get_case(s, case_id=case_id)
    with small_db.transaction() as s:  # written behind the form's back: far too long
        record_event(
            s,
            actor=ADMIN,
            entity_type="case",
            entity_id=case_id,
            event_type="updated",
            payload={"description": "很长" * 10_001},
        )
    desk = open_desk(qtbot, small_db)  # its first sync sends it; the server refuses it
    desks.append(desk)
    link = desk.window.sync_ui.status.rejections_button
    qtbot.waitUntil(link.isVisible, timeout=30_000)
    assert link.text() == "1 条被拒收"
    shot(desk.window, "syncui-status-refused")

    link.click()
    page = desk.window.sync_ui.rejections
    assert page is not None and page.isVisible()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(page.model)
    row = [page.model.index(0, column).data() for column in range(page.model.columnCount())]
    assert row[1] == f"工单 {case.number} {case.summary[:20]}"
    assert row[2] == "修改"
    assert row[3] == "admin"
    assert row[4].startswith("“详细情况”太长")  # the field by its name on the form
    assert page.model.headerData(4, Qt.Orientation.Horizontal) == "镇服务器给出的原因"
    assert page.detail.isVisible() and page.open_button.isEnabled()
    assert "太长" in page.reason.text()
    shot(page, "syncui-rejections")

    # A double click on the row (a view only takes a double click after a press).
    where = page.table.visualRect(page.model.index(0, 1)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: desk.window.cases_page.showing_detail, timeout=5000)
    assert desk.window.pages.currentWidget() is desk.window.cases_page
    assert desk.window.cases_page.detail.case_id == case_id


def test_nothing_refused_says_so(qtbot, small_db, desks) -> None:  # type: ignore[no-untyped-def]
    desk = open_desk(qtbot, small_db)
    desks.append(desk)
    qtbot.waitUntil(lambda: desk.controller.status.loaded, timeout=10_000)
    assert desk.window.sync_ui.status.rejections_button.isHidden()
    page = desk.window.sync_ui.show_rejections()
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000) as loaded:
        page.load()
    assert loaded.args[0] == []
    assert page.stack.currentWidget() is page.empty_label
    assert page.empty_label.text() == "没有被镇服务器拒收的记录"
    assert page.detail.isHidden()
    shot(page, "syncui-rejections-empty")
