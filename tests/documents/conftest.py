"""Looking inside generated PDFs: text, fonts, pages, and pictures of the pages.

Poppler (pdftotext, pdffonts, pdftoppm) gives the most faithful answers and is installed
in CI by ``.ci/run``; without it, text and fonts come from pypdf and the picture checks are
skipped.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from pypdf import PdfReader

HAVE_POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdftoppm"))
_FOOTER = re.compile(r"第\d+页共\d+页")
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


@dataclass(frozen=True)
class FontRow:
    name: str
    embedded: bool
    has_unicode_map: bool


class Pdf:
    """One rendered document and what a reader would find in it."""

    def __init__(self, data: bytes, workdir: Path) -> None:
        self.data = data
        self.workdir = workdir
        self.path = workdir / "doc.pdf"
        self.path.write_bytes(data)

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    @property
    def page_count(self) -> int:
        return len(self.reader.pages)

    @cached_property
    def page_texts(self) -> list[str]:
        if HAVE_POPPLER:
            out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(self.path), "-"],
                                 capture_output=True, check=True).stdout.decode("utf-8")
            pages = out.split("\f")
            return pages[: self.page_count]
        return [page.extract_text() or "" for page in self.reader.pages]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.page_texts)

    @cached_property
    def flat(self) -> str:
        """All text without whitespace or page footers: long text reads back in one piece."""
        return _FOOTER.sub("", re.sub(r"\s+", "", self.text))

    def contains(self, text: str) -> bool:
        return re.sub(r"\s+", "", text) in self.flat

    @cached_property
    def fonts(self) -> list[FontRow]:
        if HAVE_POPPLER:
            out = subprocess.run(["pdffonts", str(self.path)], capture_output=True, text=True,
                                 check=True).stdout.splitlines()[2:]
            rows = []
            for line in out:
                # name, type (may contain a space), encoding, emb, sub, uni, object, generation
                parts = line.split()
                rows.append(FontRow(parts[0], parts[-5] == "yes", parts[-3] == "yes"))
            return rows
        rows = []
        for page in self.reader.pages:
            for font in (page["/Resources"].get("/Font") or {}).values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    key in descriptor.get_object() for key in ("/FontFile", "/FontFile2",
                                                               "/FontFile3"))
                rows.append(FontRow(str(font["/BaseFont"]), embedded, "/ToUnicode" in font))
        return rows

    @cached_property
    def word_boxes(self) -> list[list[tuple[float, float, float, float, str]]]:
        """Per page, the box (x0, y0, x1, y1) of every run of text (needs poppler)."""
        if not HAVE_POPPLER:
            pytest.skip("poppler (pdftotext) is not installed")
        out = subprocess.run(["pdftotext", "-bbox", str(self.path), "-"], capture_output=True,
                             check=True).stdout.decode("utf-8")
        pages = []
        for page in out.split("<page ")[1:]:
            pages.append([
                (float(x0), float(y0), float(x1), float(y1), text)
                for x0, y0, x1, y1, text in _WORD.findall(page)
            ])
        return pages

    def overprinted(self) -> list[tuple[int, str, str]]:
        """Pairs of text runs drawn over each other (page number, first, second)."""
        found = []
        for number, boxes in enumerate(self.word_boxes, start=1):
            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    width = min(a[2], b[2]) - max(a[0], b[0])
                    height = min(a[3], b[3]) - max(a[1], b[1])
                    if width > 2 and height > 0.4 * min(a[3] - a[1], b[3] - b[1]):
                        found.append((number, a[4], b[4]))
        return found

    @property
    def metadata(self) -> dict[str, str]:
        meta = self.reader.metadata or {}
        return {k: str(v) for k, v in meta.items()}

    def page_images(self, dpi: int = 30) -> list[Path]:
        """Each page as a greyscale PNG (needs poppler)."""
        if not HAVE_POPPLER:
            pytest.skip("poppler (pdftoppm) is not installed")
        prefix = self.workdir / "page"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(self.path),
                        str(prefix)], check=True)
        return sorted(self.workdir.glob("page*.png"))


@pytest.fixture
def inspect_pdf(tmp_path: Path) -> Callable[[bytes], Pdf]:
    """``inspect_pdf(pdf_bytes)`` → a :class:`Pdf` to ask questions of."""
    counter = iter(range(1_000_000))

    def make(data: bytes) -> Pdf:
        folder = tmp_path / f"pdf{next(counter)}"
        folder.mkdir()
        return Pdf(data, folder)

    return make
