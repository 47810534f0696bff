"""Hands the sync fixtures to pytest; they live in ``sync_support.py``."""

from sync_support import *  # noqa: F403
