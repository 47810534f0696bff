"""Pinyin search keys for names, so ``lll`` or ``linlingling`` finds 林玲玲."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, str]:
    """``(initials, full pinyin)`` in lower case without tones or spaces.

    Characters that are not Chinese pass through as they are (lower-cased), so mixed names
    such as ``李A`` still get a key.
    """
    syllables = lazy_pinyin(name.strip(), style=Style.NORMAL, errors="default")
    full = "".join(syllables).lower().replace(" ", "")
    initials = "".join(s[0] for s in syllables if s).lower()
    return initials, full
