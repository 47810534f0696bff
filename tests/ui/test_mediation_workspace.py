"""The mediation workspace (调解) driven like a mediator does, on the demo town.

One dispute end to end — 陆某某 complains that neighbour 陶某某 piles junk on the shared
path: accepted with two parties and a lead mediator, notice given, an investigation and a
session recorded with long text, a written agreement from a clause template with an amount
in capitals, printed, success recorded, a return visit — and the list follows along.
A receptionist is refused. Screenshots go to /tmp/gs-shots/mediation-*.png.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from station.db.database import Database, database_path, open_database
from station.db.models import AuditEntry
from station.domain.enums import MediationStatus
from station.errors import PermissionDenied
from station.services import drafts, mediation
from station.services.events import forget_clocks
from station.services.users import authenticate
from station.settings import load_settings
from ui.context import AppContext
from ui.dialogs.mediation_agreement_dialog import MediationAgreementDialog, parse_yuan
from ui.dialogs.mediation_new_case_dialog import MediationNewCaseDialog
from ui.dialogs.mediation_record_dialog import DRAFT_FORM, MediationRecordDialog
from ui.dialogs.print_preview_dialog import PrintPreviewDialog
from ui.main_window import MEDIATION, MainWindow
from ui.models.mediation_table_model import MediationTableModel
from ui.pages.mediation_detail_page import (
    AGREEMENT,
    BASIC,
    CASE_FILE,
    INVESTIGATIONS,
    OUTCOME,
    PARTIES,
    SESSIONS,
    TIMELINE,
    TRACKING,
    VISITS,
    one_month_after,
)
from ui.pages.mediation_page import MediationPage
from ui.task_runner import TaskRunner

SHOTS = Path("/tmp/gs-shots")
SCREEN = (1366, 768)
MEDIATIONS = 30
PASSWORD = "demo1234"


@pytest.fixture(scope="module")
def town_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from station.demo.town import build_demo_town

    folder = tmp_path_factory.mktemp("mediation_town")
    summary = build_demo_town(folder, cases=100, mediations=MEDIATIONS)
    assert summary.password == PASSWORD
    return database_path(folder)


@pytest.fixture
def town_db(town_file: Path, tmp_path: Path) -> Iterator[Database]:
    shutil.copy(town_file, database_path(tmp_path))
    forget_clocks()
    db = open_database(tmp_path)
    yield db
    db.close()


def login(db: Database, username: str) -> Iterator[AppContext]:
    runner = TaskRunner(database=db)
    with db.transaction() as session:
        actor = authenticate(session, username=username, password=PASSWORD)
        settings = load_settings(session)
    yield AppContext(database=db, runner=runner, actor=actor, settings=settings)
    for top in QApplication.topLevelWidgets():  # no timer may fire once the runner stopped
        for timer in top.findChildren(QTimer):
            timer.stop()
    assert runner.shutdown()


@pytest.fixture
def mediator_context(town_db: Database) -> Iterator[AppContext]:
    yield from login(town_db, "tiaojie")


@pytest.fixture
def clerk_context(town_db: Database) -> Iterator[AppContext]:
    yield from login(town_db, "jiedai")


def idle(qtbot, context: AppContext) -> None:
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=20_000)


def shot(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        QApplication.processEvents()
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def type_chinese(widget: QWidget, text: str) -> None:
    """What a pinyin input method delivers: the committed phrase."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_window(qtbot, context: AppContext) -> MainWindow:
    window = MainWindow(context=context)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    with qtbot.waitSignal(window.mediation_page.sig_loaded, timeout=20_000):
        window.show()
        window.start()
    idle(qtbot, context)
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def submit_and_reload(qtbot, page: MediationPage, dialog, key_widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Enter in ``key_widget``; waits for the save and every reload it caused."""
    with qtbot.waitSignal(dialog.sig_done, timeout=10_000):
        qtbot.keyClick(key_widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, page.context)


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Print buttons recorded; the agreement is really rendered and previewed."""
    from ui.dialogs import print_preview_dialog

    calls: list[tuple[str, str]] = []
    real = print_preview_dialog.open_document_preview

    def record(parent, ctx, kind, number):  # type: ignore[no-untyped-def]
        calls.append((kind, number))
        if kind == "agreement":
            return real(parent, ctx, kind, number)
        return None

    monkeypatch.setattr("ui.pages.mediation_detail_page.open_document_preview", record)
    return calls


# --------------------------------------------------------------------------- end to end


def test_a_neighbour_dispute_from_acceptance_to_return_visit(
    qtbot,
    mediator_context: AppContext,
    printed: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = mediator_context
    asked: list[str] = []

    def answer_yes(parent, *, text, informative="", **_kw):  # type: ignore[no-untyped-def]
        asked.append(f"{text}\n{informative}")
        return True

    monkeypatch.setattr("ui.pages.mediation_detail_page.confirm", answer_yes)
    window = open_window(qtbot, ctx)
    page = window.mediation_page
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == MEDIATION
    assert page.model.rowCount() == MEDIATIONS
    shot(window, "mediation-list")

    # ---- accept the dispute: 陆某某 (a new resident) against 陶某某, two mediators
    with qtbot.waitSignal(page.sig_dialog, timeout=10_000) as opened:
        qtbot.keyClick(
            page,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    dialog: MediationNewCaseDialog = opened.args[0]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5_000)
    assert QApplication.focusWidget() is dialog.lookup.edit
    for name in ("陆某某", "陶某某"):
        with qtbot.waitSignal(dialog.lookup.sig_results, timeout=5_000):
            type_chinese(dialog.lookup.edit, name)
        qtbot.keyClick(dialog.lookup.edit, Qt.Key.Key_Return)  # no match: "new resident"
    assert [r.name for r in dialog.rows] == ["陆某某", "陶某某"]
    assert [p["role"] for p in dialog.parties()] == ["applicant", "respondent"]
    dialog.party_table.item(0, 3).setText("汉族")
    dialog.party_table.item(1, 2).setText("13912345678")
    dialog.party_table.item(1, 5).setText("东街社区文昌巷10号")
    type_chinese(
        dialog.facts_edit, "陶某某在两家共用通道上堆放杂物，陆某某进出不便，多次协商未果。"
    )
    neighbour = dialog.type_combo.findText("邻里")
    dialog.type_combo.setCurrentIndex(neighbour)
    # Mediators: Space ticks the highlighted one; the lead is chosen from those ticked.
    dialog.mediator_list.setFocus()
    dialog.mediator_list.setCurrentRow(1)
    qtbot.keyClick(dialog.mediator_list, Qt.Key.Key_Space)
    first = dialog.mediator_list.item(0).text()
    dialog.check_mediator(first, lead=True)
    ticked = dialog.checked_mediators()
    assert len(ticked) >= 2 and dialog.lead_combo.currentText() == first
    shot(dialog, "mediation-new-case")
    with qtbot.waitSignal(page.detail.sig_loaded, timeout=10_000) as loaded:
        qtbot.keyClick(dialog.facts_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    detail = loaded.args[0]
    assert page.showing_detail
    assert [(p.name, p.role) for p in detail.parties] == [
        ("陆某某", "applicant"),
        ("陶某某", "respondent"),
    ]
    assert detail.mediators[0][1:] == (first, True)
    assert detail.parties[0].ethnicity == "汉族"
    assert detail.parties[1].address == "东街社区文昌巷10号"
    assert page.detail.party_table.item(1, 6).text() == "139****5678"  # masked on screen
    idle(qtbot, ctx)
    assert page.model.rowCount() == MEDIATIONS + 1  # the list followed
    number = detail.number

    # ---- the rights notice
    with qtbot.waitSignal(page.detail.sig_loaded, timeout=10_000) as loaded:
        qtbot.mouseClick(page.detail.notice_button, Qt.MouseButton.LeftButton)
    assert loaded.args[0].notice_given_on == date.today()

    # ---- an investigation, long text typed comfortably
    long_text = ("问：杂物堆放在通道上多久了？\n答：大约两个月，我跟他说过好几次。\n" * 100)[:3000]
    page.detail.tabs.setCurrentIndex(INVESTIGATIONS)
    with qtbot.waitSignal(page.detail.sig_dialog, timeout=5_000) as opened:
        page.detail.start_record("investigation")
    record: MediationRecordDialog = opened.args[0]
    assert QApplication.focusWidget() is record.body_edit
    record.body_edit.setPlainText(long_text)
    qtbot.keyClick(record.body_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(record.body_edit, "OK")
    assert record.count_label.text() == "3002 个字"
    submit_and_reload(qtbot, page, record, record.body_edit)
    assert page.detail.investigation_list.count() == 1
    assert long_text + "OK" in page.detail.investigation_text.toPlainText()

    # ---- a session: the draft survives until saved
    with qtbot.waitSignal(page.detail.sig_dialog, timeout=5_000) as opened:
        page.detail.start_record("session")
    record = opened.args[0]
    type_chinese(record.body_edit, "双方陈述意见。" * 300)
    type_chinese(record.result_edit, "陶某某同意三日内清理杂物")
    record.save_draft()
    idle(qtbot, ctx)
    found = drafts.list_drafts(data_dir=ctx.data_dir, form=DRAFT_FORM)
    assert [d.draft_id for d in found] == [record.draft_id]
    submit_and_reload(qtbot, page, record, record.result_edit)
    idle(qtbot, ctx)
    assert drafts.list_drafts(data_dir=ctx.data_dir, form=DRAFT_FORM) == []
    assert page.detail.session_list.count() == 1
    assert page.detail.view.detail.status == MediationStatus.IN_PROGRESS.value

    # ---- the agreement from the neighbour-obstruction template, with an amount
    page.detail.tabs.setCurrentIndex(AGREEMENT)
    with qtbot.waitSignal(page.detail.sig_dialog, timeout=5_000) as opened:
        qtbot.mouseClick(page.detail.edit_agreement_button, Qt.MouseButton.LeftButton)
    agreement: MediationAgreementDialog = opened.args[0]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is agreement, timeout=5_000)
    editor = agreement.terms_editor
    assert editor.template_combo.currentData() == "obstruction"  # offered first for 邻里
    agreement.deadline_check.setChecked(True)
    agreement.deadline_edit.setDate(date.today())
    qtbot.keyClicks(agreement.amount_edit, "1234.5")
    assert agreement.capitals_label.text() == "人民币壹仟贰佰叁拾肆元伍角整"
    qtbot.mouseClick(editor.template_button, Qt.MouseButton.LeftButton)
    assert len(editor.edits) == 4
    assert editor.terms()[0].startswith("陶某某于")
    assert agreement.method_edit.text() == "陶某某自行清理，调解员到场查看清理结果。"
    # Keyboard: a fifth term, moved up, then removed again.
    qtbot.keyClick(editor.edits[-1], Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(editor.edits) == 5)  # a shortcut "clicks" a moment later
    type_chinese(editor.edits[-1], "陆某某不再追究。")
    qtbot.keyClick(editor.edits[-1], Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.terms()[3] == "陆某某不再追究。"
    qtbot.keyClick(editor.edits[3], Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(editor.edits) == 4
    shot(agreement, "mediation-agreement-editor")
    submit_and_reload(qtbot, page, agreement, editor.edits[0])
    saved = page.detail.view.detail
    assert saved.amount_fen == 123_450 and len(saved.terms) == 4
    shown = page.detail.agreement_text.toPlainText()
    assert "人民币1,234.50元（大写：人民币壹仟贰佰叁拾肆元伍角整）" in shown
    assert "四、双方今后互谅互让" in shown
    shot(window, "mediation-detail-agreement")

    # ---- printed: the agreement's own text comes back out of the PDF
    qtbot.mouseClick(page.detail.print_agreement_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.findChild(PrintPreviewDialog) is not None, timeout=20_000)
    preview = page.detail.findChild(PrintPreviewDialog)
    pdf_text = preview.document.getAllText(0).text().replace("\n", "").replace(" ", "")
    assert "陶某某" in pdf_text and "清理" in pdf_text
    preview.close()

    # ---- success, then the return visit (keys: 1 = written agreement, 3 = performed)
    with qtbot.waitSignal(page.detail.sig_dialog, timeout=5_000) as opened:
        qtbot.mouseClick(page.detail.outcome_button, Qt.MouseButton.LeftButton)
    outcome = opened.args[0]
    qtbot.keyClick(outcome, Qt.Key.Key_1)
    with qtbot.waitSignal(outcome.sig_done, timeout=10_000):
        qtbot.keyClick(outcome.buttons["written"], Qt.Key.Key_Return)
    idle(qtbot, ctx)
    assert page.detail.outcome_labels["status"].text() == "调解成功"
    with qtbot.waitSignal(page.detail.sig_dialog, timeout=5_000) as opened:
        qtbot.mouseClick(page.detail.add_visit_button, Qt.MouseButton.LeftButton)
    visit = opened.args[0]
    qtbot.keyClick(visit, Qt.Key.Key_3)
    type_chinese(visit.notes_edit, "通道已清理干净，双方满意。")
    submit_and_reload(qtbot, page, visit, visit.notes_edit)
    final = page.detail.view.detail
    assert (final.status, final.performance_status) == ("succeeded", "performed")
    assert page.detail.visit_table.rowCount() == 1
    page.detail.tabs.setCurrentIndex(BASIC)
    shot(window, "mediation-detail")
    page.detail.tabs.setCurrentIndex(PARTIES)
    shot(window, "mediation-detail-parties")
    page.detail.tabs.setCurrentIndex(SESSIONS)
    shot(window, "mediation-detail-sessions")
    page.detail.tabs.setCurrentIndex(OUTCOME)
    shot(window, "mediation-detail-outcome")
    # The case file says what it lacks before it prints (the agreement date was left open).
    missing = [i.title for i in page.detail.view.checklist if i.blocking]
    assert missing and all(name in page.detail.archive_state.text() for name in missing)

    # ---- printing each form goes through the preview with this case's number
    for name in ("print_registration", "print_notice", "print_application"):
        button = page.detail.findChild(QWidget, name)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.detail.case_file_button, Qt.MouseButton.LeftButton)
    assert [k for k, n in printed if n == number] == [
        "agreement",
        "registration",
        "notice",
        "application",
        "case-file",
    ]
    assert asked and asked[-1].startswith("卷宗还不齐全")
    assert all(name in asked[-1] for name in missing)

    # ---- back to the list: the case shows as settled, and the status filter finds it
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5_000)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(page.detail, Qt.Key.Key_Escape)
    assert not page.showing_detail
    idle(qtbot, ctx)
    row = page.model.row_at(page.model.row_of(final.id))
    assert (row.status_label, row.lead_mediator) == ("调解成功", first)
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.status_combo.setCurrentIndex(page.status_combo.findData("succeeded"))
    assert {page.model.row_at(r).status for r in range(page.model.rowCount())} == {"succeeded"}
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        type_chinese(page.search_edit, "文昌巷不存在的词")
        page.search_now()
    assert page.stack.currentWidget() is page.empty_label
    assert "没有符合条件的调解案件" in page.empty_label.text()
    for top in QApplication.topLevelWidgets():
        if isinstance(top, PrintPreviewDialog):
            top.close()


def test_validation_messages_stay_next_to_the_fields(qtbot, mediator_context: AppContext) -> None:
    page = MediationPage(context=mediator_context)
    qtbot.addWidget(page)
    page.resize(*SCREEN)
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.show()
        page.start()
    idle(qtbot, mediator_context)
    dialog = page.new_case()
    assert dialog is not None
    dialog.check_mediator(dialog.mediator_list.item(0).text(), lead=True)
    with qtbot.waitSignal(mediator_context.runner.sig_task_done, timeout=10_000):
        dialog.submit()
    assert dialog.errors.messages() == {"parties": "至少需要一位申请人和一位被申请人"}
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("referral"))
    assert dialog.referring_edit.isEnabled()
    # Esc with something typed asks first (the box is answered "keep editing" here).
    type_chinese(dialog.facts_edit, "事实")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()

    # The agreement's amount is checked before anything is saved.
    assert parse_yuan("5,000.5元") == 500_050
    assert parse_yuan("") is None
    with pytest.raises(Exception, match="金额"):
        parse_yuan("五千")


def test_receptionist_is_refused(qtbot, clerk_context: AppContext, town_db: Database) -> None:
    page = MediationPage(context=clerk_context)
    qtbot.addWidget(page)
    page.show()
    page.start()
    idle(qtbot, clerk_context)
    assert page.stack.currentWidget() is page.empty_label
    assert "只有调解员和驿站管理员" in page.empty_label.text()
    assert not page.new_button.isEnabled() and page.new_case() is None
    with town_db.read() as s:
        some_id = mediation.list_mediations(s)[0].id
        with pytest.raises(PermissionDenied):
            mediation.get_mediation(s, mediation_id=some_id, actor=clerk_context.actor)


def test_table_model_passes_the_model_tester(qtmodeltester, town_db: Database) -> None:
    model = MediationTableModel()
    with town_db.read() as s:
        model.set_rows(mediation.list_mediations(s, limit=100))
    assert model.rowCount() == MEDIATIONS
    qtmodeltester.check(model)


def test_one_month_timer() -> None:
    assert one_month_after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert one_month_after(date(2026, 12, 5)) == date(2027, 1, 5)


# --------------------------------------------------------------------------- from a work order


def test_a_work_order_handed_to_mediation_followed_to_the_archive(
    qtbot, mediator_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's story: 陆某某 complains that 陶某某 piles junk on the shared path; the grid
    worker's work order is handed to mediation; a session; 陶某某 agrees to move it within 3
    days; the agreement is printed and read back; a return visit finds it performed; then
    court confirmation, the case file, the archive lock and a reopen with a reason."""
    from datetime import timedelta

    from station.services import cases, persons
    from ui.main_window import CASES

    ctx = mediator_context
    today = date.today()
    asked: list[str] = []

    def answer_yes(parent, *, text, informative="", **_kw):  # type: ignore[no-untyped-def]
        asked.append(f"{text}\n{informative}")
        return True

    monkeypatch.setattr("ui.pages.mediation_detail_page.confirm", answer_yes)
    with ctx.database.transaction() as s:  # the grid worker records the complaint on a visit
        grid_worker = authenticate(s, username="wangge", password=PASSWORD)
        lu = persons.create_person(s, actor=grid_worker, name="陆某某", phone="13912340001")
        order = cases.create_case(
            s,
            actor=grid_worker,
            channel="grid_visit",
            summary="邻居陶某某在共用通道上堆放杂物",
            description="陆某某反映：陶某某长期在两家共用的通道上堆放木料和杂物，进出不便。",
            requester_id=lu.id,
        )
        my_roster_id = mediation.my_roster_id(s, actor=ctx.actor)
    window = open_window(qtbot, ctx)
    window.open_case(order.id)
    detail = window.cases_page.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.detail.id == order.id)

    # ---- 转调解 from the work order: 陶某某 is new to the register
    handover = detail.start_action("to_mediation")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is handover, timeout=5_000)
    with qtbot.waitSignal(handover.respondent.sig_results, timeout=5_000):
        type_chinese(handover.respondent.edit, "陶某某")
    qtbot.keyClick(handover.respondent.edit, Qt.Key.Key_Return)
    assert handover.new_respondent_name == "陶某某"
    handover.mediator_combo.setCurrentIndex(handover.mediator_combo.findData(my_roster_id))
    handover.type_combo.setCurrentIndex(handover.type_combo.findText("邻里"))
    with qtbot.waitSignal(handover.sig_done, timeout=10_000):
        qtbot.keyClick(handover.facts_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "人调字第" in detail.fact_labels["links"].text(), timeout=10_000)
    shot(window, "mediation-from-work-order")

    # ---- click-through: work order -> mediation case -> work order -> back
    page = window.mediation_page
    (mediation_id,) = [link.id for link in detail.view.links if link.kind == "mediation"]
    with qtbot.waitSignal(page.detail.sig_loaded, timeout=10_000) as loaded:
        detail.fact_labels["links"].linkActivated.emit(f"mediation:{mediation_id}")
    assert window.pages.currentIndex() == MEDIATION and page.showing_detail
    case = loaded.args[0]
    assert [(p.name, p.role) for p in case.parties] == [
        ("陆某某", "applicant"),
        ("陶某某", "respondent"),
    ]
    assert order.number in page.detail.case_link.text()
    page.detail.case_link.linkActivated.emit(f"case:{order.id}")
    assert window.pages.currentIndex() == CASES
    with qtbot.waitSignal(page.detail.sig_loaded, timeout=10_000):
        window.open_mediation(mediation_id)
    d = page.detail
    assert d.timer_label.isVisible() and d.timer_label.property("state") == "on_time"

    # ---- a session, then the agreement: move the junk within 3 days
    d.record_notice()
    idle(qtbot, ctx)
    with qtbot.waitSignal(d.sig_dialog, timeout=5_000) as opened:
        d.start_record("session")
    record: MediationRecordDialog = opened.args[0]
    type_chinese(record.place_edit, "东街社区调解室")
    type_chinese(record.body_edit, "陆某某陈述：通道被堵两个月。陶某某表示木料暂时没有地方放。")
    type_chinese(record.result_edit, "陶某某同意三日内搬走杂物")
    submit_and_reload(qtbot, page, record, record.result_edit)
    deadline = today + timedelta(days=3)
    with qtbot.waitSignal(d.sig_dialog, timeout=5_000) as opened:
        d.edit_agreement()
    agreement: MediationAgreementDialog = opened.args[0]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is agreement, timeout=5_000)
    agreement.deadline_check.setChecked(True)
    agreement.deadline_edit.setDate(deadline)
    qtbot.mouseClick(agreement.terms_editor.template_button, Qt.MouseButton.LeftButton)
    agreement.terms_editor.edits[0].setPlainText(
        f"陶某某于{deadline.year}年{deadline.month}月{deadline.day}日前将堆放在共用通道上的"
        "杂物全部搬走，保持通道畅通。"
    )
    submit_and_reload(qtbot, page, agreement, agreement.terms_editor.edits[0])
    assert d.view.detail.effective_on == today  # signed today, effective when signed

    # ---- printed through the preview: the agreement's own words come back out of the PDF
    d.tabs.setCurrentIndex(AGREEMENT)
    qtbot.mouseClick(d.print_agreement_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.findChild(PrintPreviewDialog) is not None, timeout=20_000)
    preview = d.findChild(PrintPreviewDialog)
    qtbot.waitUntil(lambda: preview.document.pageCount() > 0, timeout=20_000)
    text = "".join(
        preview.document.getAllText(n).text() for n in range(preview.document.pageCount())
    )
    text = text.replace("\n", "").replace(" ", "")
    assert "人民调解协议书" in text and case.number in text
    assert "陆某某" in text and "陶某某" in text
    assert (
        f"陶某某于{deadline.year}年{deadline.month}月{deadline.day}日前将堆放在共用通道上的" in text
    )
    preview.close()

    # ---- success; performance is tracked with a countdown to the deadline
    with qtbot.waitSignal(d.sig_dialog, timeout=5_000) as opened:
        d.record_outcome()
    outcome = opened.args[0]
    outcome.buttons["written"].setChecked(True)
    outcome.criminal_check.setChecked(True)
    outcome.criminal_persons.setValue(2)
    with qtbot.waitSignal(outcome.sig_done, timeout=10_000):
        qtbot.keyClick(outcome.buttons["written"], Qt.Key.Key_Return)
    idle(qtbot, ctx)
    assert d.view.detail.prevented_criminal_persons == 2
    assert not d.timer_label.isVisible()  # the one-month timer stops once the case ends
    d.tabs.setCurrentIndex(TRACKING)
    assert d.performance_badge.text() == "剩3天" or "3" in d.performance_badge.text()
    assert d.note_button.isEnabled()
    d.note_status.setCurrentIndex(d.note_status.findData("partial"))
    d.note_text.setText("已搬走一半，剩余木料周末搬。")
    with qtbot.waitSignal(d.sig_loaded, timeout=10_000):
        qtbot.keyClick(d.note_text, Qt.Key.Key_Return)
    assert d.note_table.rowCount() == 1 and d.note_table.item(0, 1).text() == "部分履行"
    # The 30-day court-confirmation window counts down from the agreement's effect.
    assert d.court_badge.isVisible() and "30" in d.court_badge.text()
    d.court_combo.setCurrentIndex(d.court_combo.findData("applied"))
    d.court_applied.setDate(today)
    with qtbot.waitSignal(d.sig_loaded, timeout=10_000):
        qtbot.mouseClick(d.court_button, Qt.MouseButton.LeftButton)
    assert d.view.detail.court_confirmation == "applied"
    assert not d.court_badge.isVisible()
    shot(window, "mediation-detail-tracking")

    # ---- the return visit: performed, satisfied, no lawsuit, no risk
    with qtbot.waitSignal(d.sig_dialog, timeout=5_000) as opened:
        d.add_visit()
    visit = opened.args[0]
    qtbot.keyClick(visit, Qt.Key.Key_3)
    type_chinese(visit.notes_edit, "通道已清理干净，双方满意。")
    visit.satisfaction_combo.setCurrentIndex(visit.satisfaction_combo.findData("satisfied"))
    visit.risk_combo.setCurrentIndex(visit.risk_combo.findData("none"))
    shot(visit, "mediation-visit-dialog")
    submit_and_reload(qtbot, page, visit, visit.notes_edit)
    final = d.view.detail
    assert final.performance_status == "performed"
    assert d.visit_table.item(0, 3).text() == "满意" and d.visit_table.item(0, 4).text() == "否"
    d.tabs.setCurrentIndex(VISITS)
    shot(window, "mediation-detail-visits")

    # ---- the case file: complete, printed whole, archived and locked
    d.tabs.setCurrentIndex(CASE_FILE)
    states = {i.key: i.state for i in d.view.checklist}
    assert states["agreement"] == "present" and states["visit"] == "present"
    assert not [i for i in d.view.checklist if i.blocking], d.archive_state.text()
    assert d.archive_state.text() == "卷宗已齐全。"
    shot(window, "mediation-detail-case-file")
    with qtbot.waitSignal(d.sig_loaded, timeout=10_000):
        qtbot.mouseClick(d.archive_button, Qt.MouseButton.LeftButton)
    assert asked[-1].startswith(f"归档 {final.number}")
    assert d.view.detail.archived and d.archived_label.isVisible()
    assert not d.edit_agreement_button.isEnabled() and not d.add_visit_button.isEnabled()
    assert d.reopen_button.isVisible()
    shot(window, "mediation-detail-archived")
    # The service refuses a change even if a button were reached somehow.
    d.note_button.setEnabled(True)
    d.note_status.setEnabled(True)
    d.note_text.setEnabled(True)
    d.note_text.setText("再次记录")
    d.note_performance()
    qtbot.waitUntil(lambda: not d.note_error.isHidden(), timeout=10_000)
    assert "已归档" in d.note_error.text()
    # Reopen: the reason is required, kept and audited.
    d.reopen_edit.setText("陆某某反映又有杂物，补充回访")
    with qtbot.waitSignal(d.sig_loaded, timeout=10_000):
        qtbot.mouseClick(d.reopen_button, Qt.MouseButton.LeftButton)
    assert not d.view.detail.archived and d.edit_agreement_button.isEnabled()
    assert "补充回访" in d.archive_state.text()
    with ctx.database.read() as s:
        actions = [
            a.action for a in s.query(AuditEntry).filter(AuditEntry.target_id == final.number).all()
        ]
    assert "mediation_archive" in actions and "mediation_reopen" in actions

    # ---- the timeline tells the whole story
    d.tabs.setCurrentIndex(TIMELINE)
    whats = [d.timeline_table.item(r, 2).text() for r in range(d.timeline_table.rowCount())]
    for step in ("受理", "调解记录", "记录协议", "调解成功", "记录履行情况", "司法确认", "回访"):
        assert step in whats, (step, whats)
    assert whats[0] == "重新打开"  # newest first
    shot(window, "mediation-detail-timeline")

    # ---- the list: my cases, and what needs attention
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5_000)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert not page.showing_detail
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.mine_check.setChecked(True)
    mine = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert final.id in {r.id for r in mine}
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.flag_combo.setCurrentIndex(page.flag_combo.findData("awaiting_visit"))
    assert final.id not in {page.model.row_at(r).id for r in range(page.model.rowCount())}
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        page.mine_check.setChecked(False)
    awaiting = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert all(r.awaiting_visit and r.status == "succeeded" for r in awaiting)
    assert all("待回访" in page.model.flags_text(r) for r in awaiting)
    shot(window, "mediation-list-filtered")


def test_admin_sets_which_case_file_documents_are_required(qtbot, town_db: Database) -> None:
    from ui.widgets.case_file_checklist_section import CaseFileChecklistSection

    for ctx in login(town_db, "admin"):
        window = MainWindow(context=ctx)
        qtbot.addWidget(window)
        section = window.case_file_section
        assert window.settings_page.section("调解卷宗") is section
        qtbot.waitUntil(lambda s=section: bool(s.combos), timeout=10_000)
        combo = section.combos["investigation"]
        assert combo.currentData() == "as_needed"
        combo.setCurrentIndex(combo.findData("required"))
        with qtbot.waitSignal(section.sig_saved, timeout=10_000):
            section.save_button.click()
        assert section.status_label.text().startswith("已保存")
        window.show_area(4)
        window.resize(*SCREEN)
        window.settings_page.tabs.setCurrentWidget(section)
        window.show()
        shot(window, "mediation-settings-checklist")
        with town_db.read() as s:
            marks = {m.key: m.mark for m in mediation.list_checklist_marks(s)}
        assert marks["investigation"] == "required"
        window.close()
        assert isinstance(section, CaseFileChecklistSection)
    # A mediator has no such tab (the service would refuse anyway).
    for ctx in login(town_db, "tiaojie"):
        window = MainWindow(context=ctx)
        qtbot.addWidget(window)
        assert window.settings_page.section("调解卷宗") is None
        window.close()


def test_parties_and_mediators_edited_in_place(
    qtbot, mediator_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = mediator_context
    monkeypatch.setattr("ui.pages.mediation_detail_page.confirm", lambda *a, **k: True)
    with ctx.database.read() as s:
        row = mediation.list_mediations(s, status="in_progress")[0]
    page = MediationPage(context=ctx)
    qtbot.addWidget(page)
    page.resize(*SCREEN)
    page.show()
    with qtbot.waitSignal(page.detail.sig_loaded, timeout=10_000):
        page.open_mediation(row.id)
    d = page.detail
    d.tabs.setCurrentIndex(PARTIES)
    before = len(d.view.detail.parties)

    # a third party, new to the register, with a legal guardian
    with qtbot.waitSignal(d.sig_dialog, timeout=5_000) as opened:
        qtbot.mouseClick(d.add_party_button, Qt.MouseButton.LeftButton)
    dialog = opened.args[0]
    with qtbot.waitSignal(dialog.lookup.sig_results, timeout=5_000):
        type_chinese(dialog.lookup.edit, "邱某某")
    qtbot.keyClick(dialog.lookup.edit, Qt.Key.Key_Return)
    dialog.agent_edit.setText("邱父")
    dialog.agent_kind_combo.setCurrentIndex(dialog.agent_kind_combo.findData("legal"))
    with (
        qtbot.waitSignal(d.sig_loaded, timeout=10_000),
        qtbot.waitSignal(dialog.sig_done, timeout=10_000),
    ):
        qtbot.keyClick(dialog.agent_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    parties = d.view.detail.parties
    assert len(parties) == before + 1 and parties[-1].name == "邱某某"
    assert d.party_table.item(before, 7).text() == "法定代理人：邱父"
    shot(page, "mediation-detail-parties-edited")

    # and off again
    d.party_table.selectRow(before)
    with qtbot.waitSignal(d.sig_loaded, timeout=10_000):
        qtbot.mouseClick(d.remove_party_button, Qt.MouseButton.LeftButton)
    assert len(d.view.detail.parties) == before

    # the mediators: a second one ticked, and made the lead
    with qtbot.waitSignal(d.sig_dialog, timeout=10_000) as opened:
        qtbot.mouseClick(d.edit_mediators_button, Qt.MouseButton.LeftButton)
    mediators = opened.args[0]
    current = {name for _id, name, _lead in d.view.detail.mediators}
    other = next(
        mediators.mediator_list.item(r).text()
        for r in range(mediators.mediator_list.count())
        if mediators.mediator_list.item(r).text() not in current
    )
    mediators.check(other)
    mediators.lead_combo.setCurrentIndex(mediators.lead_combo.findText(other))
    with (
        qtbot.waitSignal(d.sig_loaded, timeout=10_000),
        qtbot.waitSignal(mediators.sig_done, timeout=10_000),
    ):
        qtbot.keyClick(
            mediators.mediator_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert d.view.detail.mediators[0][1:] == (other, True)
    assert other in d.mediators_label.text()


def test_agreement_text_survives_a_crash(qtbot, mediator_context: AppContext) -> None:
    from ui.dialogs.mediation_agreement_dialog import DRAFT_FORM as AGREEMENT_DRAFTS

    ctx = mediator_context
    with ctx.database.read() as s:
        row = mediation.list_mediations(s, status="in_progress")[0]
    page = MediationPage(context=ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.detail.sig_loaded, timeout=10_000):
        page.open_mediation(row.id)
    d = page.detail
    with qtbot.waitSignal(d.sig_dialog, timeout=5_000) as opened:
        d.edit_agreement()
    dialog: MediationAgreementDialog = opened.args[0]
    long_term = "被申请人于每月五日前支付赡养费人民币捌佰元，直至另有约定。" * 40
    dialog.terms_editor.set_terms([long_term, "双方互谅互让。"])
    dialog.method_edit.setText("银行转账")
    dialog.save_draft()
    idle(qtbot, ctx)
    assert [x.draft_id for x in drafts.list_drafts(data_dir=ctx.data_dir, form=AGREEMENT_DRAFTS)]
    # The PC dies: the dialog goes without saving or discarding anything.
    dialog._draft_timer.stop()
    dialog.hide()
    dialog.deleteLater()
    with qtbot.waitSignal(d.sig_dialog, timeout=5_000) as opened:
        d.edit_agreement()
    again: MediationAgreementDialog = opened.args[0]
    assert again.terms_editor.terms() == [long_term, "双方互谅互让。"]
    assert again.method_edit.text() == "银行转账"
    assert again.draft_label.text().startswith("已恢复")
    submit_and_reload(qtbot, page, again, again.terms_editor.edits[0])
    idle(qtbot, ctx)
    assert d.view.detail.terms == (long_term, "双方互谅互让。")
    assert drafts.list_drafts(data_dir=ctx.data_dir, form=AGREEMENT_DRAFTS) == []
