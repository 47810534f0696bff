"""诉求点将 on screen (pytest-qt, offscreen): the town center's dispatch queue with the
dispatch dialog and supervision, the oversight board, and a department's inbox where a
case is signed for and replied to. Screenshots go to /tmp/gs-shots/dispatch-*.png.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication
from ui_support import app_context, shot

from station.db.database import Database
from station.db.models import Department
from station.domain.enums import Role
from station.services import case_handling, cases, dispatch
from station.services.events import Actor
from station.settings import load_settings, save_settings
from ui.context import AppContext
from ui.dialogs.dispatch_dialog import DispatchDialog
from ui.dialogs.dispatch_step_dialog import DispatchStepDialog
from ui.main_window import MainWindow
from ui.pages.dispatch_lists_page import CENTER, UNIT, DispatchListsPage
from ui.pages.dispatch_oversight_page import DispatchOversightPage

HAN = re.compile(r"[\u4e00-\u9fff]")
CLERK = Actor(username="jiedai", role=Role.RECEPTIONIST, station_code="TS01")
DISPATCHER = Actor(
    username="zhongxin", role=Role.DISPATCHER, station_code="CT01", display_name="郑派单"
)
HANDLER = Actor(
    username="bumen", role=Role.DEPARTMENT_HANDLER, station_code="DP01", display_name="吴城管"
)


def _escalate_all(db: Database) -> list[str]:
    """Escalate the small town's river and path cases; the river ones are urgent."""
    with db.transaction() as s:
        s.add(Department(id="D-HB", name="生态环境所", short_name="生态环境"))
        ids = []
        for row in cases.list_cases(s):
            if "河道" in row.summary or "路灯" in row.summary:
                urgency = "urgent" if "河道" in row.summary else "normal"
                cases.update_case(s, actor=CLERK, case_id=row.id, urgency=urgency)
                cases.act_on_case(
                    s, actor=CLERK, case_id=row.id, action="escalate", reason="需部门处理"
                )
                ids.append(row.id)
    return ids


def _be(db: Database, *, code: str, kind: str) -> None:
    with db.transaction() as s:
        save_settings(
            s, replace(load_settings(s), station_code=code, station_kind=kind, station_name=code)
        )


@pytest.fixture
def center_context(small_db: Database) -> Iterator[AppContext]:
    _escalate_all(small_db)
    _be(small_db, code="CT01", kind="center")
    yield from app_context(small_db, DISPATCHER)


@pytest.fixture
def department_context(small_db: Database) -> Iterator[AppContext]:
    ids = _escalate_all(small_db)
    with small_db.transaction() as s:
        for case_id in ids:
            dispatch.dispatch_case(
                s,
                actor=DISPATCHER,
                case_id=case_id,
                department_id="D-CG",
                co_department_ids=["D-HB"],
                instructions="请现场核实并处置",
            )
    _be(small_db, code="DP01", kind="department")
    yield from app_context(small_db, HANDLER)


def idle(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=20_000)


def _page(qtbot, context: AppContext, mode: str) -> DispatchListsPage:  # type: ignore[no-untyped-def]
    page = DispatchListsPage(context=context, mode=mode)
    qtbot.addWidget(page)
    page.resize(1366, 640)
    page.show()
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.refresh()
    idle(qtbot, context)
    return page


def _cell(page: DispatchListsPage, row: int, column: int) -> str:
    return page.model.item(row, column).text()


def _dialog(qtbot, page: DispatchListsPage, key: str):  # type: ignore[no-untyped-def]
    page.active_dialog = None
    page.buttons[key].click()
    qtbot.waitUntil(lambda: page.active_dialog is not None, timeout=10_000)
    dialog = page.active_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    return dialog


def test_center_queue_dispatch_and_supervise(qtbot, center_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, center_context, CENTER)
    assert page.model.rowCount() == 3
    assert page.model.horizontalHeaderItem(0).text() == "编号"
    # Most urgent first: the two river cases, the newest of them on top; then the lamp.
    assert [_cell(page, r, 2) for r in range(3)] == ["紧急", "紧急", "一般"]
    assert "网箱" in _cell(page, 0, 4) and "路灯" in _cell(page, 2, 4)
    assert _cell(page, 0, 5) == "TS01" and _cell(page, 0, 6) == "溪口村第01网格"
    assert page.buttons["dispatch"].isEnabled() and not page.buttons["remind"].isEnabled()
    shot(page, "dispatch-queue")

    qtbot.waitUntil(lambda: page.choices is not None, timeout=10_000)
    page.table.selectRow(1)
    number = _cell(page, 1, 0)
    dialog = _dialog(qtbot, page, "dispatch")
    assert isinstance(dialog, DispatchDialog)
    # The category 河道养殖 suggests 城管中队; 生态环境所 joins as co-handling unit.
    assert dialog.lead_combo.currentText() == "城管中队"
    for i in range(dialog.co_list.count()):
        if dialog.co_list.item(i).text() == "生态环境所":
            dialog.co_list.item(i).setCheckState(dialog.co_list.item(i).checkState().Checked)
    assert dialog.co_department_ids() == ["D-HB"]
    assert not dialog.deadline_reason_edit.isEnabled()  # the category's time limit as is
    assert "10" in dialog.deadline_hint.text()
    dialog.note_edit.setPlainText("城管牵头清理，生态环境所监测水质")
    dialog.resize(560, 520)
    shot(dialog, "dispatch-dialog")
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        dialog.submit()
    idle(qtbot, center_context)
    assert page.model.rowCount() == 2
    assert number not in {_cell(page, r, 0) for r in range(2)}

    # Now among the cases being handled, waiting to be signed for; remind and supervise it.
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.list_combo.setCurrentIndex(page.list_combo.findText("办理中"))
    assert [_cell(page, r, 0) for r in range(page.model.rowCount())] == [number]
    assert _cell(page, 0, 7) == "城管" and _cell(page, 0, 8) == "生态环境"
    page.table.selectRow(0)
    for key, text in (("remind", "请今天内签收"), ("supervise", "列入镇督办事项，每周报告进展")):
        step = _dialog(qtbot, page, key)
        assert isinstance(step, DispatchStepDialog)
        step.text_edit.setPlainText(text)
        with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
            step.submit()
        idle(qtbot, center_context)
    assert "已督办" in _cell(page, 0, 10) and "催办1次" in _cell(page, 0, 10)
    shot(page, "dispatch-handling")
    with center_context.database.read() as s:
        case_id = cases.find_case_id(s, number=number)
        kinds = [n.kind for n in cases.get_case(s, case_id=case_id).notes]
    assert kinds[-3:] == ["dispatch", "remind", "supervise"]


def test_oversight_board_counts_and_click_through(qtbot, center_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    with center_context.database.transaction() as s:
        queue = dispatch.dispatch_list(s, which="queue")
        dispatch.dispatch_case(
            s,
            actor=DISPATCHER,
            case_id=queue[0].id,
            department_id="D-CG",
            at=datetime(2026, 11, 2, 9, 0),
            deadline=datetime(2026, 11, 6).date(),
            deadline_reason="汛期前须完成",
        )
    board = DispatchOversightPage(context=center_context)
    qtbot.addWidget(board)
    board.resize(1366, 640)
    board.show()
    with qtbot.waitSignal(board.sig_loaded, timeout=20_000):
        board.refresh()
    assert board.tiles["queue"].text().startswith("2\n")
    assert board.tiles["sign_overdue"].text().startswith("1\n")  # dispatched weeks ago
    assert board.tiles["handling_overdue"].text().startswith("1\n")
    assert board.department_model.item(0, 0).text() == "城管中队"
    assert [board.department_model.item(0, c).text() for c in (1, 2, 3)] == ["1", "1", "1"]
    shot(board, "dispatch-oversight")
    with qtbot.waitSignal(board.sig_show_list, timeout=2_000) as signal:
        board._unit_clicked(0, departments=True)
    assert signal.args == ["inbox", "D-CG", "", "城管中队"]


def test_center_main_window_has_the_dispatch_areas(qtbot, center_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context=center_context)
    qtbot.addWidget(window)
    window.show()
    window.start()
    idle(qtbot, center_context)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "派单督办" in titles and "督办看板" in titles and "待回访" not in titles
    board = window.dispatch_areas.oversight
    window.dispatch_areas._show_from_board("sign_overdue", "", "", "")
    idle(qtbot, center_context)
    assert window.pages.currentWidget() is window.dispatch_areas.lists[CENTER]
    assert board is not None


def test_department_inbox_sign_for_and_reply(qtbot, department_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, department_context, UNIT)
    assert page.model.rowCount() == 3
    assert {_cell(page, r, 3) for r in range(3)} == {"已派单（待签收）"}
    assert HAN.search(_cell(page, 0, 10) or "还剩")
    assert page.buttons["sign_for"].isEnabled() and not page.buttons["reply"].isEnabled()
    shot(page, "dispatch-inbox")
    number = _cell(page, 0, 0)

    sign = _dialog(qtbot, page, "sign_for")
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        sign.submit()
    idle(qtbot, department_context)
    row = next(r for r in range(page.model.rowCount()) if _cell(page, r, 0) == number)
    assert _cell(page, row, 3) == "办理中"
    page.table.selectRow(row)
    assert page.buttons["reply"].isEnabled() and not page.buttons["sign_for"].isEnabled()

    # A reply needs its result: the dialog says so beside the field and keeps the text.
    reply = _dialog(qtbot, page, "reply")
    reply.submit()
    qtbot.waitUntil(lambda: reply.errors.message("result") != "", timeout=10_000)
    assert reply.isVisible()
    reply.text_edit.setPlainText("已责令养殖户两日内搬离，河道已清理")
    shot(reply, "dispatch-reply-dialog")
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        reply.submit()
    idle(qtbot, department_context)
    assert number not in {_cell(page, r, 0) for r in range(page.model.rowCount())}
    with department_context.database.read() as s:
        detail = cases.get_case(s, case_id=cases.find_case_id(s, number=number))
    assert detail.status == "replied" and detail.signed_at is not None
    assert detail.assignee == "吴城管" and detail.replied_at is not None


def test_department_cannot_dispatch_even_through_the_service(department_context) -> None:  # type: ignore[no-untyped-def]
    with department_context.database.transaction() as s:
        row = dispatch.dispatch_list(s, which="inbox")[0]
        with pytest.raises(Exception) as info:
            case_handling.take_case_action(
                s, actor=HANDLER, case_id=row.id, action="close", reason="x"
            )
    assert "职能部门" in str(info.value) or "不能" in str(info.value)


@pytest.fixture
def village_context(small_db: Database) -> Iterator[AppContext]:
    ids = _escalate_all(small_db)
    with small_db.transaction() as s:
        dispatch.dispatch_case(s, actor=DISPATCHER, case_id=ids[0], department_id="D-CG")
        dispatch.sign_for_case(s, actor=HANDLER, case_id=ids[0])
        dispatch.reply_case(s, actor=HANDLER, case_id=ids[0], result="已清理河道")
    _be(small_db, code="TS01", kind="community")
    yield from app_context(small_db, CLERK)


def test_station_return_visit_list(qtbot, village_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.dispatch_lists_page import STATION

    page = _page(qtbot, village_context, STATION)
    assert page.model.rowCount() == 1 and _cell(page, 0, 3) == "已回复"
    page.table.selectRow(0)
    assert page.buttons["visit"].isEnabled()
    dialog = _dialog(qtbot, page, "visit")
    shot(page, "dispatch-visits")
    dialog.reject()
    assert not page.buttons.get("dispatch")  # a station does not dispatch


def test_case_detail_offers_supervision_steps_at_the_center(
    qtbot, center_context: AppContext
) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.case_detail_page import CaseDetailPage

    with center_context.database.transaction() as s:
        row = dispatch.dispatch_list(s, which="queue")[0]
        dispatch.dispatch_case(
            s, actor=DISPATCHER, case_id=row.id, department_id="D-CG", co_department_ids=["D-HB"]
        )
        dispatch.sign_for_case(s, actor=HANDLER, case_id=row.id)
        dispatch.request_extension(
            s,
            actor=HANDLER,
            case_id=row.id,
            until=dispatch.extension_default(cases.get_case(s, case_id=row.id)),
            reason="等待监测结果",
        )
    detail = CaseDetailPage(context=center_context)
    qtbot.addWidget(detail)
    detail.resize(1366, 720)
    detail.show()
    detail.show_case(row.id)
    qtbot.waitUntil(lambda: detail.view is not None, timeout=10_000)
    keys = set(detail.action_keys())
    assert {"remind", "supervise", "approve_extension", "refuse_extension"} <= keys
    assert "sign_for" not in keys and "reply" not in keys  # the department's, not the center's
    assert "申请延期至" in detail.flags_label.text()
    assert "协办：生态环境所" in detail.fact_labels["route"].text()
    timeline = detail.timeline.toPlainText()
    assert "申请延期" in timeline and "等待监测结果" in timeline
    shot(detail, "dispatch-case-detail")
    dialog = detail.start_action("approve_extension")
    assert isinstance(dialog, DispatchStepDialog)
    with qtbot.waitSignal(dialog.sig_done, timeout=10_000):
        dialog.submit()
    qtbot.waitUntil(lambda: "approve_extension" not in detail.action_keys(), timeout=10_000)


def test_oversight_board_on_the_demo_town(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    """The demo town seen from the center: the board's numbers are the lists' lengths."""
    _be(demo_db, code="CT01", kind="center")
    for context in app_context(demo_db, DISPATCHER):
        board = DispatchOversightPage(context=context)
        qtbot.addWidget(board)
        board.resize(1366, 640)
        board.show()
        with qtbot.waitSignal(board.sig_loaded, timeout=20_000) as loaded:
            board.refresh()
        oversight = loaded.args[0]
        with demo_db.read() as s:
            for key, count in (
                ("queue", oversight.awaiting_dispatch),
                ("handling_overdue", oversight.handling_overdue),
                ("awaiting_visit", oversight.awaiting_rating),
            ):
                assert len(dispatch.dispatch_list(s, which=key)) == count, key
                assert board.tiles[key].text().startswith(f"{count}\n")
            inbox = dispatch.dispatch_list(s, which="inbox")
        units = [*oversight.by_department, *oversight.by_community]
        assert sum(u.open for u in units) == len(inbox)
        assert board.department_model.rowCount() == len(oversight.by_department)
        shot(board, "dispatch-oversight-demo")
        idle(qtbot, context)


def test_list_buttons_answer_to_alt_numbers(qtbot, department_context: AppContext) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    page = _page(qtbot, department_context, UNIT)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=5_000)
    page.table.selectRow(0)
    page.active_dialog = None
    qtbot.keyClick(page.table, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # 签收
    qtbot.waitUntil(lambda: page.active_dialog is not None, timeout=10_000)
    assert isinstance(page.active_dialog, DispatchStepDialog)
    assert page.active_dialog.step == "sign_for"
    page.active_dialog.reject()
