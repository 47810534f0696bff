"""A station's sync in its own process, for the crash tests to kill -9 at chosen moments.

Usage: python crash_client.py DATA_DIR PUSH_BATCH PULL_LIMIT. Prints one line per step
(``push 20/200``, ``pull 40``) as it is committed, and ``done`` at the end. Its pulls
use the page helper process from any size on (a first sync's setup), so the kills also
land while a helper is preparing pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

from station.db.database import open_database
from station.sync import page_worker
from station.sync.client import sync_once
from station.sync.transport import open_client


def main() -> int:
    data_dir, push_batch, pull_limit = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    page_worker.HELPER_FROM = 1
    db = open_database(data_dir, migrate=False)
    try:
        with open_client(db) as http:
            sync_once(
                db=db,
                http=http,
                push_batch=push_batch,
                pull_limit=pull_limit,
                progress=lambda p: print(p.phase, p.done, flush=True),
            )
    finally:
        db.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
