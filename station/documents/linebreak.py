"""Chinese line breaking for reportlab paragraphs.

reportlab's CJK wrap breaks after whatever character fills the line and hangs at most one
closing mark in the margin, so ``…元整）。`` can leave ``。`` alone at the start of the next
line and a case number can split mid-digits. Chinese typesetting (GB/T 15834) never starts
a line with closing punctuation nor ends one with opening punctuation. :func:`install`
replaces reportlab's two CJK splitters (single-run and multi-run paragraphs) with ones that
follow these rules:

1. a line never starts with closing punctuation: the character before it moves down with
   it, or (if that would take more than three characters) one mark hangs in the margin;
2. a line never ends with opening punctuation (it moves down);
3. a run of Latin letters and digits (a phone or case number, an amount) moves down whole
   rather than splitting, when it is not longer than the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _rl_paragraph

CANNOT_START = frozenset(
    "，。、：；！？）》〉」』】〕〗”’…‥—～·％‰℃°"
    ",.;:!?)]}%"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々"
)
CANNOT_END = frozenset("（《〈「『【〔〖“‘([{￥$＃#@")
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-_/:+@#%&*")
_FUZZ = 1e-6
_MAX_PULL = 3  # characters moved down to keep a closing mark off a line start


def _is_word(ch: str) -> bool:
    return len(ch) == 1 and ch in _WORD


def _line_end(chars: Sequence[str], start: int, overflow: int) -> int:
    """Where a line starting at ``start`` ends when ``chars[overflow]`` no longer fits."""
    end = overflow
    if chars[overflow] in CANNOT_START:
        back = overflow - 1
        while back > start and chars[back] in CANNOT_START:
            back -= 1
        # Take the characters before it down with it, or else hang the mark in the margin.
        end = back if back > start and overflow - back <= _MAX_PULL else overflow + 1
    while end - 1 > start and chars[end - 1] in CANNOT_END:
        end -= 1
    if end < len(chars) and _is_word(chars[end]) and _is_word(chars[end - 1]):
        back = end - 1
        while back > start and _is_word(chars[back - 1]):
            back -= 1
        if back > start and chars[back] not in CANNOT_START:
            end = back
    return max(end, start + 1)


def line_ends(
    chars: Sequence[str],
    widths: Sequence[float],
    max_widths: Sequence[float],
    hard_breaks: Sequence[bool] | None = None,
) -> list[int]:
    """The end (exclusive) of each line when ``chars`` are set in ``max_widths``."""
    ends: list[int] = []
    start = 0
    count = len(chars)
    while start < count:
        max_width = max_widths[min(len(ends), len(max_widths) - 1)]
        used = 0.0
        end = count
        for i in range(start, count):
            if hard_breaks is not None and hard_breaks[i]:
                end = i + 1
                break
            used += widths[i]
            if used > max_width + _FUZZ and i > start:
                end = _line_end(chars, start, i)
                break
        ends.append(end)
        start = end
    return ends


_widths: dict[tuple[str, str, float], float] = {}


def _width(ch: str, font: str, size: float) -> float:
    """Character widths, remembered: the same few hundred characters are measured again and
    again as tables re-wrap their cells."""
    key = (ch, font, size)
    width = _widths.get(key)
    if width is None:
        width = _widths[key] = stringWidth(ch, font, size)
    return width


def word_split(word: str, maxWidths: Any, fontName: str, fontSize: float,
               encoding: str = "utf8") -> list[list[Any]]:
    """Drop-in for ``reportlab.lib.textsplit.wordSplit``: ``[[extra_space, text], …]``."""
    if not isinstance(maxWidths, list | tuple):
        maxWidths = [maxWidths]
    widths = [_width(ch, fontName, fontSize) for ch in word]
    lines: list[list[Any]] = []
    start = 0
    for number, end in enumerate(line_ends(word, widths, maxWidths)):
        max_width = maxWidths[min(number, len(maxWidths) - 1)]
        lines.append([max_width - sum(widths[start:end]), word[start:end].strip()])
        start = end
    return lines


def frag_split(frags: Any, maxWidths: Any, calcBounds: Any,
               encoding: str = "utf8") -> Any:
    """Drop-in for ``reportlab.platypus.paragraph.cjkFragSplit`` (paragraphs of many runs)."""
    units: list[Any] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(_rl_paragraph.cjkU(ch, frag, encoding) for ch in text)
        else:
            units.append(_rl_paragraph.cjkU(text, frag, encoding))
    widths = [u.width for u in units]
    hard = [hasattr(u.frag, "lineBreak") for u in units]
    lines = []
    start = 0
    for number, end in enumerate(line_ends(units, widths, maxWidths, hard)):
        max_width = maxWidths[min(number, len(maxWidths) - 1)]
        used = sum(widths[start:end])
        lines.append(_rl_paragraph.makeCJKParaLine(
            units[start:end], max_width, used, max_width - used, hard[end - 1], calcBounds))
        start = end
    return _rl_paragraph.ParaLines(kind=1, lines=lines)


def install() -> None:
    """Make reportlab's CJK wrap (``wordWrap="CJK"``) use these rules (idempotent)."""
    _rl_paragraph.wordSplit = word_split
    _rl_paragraph.cjkFragSplit = frag_split
