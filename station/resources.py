"""Where the files shipped in ``resources/`` (fonts, icons, translations) live.

Frozen by PyInstaller, they sit under ``sys._MEIPASS``; otherwise beside the ``station``
package, at the repository root. Never relative to the current directory.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of ``resources/<parts...>``; the file is not required to exist."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)
