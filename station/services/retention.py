"""Retention (个人信息保护法 art. 19): anonymise closed work orders after N years.

What is removed: the requester's name, phone, ID number, address and occupation (for a
resident whose *every* work order is past the period and who is no party to a mediation
case, whose files follow the mediation archive rules), and the work order's location and
description. What stays: everything the statistics count (category, grid, dates, status,
route, department, rating, solved) and the one-line summary.

Like every change to synced data the anonymisation is events (``updated`` on the case and
the person), so the town server and the other stations holding the records anonymise them
too. The earlier events still hold the old values: erasing them from the event log is a
protocol change (a purge that every node applies) recorded as follow-up work.

:func:`preview_retention` lists what :func:`apply_retention` would change; applying is
audited (``retention_applied``: the period, the cut-off date and the counts).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.db.models import Case, MediationParty, Person
from station.domain.enums import CaseStatus
from station.domain.permissions import Permission, require
from station.domain.validation import mask_phone
from station.errors import ValidationError
from station.services import audit, cases, persons
from station.services.changes import Changed, Changes
from station.services.events import Actor
from station.settings import load_settings, save_settings

ANONYMOUS = "（已匿名）"
MIN_YEARS, MAX_YEARS = 1, 30
#: Statuses after which a work order is finished for good.
FINISHED = frozenset(
    {
        CaseStatus.CLOSED.value,
        CaseStatus.ARCHIVED.value,
        CaseStatus.VOID.value,
        CaseStatus.MERGED.value,
    }
)
PERSON_FIELDS = {"name": ANONYMOUS, "phone": "", "id_number": "", "address": "", "occupation": ""}


@dataclass(frozen=True)
class RetentionCase:
    id: str
    number: str
    finished_on: date
    status_label: str
    requester: str  # as shown in the preview: name, masked phone


@dataclass(frozen=True)
class RetentionPreview:
    years: int
    cutoff: date  # work orders finished before this day are anonymised
    cases: list[RetentionCase]
    person_ids: list[str]  # residents who will be anonymised
    kept_persons: int  # requesters kept: a newer or open work order, or a mediation party


@dataclass(frozen=True)
class RetentionResult:
    cases: int
    persons: int
    cutoff: date


def _cutoff(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def preview_retention(
    session: Session, *, actor: Actor, years: int, today: date | None = None
) -> RetentionPreview:
    """What :func:`apply_retention` would anonymise now (nothing is written)."""
    require(actor, Permission.ANONYMISE)
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise ValidationError(
            f"保存期限请填{MIN_YEARS}到{MAX_YEARS}年", code="out_of_range", field="years"
        )
    cutoff = _cutoff(today or date.today(), years)
    finished = func.coalesce(Case.closed_at, Case.received_at).label("finished")
    rows = session.execute(
        select(
            Case.id,
            Case.number,
            finished,
            Case.status,
            Case.requester_id,
            Case.location,
            Case.description,
            Person.name,
            Person.phone,
        )
        .outerjoin(Person, Person.id == Case.requester_id)
        .where(Case.status.in_(FINISHED), finished < datetime.combine(cutoff, time()))
        .order_by(finished, Case.number)
    ).all()
    eligible_ids = {r.id for r in rows}
    candidates = {r.requester_id for r in rows if r.requester_id and r.name != ANONYMOUS}
    kept: set[str] = set()
    if candidates:
        ids = list(candidates)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            others = session.execute(
                select(Case.requester_id, Case.id).where(Case.requester_id.in_(chunk))
            ).all()
            kept |= {p for p, c in others if c not in eligible_ids}
            kept |= set(
                session.scalars(
                    select(MediationParty.person_id).where(MediationParty.person_id.in_(chunk))
                )
            )
    person_ids = sorted(candidates - kept)
    listed = [
        RetentionCase(
            id=r.id,
            number=r.number,
            finished_on=r.finished.date(),
            status_label=CaseStatus(r.status).label,
            requester=" ".join(
                x for x in (r.name or "", mask_phone(r.phone) if r.phone else "") if x
            ),
        )
        for r in rows
        if r.location or r.description or r.requester_id in person_ids
    ]
    return RetentionPreview(
        years=years, cutoff=cutoff, cases=listed, person_ids=person_ids, kept_persons=len(kept)
    )


def apply_retention(
    session: Session, *, actor: Actor, years: int, today: date | None = None
) -> Changed[RetentionResult]:
    """Anonymise what :func:`preview_retention` lists, store the period, audit it."""
    preview = preview_retention(session, actor=actor, years=years, today=today)
    for row in preview.cases:
        cases.update_case(session, actor=actor, case_id=row.id, location="", description="")
    for person_id in preview.person_ids:
        persons.update_person(session, actor=actor, person_id=person_id, **PERSON_FIELDS)
    settings = load_settings(session)
    if settings.retention_years != years:
        save_settings(session, replace(settings, retention_years=years))
    audit.write(
        session,
        username=actor.username,
        action="retention_applied",
        target_type="station",
        target_id=settings.station_code,
        detail={
            "years": years,
            "cutoff": preview.cutoff.isoformat(),
            "cases": len(preview.cases),
            "persons": len(preview.person_ids),
        },
    )
    result = RetentionResult(
        cases=len(preview.cases), persons=len(preview.person_ids), cutoff=preview.cutoff
    )
    return Changed(
        result,
        Changes.of(cases=[c.id for c in preview.cases], persons=preview.person_ids),
    )
