"""One neighbour dispute (陆某某 and 陶某某 over a blocked passage) accepted and settled with
a signed written agreement, shared by the mediation tests here and in tests/sync.

A plain module: import with ``from mediation_support import ...`` (tests/ is on sys.path
because pytest's default "prepend" import mode inserts the folder of tests/conftest.py).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from station.services import mediation
from station.services.events import Actor
from station.services.mediation import MediationDetail

ACCEPTED = date(2026, 11, 2)
SIGNED = date(2026, 11, 5)
FACTS = "陶某某在共用通道堆放杂物，影响陆某某通行。"


def open_dispute(
    s: Session,
    *,
    actor: Actor,
    parties: int = 2,
    source: str = "application",
    respondent: dict[str, Any] | None = None,
) -> MediationDetail:
    """陆某某 applies against 陶某某 (with ``respondent``'s extra fields, e.g. an agent) and
    ``parties - 2`` more respondents; 陈和顺 (R1) mediates; accepted on :data:`ACCEPTED`."""
    people = [
        {"name": "陆某某", "role": "applicant"},
        {"name": "陶某某", "role": "respondent", **(respondent or {})},
    ]
    people += [{"name": f"邻居{n}号", "role": "respondent"} for n in range(parties - 2)]
    return mediation.open_mediation(
        s,
        actor=actor,
        parties=people,
        mediators=[{"roster_person_id": "R1", "lead": True}],
        source=source,
        dispute_type_id="T1",
        accepted_on=ACCEPTED,
        facts=FACTS,
    ).value


def settle(
    s: Session,
    *,
    actor: Actor,
    mediation_id: str,
    signed_on: date | None = SIGNED,
    deadline: date = date(2026, 11, 8),
    **outcome: Any,
) -> MediationDetail:
    """Notice, one session and a written agreement (signed on ``signed_on``, unsigned when
    None) performed by ``deadline``; the case closes on :data:`SIGNED` with ``outcome``'s
    extra fields."""
    mediation.record_notice(s, actor=actor, mediation_id=mediation_id, given_on=ACCEPTED)
    mediation.add_mediation_record(
        s,
        actor=actor,
        mediation_id=mediation_id,
        kind="session",
        at=datetime(2026, 11, 5, 9),
        place="东街社区调解室",
        body="双方陈述意见。",
        result="陶某某同意三日内清理杂物",
    )
    mediation.save_agreement(
        s,
        actor=actor,
        mediation_id=mediation_id,
        agreement_form="written",
        terms=["陶某某于2026年11月8日前清理通道上的杂物。"],
        performance_method="陶某某自行清理",
        performance_deadline=deadline,
        signed_on=signed_on,
        signed_by="陆某某、陶某某、陈和顺" if signed_on else "",
    )
    return mediation.record_outcome(
        s, actor=actor, mediation_id=mediation_id, outcome="written", closed_on=SIGNED, **outcome
    ).value
