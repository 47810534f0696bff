"""Opening printable documents of a work order (receipt 受理回执, referral slip 交办单).

The print preview is ``ui.dialogs.print_preview_dialog.open_document_preview`` (documents
issue). It is imported when first used so that reception keeps working, with printing
switched off, in a build where it is missing.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtWidgets import QWidget

from ui.context import AppContext

log = logging.getLogger(__name__)

RECEIPT = "receipt"
REFERRAL = "referral"


def _preview_function() -> Any | None:
    try:
        module = importlib.import_module("ui.dialogs.print_preview_dialog")
    except ImportError as exc:  # pragma: no cover - only in a build without documents
        log.warning("print preview not available: %s", exc)
        return None
    return getattr(module, "open_document_preview", None)


def printing_available() -> bool:
    return _preview_function() is not None


def open_case_document(*, parent: QWidget, context: AppContext, kind: str, number: str) -> bool:
    """Render ``kind`` (:data:`RECEIPT` or :data:`REFERRAL`) of case ``number`` and preview
    it over ``parent`` (rendered on the worker). False when printing is not available."""
    preview = _preview_function()
    if preview is None:
        return False
    preview(parent, context, kind, number)
    return True
