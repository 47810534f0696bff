"""A row of thumbnails of photos and scans; double-click opens the file.

Thumbnails are decoded on the task runner (a phone photo takes tens of milliseconds even
when decoded at reduced size), then shown; a PDF gets a document icon.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QStyle, QWidget

from station.services.attachments import IMAGE_SUFFIXES, SUFFIXES
from ui.task_runner import TaskRunner

THUMB = 72
PATH_ROLE = Qt.ItemDataRole.UserRole


def load_thumbnails(paths: Sequence[Path], size: int = THUMB) -> list[tuple[Path, QImage]]:
    """Worker op: small images of the picture files (others are skipped)."""
    out = []
    for path in paths:
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            continue
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
        full = reader.size()
        if full.isValid():
            reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            out.append((path, image))
    return out


class AttachmentStrip(QListWidget):
    sig_changed = Signal()  # files were set
    sig_thumbnails = Signal(int)  # thumbnails shown: how many

    def __init__(self, *, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentStrip")
        self._runner = runner
        self._generation = 0
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 28, THUMB + 24))
        self.setFixedHeight(THUMB + 34)
        self.setMovement(QListView.Movement.Static)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.itemDoubleClicked.connect(self._open)

    def paths(self) -> list[Path]:
        return [Path(self.item(i).data(PATH_ROLE)) for i in range(self.count())]

    def set_paths(self, paths: Sequence[Path | str]) -> None:
        self.clear()
        document = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for raw in paths:
            path = Path(raw)
            item = QListWidgetItem(document, path.name)
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.addItem(item)
        self.sig_changed.emit()
        self._generation += 1
        generation, files = self._generation, [Path(p) for p in paths]
        if files:
            self._runner.run(
                lambda: load_thumbnails(files),
                parent=self,
                success=lambda thumbs: self._thumbnails(generation, thumbs),
                label="thumbnails",
            )

    def add_paths(self, paths: Sequence[Path | str]) -> None:
        known = {str(p) for p in self.paths()}
        self.set_paths([*self.paths(), *(Path(p) for p in paths if str(p) not in known)])

    def _thumbnails(self, generation: int, thumbs: list[tuple[Path, QImage]]) -> None:
        if generation != self._generation:
            return
        by_path = {str(path): image for path, image in thumbs}
        for i in range(self.count()):
            image = by_path.get(self.item(i).data(PATH_ROLE))
            if image is not None:
                self.item(i).setIcon(QIcon(QPixmap.fromImage(image)))
        self.sig_thumbnails.emit(len(thumbs))

    def _open(self, item: QListWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(item.data(PATH_ROLE)))


def choose_files(parent: QWidget | None) -> list[str]:
    """Ask for photos or scans to attach (the system's file dialog)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog

    patterns = " ".join(f"*{s}" for s in sorted(SUFFIXES))
    files, _filter = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("AttachmentStrip", "Attach photos or scans"),
        "",
        QCoreApplication.translate("AttachmentStrip", "Photos and scans (%1)").replace(
            "%1", patterns
        ),
    )
    return list(files)
