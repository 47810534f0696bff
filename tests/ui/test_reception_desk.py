"""The reception desk driven like a receptionist does: from the keyboard, real widgets.

Intake end to end (with a wrong phone number corrected inline), pinyin lookup, the
repeat-request warning, settling at the desk, drafts surviving a crash; the case detail
with its actions (escalate, return visit 不满意 → 重办, mediation, ID reveal). Screenshots
go to /tmp/gs-shots.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from pypinyin import lazy_pinyin
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from station.db.database import Database
from station.db.models import AuditEntry
from station.domain.enums import CaseStatus
from station.services import case_handling, cases, drafts, persons
from station.services.users import authenticate, system_actor
from station.settings import load_settings
from ui.context import AppContext
from ui.dialogs.new_request_dialog import NewRequestDialog
from ui.main_window import CASES, MainWindow
from ui.task_runner import TaskRunner

SHOTS = Path("/tmp/gs-shots")
SCREEN = (1366, 768)


@pytest.fixture
def desk_context(small_db: Database, small_town_file) -> Iterator[AppContext]:
    """The receptionist 林接待 logged in on the small town."""
    runner = TaskRunner(database=small_db)
    with small_db.transaction() as session:
        actor = authenticate(
            session, username=small_town_file.username, password=small_town_file.password
        )
        settings = load_settings(session)
    yield AppContext(database=small_db, runner=runner, actor=actor, settings=settings)
    assert runner.shutdown()


def idle(qtbot, context: AppContext) -> None:
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=20_000)


def wait_active(qtbot, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=5_000)


def open_window(qtbot, context: AppContext) -> MainWindow:
    window = MainWindow(context=context)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    with qtbot.waitSignal(window.cases_page.model.sig_loaded, timeout=20_000):
        window.show()
        window.start()
    qtbot.waitUntil(lambda: window.choices is not None, timeout=20_000)
    idle(qtbot, context)
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


@pytest.fixture
def window(qtbot, desk_context: AppContext) -> Iterator[MainWindow]:
    yield open_window(qtbot, desk_context)
    # Forms left open keep timers (search, draft) that must not fire once the runner of
    # this test has stopped; the app itself only stops its runner when quitting.
    for top in QApplication.topLevelWidgets():
        for timer in top.findChildren(QTimer):
            timer.stop()
    idle(qtbot, desk_context)


@pytest.fixture
def no_receipt(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The receipt preview hook, recorded instead of rendering a PDF."""
    opened: list[tuple[str, str]] = []

    def fake(*, parent: QWidget, context: AppContext, kind: str, number: str) -> bool:
        opened.append((kind, number))
        return True

    monkeypatch.setattr("ui.dialogs.new_request_dialog.open_case_document", fake)
    monkeypatch.setattr("ui.dialogs.new_request_dialog.printing_available", lambda: True)
    return opened


def shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):  # pending layout requests: the picture shows the real layout
        QApplication.processEvents()
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


class Keyboard:
    """Types into whatever has the focus, like a person does, and counts the keys.

    Latin letters, digits and punctuation are key presses. Chinese arrives the way a
    pinyin input method delivers it: one committed string per phrase; it is counted as
    the pinyin letters plus one key to commit (what a person types with a pinyin IME).
    """

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.count = 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str, *, into: QWidget | None = None) -> None:
        if into is not None:
            assert self.focus() is into, f"focus is on {self.focus()!r}"
        for chunk, ascii_ in _runs(text):
            if ascii_:
                self.qtbot.keyClicks(self.focus(), chunk)
                self.count += len(chunk)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(chunk)
                QApplication.sendEvent(self.focus(), event)
                self.count += len("".join(lazy_pinyin(chunk))) + 1

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
        self.qtbot.keyClick(self.focus(), key, modifier)
        self.count += 1


def _runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs of ASCII and non-ASCII characters."""
    runs: list[tuple[str, bool]] = []
    for ch in text:
        kind = ch.isascii()
        if runs and runs[-1][1] == kind:
            runs[-1] = (runs[-1][0] + ch, kind)
        else:
            runs.append((ch, kind))
    return runs


def new_request(qtbot, window: MainWindow, keys: Keyboard) -> NewRequestDialog:
    with qtbot.waitSignal(window.sig_request_dialog, timeout=5_000) as blocker:
        keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog: NewRequestDialog = blocker.args[0]
    wait_active(qtbot, dialog)
    assert keys.focus() is dialog.lookup.edit
    return dialog


def find_resident(qtbot, dialog: NewRequestDialog, keys: Keyboard, text: str) -> None:
    with qtbot.waitSignal(dialog.lookup.sig_results, timeout=5_000):
        keys.type(text, into=dialog.lookup.edit)
    keys.press(Qt.Key.Key_Return)


# --------------------------------------------------------------------------- intake


def test_walk_in_request_end_to_end_from_the_keyboard(
    qtbot, window: MainWindow, desk_context: AppContext, no_receipt
) -> None:
    keys = Keyboard(qtbot)
    started = time.perf_counter()
    dialog = new_request(qtbot, window, keys)

    # A new resident: no match, so Enter takes "new resident" with the typed name.
    find_resident(qtbot, dialog, keys, "张三丰")
    assert dialog.new_person_box.isVisible()
    assert dialog.person_name_edit.text() == "张三丰"
    # A phone number one digit short: the message appears under the field on leaving it.
    keys.type("1380013800", into=dialog.person_phone_edit)
    keys.press(Qt.Key.Key_Tab)
    assert dialog.errors.message("person_phone") == "手机号应为11位，现在是10位，请核对"
    assert dialog.errors.label("person_phone").isVisible()
    keys.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    keys.press(Qt.Key.Key_End)
    keys.type("0", into=dialog.person_phone_edit)
    assert dialog.errors.message("person_phone") == ""  # cleared as soon as it is right
    keys.press(Qt.Key.Key_Return)  # Enter: next field
    assert keys.focus() is dialog.person_id_edit
    keys.press(Qt.Key.Key_Return)  # no ID number
    keys.press(Qt.Key.Key_Return)  # gender not given
    keys.type("东街社区文昌巷8号", into=dialog.person_address_edit)
    keys.press(Qt.Key.Key_Return)

    keys.type("llj", into=dialog.category_picker.edit)  # 邻里纠纷 by pinyin initials
    keys.press(Qt.Key.Key_Return)
    assert dialog.category_picker.value == "K11"
    keys.type("dj 02", into=dialog.grid_picker.edit)  # 东街社区第02网格
    keys.press(Qt.Key.Key_Return)
    assert dialog.grid_picker.value == "C1-02"
    keys.type("东街8号楼道", into=dialog.location_edit)
    keys.press(Qt.Key.Key_Return)
    keys.type("邻居在楼道堆放杂物，影响通行", into=dialog.summary_edit)
    keys.press(Qt.Key.Key_Return)
    assert keys.focus() is dialog.description_edit
    keys.press(Qt.Key.Key_Tab)  # no details
    keys.press(Qt.Key.Key_Return)  # urgency 一般
    keys.press(Qt.Key.Key_Return)  # not filed on behalf
    assert keys.focus() is dialog.settle_check  # the last field: Enter saves
    shot(dialog, "intake-form")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        keys.press(Qt.Key.Key_Return)
    seconds = time.perf_counter() - started
    print(f"\nintake from the keyboard: {keys.count} keystrokes, {seconds:.2f} s")

    case_id = saved.args[0]
    assert dialog.stack.currentWidget() is dialog.saved_panel
    number = dialog.saved_panel.number_label.text()
    assert number.startswith("TS01-") and number == dialog.saved_number
    assert dialog.saved_panel.number_label.font().pointSizeF() >= 24
    assert no_receipt == [("receipt", number)]  # the receipt preview opened at once
    shot(dialog, "intake-saved")
    with desk_context.database.read() as s:
        case = cases.get_case(s, case_id=case_id)
        person = persons.get_person(s, person_id=case.requester_id)
    assert (case.category_id, case.grid_id, case.location) == ("K11", "C1-02", "东街8号楼道")
    assert case.status == CaseStatus.RECEIVED.value and case.channel == "walk_in"
    assert (person.name, person.phone, person.address) == (
        "张三丰",
        "13800138000",
        "东街社区文昌巷8号",
    )
    # The list refreshed through the change signal.
    model = window.cases_page.model
    qtbot.waitUntil(lambda: model.total == 8 and not model.loading, timeout=10_000)
    assert model.row_at(0).number == number
    # No draft is left behind.
    idle(qtbot, desk_context)
    assert drafts.list_drafts(data_dir=desk_context.data_dir) == []
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)


def test_resident_found_by_pinyin_initials_and_grid_suggested(
    qtbot, window: MainWindow, desk_context: AppContext
) -> None:
    keys = Keyboard(qtbot)
    dialog = new_request(qtbot, window, keys)
    with qtbot.waitSignal(dialog.lookup.sig_results, timeout=5_000):
        keys.type("lll", into=dialog.lookup.edit)
    first = dialog.lookup.results.item(0)
    assert first.text().startswith("林玲玲")
    assert dialog.lookup.results.item(dialog.lookup.results.count() - 1).text() == (
        "＋ 新建居民“lll”"
    )
    keys.press(Qt.Key.Key_Return)
    assert dialog.lookup.person is not None and dialog.lookup.person.name == "林玲玲"
    assert keys.focus() is dialog.category_picker.edit
    qtbot.waitUntil(lambda: dialog.grid_picker.value == "C1-01", timeout=5_000)
    assert dialog.grid_hint.text() == "根据居民登记信息推荐"
    assert not dialog.new_person_box.isVisible()


def test_the_id_number_is_masked_in_the_lookup(
    qtbot, window: MainWindow, desk_context: AppContext
) -> None:
    with desk_context.database.transaction() as s:
        persons.create_person(s, actor=system_actor(s), name="郑秀", id_number="11010519491231002X")
    keys = Keyboard(qtbot)
    dialog = new_request(qtbot, window, keys)
    with qtbot.waitSignal(dialog.lookup.sig_results, timeout=5_000):
        # ID numbers are sealed at rest: the lookup finds a full number, not a part.
        keys.type("11010519491231002x", into=dialog.lookup.edit)
    text = dialog.lookup.results.item(0).text()
    assert "郑秀" in text and "110***********002X" in text
    assert "11010519491231002X" not in text


def test_repeat_request_warning_offers_to_add_to_the_earlier_case(
    qtbot, window: MainWindow, desk_context: AppContext, no_receipt
) -> None:
    with desk_context.database.transaction() as s:
        lin = persons.search_persons(s, query="林玲玲")[0]
        earlier = cases.create_case(
            s,
            actor=desk_context.actor,
            summary="楼道里又堆满了纸箱",
            received_at=datetime.now().replace(microsecond=0) - timedelta(days=3),
            requester_id=lin.id,
            category_id="K11",
            grid_id="C1-01",
        )
    keys = Keyboard(qtbot)
    dialog = new_request(qtbot, window, keys)
    find_resident(qtbot, dialog, keys, "lll")
    keys.type("llj", into=dialog.category_picker.edit)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.repeat_banner.isVisible, timeout=5_000)
    assert earlier.number in dialog.repeat_label.text()
    assert "近30天内已反映同类诉求" in dialog.repeat_label.text()
    assert earlier.number in dialog.link_button.text()
    shot(dialog, "intake-repeat-warning")

    qtbot.waitUntil(lambda: dialog.grid_picker.value == "C1-01", timeout=5_000)
    keys.press(Qt.Key.Key_Return)  # grid was suggested: on to the location
    keys.press(Qt.Key.Key_Return)
    keys.type("纸箱越堆越多", into=dialog.summary_edit)
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        keys.press(Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert saved.args[0] == earlier.id
    assert dialog.saved_panel.number_label.text() == earlier.number
    assert dialog.saved_panel.title_label.text() == "已补充到原工单"
    with desk_context.database.read() as s:
        after = cases.get_case(s, case_id=earlier.id)
        total = len(cases.case_ids(s))
    assert after.notes[-1].kind == "repeat" and "纸箱越堆越多" in after.notes[-1].text
    assert total == 8  # no duplicate case


def test_settle_at_the_desk(
    qtbot, window: MainWindow, desk_context: AppContext, no_receipt
) -> None:
    keys = Keyboard(qtbot)
    dialog = new_request(qtbot, window, keys)
    keys.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # back to the channel
    keys.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert keys.focus() is dialog.channel_combo
    keys.press(Qt.Key.Key_Down)  # 来电
    assert dialog.channel_combo.currentData() == "phone"
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Tab)
    find_resident(qtbot, dialog, keys, "zgf")  # 张桂芳
    keys.type("zcz", into=dialog.category_picker.edit)  # 政策咨询? not in the small town
    assert dialog.category_picker.tree.currentIndex().isValid() is False
    keys.press(Qt.Key.Key_Return)  # nothing to take: stays
    assert keys.focus() is dialog.category_picker.edit
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys.type("mdjf", into=dialog.category_picker.edit)  # 矛盾纠纷
    keys.press(Qt.Key.Key_Return)
    assert dialog.category_picker.value == "K1"
    qtbot.waitUntil(lambda: dialog.grid_picker.value == "C1-02", timeout=5_000)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return)  # no location
    keys.type("咨询城乡居民医保缴费时间", into=dialog.summary_edit)
    for _ in range(4):
        keys.press(Qt.Key.Key_Tab)
    assert keys.focus() is dialog.settle_check
    keys.press(Qt.Key.Key_Space)
    assert keys.focus() is dialog.answer_edit
    keys.type("已告知每年9月至12月可在闽政通缴纳", into=dialog.answer_edit)
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        keys.press(Qt.Key.Key_Return)  # Enter in the answer saves
    assert dialog.saved_panel.title_label.text() == "已窗口直办办结"
    with desk_context.database.read() as s:
        case = cases.get_case(s, case_id=saved.args[0])
    assert case.status == CaseStatus.DESK_SETTLED.value
    assert case.result == "已告知每年9月至12月可在闽政通缴纳"
    assert case.channel == "phone"


def test_nothing_is_saved_half_way(
    qtbot, window: MainWindow, desk_context: AppContext, message_boxes
) -> None:
    keys = Keyboard(qtbot)
    dialog = new_request(qtbot, window, keys)
    find_resident(qtbot, dialog, keys, "李四")  # new resident, typed ID number is wrong
    keys.press(Qt.Key.Key_Return)  # no phone
    keys.type("110105194912310021", into=dialog.person_id_edit)
    with qtbot.waitSignal(desk_context.runner.sig_task_done, timeout=10_000):
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save now
    qtbot.waitUntil(lambda: dialog.errors.has_errors, timeout=5_000)
    shown = dialog.errors.messages()
    assert set(shown) == {"person_id_number", "category_id", "grid_id", "summary"}
    assert "校验位" in shown["person_id_number"]
    assert dialog.person_name_edit.text() == "李四"  # everything typed is kept
    assert dialog.stack.currentWidget() is dialog.form_page
    with desk_context.database.read() as s:
        assert persons.search_persons(s, query="李四") == []
        assert len(cases.case_ids(s)) == 7
    assert message_boxes == []
    shot(dialog, "intake-errors")


def test_a_failing_save_keeps_everything_typed(
    qtbot, window: MainWindow, desk_context: AppContext, message_boxes, monkeypatch
) -> None:
    def full_disk(session, *, actor, form, data_dir=None):  # type: ignore[no-untyped-def]
        cases.create_case(session, actor=actor, summary=form.summary, grid_id=form.grid_id)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("ui.dialogs.new_request_dialog.take_request", full_disk)
    keys = Keyboard(qtbot)
    dialog = new_request(qtbot, window, keys)
    find_resident(qtbot, dialog, keys, "lll")
    keys.type("llj", into=dialog.category_picker.edit)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.grid_picker.value == "C1-01", timeout=5_000)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return)
    keys.type("楼道堆放杂物", into=dialog.summary_edit)
    with qtbot.waitSignal(desk_context.runner.sig_task_done, timeout=10_000):
        keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=5_000)
    assert "No space left on device" in message_boxes[0].details
    assert dialog.stack.currentWidget() is dialog.form_page
    assert dialog.summary_edit.text() == "楼道堆放杂物"
    assert dialog.lookup.person.name == "林玲玲"
    assert dialog.save_button.isEnabled()
    with desk_context.database.read() as s:
        assert len(cases.case_ids(s)) == 7  # the half-made case was rolled back


def test_esc_asks_before_discarding(
    qtbot, window: MainWindow, desk_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = {"discard": False}

    def fake_confirm(parent, *, text, **_kw):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer["discard"]

    monkeypatch.setattr("ui.dialogs.new_request_dialog.confirm", fake_confirm)
    keys = Keyboard(qtbot)
    dialog = new_request(qtbot, window, keys)
    keys.press(Qt.Key.Key_Escape)  # nothing typed: closes without asking
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert asked == []
    window.activateWindow()  # what the window manager does when a dialog closes
    wait_active(qtbot, window)
    dialog = new_request(qtbot, window, keys)
    with qtbot.waitSignal(dialog.lookup.sig_results, timeout=5_000):
        keys.type("lll", into=dialog.lookup.edit)
    keys.press(Qt.Key.Key_Escape)  # hides the matches first
    assert not dialog.lookup.results.isVisible() and asked == []
    keys.press(Qt.Key.Key_Escape)
    assert asked == ["放弃这条诉求？"] and dialog.isVisible()
    answer["discard"] = True
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)


def test_drafts_are_restored_after_a_crash(
    qtbot, window: MainWindow, desk_context: AppContext
) -> None:
    keys = Keyboard(qtbot)
    dialog = new_request(qtbot, window, keys)
    find_resident(qtbot, dialog, keys, "lll")
    keys.type("llj", into=dialog.category_picker.edit)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.grid_picker.value == "C1-01", timeout=5_000)
    keys.press(Qt.Key.Key_Return)
    keys.type("东街5号", into=dialog.location_edit)
    keys.press(Qt.Key.Key_Return)
    keys.type("楼上漏水", into=dialog.summary_edit)
    qtbot.waitUntil(
        lambda: (
            [d.title for d in drafts.list_drafts(data_dir=desk_context.data_dir)] == ["楼上漏水"]
        ),
        timeout=5_000,
    )
    # The crash: the form vanishes without closing (no reject, no draft clean-up), and a
    # new window starts on the same data folder.
    window.request_dialogs.clear()
    dialog.deleteLater()
    window.hide()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5_000)

    again = MainWindow(context=desk_context)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.sig_drafts_found, timeout=20_000) as found:
        again.show()
        again.start()
    assert [d.title for d in found.args[0]] == ["楼上漏水"]
    assert again.draft_dialog is not None and again.draft_dialog.isVisible()
    shot(again.draft_dialog, "draft-recovery")
    with qtbot.waitSignal(again.sig_request_dialog, timeout=5_000) as opened:
        again.draft_dialog.continue_selected()
    restored: NewRequestDialog = opened.args[0]
    qtbot.waitUntil(lambda: restored.lookup.person is not None, timeout=5_000)
    assert restored.lookup.person.name == "林玲玲"
    assert restored.category_picker.value == "K11"
    assert restored.grid_picker.value == "C1-01"
    assert restored.location_edit.text() == "东街5号"
    assert restored.summary_edit.text() == "楼上漏水"
    assert restored.dirty
    idle(qtbot, desk_context)
    assert not again.reception_page.drafts_list.isVisible() or (
        again.reception_page.drafts_list.count() == 0
    )


# --------------------------------------------------------------------------- detail


def open_detail(qtbot, window: MainWindow, case_id: str) -> None:
    page = window.cases_page
    window.show_area(CASES)
    with qtbot.waitSignal(page.detail.sig_back, timeout=200, raising=False):
        pass
    page.open_case(case_id)
    qtbot.waitUntil(
        lambda: page.detail.view is not None and page.detail.view.detail.id == case_id,
        timeout=10_000,
    )


def first_case_id(window: MainWindow, summary: str) -> str:
    model = window.cases_page.model
    return next(
        model.case_id(r) for r in range(model.rowCount()) if model.row_at(r).summary == summary
    )


def test_open_from_the_list_and_escalate(
    qtbot, window: MainWindow, desk_context: AppContext
) -> None:
    page = window.cases_page
    keys = Keyboard(qtbot)
    case_id = first_case_id(window, "东街路口夜间路灯不亮")
    row = next(r for r in range(page.model.rowCount()) if page.model.case_id(r) == case_id)
    page.table.setFocus()
    page.table.selectRow(row)
    keys.press(Qt.Key.Key_Return)  # Enter opens the detail
    assert page.showing_detail
    qtbot.waitUntil(lambda: page.detail.view is not None, timeout=10_000)
    detail = page.detail
    assert detail.status_label.text() == "已受理"
    assert set(detail.action_keys()) == {
        "settle_at_desk",
        "handle_at_station",
        "escalate",
        "to_mediation",
        "progress",
    }
    assert [e.title for e in detail.view.timeline] == ["受理登记"]
    shot(window, "case-detail")

    dialog = detail.start_action("escalate")
    wait_active(qtbot, dialog)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # no reason yet
    assert dialog.errors.message("reason") == "请写明原因。"
    keys.type("路灯属城管维护，需镇中心派单", into=dialog.reason_edit)
    with qtbot.waitSignal(dialog.sig_done, timeout=10_000):
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # Detail and list refresh through the change signal.
    qtbot.waitUntil(lambda: detail.status_label.text() == "待派单", timeout=10_000)
    assert [e.title for e in detail.view.timeline] == ["受理登记", "上报镇中心"]
    shot(window, "case-detail-escalated")
    assert "路灯属城管维护" in detail.timeline.toPlainText()
    assert "林接待" in detail.timeline.toPlainText()
    qtbot.waitUntil(
        lambda: (
            next(
                page.model.row_at(r).status_label
                for r in range(page.model.rowCount())
                if page.model.case_id(r) == case_id
            )
            == "待派单"
        ),
        timeout=10_000,
    )
    window.activateWindow()  # what the window manager does when the dialog closes
    wait_active(qtbot, window)
    keys.press(Qt.Key.Key_Escape)
    assert not page.showing_detail


def test_dissatisfied_return_visit_sends_the_case_back(
    qtbot, window: MainWindow, desk_context: AppContext
) -> None:
    case_id = first_case_id(window, "邻居装修噪音扰民到深夜")
    with desk_context.database.transaction() as s:
        actor = desk_context.actor
        case_handling.handle_at_station(s, actor=actor, case_id=case_id)
        case_handling.reply_to_case(s, actor=actor, case_id=case_id, result="已约谈装修户")
    open_detail(qtbot, window, case_id)
    detail = window.cases_page.detail
    assert detail.status_label.text() == "已回复"
    assert "return_visit" in detail.action_keys()
    keys = Keyboard(qtbot)
    dialog = detail.start_action("return_visit")
    wait_active(qtbot, dialog)
    keys.press(Qt.Key.Key_3)  # 3: 不满意
    keys.press(Qt.Key.Key_Y)  # Y: solved all the same
    assert (dialog.rating(), dialog.solved()) == ("dissatisfied", True)
    assert dialog.outcome_label.text() == "工单将退回重办。"
    shot(dialog, "return-visit")
    with qtbot.waitSignal(dialog.sig_done, timeout=10_000):
        keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.status_label.text() == "待派单", timeout=10_000)
    view = detail.view.detail
    assert (view.rating, view.solved) == ("dissatisfied", True)
    assert detail.fact_labels["visit"].text() == "不满意 · 问题已解决"
    assert [e.title for e in detail.view.timeline][-2:] == ["转回访", "重办"]


def test_hand_over_to_mediation_links_the_new_mediation(
    qtbot, window: MainWindow, desk_context: AppContext
) -> None:
    case_id = first_case_id(window, "邻居在楼道堆放杂物，影响通行")
    open_detail(qtbot, window, case_id)
    detail = window.cases_page.detail
    keys = Keyboard(qtbot)
    dialog = detail.start_action("to_mediation")
    wait_active(qtbot, dialog)
    with qtbot.waitSignal(dialog.respondent.sig_results, timeout=5_000):
        keys.type("cdm", into=dialog.respondent.edit)  # 陈大明
    keys.press(Qt.Key.Key_Return)
    assert dialog.respondent.person.name == "陈大明"
    dialog.mediator_combo.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.sig_done, timeout=10_000):
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: detail.status_label.text() == "转调解", timeout=10_000)
    links = detail.fact_labels["links"].text()
    assert "调解案件" in links and "人调字第" in links
    assert detail.action_keys() == []  # a terminal status: nothing more to do here


def test_reveal_id_number_is_audited(qtbot, window: MainWindow, desk_context: AppContext) -> None:
    with desk_context.database.transaction() as s:
        actor = desk_context.actor
        person = persons.create_person(
            s, actor=actor, name="郑秀", phone="13900001397", id_number="11010519491231002X"
        )
        case = cases.create_case(
            s, actor=actor, summary="咨询低保申请", requester_id=person.id, grid_id="C1-01"
        )
    open_detail(qtbot, window, case.id)
    detail = window.cases_page.detail
    text = detail.requester_label.text()
    assert "110***********002X" in text and "11010519491231002X" not in text
    dialog = detail.reveal_id()
    wait_active(qtbot, dialog)
    with qtbot.waitSignal(dialog.sig_revealed, timeout=10_000):
        dialog.show_button.click()
    assert dialog.number_label.text() == "11010519491231002X"
    with desk_context.database.read() as s:
        entries = s.query(AuditEntry).filter_by(action="reveal_id_number").all()
    assert [(e.username, e.target_id) for e in entries] == [("jiedai", person.id)]
    assert case.number in entries[0].detail


def test_photos_are_attached_with_thumbnails(
    qtbot, window: MainWindow, desk_context: AppContext, no_receipt, monkeypatch, tmp_path: Path
) -> None:
    photo = tmp_path / "usb" / "楼道照片.png"
    photo.parent.mkdir()
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#8fb3d9"))
    assert image.save(str(photo))
    monkeypatch.setattr("ui.dialogs.new_request_dialog.choose_files", lambda parent: [str(photo)])
    keys = Keyboard(qtbot)
    dialog = new_request(qtbot, window, keys)
    find_resident(qtbot, dialog, keys, "lll")
    keys.type("llj", into=dialog.category_picker.edit)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.grid_picker.value == "C1-01", timeout=5_000)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Return)
    keys.type("楼道堆放杂物", into=dialog.summary_edit)
    with qtbot.waitSignal(dialog.attachments.sig_thumbnails, timeout=5_000) as thumbs:
        keys.press(
            Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    assert thumbs.args == [1]
    assert [p.name for p in dialog.attachments.paths()] == ["楼道照片.png"]
    shot(dialog, "intake-attachment")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10_000) as saved:
        keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case_id = saved.args[0]
    stored = desk_context.data_dir / "attachments" / case_id / "楼道照片.png"
    assert stored.read_bytes() == photo.read_bytes()
    open_detail(qtbot, window, case_id)
    detail = window.cases_page.detail
    qtbot.waitUntil(lambda: detail.attachments.count() == 1, timeout=5_000)
    assert detail.attachments.paths() == [stored]
    assert "附件：楼道照片.png" in detail.timeline.toPlainText()
