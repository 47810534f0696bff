"""Plain values shared by tests (not fixtures). Import as ``from support import NOW``:
several folders have a ``conftest.py``, so ``from conftest import …`` would depend on which
one pytest imported last."""

from __future__ import annotations

from datetime import datetime

NOW = datetime(2026, 11, 20, 9, 30)  # a Friday morning, in the past for every test
