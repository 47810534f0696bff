"""Residents and parties: create, update, search, duplicate candidates.

Persons are never merged silently: :func:`duplicate_candidates` lists likely duplicates for
a person to decide on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from station.db.models import AuditEntry, Grid, Person
from station.domain.clock import new_id
from station.domain.enums import Gender
from station.domain.permissions import Permission, require
from station.domain.validation import check_phone, check_resident_id, mask_id, mask_phone
from station.errors import NotFoundError, ValidationError
from station.services.events import Actor, record_event

EDITABLE = (
    "name",
    "gender",
    "phone",
    "id_number",
    "ethnicity",
    "occupation",
    "address",
    "community_id",
    "grid_id",
)


@dataclass(frozen=True)
class PersonInfo:
    id: str
    name: str
    gender: str
    phone: str
    id_number: str
    ethnicity: str
    occupation: str
    address: str
    community_id: str | None
    grid_id: str | None

    @property
    def masked_id(self) -> str:
        return mask_id(self.id_number) if self.id_number else ""

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone) if self.phone else ""


def _info(p: Person) -> PersonInfo:
    return PersonInfo(**{k: getattr(p, k) for k in ("id", *EDITABLE)})


def clean_person_fields(
    session: Session, values: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """Validate and normalise person fields; returns (clean values, warnings).

    Raises :class:`ValidationError` naming the first bad field; nothing is written.
    """
    clean = {
        k: (v.strip() if isinstance(v, str) else v) for k, v in values.items() if k in EDITABLE
    }
    warnings: list[str] = []
    if "name" in clean and not clean["name"]:
        raise ValidationError("请填写姓名", code="required", field="name")
    if "name" in clean and len(clean["name"]) > 40:
        raise ValidationError("姓名太长（最多40个字）", code="too_long", field="name")
    if clean.get("phone"):
        checked = check_phone(clean["phone"])
        clean["phone"] = checked.value
        warnings += checked.warnings
    if clean.get("id_number"):
        checked = check_resident_id(clean["id_number"])
        clean["id_number"] = checked.value
        warnings += checked.warnings
    if clean.get("gender") and clean["gender"] not in {g.value for g in Gender}:
        raise ValidationError("性别只能是男或女", code="bad_gender", field="gender")
    if clean.get("grid_id"):
        grid = session.get(Grid, clean["grid_id"])
        if grid is None:
            raise ValidationError(
                "没有这个网格，请从列表中选择", code="unknown_grid", field="grid_id"
            )
        clean.setdefault("community_id", grid.community_id)
    return clean, warnings


def create_person(session: Session, *, actor: Actor, **values: Any) -> PersonInfo:
    require(actor, Permission.EDIT_PERSONS)
    clean, _ = clean_person_fields(session, values)
    if not clean.get("name"):
        raise ValidationError("请填写姓名", code="required", field="name")
    person_id = new_id()
    record_event(
        session,
        actor=actor,
        entity_type="person",
        entity_id=person_id,
        event_type="created",
        payload={**clean, "created_at": datetime.now().replace(microsecond=0)},
    )
    return get_person(session, person_id=person_id)


def update_person(session: Session, *, actor: Actor, person_id: str, **values: Any) -> PersonInfo:
    require(actor, Permission.EDIT_PERSONS)
    current = get_person(session, person_id=person_id)
    clean, _ = clean_person_fields(session, values)
    changed = {k: v for k, v in clean.items() if getattr(current, k) != v}
    if changed:
        record_event(
            session,
            actor=actor,
            entity_type="person",
            entity_id=person_id,
            event_type="updated",
            payload=changed,
        )
    return get_person(session, person_id=person_id)


def get_person(session: Session, *, person_id: str) -> PersonInfo:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("找不到这位居民，可能已被合并或尚未同步", field="person_id")
    return _info(person)


FTS_PERSON_IDS = "SELECT rowid FROM person_fts WHERE person_fts MATCH :q"


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_persons(session: Session, *, query: str, limit: int = 20) -> list[PersonInfo]:
    """Find residents by name (Chinese, pinyin initials or full pinyin), phone (any 4+
    digits of it) or their full ID number."""
    term = query.strip()
    if not term:
        return []
    ascii_term = term.lower().replace(" ", "")
    conditions = []
    if ascii_term.isascii() and ascii_term.isalpha():
        conditions += [
            Person.name_initials.startswith(ascii_term),
            Person.name_pinyin.startswith(ascii_term),
        ]
    digits = "".join(ch for ch in term if ch.isdigit() or ch in "xX")
    if len(digits) >= 4 and len(digits) >= len(term.replace(" ", "")) - 1:
        conditions.append(Person.phone.contains(digits, autoescape=True))
        if len(digits) in (15, 18):
            # ID numbers are sealed at rest (station.db.sealed): only a full number matches.
            conditions.append(Person.id_number == digits.upper())
    if not term.isascii():
        if len(term) >= 3:
            conditions.append(text(f"person.rowid IN ({FTS_PERSON_IDS})"))
        else:
            # Trigram FTS finds nothing under 3 characters: most names are 2–3 characters.
            conditions.append(Person.name.like(_like(term), escape="\\"))
    if not conditions:
        return []
    stmt = select(Person).where(or_(*conditions)).order_by(Person.name).limit(limit)
    params = {"q": fts_phrase(term)}
    return [_info(p) for p in session.scalars(stmt, params)]


def fts_phrase(term: str) -> str:
    """Quote user text as one FTS5 phrase (no operators, quotes doubled)."""
    return '"' + term.replace('"', '""') + '"'


def duplicate_candidates(
    session: Session, *, name: str = "", phone: str = "", id_number: str = "", exclude: str = ""
) -> list[PersonInfo]:
    """Persons who may be the same resident: same ID number, same phone, or same name+phone."""
    conditions = []
    if id_number:
        conditions.append(Person.id_number == id_number.strip().upper())
    if phone:
        try:
            phone = check_phone(phone).value
        except ValidationError:
            phone = ""
        if phone:
            conditions.append(Person.phone == phone)
    if name and not conditions:
        conditions.append(Person.name == name.strip())
    if not conditions:
        return []
    stmt = select(Person).where(or_(*conditions), Person.id != exclude).limit(50)
    return [_info(p) for p in session.scalars(stmt)]


REVEAL_REASON_MAX = 200


def reveal_id_number(
    session: Session, *, actor: Actor, person_id: str, reason: str, context: str = ""
) -> str:
    """The person's full ID number, for someone who states why they need it.

    Every reveal is written to the audit log (who, when, whose number, why, and where from,
    e.g. the case number on screen) in the caller's transaction: no audit entry, no number.
    Refused (:class:`PermissionDenied`) for roles that may not see full ID numbers.
    """
    require(actor, Permission.REVEAL_ID_NUMBER)
    reason = reason.strip()
    if not reason:
        raise ValidationError("请写明查看完整身份证号的原因", code="required", field="reason")
    if len(reason) > REVEAL_REASON_MAX:
        raise ValidationError(f"原因最多{REVEAL_REASON_MAX}字", code="too_long", field="reason")
    person = get_person(session, person_id=person_id)
    if not person.id_number:
        raise ValidationError("这位居民没有登记身份证号", code="no_id_number", field="reason")
    detail = reason if not context else f"{reason}（{context.strip()}）"
    session.add(
        AuditEntry(
            at=datetime.now().replace(microsecond=0),
            username=actor.username[:40],
            action="reveal_id_number",
            target_type="person",
            target_id=person_id,
            detail=detail,
        )
    )
    session.flush()
    return person.id_number
