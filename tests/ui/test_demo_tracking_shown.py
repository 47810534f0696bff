"""A first start on the demo town shows the mediation follow-up a mediator records.

The demo's cases carry performance notes, court confirmation and archive locks; opened in
the mediation workspace they show on the tracking tab and the case-file tab like cases
recorded by hand. Screenshots: /tmp/gs-shots/demo-mediation-tracking.png,
demo-mediation-archived.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from station.db.database import Database, open_database
from station.db.models import MediationCase, PerformanceNote
from station.demo.town import build_demo_town
from station.services.events import forget_clocks
from station.services.users import authenticate
from station.settings import load_settings
from ui.context import AppContext
from ui.pages.mediation_detail_page import CASE_FILE, TRACKING
from ui.pages.mediation_page import MediationPage
from ui.task_runner import TaskRunner

SHOTS = Path("/tmp/gs-shots")


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("demo_tracking_ui")
    forget_clocks()
    summary = build_demo_town(folder, cases=300, mediations=150)
    db = open_database(folder)
    db.password = summary.password  # type: ignore[attr-defined]
    yield db
    db.close()


@pytest.fixture
def page(qtbot, town: Database) -> Iterator[MediationPage]:  # type: ignore[no-untyped-def]
    runner = TaskRunner(database=town)
    with town.transaction() as s:
        actor = authenticate(s, username="tiaojie", password=town.password)  # type: ignore[attr-defined]
        settings = load_settings(s)
    context = AppContext(database=town, runner=runner, actor=actor, settings=settings)
    mediation_page = MediationPage(context=context)
    qtbot.addWidget(mediation_page)
    mediation_page.resize(1366, 720)
    mediation_page.show()
    yield mediation_page
    for timer in mediation_page.findChildren(QTimer):
        timer.stop()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert runner.shutdown()


def open_case(qtbot, page: MediationPage, mediation_id: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.detail.sig_loaded, timeout=10_000) as loaded:
        page.open_mediation(mediation_id)
    return loaded.args[0]


def test_court_confirmation_and_performance_notes_show(qtbot, page: MediationPage, town) -> None:  # type: ignore[no-untyped-def]
    with town.read() as s:
        noted = set(s.scalars(select(PerformanceNote.mediation_id)))
        ruled = s.scalars(
            select(MediationCase.id)
            .where(MediationCase.court_confirmation == "valid")
            .order_by(MediationCase.number)
        ).all()
    assert ruled and noted
    shown = next((i for i in ruled if i in noted), ruled[0])
    detail = open_case(qtbot, page, shown)
    d = page.detail
    d.tabs.setCurrentIndex(TRACKING)
    assert "确认有效" in d.court_state.text()
    assert f"{detail.court_confirmed_on:%Y-%m-%d}" in d.court_state.text()
    assert d.note_table.rowCount() == len(detail.performance_notes)
    shot(page, "demo-mediation-tracking")
    if shown not in noted:  # (then show a noted one too)
        open_case(qtbot, page, sorted(noted)[0])
        d.tabs.setCurrentIndex(TRACKING)
        assert d.note_table.rowCount() > 0


def test_an_archived_demo_case_is_locked(qtbot, page: MediationPage, town) -> None:  # type: ignore[no-untyped-def]
    with town.read() as s:
        archived = s.scalars(
            select(MediationCase.id)
            .where(MediationCase.archived_on.is_not(None))
            .order_by(MediationCase.number)
        ).first()
    assert archived is not None
    detail = open_case(qtbot, page, archived)
    assert detail.archived
    d = page.detail
    d.tabs.setCurrentIndex(CASE_FILE)
    assert d.reopen_button.isVisible()
    assert not [i for i in d.view.checklist if i.blocking]
    shot(page, "demo-mediation-archived")
