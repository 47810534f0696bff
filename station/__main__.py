"""``python -m station`` and the PyInstaller bundle's launcher: the same command line."""

from __future__ import annotations

import sys

from station.cli import main

if __name__ == "__main__":
    sys.exit(main())
