"""Logging in: a wrong password is said next to the field; the right one lets you in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from station.domain.enums import Role
from station.services import users
from ui.login_dialog import LoginDialog
from ui.task_runner import TaskRunner

SHOTS = Path("/tmp/gs-shots")


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


def test_repeated_failures_lock_the_account_with_a_wait(qtbot, runner: TaskRunner) -> None:
    from station.services.users import FREE_ATTEMPTS

    dialog = make_dialog(qtbot, runner)
    for _ in range(FREE_ATTEMPTS):
        submit(qtbot, dialog, runner, "jiedai", "guessing")
    assert "请在30秒后再试" in dialog.error_label.text()
    # Even the right password waits now.
    submit(qtbot, dialog, runner, "jiedai", "jiedai2026")
    assert dialog.actor is None
    assert "账号已暂时锁定" in dialog.error_label.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "accounts-login-locked.png"))


def _log_in_with_password_set_by_admin(qtbot, runner: TaskRunner, small_db) -> LoginDialog:  # type: ignore[no-untyped-def]
    """The admin reset 林接待's password to "given-by-boss"; she logs in with it."""
    with small_db.transaction() as s:
        users.create_user(
            s, username="boss", display_name="站长", role="station_admin", password="boss-pass-1"
        )
        boss = users.authenticate(s, username="boss", password="boss-pass-1")
        users.reset_password(s, actor=boss, username="jiedai", new_password="given-by-boss")
    dialog = make_dialog(qtbot, runner)
    submit(qtbot, dialog, runner, "jiedai", "given-by-boss")
    return dialog


def test_password_set_by_the_admin_is_changed_before_entering(
    qtbot, runner: TaskRunner, small_db
) -> None:
    dialog = _log_in_with_password_set_by_admin(qtbot, runner, small_db)
    asked = dialog.password_dialog
    assert asked is not None and asked.isVisible() and dialog.actor is None
    assert asked.old_edit.text() == "given-by-boss"
    asked.new_edit.setText("my-own-secret")
    asked.repeat_edit.setText("my-own-secret")
    with qtbot.waitSignal(dialog.sig_logged_in, timeout=10_000):
        asked.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with small_db.read() as s:
        assert not users.get_user(s, username="jiedai").must_change_password


def test_refusing_to_choose_a_password_stays_at_the_login(
    qtbot, runner: TaskRunner, small_db
) -> None:
    dialog = _log_in_with_password_set_by_admin(qtbot, runner, small_db)
    assert dialog.password_dialog is not None
    dialog.password_dialog.reject()
    assert dialog.actor is None and dialog.isVisible()
    assert dialog.error_label.text() == "请先设置您自己的密码，才能登录。"
    assert dialog.login_button.isEnabled()
