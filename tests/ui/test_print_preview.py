"""The print preview dialog: rendered off the GUI thread, then shown, zoomed, printed, saved."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageSize
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from sqlalchemy import select

from station.db.models import AuditEntry, Case, MediationCase, Person
from station.documents import render as render_pdf
from station.documents import samples
from station.services.documents import PRINT_ACTION
from ui.context import AppContext
from ui.dialogs.print_preview_dialog import PrintPreviewDialog, open_document_preview
from ui.main_window import MainWindow
from ui.models.case_table_model import CaseTableModel


@pytest.fixture(scope="module")
def receipt_pdf() -> bytes:
    return render_pdf("receipt", samples.sample_receipt())


@pytest.fixture(scope="module")
def case_file_pdf() -> bytes:
    return render_pdf("case-file", samples.sample_case_file())


@pytest.fixture
def dialog(qtbot, case_file_pdf: bytes) -> PrintPreviewDialog:
    preview = PrintPreviewDialog(
        pdf=case_file_pdf,
        title="人民调解卷宗 （2026）城东人调字第12号",
        file_name="case-file-（2026）城东人调字第12号.pdf",
    )
    qtbot.addWidget(preview)
    preview.resize(800, 900)
    with qtbot.waitActive(preview):  # shortcuts reach the active window only
        preview.show()
    return preview


def receipt_number(context: AppContext) -> str:
    with context.database.read() as s:
        return s.scalar(
            select(Case.number)
            .join(Person, Person.id == Case.requester_id)
            .where(Case.category_id.is_not(None))
            .order_by(Case.number)
            .limit(1)
        )


def open_preview(
    qtbot, context: AppContext, parent: QWidget, kind: str, number: str
) -> PrintPreviewDialog | None:
    with qtbot.waitSignal(context.runner.sig_task_done, timeout=20_000):
        open_document_preview(parent, context, kind, number)
    return parent.findChild(PrintPreviewDialog)


def has_ink(widget: QWidget) -> bool:
    """True once the view shows rendered page content (QPdfView renders asynchronously)."""
    image = widget.grab().toImage()
    return any(
        image.pixelColor(x, y).value() < 100
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    )


# --------------------------------------------------------------------------- from the database


def test_opens_a_rendered_receipt_from_the_database(
    qtbot, demo_context: AppContext, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    number = receipt_number(demo_context)
    preview = open_preview(qtbot, demo_context, parent, "receipt", number)
    assert preview is not None and preview.isVisible()
    assert preview.page_count == 1
    assert preview.page_label.text() == "第 1 页，共 1 页"
    assert preview.windowTitle() == f"打印预览 — 受理回执 {number}"
    assert preview.file_name == f"receipt-{number}.pdf"
    assert number in PdfReader(io.BytesIO(preview.pdf)).pages[0].extract_text()
    assert parent.cursor().shape() != Qt.CursorShape.BusyCursor
    with demo_context.database.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == PRINT_ACTION)).one()
    assert (entry.username, entry.target_id) == (demo_context.actor.username, number)
    qtbot.waitUntil(lambda: has_ink(preview.view), timeout=5_000)
    preview.close()


def test_errors_are_shown_and_no_dialog_opens(
    qtbot, demo_context: AppContext, message_boxes
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert open_preview(qtbot, demo_context, parent, "receipt", "XX01-20000101-001") is None
    (box,) = message_boxes
    assert box.text == "没有编号为 XX01-20000101-001 的工单"
    with demo_context.database.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == PRINT_ACTION)).all() == []


def test_missing_data_names_it(qtbot, demo_context: AppContext, message_boxes) -> None:
    with demo_context.database.read() as s:
        number = s.scalar(
            select(MediationCase.number).where(MediationCase.agreement_form != "oral").limit(1)
        )
    parent = QWidget()
    qtbot.addWidget(parent)
    assert open_preview(qtbot, demo_context, parent, "oral-agreement", number) is None
    (box,) = message_boxes
    assert box.text.startswith("无法生成《人民调解口头协议登记表》：缺少")


# --------------------------------------------------------------------------- viewing


def test_page_count_and_navigation(qtbot, dialog: PrintPreviewDialog) -> None:
    count = dialog.page_count
    assert count >= 8
    assert dialog.page_label.text() == f"第 1 页，共 {count} 页"
    assert not dialog.previous_action.isEnabled()
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    assert dialog.current_page() == 1
    assert dialog.page_label.text() == f"第 2 页，共 {count} 页"
    dialog.go_to_page(count + 5)  # clamped
    assert dialog.current_page() == count - 1 and not dialog.next_action.isEnabled()
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageUp)
    assert dialog.current_page() == count - 2


def test_zoom(qtbot, dialog: PrintPreviewDialog) -> None:
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    fitted = dialog.zoom_factor()
    assert 0.3 < fitted < 3
    qtbot.keyClick(dialog.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = dialog.view.zoomFactor()
    assert bigger > fitted
    assert dialog.zoom_label.text() == f"{round(bigger * 100)}%"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomFactor() < bigger
    for _ in range(30):
        dialog.zoom_out()
    assert dialog.view.zoomFactor() == 0.25  # the smallest step, not zero
    dialog.fit_width()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.zoom_label.text() == f"{round(fitted * 100)}%"


def test_escape_closes(qtbot, dialog: PrintPreviewDialog) -> None:
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# --------------------------------------------------------------------------- files and printing


def test_save_as_writes_the_pdf(
    qtbot, dialog: PrintPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_save(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(tmp_path / "卷宗"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    qtbot.keyClick(dialog.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = tmp_path / "卷宗.pdf"  # the suffix is added
    assert saved.read_bytes() == dialog.pdf
    assert len(PdfReader(saved).pages) == dialog.page_count
    assert asked[0].endswith("case-file-（2026）城东人调字第12号.pdf")
    assert dialog.saved_path == saved and "卷宗.pdf" in dialog.status_label.text()


def test_save_as_cancelled(dialog: PrintPreviewDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    assert dialog.save_as() is None and dialog.saved_path is None


def test_print_to_a_pdf_printer(dialog: PrintPreviewDialog, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert dialog.print_to(printer) == 2
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4, as the document


def test_ctrl_p_asks_for_the_printer_then_prints(
    qtbot, receipt_pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = PrintPreviewDialog(pdf=receipt_pdf, title="受理回执", file_name="r.pdf")
    qtbot.addWidget(preview)
    with qtbot.waitActive(preview):
        preview.show()
    out = tmp_path / "receipt-printed.pdf"
    seen: dict[str, object] = {}

    def fake_exec(print_dialog: QPrintDialog) -> int:
        printer = print_dialog.printer()
        seen["paper"] = printer.pageLayout().pageSize().id()
        seen["max"] = print_dialog.maxPage()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setCopyCount(2)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    qtbot.keyClick(preview.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert seen == {"paper": QPageSize.PageSizeId.A5, "max": 1}  # the receipt's own paper
    assert len(PdfReader(out).pages) == 2  # two copies


def test_print_cancelled(dialog: PrintPreviewDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected.value)
    assert dialog.print_document() is False


def test_open_in_the_system_viewer(
    dialog: PrintPreviewDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    path = dialog.open_in_viewer()
    assert path is not None and path.read_bytes() == dialog.pdf
    assert path.parent == tmp_path / "grid-station-preview"
    assert opened == [QUrl.fromLocalFile(str(path))]


def test_no_pdf_viewer(
    dialog: PrintPreviewDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.warning",
        staticmethod(lambda parent, title, text: warned.append(text)),
    )
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert dialog.open_in_viewer() is None
    assert warned and "没有找到可以打开 PDF 文件的程序" in warned[0]


# --------------------------------------------------------------------------- main window


def test_main_window_prints_the_selected_case_with_ctrl_p(qtbot, demo_context: AppContext) -> None:
    window = MainWindow(context=demo_context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.cases_page.model.sig_loaded, timeout=20_000):
        window.show()
        window.start()
    qtbot.waitUntil(lambda: not demo_context.runner.busy, timeout=20_000)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.print_receipt()  # nothing selected yet
    assert "请先在工单列表中选中一张工单" in window.statusBar().currentMessage()
    assert window.findChild(PrintPreviewDialog) is None

    table, model = window.cases_page.table, window.cases_page.model
    with demo_context.database.read() as s:
        printable = set(
            s.scalars(
                select(Case.number).where(
                    Case.requester_id.is_not(None), Case.category_id.is_not(None)
                )
            )
        )
    row = next(
        r
        for r in range(model.rowCount())
        if model.data(model.index(r, CaseTableModel.NUMBER)) in printable
    )
    table.selectRow(row)
    number = model.data(model.index(row, CaseTableModel.NUMBER))
    with qtbot.waitSignal(demo_context.runner.sig_task_done, timeout=20_000):
        qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = window.findChild(PrintPreviewDialog)
    assert preview is not None and number in preview.windowTitle()
    assert window.print_receipt_action in table.actions()  # also on the right-click menu
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    preview.close()
