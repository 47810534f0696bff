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
    INVESTIGATIONS,
    OUTCOME,
    PARTIES,
    SESSIONS,
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
    qtbot, mediator_context: AppContext, printed: list[tuple[str, str]]
) -> None:
    ctx = mediator_context
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
