"""Reception (群众点单): take a request at the counter in one step.

:func:`take_request` is what the intake form calls: it checks every field at once (so the
form can show each message next to its field), creates the resident if they are new,
records the case and, for a request settled at the desk (直办), records the answer and
closes it — all in the caller's one transaction, so nothing is saved half-way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from station.db.models import Case, Grid, Person
from station.domain.case_workflow import CaseAction
from station.domain.enums import CaseStatus, Channel, Urgency
from station.domain.validation import check_phone
from station.errors import FormInvalid, NotFoundError, ValidationError
from station.services import attachments, cases, persons
from station.services.changes import Changed, Changes
from station.services.events import Actor, record_event

REPEAT_WINDOW_DAYS = 30
#: Person fields of the form, with the prefix their errors carry (``person_phone``).
PERSON_FIELDS = ("name", "gender", "phone", "id_number", "address")
PERSON_PREFIX = "person_"
# Cases that no longer stand for a request of their own.
_NOT_REPEATS = (CaseStatus.VOID.value, CaseStatus.MERGED.value)


@dataclass(frozen=True)
class RequestForm:
    """Everything the intake form holds. ``new_person`` is used when ``requester_id`` is None.

    ``settle_answer`` set (even to "") means "settled at the desk": the answer is required.
    """

    summary: str = ""
    channel: str = Channel.WALK_IN.value
    received_at: datetime | None = None
    requester_id: str | None = None
    new_person: dict[str, Any] | None = None
    filed_by_staff: str = ""
    category_id: str | None = None
    grid_id: str | None = None
    location: str = ""
    description: str = ""
    urgency: str = Urgency.NORMAL.value
    settle_answer: str | None = None
    attachments: tuple[str, ...] = ()  # photos/scans to copy into the data folder


@dataclass(frozen=True)
class IntakeResult:
    case: cases.CaseDetail
    person: persons.PersonInfo | None  # the resident created with the case, if any
    settled: bool


@dataclass(frozen=True)
class RequesterHints:
    """What the form suggests once a resident is chosen."""

    person: persons.PersonInfo
    grid_id: str | None  # the person's grid, else the grid of their latest case
    grid_name: str
    recent_cases: tuple[cases.CaseRow, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- checking


def _check(errors: list[ValidationError], fn: Any, *args: Any, prefix: str = "") -> Any:
    try:
        return fn(*args)
    except ValidationError as exc:
        errors.append(ValidationError(exc.message, code=exc.code, field=prefix + (exc.field or "")))
        return None


def check_request(session: Session, form: RequestForm) -> list[ValidationError]:
    """Every problem of ``form``, in the order of the form's fields; [] when it can be saved.

    Person errors carry fields ``person_name``, ``person_phone`` …; a missing requester is
    ``requester``; the desk answer is ``settle_answer``. Nothing is written.
    """
    errors: list[ValidationError] = []
    if form.requester_id:
        if session.get(Person, form.requester_id) is None:
            errors.append(ValidationError("找不到这位居民", code="unknown", field="requester"))
    elif form.new_person is not None:
        values = {k: form.new_person.get(k, "") for k in PERSON_FIELDS}
        if not str(values["name"]).strip():
            errors.append(
                ValidationError("请填写姓名", code="required", field=PERSON_PREFIX + "name")
            )
        for key in PERSON_FIELDS:
            if values[key]:
                _check(
                    errors,
                    persons.clean_person_fields,
                    session,
                    {key: values[key]},
                    prefix=PERSON_PREFIX,
                )
        id_number = str(values["id_number"]).strip()
        if id_number and not any(e.field == PERSON_PREFIX + "id_number" for e in errors):
            same = persons.duplicate_candidates(session, id_number=id_number.upper())
            if same:
                errors.append(
                    ValidationError(
                        f"这个身份证号已登记为居民“{same[0].name}”，请在上面直接选择该居民",
                        code="duplicate",
                        field=PERSON_PREFIX + "id_number",
                    )
                )
    elif form.channel != Channel.GRID_VISIT.value:
        errors.append(
            ValidationError(
                "请选择诉求人，或新建居民（网格员走访上报的可以不填）",
                code="required",
                field="requester",
            )
        )
    case_values: dict[str, Any] = {
        "channel": form.channel,
        "category_id": form.category_id,
        "grid_id": form.grid_id,
        "summary": form.summary,
        "description": form.description,
        "urgency": form.urgency,
    }
    if form.received_at is not None:
        case_values["received_at"] = form.received_at
    for key, value in case_values.items():
        _check(errors, cases.clean_case_fields, session, {key: value})
    if not form.category_id:
        errors.append(ValidationError("请选择诉求类别", code="required", field="category_id"))
    if not form.grid_id:
        errors.append(ValidationError("请选择网格", code="required", field="grid_id"))
    if form.attachments:
        _check(errors, attachments.check_files, list(form.attachments))
    if form.settle_answer is not None and not form.settle_answer.strip():
        errors.append(
            ValidationError("当场办结的请写明给群众的答复", code="required", field="settle_answer")
        )
    return errors


# --------------------------------------------------------------------------- commands


def take_request(
    session: Session, *, actor: Actor, form: RequestForm, data_dir: Path | None = None
) -> Changed[IntakeResult]:
    """Record the request of ``form`` (and its new resident, and the desk answer, and its
    photos/scans, copied into ``data_dir``).

    Raises :class:`FormInvalid` listing every problem; then nothing is written.
    """
    if form.attachments and data_dir is None:
        raise ValueError("attachments need the data folder")
    errors = check_request(session, form)
    if errors:
        raise FormInvalid(errors)
    person = None
    requester_id = form.requester_id
    if not requester_id and form.new_person is not None:
        values = {k: v for k, v in form.new_person.items() if k in PERSON_FIELDS and v}
        person = persons.create_person(
            session, actor=actor, **values, grid_id=form.new_person.get("grid_id") or form.grid_id
        )
        requester_id = person.id
    case = cases.create_case(
        session,
        actor=actor,
        summary=form.summary,
        channel=form.channel,
        received_at=form.received_at,
        requester_id=requester_id,
        filed_by_staff=form.filed_by_staff,
        category_id=form.category_id,
        grid_id=form.grid_id,
        location=form.location,
        description=form.description,
        urgency=form.urgency,
    )
    settled = form.settle_answer is not None
    if settled:
        case = cases.act_on_case(
            session,
            actor=actor,
            case_id=case.id,
            action=CaseAction.SETTLE_AT_DESK,
            at=form.received_at,
            result=(form.settle_answer or "").strip(),
        )
    if form.attachments and data_dir is not None:
        # Last, so that only the commit itself can fail after the files were copied.
        attachments.attach_files(
            session, actor=actor, data_dir=data_dir, case_id=case.id, paths=form.attachments
        )
        case = cases.get_case(session, case_id=case.id)
    return Changed(
        IntakeResult(case=case, person=person, settled=settled),
        Changes.of(cases=[case.id], persons=[requester_id]),
    )


def add_repeat_request(
    session: Session,
    *,
    actor: Actor,
    case_id: str,
    summary: str,
    description: str = "",
    channel: str = Channel.WALK_IN.value,
    at: datetime | None = None,
) -> Changed[cases.CaseDetail]:
    """Record a request that repeats an earlier case on that case, instead of a duplicate."""
    case = cases.get_case(session, case_id=case_id)
    summary = summary.strip()
    if not summary:
        raise ValidationError("请用一句话写下诉求摘要", code="required", field="summary")
    try:
        channel_label = Channel(channel).label
    except ValueError:
        raise ValidationError("请选择来源渠道", code="bad_choice", field="channel") from None
    text = f"群众再次反映（{channel_label}）：{summary}"
    if description.strip():
        text += f"\n{description.strip()}"
    record_event(
        session,
        actor=actor,
        entity_type="case",
        entity_id=case.id,
        event_type="note_added",
        payload={
            "text": text,
            "kind": "repeat",
            "at": at or datetime.now().replace(microsecond=0),
        },
    )
    return Changed(cases.get_case(session, case_id=case.id), Changes.of(cases=[case.id]))


# --------------------------------------------------------------------------- queries


def repeat_requests(
    session: Session,
    *,
    category_id: str | None,
    requester_id: str | None = None,
    phone: str = "",
    at: datetime | None = None,
    days: int = REPEAT_WINDOW_DAYS,
    limit: int = 10,
) -> list[cases.CaseRow]:
    """Earlier cases of the same resident (or any resident with the same phone) in the same
    category, received in the ``days`` before ``at``; newest first. Void and merged cases are
    not counted.
    """
    if not category_id:
        return []
    who = []
    if requester_id:
        who.append(Case.requester_id == requester_id)
    try:
        number = check_phone(phone).value if phone.strip() else ""
    except ValidationError:
        number = ""
    if number:
        who.append(Case.requester_id.in_(select(Person.id).where(Person.phone == number)))
    if not who:
        return []
    at = at or datetime.now().replace(microsecond=0)
    stmt = (
        select(Case.id)
        .where(
            or_(*who),
            Case.category_id == category_id,
            Case.received_at >= at - timedelta(days=days),
            Case.received_at <= at + timedelta(minutes=5),
            Case.status.not_in(_NOT_REPEATS),
        )
        .order_by(Case.received_at.desc())
        .limit(limit)
    )
    return cases.case_rows(session, list(session.scalars(stmt)))


def requester_hints(session: Session, *, person_id: str) -> RequesterHints:
    """The chosen resident, the grid to suggest and their latest cases (newest first)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("找不到这位居民，可能已被合并或尚未同步", field="requester")
    recent_ids = list(
        session.scalars(
            select(Case.id)
            .where(Case.requester_id == person_id)
            .order_by(Case.received_at.desc())
            .limit(5)
        )
    )
    recent = cases.case_rows(session, recent_ids)
    grid_id = person.grid_id
    if not grid_id:
        grid_id = session.scalar(
            select(Case.grid_id)
            .where(Case.requester_id == person_id, Case.grid_id.is_not(None))
            .order_by(Case.received_at.desc())
            .limit(1)
        )
    grid = session.get(Grid, grid_id) if grid_id else None
    return RequesterHints(
        person=persons.get_person(session, person_id=person_id),
        grid_id=grid.id if grid else None,
        grid_name=grid.name if grid else "",
        recent_cases=tuple(recent),
    )
