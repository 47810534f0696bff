"""Reference data owned by the town center: communities, grids, roster, departments,
categories, dispute types. Read by every screen; written by the demo town and by sync.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.db.models import (
    Category,
    Community,
    Department,
    DisputeType,
    Grid,
    RosterAssignment,
    RosterPerson,
)


@dataclass(frozen=True)
class Option:
    """Something to pick from a list: id, display name, and its parent if it has one."""

    id: str
    name: str
    parent_id: str | None = None


@dataclass(frozen=True)
class CategoryInfo:
    id: str
    name: str
    parent_id: str | None
    default_route: str
    time_limit_days: int
    department_id: str | None


def list_communities(session: Session) -> list[Option]:
    stmt = select(Community).order_by(Community.sort_order, Community.id)
    return [Option(c.id, c.name) for c in session.scalars(stmt)]


def list_grids(session: Session, *, community_id: str | None = None) -> list[Option]:
    stmt = select(Grid).order_by(Grid.id)
    if community_id:
        stmt = stmt.where(Grid.community_id == community_id)
    return [Option(g.id, g.name, g.community_id) for g in session.scalars(stmt)]


def list_departments(session: Session) -> list[Option]:
    return [
        Option(d.id, d.name) for d in session.scalars(select(Department).order_by(Department.id))
    ]


def list_dispute_types(session: Session) -> list[Option]:
    stmt = select(DisputeType).order_by(DisputeType.sort_order)
    return [Option(d.id, d.name) for d in session.scalars(stmt)]


def list_categories(session: Session) -> list[CategoryInfo]:
    """The whole category tree, parents before children."""
    stmt = select(Category).order_by(Category.parent_id.is_not(None), Category.sort_order)
    return [
        CategoryInfo(
            id=c.id,
            name=c.name,
            parent_id=c.parent_id,
            default_route=c.default_route,
            time_limit_days=c.time_limit_days,
            department_id=c.department_id,
        )
        for c in session.scalars(stmt)
    ]


def list_roster(session: Session, *, role: str) -> list[Option]:
    """Active roster people holding ``role`` (a :class:`RosterRole` value)."""
    stmt = (
        select(RosterPerson)
        .where(
            RosterPerson.active.is_(True),
            RosterPerson.id.in_(
                select(RosterAssignment.person_id).where(RosterAssignment.role == role)
            ),
        )
        .order_by(RosterPerson.name)
    )
    return [Option(p.id, p.name, p.community_id) for p in session.scalars(stmt)]


@dataclass(frozen=True)
class Choices:
    """Every list the work-order forms pick from, loaded once before a form opens."""

    categories: tuple[CategoryInfo, ...]
    communities: tuple[Option, ...]
    grids: tuple[Option, ...]  # parent_id: the community
    departments: tuple[Option, ...]
    dispute_types: tuple[Option, ...]
    mediators: tuple[Option, ...]


def load_choices(session: Session) -> Choices:
    return Choices(
        categories=tuple(list_categories(session)),
        communities=tuple(list_communities(session)),
        grids=tuple(list_grids(session)),
        departments=tuple(list_departments(session)),
        dispute_types=tuple(list_dispute_types(session)),
        mediators=tuple(list_roster(session, role="mediator")),
    )
