"""``python -m station`` and the PyInstaller bundle's launcher: the same command line."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # Frozen on Windows, a child process (spawn) re-runs this executable: it must become the
    # worker, not a second app. A no-op everywhere else.
    multiprocessing.freeze_support()

    from station.cli import main

    sys.exit(main())
