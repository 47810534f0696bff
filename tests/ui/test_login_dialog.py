"""Logging in: a wrong password is said next to the field; the right one lets you in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from station.domain.enums import Role
from ui.login_dialog import LoginDialog
from ui.task_runner import TaskRunner


def make_dialog(qtbot, runner: TaskRunner, username: str = "") -> LoginDialog:
    dialog = LoginDialog(runner=runner, station_name="测试社区网格驿站", username=username)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def submit(qtbot, dialog: LoginDialog, runner: TaskRunner, username: str, password: str) -> None:
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    with qtbot.waitSignal(runner.sig_task_done, timeout=10_000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter submits


def test_wrong_password_shows_the_service_message(qtbot, runner: TaskRunner) -> None:
    dialog = make_dialog(qtbot, runner)
    submit(qtbot, dialog, runner, "jiedai", "not-the-password")
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "登录名或密码不正确，请重新输入"
    assert dialog.password_edit.text() == ""
    assert dialog.actor is None
    assert dialog.isVisible()
    assert dialog.login_button.isEnabled()


def test_right_password_logs_in(qtbot, runner: TaskRunner) -> None:
    dialog = make_dialog(qtbot, runner, username="jiedai")
    assert dialog.windowTitle() == "登录网格驿站"
    with qtbot.waitSignal(dialog.sig_logged_in, timeout=10_000) as blocker:
        dialog.password_edit.setText("jiedai2026")
        dialog.login_button.click()
    actor = blocker.args[0]
    assert actor.username == "jiedai"
    assert actor.role == Role.RECEPTIONIST
    assert actor.display_name == "林接待"
    assert actor.station_code == "TS01"
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_retry_after_a_wrong_password(qtbot, runner: TaskRunner) -> None:
    dialog = make_dialog(qtbot, runner)
    submit(qtbot, dialog, runner, "jiedai", "wrong-one")
    with qtbot.waitSignal(dialog.sig_logged_in, timeout=10_000):
        submit(qtbot, dialog, runner, "jiedai", "jiedai2026")
    assert dialog.actor is not None


def test_empty_username_is_caught_before_asking(qtbot, runner: TaskRunner) -> None:
    dialog = make_dialog(qtbot, runner)
    dialog.login_button.click()
    assert dialog.error_label.text() == "请填写登录名。"
    assert not runner.busy


def test_escape_cancels(qtbot, runner: TaskRunner) -> None:
    dialog = make_dialog(qtbot, runner)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_failed_attempt_is_audited(qtbot, runner: TaskRunner, small_db) -> None:
    from sqlalchemy import select

    from station.db.models import AuditEntry

    dialog = make_dialog(qtbot, runner)
    submit(qtbot, dialog, runner, "jiedai", "guessing")
    with small_db.read() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.username == "jiedai")
        ).all()
    assert "login_failed" in actions
