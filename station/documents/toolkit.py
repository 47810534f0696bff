"""The one layout toolkit every printable document is built from (reportlab platypus).

Documents compose flowables from here — title block, label/value grid, text sections, ruled
writing space, signature and seal block, table with a repeating header, QR code — and hand
them to :func:`build_pdf` with a :class:`Paper`. Only this module draws at coordinates: the
page footer (第 x 页 共 y 页), the cut line of a half sheet and text that is known only once
the whole document is laid out (:class:`PageRef`, e.g. page numbers on a contents page).

Guarantees:

* Fonts are TrueType files from ``resources/fonts`` registered once per process; reportlab
  embeds a subset of each, so every font in the PDF is embedded and ``pdftotext`` gives the
  text back (each subset has a ToUnicode map).
* The same input gives the same bytes: the file ID is the invariant one and the creation
  date is the one passed in :class:`Meta`, never the clock.
* Builds are serialised by a lock: reportlab fonts keep per-document state and are not
  meant to be shared by two documents being built at the same moment.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache, partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from station.documents import linebreak
from station.documents.formatting import chinese_ordinal
from station.errors import GridStationError
from station.resources import resource_path

#: Song/Ming body face; covers rare name characters such as 堃 喆 赟 䶮. All data prints in it.
SONG = "ARPLUMingCN"
#: Sans face for fixed wording only (titles, labels): it lacks some rare characters (䶮).
HEI = "WenQuanYiMicroHei"

_FONT_FILES = {SONG: "ARPLUMingCN.ttf", HEI: "WenQuanYiMicroHei.ttf"}
CREATOR = "Grid Station 网格驿站"
_CHINA = timedelta(hours=8)

# Chinese line breaking: no closing punctuation at a line start, numbers kept whole.
linebreak.install()

_font_lock = threading.Lock()
_build_lock = threading.Lock()
_fonts_registered = False


class FontMissingError(GridStationError):
    code = "font_missing"


def register_fonts() -> None:
    """Register the document fonts with reportlab (once per process, ~0.5 s the first time)."""
    global _fonts_registered
    with _font_lock:
        if _fonts_registered:
            return
        for name, filename in _FONT_FILES.items():
            path = resource_path("fonts", filename)
            if not path.is_file():
                raise FontMissingError(f"找不到文书字体文件 {path}，请重新安装本程序。")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        _fonts_registered = True


def missing_glyphs(text: str, font: str = SONG) -> str:
    """The characters of ``text`` that ``font`` cannot draw (they would print as boxes)."""
    register_fonts()
    char_to_glyph = pdfmetrics.getFont(font).face.charToGlyph
    return "".join(sorted({ch for ch in text if not ch.isspace() and ord(ch) not in char_to_glyph}))


# ------------------------------------------------------------------------------ styles


@dataclass(frozen=True)
class Styles:
    """Paragraph styles for one base size (12 pt for A4 forms, smaller for slips)."""

    size: float
    title: ParagraphStyle
    org: ParagraphStyle  # the issuing body above a title
    number: ParagraphStyle  # 编号 line, right-aligned
    heading: ParagraphStyle  # a section's label, e.g. 纠纷简要情况：
    body: ParagraphStyle  # running text, first line indented two characters
    plain: ParagraphStyle  # running text without indent
    label: ParagraphStyle  # grid labels
    cell: ParagraphStyle  # grid values
    cell_center: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    table_cell_center: ParagraphStyle
    table_cell_right: ParagraphStyle
    note: ParagraphStyle
    signature: ParagraphStyle
    right: ParagraphStyle  # seal and date lines


@cache
def styles(size: float = 12) -> Styles:
    register_fonts()
    small = round(size * 0.875, 2)  # 12 → 10.5 (五号)
    tiny = round(size * 0.75, 2)

    def style(name: str, **kw: Any) -> ParagraphStyle:
        kw.setdefault("fontName", SONG)
        kw.setdefault("fontSize", size)
        kw.setdefault("leading", kw["fontSize"] * 1.5)
        return ParagraphStyle(f"{name}-{size}", wordWrap="CJK", **kw)

    return Styles(
        size=size,
        title=style(
            "title", fontName=HEI, fontSize=size * 1.5, leading=size * 2.2,
            alignment=TA_CENTER, spaceAfter=size * 0.3,
        ),
        org=style("org", fontSize=size * 1.1, alignment=TA_CENTER),
        number=style("number", fontSize=small, alignment=TA_RIGHT, spaceAfter=size * 0.3),
        heading=style(
            "heading", fontName=HEI, spaceBefore=size * 0.5, spaceAfter=size * 0.15,
            keepWithNext=1,
        ),
        body=style("body", firstLineIndent=size * 2, alignment=TA_JUSTIFY),
        plain=style("plain", alignment=TA_JUSTIFY),
        label=style("label", fontName=HEI, fontSize=small, leading=small * 1.4 + 0.8,
                    alignment=TA_CENTER),
        cell=style("cell", fontSize=small, leading=small * 1.4),
        cell_center=style("cell-center", fontSize=small, leading=small * 1.4,
                          alignment=TA_CENTER),
        table_head=style("table-head", fontName=HEI, fontSize=tiny, leading=tiny * 1.3,
                         alignment=TA_CENTER),
        table_cell=style("table-cell", fontSize=tiny, leading=tiny * 1.35),
        table_cell_center=style("table-cell-c", fontSize=tiny, leading=tiny * 1.35,
                                alignment=TA_CENTER),
        table_cell_right=style("table-cell-r", fontSize=tiny, leading=tiny * 1.35,
                               alignment=TA_RIGHT),
        note=style("note", fontSize=tiny, leading=tiny * 1.5),
        signature=style("signature", fontSize=small, leading=small * 1.4, alignment=TA_LEFT),
        right=style("right", alignment=TA_RIGHT),
    )


# --------------------------------------------------------------------------------- text


def esc(text: str) -> str:
    """Text as Paragraph markup: data never becomes markup."""
    return escape(text or "")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """One paragraph of plain text (line breaks kept)."""
    lines = [esc(line.strip()) for line in (text or "").strip().splitlines()]
    return Paragraph("<br/>".join(lines), style)


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Each non-blank line of ``text`` as its own paragraph (how people type statements)."""
    out: list[Flowable] = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            out.append(Paragraph(esc(line), style))
    return out


def labelled(label: str, text: str, style: ParagraphStyle) -> Paragraph:
    """``label`` in the heading face followed by data text, in one paragraph."""
    return Paragraph(f'<font name="{HEI}">{esc(label)}</font>{esc(text)}', style)


# ----------------------------------------------------------------------------- flowables


class RuledSpace(Flowable):
    """Ruled lines to write on by hand; splits across pages like text."""

    def __init__(self, lines: int, *, gap: float = 9 * mm) -> None:
        super().__init__()
        self.lines = max(1, lines)
        self.gap = gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.lines * self.gap

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fit = int(avail_height // self.gap)
        if fit < 1 or fit >= self.lines:
            return []
        return [RuledSpace(fit, gap=self.gap), RuledSpace(self.lines - fit, gap=self.gap)]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(0.4)
        canv.setStrokeColor(colors.black)
        for i in range(self.lines):  # a line's writing room is the gap above it
            y = (i + 0.2) * self.gap
            canv.line(0, y, self.width, y)
        canv.restoreState()


class Anchor(Flowable):
    """Records the page it lands on under ``key`` (for contents pages and page ranges)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        _deferring(self.canv).anchor(self.key)


@dataclass(frozen=True)
class PageFacts:
    """What is known once every page is laid out."""

    numbers: tuple[int | None, ...]  # printed page number of each physical page, if numbered
    anchors: Mapping[str, int]  # anchor key -> physical page index

    @property
    def total(self) -> int:
        return sum(1 for n in self.numbers if n is not None)

    def number_at(self, key: str) -> int | None:
        index = self.anchors.get(key)
        if index is None:
            return None
        following = [n for n in self.numbers[index:] if n is not None]
        return following[0] if following else None

    def page_range(self, key: str, next_key: str | None) -> str:
        """``3`` or ``3-5``: from the page of ``key`` to the page before ``next_key``."""
        start = self.number_at(key)
        if start is None:
            return ""
        end = self.total
        if next_key is not None:
            following = self.number_at(next_key)
            if following is not None:
                end = following - 1
        return str(start) if end <= start else f"{start}-{end}"


class PageRef(Flowable):
    """Text that depends on the finished layout (a page number), drawn when it is known."""

    def __init__(self, resolve: Callable[[PageFacts], str], style: ParagraphStyle) -> None:
        super().__init__()
        self.resolve = resolve
        self.style = style

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.style.leading
        return avail_width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        _deferring(self.canv).defer(partial(self._draw_later, x, y))

    def _draw_later(self, x: float, y: float, canv: Canvas, facts: PageFacts) -> None:
        text = self.resolve(facts)
        style = self.style
        baseline = y + (style.leading - style.fontSize) / 2 + style.fontSize * 0.18
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(colors.black)
        if style.alignment == TA_CENTER:
            canv.drawCentredString(x + self.width / 2, baseline, text)
        elif style.alignment == TA_RIGHT:
            canv.drawRightString(x + self.width, baseline, text)
        else:
            canv.drawString(x, baseline, text)


def qr_code(payload: str, *, size: float = 24 * mm) -> Flowable:
    """A QR code of ``payload``, ``size`` square including its quiet zone.

    reportlab's flowable draws the modules straight onto the page (a graphics Drawing of the
    same code takes ten times as long to render).
    """
    return QrCode(payload, width=size, height=size, qrBorder=4, qrLevel="M")


def title_block(
    title: str,
    *,
    st: Styles,
    org: str = "",
    number: str = "",
    copy_label: str = "",
) -> list[Flowable]:
    """The issuing body, the title, then ``编号：…`` on the right (each only if given)."""
    out: list[Flowable] = []
    if org:
        out.append(para(org, st.org))
    out.append(Paragraph(esc(title), st.title))
    if copy_label:
        out.append(Paragraph(esc(copy_label), st.number))
    if number:
        out.append(Paragraph(f"编号：{esc(number)}", st.number))
    return out


@dataclass(frozen=True)
class Cell:
    """A label and its value in a :func:`field_grid`; ``span`` counts label/value pairs."""

    label: str
    value: str | Flowable | Sequence[Flowable] = ""
    span: int = 1
    center: bool = False  # centre a short value (e.g. 性别)


_GRID_LINE = 0.6
# A row taller than the space left may be split inside the row, but only if each part is at
# least this high (points): otherwise a part could be a sliver, or a lone repeated header.
_MIN_ROW_PART = 30
# Plain-string cells (even empty ones) would otherwise name Helvetica, which is not embedded.
_BASE_CELL: tuple[tuple[Any, ...], ...] = (("FONTNAME", (0, 0), (-1, -1), SONG),)


def columns(
    cells: Sequence[Flowable | Sequence[Flowable]],
    *,
    widths: Sequence[float],
    valign: str = "MIDDLE",
    align: str = "CENTER",
) -> Table:
    """Flowables side by side without rules (e.g. a title beside a QR code)."""
    return Table(
        [list(cells)],
        colWidths=list(widths),
        hAlign=align,
        style=TableStyle([
            *_BASE_CELL,
            ("VALIGN", (0, 0), (-1, -1), valign),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]),
    )


def field_grid(
    rows: Sequence[Sequence[Cell]],
    *,
    width: float,
    st: Styles,
    pairs: int = 2,
    label_width: float = 22 * mm,
    side_label: str = "",
    side_width: float = 14 * mm,
) -> list[Flowable]:
    """Ruled rows of labels and values, ``pairs`` label/value pairs per row.

    Values wrap; a row taller than the space left splits inside the row, so long text is
    never cut off. ``side_label`` puts one label spanning every row on the left (e.g.
    申请人); such a grid stays one table, so keep its values short.

    A row holding one value across the whole width becomes a table of its own (the tables
    stack seamlessly): reportlab splits a *spanned* cell across pages at the width of one
    column, which overprints its neighbours. Partial spans must therefore hold short values.
    """
    for r, row in enumerate(rows):
        spanned = sum(cell.span for cell in row)
        if spanned != pairs:
            raise ValueError(f"grid row {r} fills {spanned} of {pairs} label/value pairs")
    if side_label:
        return [_grid_table(rows, width=width, st=st, pairs=pairs, label_width=label_width,
                            side_label=side_label, side_width=side_width)]
    out: list[Flowable] = []
    block: list[Sequence[Cell]] = []
    for row in rows:
        if len(row) == 1 and pairs > 1:
            if block:
                out.append(_grid_table(block, width=width, st=st, pairs=pairs,
                                       label_width=label_width))
                block = []
            whole = replace(row[0], span=1)
            out.append(_grid_table([[whole]], width=width, st=st, pairs=1,
                                   label_width=label_width))
        else:
            block.append(row)
    if block:
        out.append(_grid_table(block, width=width, st=st, pairs=pairs, label_width=label_width))
    return out


def _grid_table(
    rows: Sequence[Sequence[Cell]],
    *,
    width: float,
    st: Styles,
    pairs: int,
    label_width: float,
    side_label: str = "",
    side_width: float = 0,
) -> Table:
    offset = 1 if side_label else 0
    value_width = (width - (side_width if side_label else 0) - pairs * label_width) / pairs
    col_widths: list[float] = [side_width] if side_label else []
    col_widths += [label_width, value_width] * pairs
    data: list[list[Any]] = []
    # Rules are drawn per logical row, so one value may run over several table rows (one per
    # paragraph) that read as one cell and break across pages between paragraphs.
    commands: list[tuple[Any, ...]] = [
        *_BASE_CELL,
        ("BOX", (0, 0), (-1, -1), _GRID_LINE, colors.black),
        ("LINEAFTER", (0, 0), (-2, -1), _GRID_LINE, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for row in rows:
        r = len(data)
        if r:
            commands.append(("LINEABOVE", (0, r), (-1, r), _GRID_LINE, colors.black))
        line: list[Any] = [Paragraph(esc(side_label), st.label)] if side_label else []
        col = offset
        continued: list[Flowable] = []
        for cell in row:
            line.append(Paragraph(esc(cell.label), st.label))
            value = cell.value
            if isinstance(value, str):
                value = para(value, st.cell_center if cell.center else st.cell)
            values = list(value) if isinstance(value, Sequence) else [value]
            if len(row) == 1 and not side_label and len(values) > 1:
                values, continued = values[:1], values[1:]
            # A cell holding a list splits cleanly across pages; a bare flowable does not.
            line.append(values)
            line += [""] * (2 * cell.span - 2)
            if cell.span > 1:
                commands.append(("SPAN", (col + 1, r), (col + 2 * cell.span - 1, r)))
            col += 2 * cell.span
        data.append(line)
        for flowable in continued:
            data.append(["", [flowable]])
        if continued:
            commands += [
                ("VALIGN", (0, r), (0, r), "TOP"),
                ("BOTTOMPADDING", (1, r), (1, len(data) - 2), 0),
                ("TOPPADDING", (1, r + 1), (1, len(data) - 1), 0),
            ]
    if side_label:
        commands.append(("SPAN", (0, 0), (0, len(rows) - 1)))
    return Table(data, colWidths=col_widths, style=TableStyle(commands),
                 splitInRow=_MIN_ROW_PART, hAlign="CENTER")


def line_fields(
    rows: Sequence[tuple[str, str | Flowable]],
    *,
    width: float,
    st: Styles,
    label_width: float = 30 * mm,
    row_height: float | None = None,
) -> Table:
    """Labels with their values written on a rule, as on a file cover (卷名：＿＿＿＿)."""
    data = [
        [Paragraph(esc(label), st.label),
         value if isinstance(value, Flowable) else para(value, st.cell)]
        for label, value in rows
    ]
    return Table(
        data, colWidths=[label_width, width - label_width], hAlign="CENTER",
        rowHeights=[row_height] * len(data) if row_height else None,
        style=TableStyle([
            *_BASE_CELL,
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
            ("LEFTPADDING", (1, 0), (1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]),
    )


def text_section(
    heading: str, text: str, *, st: Styles, blank_lines: int = 0
) -> list[Flowable]:
    """A labelled block of running text; ruled lines to write on when there is no text."""
    out: list[Flowable] = [Paragraph(esc(heading), st.heading)]
    body = paragraphs(text, st.body)
    if body:
        out += body
    elif blank_lines:
        out.append(RuledSpace(blank_lines))
    return out


def numbered(items: Sequence[str], *, st: Styles, chinese: bool = False) -> list[Flowable]:
    """``1、…`` (or ``一、…``) items, wrapped lines flush left as in official documents."""
    out: list[Flowable] = []
    for i, item in enumerate(items, start=1):
        mark = f"{chinese_ordinal(i)}、" if chinese else f"{i}、"
        lines = [line.strip() for line in item.strip().splitlines() if line.strip()]
        out.append(Paragraph(esc(mark + "".join(lines[:1])), st.body))
        out += [Paragraph(esc(line), st.body) for line in lines[1:]]
    return out


def signature_block(
    signers: Sequence[str],
    *,
    st: Styles,
    width: float,
    columns: int = 2,
    seal: str = "",
    date_text: str = "",
    space_before: float = 5 * mm,
    keep_with: Sequence[Flowable] = (),
) -> Flowable:
    """Signature lines (label, then a rule to sign on), and the seal/date corner.

    The seal corner leaves room above the body's name for the round seal (印章) to be
    stamped over the name and date, as is usual. Kept on one page together with
    ``keep_with`` (the closing words above it), so no page holds signatures alone.
    """
    parts: list[Flowable] = [*keep_with, Spacer(1, space_before)]
    if signers:
        gap = 6 * mm  # keeps the rules of neighbouring columns apart
        cell_w = (width - gap * (columns - 1)) / columns
        longest = max(pdfmetrics.stringWidth(s, SONG, st.signature.fontSize) for s in signers)
        label_w = min(longest + 6, cell_w * 0.72)
        widths: list[float] = []
        for c in range(columns):
            widths += [label_w, cell_w - label_w] + ([gap] if c < columns - 1 else [])
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            *_BASE_CELL,
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        for start in range(0, len(signers), columns):
            r = len(data)
            line: list[Any] = []
            for c, signer in enumerate(signers[start:start + columns]):
                line += [Paragraph(esc(signer), st.signature), ""]
                if c < columns - 1:
                    line.append("")
                commands.append(("LINEBELOW", (3 * c + 1, r), (3 * c + 1, r), 0.5, colors.black))
            data.append(line + [""] * (len(widths) - len(line)))
        parts.append(Table(data, colWidths=widths, rowHeights=[11 * mm] * len(data),
                           style=TableStyle(commands), hAlign="LEFT"))
    if seal or date_text:
        corner = [[Spacer(1, 8 * mm)]]
        if seal:
            corner.append([Paragraph(esc(seal), st.right)])
        if date_text:
            corner.append([Paragraph(esc(date_text), st.right)])
        parts.append(
            Table(corner, colWidths=[min(width, 95 * mm)], hAlign="RIGHT",
                  style=TableStyle([*_BASE_CELL, ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        )
    return KeepTogether(parts)


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    *,
    widths: Sequence[float],
    st: Styles,
    align: Sequence[str] = (),
    totals: Sequence[tuple[str, int]] = (),
    padding: float = 2,
) -> Table:
    """A ruled table whose header row repeats on every page.

    ``align`` gives each column ``"left"``, ``"center"`` or ``"right"``; ``totals`` are
    closing rows of (text, columns spanned from the left, the text then fills the rest).
    """
    cell_style = {
        "left": st.table_cell, "center": st.table_cell_center, "right": st.table_cell_right,
    }
    aligns = list(align) + ["left"] * (len(header) - len(align))
    data: list[list[Any]] = [[Paragraph(esc(h), st.table_head) for h in header]]
    for row in rows:
        data.append([
            value if isinstance(value, Flowable) else para(value, cell_style[aligns[c]])
            for c, value in enumerate(row)
        ])
    commands: list[tuple[Any, ...]] = [
        *_BASE_CELL,
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
    ]
    for text, label_span in totals:
        r = len(data)
        data.append(
            [Paragraph("合计", st.table_head)] + [""] * (label_span - 1)
            + [para(text, st.table_cell)] + [""] * (len(header) - label_span - 1)
        )
        if label_span > 1:
            commands.append(("SPAN", (0, r), (label_span - 1, r)))
        commands.append(("SPAN", (label_span, r), (-1, r)))
    return Table(data, colWidths=list(widths), repeatRows=1, splitInRow=_MIN_ROW_PART,
                 style=TableStyle(commands), hAlign="CENTER")


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


# --------------------------------------------------------------------------------- pages


class Paper(StrEnum):
    A4 = "a4"
    A5 = "a5"
    HALF_A4 = "half-a4"  # two copies on an A4 sheet, one above the other, with a cut line
    A4_LANDSCAPE = "a4-landscape"


@dataclass(frozen=True)
class _Layout:
    pagesize: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float
    halves: bool = False

    @property
    def frame_width(self) -> float:
        return self.pagesize[0] - self.left - self.right

    @property
    def frame_height(self) -> float:
        height = self.pagesize[1] / 2 if self.halves else self.pagesize[1]
        return height - self.top - self.bottom


_LAYOUTS = {
    # A4 forms: wider left margin for binding into a case file (卷宗).
    Paper.A4: _Layout(A4, 28 * mm, 22 * mm, 20 * mm, 18 * mm),
    Paper.A5: _Layout(A5, 12 * mm, 12 * mm, 12 * mm, 14 * mm),
    Paper.HALF_A4: _Layout(A4, 12 * mm, 12 * mm, 10 * mm, 10 * mm, halves=True),
    Paper.A4_LANDSCAPE: _Layout(landscape(A4), 15 * mm, 15 * mm, 15 * mm, 15 * mm),
}


def frame_size(paper: Paper) -> tuple[float, float]:
    """Width and height a story has on ``paper`` (one half for :attr:`Paper.HALF_A4`)."""
    layout = _LAYOUTS[paper]
    return layout.frame_width, layout.frame_height


#: Page template ids a story may switch to with ``NextPageTemplate``.
NUMBERED = "numbered"  # counts in 第 x 页 共 y 页
PLAIN = "plain"  # not numbered (covers, contents)


def _page_templates(paper: Paper) -> list[PageTemplate]:
    layout = _LAYOUTS[paper]
    page_w, page_h = layout.pagesize

    def frame(y: float, height: float, ident: str) -> Frame:
        return Frame(layout.left, y, layout.frame_width, height, id=ident,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def start(numbered: bool, canv: Canvas, doc: BaseDocTemplate) -> None:
        _deferring(canv).start_page(numbered=numbered, footer_at=(page_w / 2, layout.bottom / 2))
        if layout.halves:
            _draw_cut_line(canv, page_w, page_h / 2)

    if layout.halves:
        height = layout.frame_height
        frames = [
            frame(page_h / 2 + layout.bottom, height, "top"),
            frame(layout.bottom, height, "bottom"),
        ]
        return [PageTemplate(id=PLAIN, frames=frames, onPage=partial(start, False),
                             pagesize=layout.pagesize)]
    return [
        PageTemplate(id=NUMBERED, frames=[frame(layout.bottom, layout.frame_height, "body")],
                     onPage=partial(start, True), pagesize=layout.pagesize),
        PageTemplate(id=PLAIN, frames=[frame(layout.bottom, layout.frame_height, "body")],
                     onPage=partial(start, False), pagesize=layout.pagesize),
    ]


def _draw_cut_line(canv: Canvas, width: float, y: float) -> None:
    text = "沿此线剪开"
    canv.saveState()
    canv.setLineWidth(0.5)
    canv.setStrokeColor(colors.Color(0.45, 0.45, 0.45))
    canv.setDash(4, 3)
    text_w = pdfmetrics.stringWidth(text, SONG, 8) + 6 * mm
    canv.line(0, y, (width - text_w) / 2, y)
    canv.line((width + text_w) / 2, y, width, y)
    canv.setFont(SONG, 8)
    canv.setFillColor(colors.Color(0.45, 0.45, 0.45))
    canv.drawCentredString(width / 2, y - 2.8, text)
    canv.restoreState()


class Numbering(StrEnum):
    AUTO = "auto"  # 第 x 页 共 y 页 only when there is more than one numbered page
    ALWAYS = "always"
    NEVER = "never"


@dataclass(frozen=True)
class Meta:
    """PDF metadata. ``created`` is the creation date written into the file."""

    title: str
    author: str
    created: datetime
    subject: str = ""


def _pdf_date(moment: datetime) -> str:
    offset = moment.utcoffset() if moment.tzinfo else _CHINA
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hh, mm_ = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hh:02d}'{mm_:02d}'"


class _DeferringCanvas(Canvas):
    """Holds every finished page until the end, then draws what only the end knows.

    That is the page footer (第 x 页 共 y 页 needs the total) and :class:`PageRef` text (a
    contents page needs the pages of the sections after it). The rest of each page is
    already drawn; held pages are replayed in order, so nothing is laid out twice.
    """

    def __init__(self, *args: Any, created: datetime, numbering: Numbering, **kwargs: Any):
        super().__init__(*args, **kwargs)
        date_text = _pdf_date(created)
        self.setDateFormatter(lambda *_: date_text)
        self._numbering = numbering
        self._held: list[dict[str, Any]] = []
        self._anchors: dict[str, int] = {}
        self._page_numbered = False
        self._footer_at: tuple[float, float] = (0.0, 0.0)
        self._later: list[Callable[[Canvas, PageFacts], None]] = []

    def start_page(self, *, numbered: bool, footer_at: tuple[float, float]) -> None:
        self._page_numbered = numbered
        self._footer_at = footer_at

    def anchor(self, key: str) -> None:
        self._anchors.setdefault(key, len(self._held))

    def defer(self, draw: Callable[[Canvas, PageFacts], None]) -> None:
        self._later.append(draw)

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._later = []
        self._page_numbered = False
        self._startPage()

    def save(self) -> None:
        numbers: list[int | None] = []
        count = 0
        for state in self._held:
            if state["_page_numbered"]:
                count += 1
                numbers.append(count)
            else:
                numbers.append(None)
        facts = PageFacts(tuple(numbers), dict(self._anchors))
        show_footer = self._numbering is Numbering.ALWAYS or (
            self._numbering is Numbering.AUTO and count > 1
        )
        for index, state in enumerate(self._held):
            self.__dict__.update(state)
            self.saveState()
            for draw in self._later:
                draw(self, facts)
            number = numbers[index]
            if show_footer and number is not None:
                x, y = self._footer_at
                self.setFont(SONG, 9)
                self.setFillColor(colors.black)
                self.drawCentredString(x, y, f"第 {number} 页　共 {count} 页")
            self.restoreState()
            Canvas.showPage(self)
        Canvas.save(self)


def _deferring(canv: Canvas) -> _DeferringCanvas:
    if not isinstance(canv, _DeferringCanvas):
        raise TypeError("documents must be built with toolkit.build_pdf")
    return canv


def build_pdf(
    story: Sequence[Flowable],
    *,
    paper: Paper,
    meta: Meta,
    numbering: Numbering = Numbering.AUTO,
    first_template: str = NUMBERED,
) -> bytes:
    """Lay ``story`` out on ``paper`` and return the PDF bytes (deterministic)."""
    register_fonts()
    layout = _LAYOUTS[paper]
    # The document starts on the first template in the list.
    templates = sorted(_page_templates(paper), key=lambda t: t.id != first_template)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=layout.pagesize,
        pageTemplates=templates,
        leftMargin=layout.left,
        rightMargin=layout.right,
        topMargin=layout.top,
        bottomMargin=layout.bottom,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator=CREATOR,
        invariant=1,
        lang="zh-CN",
        displayDocTitle=True,
        # Otherwise every page names Helvetica, a font that is never embedded.
        initialFontName=SONG,
        initialFontSize=10,
    )
    maker = partial(_DeferringCanvas, created=meta.created, numbering=numbering)
    with _build_lock:
        doc.build(list(story), canvasmaker=maker)
    return buffer.getvalue()
