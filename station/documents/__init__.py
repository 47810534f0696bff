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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from station.documents.casefile import render_case_file
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
from station.documents.ledger import render_ledger
from station.documents.mediation import render_form
from station.documents.slips import render_receipt, render_referral
from station.errors import ValidationError


@dataclass(frozen=True)
class DocumentKind:
    name: str  # what the CLI and services call it
    title: str  # what people call it
    data_type: type
    render: Callable[..., bytes]


_KINDS = (
    DocumentKind("receipt", "受理回执", ReceiptData, render_receipt),
    DocumentKind("referral", "交办单/转办单", ReferralData, render_referral),
    DocumentKind("application", "人民调解申请书", MediationFormData,
                 partial(render_form, "application")),
    DocumentKind("registration", "人民调解受理登记表", MediationFormData,
                 partial(render_form, "registration")),
    DocumentKind("notice", "人民调解当事人权利义务告知书", MediationFormData,
                 partial(render_form, "notice")),
    DocumentKind("investigation", "人民调解调查记录", MediationFormData,
                 partial(render_form, "investigation")),
    DocumentKind("record", "人民调解记录", MediationFormData, partial(render_form, "record")),
    DocumentKind("agreement", "人民调解协议书", MediationFormData,
                 partial(render_form, "agreement")),
    DocumentKind("oral-agreement", "人民调解口头协议登记表", MediationFormData,
                 partial(render_form, "oral-agreement")),
    DocumentKind("visit", "人民调解回访记录", MediationFormData, partial(render_form, "visit")),
    DocumentKind("case-file", "人民调解卷宗", CaseFileData, render_case_file),
    DocumentKind("ledger", "台账", LedgerData, render_ledger),
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
