"""Showing a full ID number: a reason first, then the number, and an audit entry; a viewer
is told up front that the role may not (the service refuses it anyway)."""

from __future__ import annotations

from station.db.database import Database
from station.db.models import AuditEntry
from station.domain.enums import Role
from station.services import persons
from station.services.events import Actor
from station.services.users import system_actor
from station.settings import load_settings
from ui.context import AppContext
from ui.dialogs.reveal_id_dialog import RevealIdDialog
from ui.task_runner import TaskRunner

ID_NUMBER = "11010519491231002X"


def context_as(db: Database, runner: TaskRunner, role: Role) -> tuple[AppContext, str]:
    with db.transaction() as s:
        person = persons.search_persons(s, query="林玲玲")[0]
        persons.update_person(s, actor=system_actor(s), person_id=person.id, id_number=ID_NUMBER)
        settings = load_settings(s)
    actor = Actor(username=f"u-{role.value}", role=role, station_code="TS01", display_name="某人")
    return AppContext(database=db, runner=runner, actor=actor, settings=settings), person.id


def test_reveal_after_a_reason_is_audited(qtbot, small_db: Database, runner: TaskRunner) -> None:
    context, person_id = context_as(small_db, runner, Role.RECEPTIONIST)
    dialog = RevealIdDialog(
        context=context, person_id=person_id, person_name="林玲玲", where="TS01-20261101-001"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.show_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_revealed, timeout=10_000) as blocker:
        dialog.show_button.click()
    assert blocker.args == [ID_NUMBER]
    assert dialog.number_label.text() == ID_NUMBER
    with small_db.read() as s:
        (entry,) = s.query(AuditEntry).filter_by(action="reveal_id_number").all()
    assert (entry.username, entry.target_id) == ("u-receptionist", person_id)
    assert entry.detail.startswith(dialog.reason_combo.currentText())
    assert ID_NUMBER not in entry.detail


def test_viewer_is_told_and_cannot_ask(qtbot, small_db: Database, runner: TaskRunner) -> None:
    context, person_id = context_as(small_db, runner, Role.VIEWER)
    dialog = RevealIdDialog(context=context, person_id=person_id, person_name="林玲玲")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.show_button.isEnabled()
    assert "驿站管理员" in dialog.errors.message("reason")
    dialog.reveal()  # even if the button were pressed: the service refuses
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    assert dialog.number_label.isHidden()
    assert "查看者" in dialog.errors.message("reason")
    with small_db.read() as s:
        assert s.query(AuditEntry).filter_by(action="reveal_id_number").count() == 0
