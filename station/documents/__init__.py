"""Printable documents: every slip, official form and register, as PDF bytes.

>>> pdf = render("receipt", ReceiptData(...))            # doctest: +SKIP

``render(kind, data)`` takes one of the plain dataclasses of :mod:`station.documents.data`
(never database objects) and returns the PDF. If a value the document needs is empty it
raises :class:`station.errors.ValidationError` (a :class:`DocumentDataMissing`) naming every
missing value, and produces nothing. Output is deterministic: the PDF creation date is
``created`` or a date from the data, never the clock.

Rendering is CPU work of tens to hundreds of milliseconds (the first document in a process
also loads the fonts, ~0.5 s): call it off the GUI thread.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from station.documents.checks import DocumentDataMissing
from station.documents.data import (
    AgreementData,
    AgreementTerm,
    ApplicationData,
    CaseFileData,
    CaseFileItem,
    CaseLedgerRow,
    InvestigationData,
    LedgerData,
    LedgerKind,
    MediationFormData,
    MediationLedgerRow,
    MediationSource,
    OralAgreementData,
    PartyData,
    PartyRole,
    ReceiptData,
    ReceiptPaper,
    ReferralData,
    ReferralKind,
    SessionData,
    VisitData,
)
from station.errors import ValidationError


def _lazy(module: str, function: str, *args: str) -> Callable[..., bytes]:
    """A renderer that imports its module (and so reportlab, ~0.4 s) on first use only:
    ``grid-station --help`` and the app's start import this package but print nothing."""

    def call(data: Any, *, created: datetime | None = None) -> bytes:
        render_function = getattr(importlib.import_module(module), function)
        return render_function(*args, data, created=created)

    call.__name__ = function
    return call


@dataclass(frozen=True)
class DocumentKind:
    name: str  # what the CLI and services call it
    title: str  # what people call it
    data_type: type
    render: Callable[..., bytes]


def _form(kind: str) -> Callable[..., bytes]:
    return _lazy("station.documents.mediation", "render_form", kind)


_KINDS = (
    DocumentKind("receipt", "受理回执", ReceiptData,
                 _lazy("station.documents.slips", "render_receipt")),
    DocumentKind("referral", "交办单/转办单", ReferralData,
                 _lazy("station.documents.slips", "render_referral")),
    DocumentKind("application", "人民调解申请书", MediationFormData, _form("application")),
    DocumentKind("registration", "人民调解受理登记表", MediationFormData, _form("registration")),
    DocumentKind("notice", "人民调解当事人权利义务告知书", MediationFormData, _form("notice")),
    DocumentKind("investigation", "人民调解调查记录", MediationFormData, _form("investigation")),
    DocumentKind("record", "人民调解记录", MediationFormData, _form("record")),
    DocumentKind("agreement", "人民调解协议书", MediationFormData, _form("agreement")),
    DocumentKind("oral-agreement", "人民调解口头协议登记表", MediationFormData,
                 _form("oral-agreement")),
    DocumentKind("visit", "人民调解回访记录", MediationFormData, _form("visit")),
    DocumentKind("case-file", "人民调解卷宗", CaseFileData,
                 _lazy("station.documents.casefile", "render_case_file")),
    DocumentKind("ledger", "台账", LedgerData, _lazy("station.documents.ledger", "render_ledger")),
)

#: Every document kind by name, in the order a menu would list them.
KINDS: dict[str, DocumentKind] = {kind.name: kind for kind in _KINDS}


def render(kind: str, data: Any, *, created: datetime | None = None) -> bytes:
    """The PDF of document ``kind`` filled from ``data``.

    ``created`` is the creation date written into the file; by default a date from the data
    (the receipt's reception time, the agreement's signing date, …), so the same data always
    gives the same bytes.
    """
    entry = KINDS.get(kind)
    if entry is None:
        raise ValidationError(
            f"没有“{kind}”这种文书。可用的文书：{'、'.join(KINDS)}。",
            code="unknown_document", field="kind",
        )
    if not isinstance(data, entry.data_type):
        raise TypeError(f"{kind} takes {entry.data_type.__name__}, not {type(data).__name__}")
    return entry.render(data, created=created)


__all__ = [
    "KINDS",
    "AgreementData",
    "AgreementTerm",
    "ApplicationData",
    "CaseFileData",
    "CaseFileItem",
    "CaseLedgerRow",
    "DocumentDataMissing",
    "DocumentKind",
    "InvestigationData",
    "LedgerData",
    "LedgerKind",
    "MediationFormData",
    "MediationLedgerRow",
    "MediationSource",
    "OralAgreementData",
    "PartyData",
    "PartyRole",
    "ReceiptData",
    "ReceiptPaper",
    "ReferralData",
    "ReferralKind",
    "SessionData",
    "VisitData",
    "render",
]
