"""Print preview: any screen shows a generated PDF, then prints, saves or opens it.

    open_document_preview(self, context, "receipt", "XX01-20260305-007")

renders the document on the task runner (a write op: printing is audited) and opens
:class:`PrintPreviewDialog` when the PDF is ready; errors (an unknown number, a form whose
data is missing) reach the person through :func:`ui.errors.show_exception`.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QResizeEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.errors import show_exception
from ui.task_runner import DbSession, Task

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
PRINT_DPI = 300  # pages are rasterised for the printer: sharp text, images of a few MB
VIEWER_FOLDER = "grid-station-preview"
VIEWER_KEEP_SECONDS = 12 * 3600  # copies handed to the system viewer are removed after this


class PrintPreviewDialog(QDialog):
    """A PDF with zoom, page navigation, print, save as PDF and open in the system viewer.

    Keys: Ctrl+P print, Ctrl+S save, Ctrl++ / Ctrl+- zoom, Ctrl+0 fit width, PgUp/PgDn
    previous/next page, Esc close. The PDF is passed in as bytes (render it off the GUI
    thread, e.g. with :func:`open_document_preview`); nothing here touches the database.
    """

    def __init__(
        self,
        *,
        pdf: bytes,
        title: str,
        file_name: str = "document.pdf",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", title))
        self.pdf = bytes(pdf)
        self.file_name = file_name
        self.saved_path: Path | None = None

        # QPdfDocument reads from the device as it needs pages: the buffer lives with us.
        self._data = QByteArray(self.pdf)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.navigator = self.view.pageNavigator()
        self.navigator.currentPageChanged.connect(self._update_page_label)

        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("400%") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")

        toolbar = QToolBar(self)
        toolbar.setObjectName("previewToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = self._action(
            toolbar, self.tr("&Print…"), QKeySequence.StandardKey.Print, self.print_document
        )
        self.save_action = self._action(
            toolbar, self.tr("&Save as PDF…"), QKeySequence.StandardKey.Save, self.save_as
        )
        self.open_action = self._action(
            toolbar, self.tr("Open in PDF viewer"), None, self.open_in_viewer
        )
        toolbar.addSeparator()
        self.zoom_out_action = self._action(
            toolbar, self.tr("Zoom out"), QKeySequence.StandardKey.ZoomOut, self.zoom_out
        )
        toolbar.addWidget(self.zoom_label)
        self.zoom_in_action = self._action(
            toolbar, self.tr("Zoom in"), QKeySequence.StandardKey.ZoomIn, self.zoom_in
        )
        # Ctrl+= as well: on most keyboards "+" needs Shift.
        self.zoom_in_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.fit_action = self._action(
            toolbar, self.tr("Fit width"), QKeySequence("Ctrl+0"), self.fit_width
        )
        toolbar.addSeparator()
        self.previous_action = self._action(
            toolbar, self.tr("Previous page"), QKeySequence(Qt.Key.Key_PageUp), self.previous_page
        )
        toolbar.addWidget(self.page_label)
        self.next_action = self._action(
            toolbar, self.tr("Next page"), QKeySequence(Qt.Key.Key_PageDown), self.next_page
        )
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.status_label)
        self.close_action = self._action(toolbar, self.tr("Close"), None, self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(self.view, 1)

        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(960, int(screen.width() * 0.8)), int(screen.height() * 0.9))
        else:
            self.resize(900, 1000)
        self._update_page_label()
        self._update_zoom_label()
        self.view.setFocus()

    def _action(
        self,
        toolbar: QToolBar,
        text: str,
        key: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(key)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever the focus is in the dialog
        toolbar.addAction(action)
        return action

    # ----------------------------------------------------------------- pages

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """0-based index of the page shown."""
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        """Show page ``page`` (0-based, clamped to the document)."""
        if self.page_count == 0:
            return
        page = max(0, min(page, self.page_count - 1))
        self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._update_page_label()

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def _update_page_label(self, *_: object) -> None:
        count = self.page_count
        current = self.current_page() + 1 if count else 0
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(current)).replace("%2", str(count))
        )
        self.previous_action.setEnabled(current > 1)
        self.next_action.setEnabled(current < count)

    # ----------------------------------------------------------------- zoom

    def zoom_factor(self) -> float:
        """The zoom in effect (1.0 = actual size), also while fitting the width."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        page = self.document.pagePointSize(max(self.current_page(), 0))
        screen = QGuiApplication.primaryScreen()
        # QPdfView's own arithmetic: 1.0 shows a point as logicalDpi / 72 pixels.
        pixels_per_point = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        if page.width() <= 0 or width <= 0:
            return 1.0
        return width / (page.width() * pixels_per_point)

    def set_zoom(self, factor: float) -> None:
        page = self.current_page()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1])))
        self._update_zoom_label()
        self.go_to_page(page)  # the page being read stays in view

    def zoom_in(self) -> None:
        current = self.zoom_factor()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > current * 1.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.zoom_factor()
        smaller = [z for z in ZOOM_STEPS if z < current * 0.99]
        self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def fit_width(self) -> None:
        page = self.current_page()
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()
        self.go_to_page(page)

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)}%")

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        # Fitting the width changes the zoom; the view's own size is known once laid out.
        QTimer.singleShot(0, self, self._update_zoom_label)  # not after we are deleted

    # ----------------------------------------------------------------- print

    def print_document(self) -> bool:
        """Ask for printer, paper, pages and copies, then print; True if printed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        self._match_paper(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, max(1, self.page_count))
        dialog.setOptions(
            QPrintDialog.PrintDialogOption.PrintPageRange
            | QPrintDialog.PrintDialogOption.PrintCurrentPage
            | QPrintDialog.PrintDialogOption.PrintCollateCopies
            | QPrintDialog.PrintDialogOption.PrintShowPageSize
            | QPrintDialog.PrintDialogOption.PrintToFile
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer) > 0

    def _match_paper(self, printer: QPrinter) -> None:
        """Start from the document's own paper (A4, A5 …) and orientation."""
        if self.page_count == 0:
            return
        size = self.document.pagePointSize(0)
        landscape = size.width() > size.height()
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        match = QPageSize.SizeMatchPolicy.FuzzyMatch  # 595 × 842 pt is A4
        printer.setPageSize(QPageSize(portrait, QPageSize.Unit.Point, "", match))
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )

    def print_to(self, printer: QPrinter) -> int:
        """Paint the pages ``printer`` asks for (range, copies) onto it; pages painted.

        The PDF already has its margins, so the whole sheet is used; each page is scaled
        to fit the sheet without distortion.
        """
        count = self.page_count
        if count == 0:
            return 0
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = printer.fromPage() - 1
            last = min(count, printer.toPage() or count) - 1
        elif printer.printRange() == QPrinter.PrintRange.CurrentPage:
            first = last = self.current_page()
        pages = list(range(first, last + 1))
        # Where the print system cannot make copies, we print them ourselves.
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        if printer.collateCopies():
            sequence = pages * copies
        else:
            sequence = [p for p in pages for _ in range(copies)]
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self, self.tr("Print"), self.tr("The printer could not be started.")
            )
            return 0
        dpi = min(printer.resolution(), PRINT_DPI)
        progress = QProgressDialog(self)
        progress.setWindowTitle(self.tr("Print"))
        progress.setRange(0, len(sequence))
        progress.setMinimumDuration(500)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        printed = 0
        try:
            for n, page in enumerate(sequence):
                progress.setLabelText(
                    self.tr("Printing page %1 of %2…")
                    .replace("%1", str(n + 1))
                    .replace("%2", str(len(sequence)))
                )
                progress.setValue(n)
                if progress.wasCanceled():
                    printer.abort()
                    break
                if n and not printer.newPage():
                    break
                size = self.document.pagePointSize(page)
                sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
                scale = min(sheet.width() / size.width(), sheet.height() / size.height())
                target = QRectF(0, 0, size.width() * scale, size.height() * scale)
                target.moveCenter(sheet.center())
                painter.drawImage(target, self.page_image(page, dpi=dpi))
                printed += 1
        finally:
            painter.end()
            progress.close()
        return printed

    def page_image(self, page: int, *, dpi: float) -> QImage:
        """Page ``page`` as an opaque image at ``dpi`` (QPdfDocument leaves the paper
        transparent; printers and image files want it white)."""
        size = self.document.pagePointSize(page)
        pixels = QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
        image = QImage(pixels, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.drawImage(0, 0, self.document.render(page, pixels))
        painter.end()
        return image

    # ----------------------------------------------------------------- files

    def save_as(self) -> Path | None:
        """Ask where, then write the PDF there; the path written, or None."""
        start = Path.home() / self.file_name
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(start), self.tr("PDF documents (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save as PDF"),
                self.tr("The file could not be saved:\n%1").replace("%1", str(exc)),
            )
            return None
        self.saved_path = path
        self.status_label.setText(self.tr("Saved: %1").replace("%1", path.name))
        self.status_label.setToolTip(str(path))
        return path

    def open_in_viewer(self) -> Path | None:
        """Hand a copy to the system's PDF program; the copy's path, or None."""
        try:
            path = self._viewer_copy()
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Open in PDF viewer"),
                self.tr("The file could not be saved:\n%1").replace("%1", str(exc)),
            )
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                self,
                self.tr("Open in PDF viewer"),
                self.tr(
                    "No program to open PDF files was found. Use “Save as PDF…” and open "
                    "the file from there."
                ),
            )
            return None
        return path

    def _viewer_copy(self) -> Path:
        """The PDF in a private temporary folder; old copies there are removed first."""
        folder = Path(tempfile.gettempdir()) / VIEWER_FOLDER
        folder.mkdir(mode=0o700, exist_ok=True)
        now = time.time()
        for old in folder.glob("*.pdf"):
            try:
                if now - old.stat().st_mtime > VIEWER_KEEP_SECONDS:
                    old.unlink()
            except OSError:  # still open in a viewer (Windows): next time
                pass
        path = folder / self.file_name
        try:
            path.write_bytes(self.pdf)
        except OSError:  # the same name still open elsewhere: a fresh name
            handle, name = tempfile.mkstemp(
                suffix=".pdf", prefix=Path(self.file_name).stem + "-", dir=folder
            )
            with open(handle, "wb") as out:
                out.write(self.pdf)
            path = Path(name)
        return path


def open_document_preview(
    parent: QWidget, ctx: AppContext, kind: str, number: str
) -> Task[tuple[bytes, str, str]]:
    """Render document ``kind`` of ``number`` on the worker, then preview it over ``parent``.

    The print is audited in the same transaction that reads the data. The dialog opens
    window-modal and deletes itself when closed.
    """
    actor = ctx.actor

    def render_op(session: DbSession) -> tuple[bytes, str, str]:
        # Loaded here, on the worker: reportlab takes a moment to import.
        from station.documents import KINDS
        from station.services.documents import render_document, safe_filename

        pdf = render_document(session, actor=actor, kind=kind, number=number)
        title = "交办单" if kind == "referral" else KINDS[kind].title
        return pdf, f"{title} {number.strip()}", safe_filename(kind, number)

    def show(result: tuple[bytes, str, str]) -> None:
        parent.unsetCursor()
        pdf, title, file_name = result
        dialog = PrintPreviewDialog(pdf=pdf, title=title, file_name=file_name, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def failed(exc: BaseException) -> None:
        parent.unsetCursor()
        show_exception(parent, exc)

    parent.setCursor(Qt.CursorShape.BusyCursor)
    return ctx.runner.mutate(
        render_op, parent=parent, success=show, failure=failed, label=f"document {kind} {number}"
    )
