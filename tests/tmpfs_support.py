"""Real small or read-only file systems for the disk-full and read-only tests.

As root (these machines and CI) chmod does not stop a write, so the tests mount a tmpfs of
a chosen size instead. Where mounting is not allowed (a container without the capability)
the test is skipped with that reason.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def mounted_tmpfs(folder: Path, *, size: int | str) -> Iterator[Path]:
    """``folder`` as a tmpfs of ``size`` bytes (or "64m") for the duration of the block."""
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        why = f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {mounted.stderr.strip()}"
        pytest.skip(reason=why)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def fill(folder: Path) -> None:
    """Write zeros into ``folder/filler`` until the file system is full."""
    with open(folder / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\x00" * 4096)
        except OSError:  # ENOSPC: the disk is full now
            pass
