"""Town accounts in 设置 › 账号管理 and the 账号 menu: the 来源 column tells 本站 from
镇统一账号; for a town account reset-password and change-role are disabled with a tooltip
that sends the admin to the town grid center (disabling stays possible here), and a logged-in
town account cannot open 修改密码."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from argon2 import PasswordHasher
from PySide6.QtWidgets import QMainWindow
from test_users_section import ADMIN_PASSWORD, context_for, settings_page, wait_idle
from ui_support import shot

from station.db.database import Database
from station.db.models import UserAccount
from station.services import users
from ui.account_menu import AccountMenu
from ui.context import AppContext
from ui.task_runner import TaskRunner

TOWN_PASSWORD = "zhenli-2026"


def add_town_account(db: Database, *, username: str, role: str, password: str) -> None:
    """As station.sync.town_accounts.apply_town_accounts stores one: origin 'town', the
    argon2id hash the town server sent, no forced password change."""
    now = datetime.now().replace(microsecond=0)
    with db.transaction() as s:
        s.add(
            UserAccount(
                username=username,
                display_name="镇调解员李明",
                role=role,
                roster_person_id=None,
                active=True,
                password_hash=PasswordHasher().hash(password),
                origin="town",
                created_at=now,
                failed_logins=0,
                password_changed_at=now,
                must_change_password=False,
            )
        )


@pytest.fixture
def admin_context(small_db: Database, runner: TaskRunner) -> Iterator[AppContext]:
    with small_db.transaction() as s:
        users.create_user(
            s,
            username="zhanzhang",
            display_name="王站长",
            role="station_admin",
            password=ADMIN_PASSWORD,
        )
    add_town_account(small_db, username="zhen-liming", role="mediator", password=TOWN_PASSWORD)
    yield context_for(small_db, runner, "zhanzhang", ADMIN_PASSWORD)


def test_town_account_has_a_badge_and_only_disable_is_allowed(
    qtbot, admin_context: AppContext, small_db: Database, monkeypatch
) -> None:
    page, (_station, section, _audit, _kept) = settings_page(qtbot, admin_context)
    page.tabs.setCurrentWidget(section)
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        page.show()
    headers = [section.table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["登录名", "姓名", "角色", "来源", "状态"]
    by_name = {section.table.item(r, 0).text(): r for r in range(section.table.rowCount())}
    assert section.table.item(by_name["zhen-liming"], 3).text() == "镇统一账号"
    assert section.table.item(by_name["zhanzhang"], 3).text() == "本站"
    assert section.table.item(by_name["jiedai"], 3).text() == "本站"

    section.select("zhen-liming")
    assert not section.reset_button.isEnabled()
    assert not section.role_button.isEnabled()
    assert section.active_button.isEnabled() and section.active_button.text() == "停用"
    for button in (section.reset_button, section.role_button):
        assert "镇网格中心" in button.toolTip()
    assert not section.town_hint.isHidden()
    assert section.town_hint.text() == section.reset_button.toolTip()
    assert section.reset_password() is None and section.change_role() is None
    shot(page, "accounts-town-account")

    section.select("jiedai")  # a local account: everything is possible again
    assert section.reset_button.isEnabled() and section.role_button.isEnabled()
    assert section.reset_button.toolTip() == "" and section.role_button.toolTip() == ""
    assert section.town_hint.isHidden()

    # Disabling a town account stays possible here, as a local emergency measure.
    section.select("zhen-liming")
    monkeypatch.setattr("ui.pages.users_section.confirm", lambda *a, **k: True)
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        section.active_button.click()
    row = {section.table.item(r, 0).text(): r for r in range(section.table.rowCount())}
    assert section.table.item(row["zhen-liming"], 4).text() == "已停用"
    assert section.active_button.text() == "启用"
    assert not section.reset_button.isEnabled()
    with small_db.read() as s:
        assert not users.get_user(s, username="zhen-liming").active


def account_menu(qtbot, context: AppContext) -> AccountMenu:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = AccountMenu(context=context, parent=window)
    wait_idle(qtbot, context)
    return menu


def test_change_password_is_disabled_for_a_logged_in_town_account(
    qtbot, admin_context: AppContext, small_db: Database, runner: TaskRunner
) -> None:
    town = context_for(small_db, runner, "zhen-liming", TOWN_PASSWORD)
    menu = account_menu(qtbot, town)
    assert menu.town_account
    assert not menu.change_password_action.isEnabled()
    assert "镇网格中心" in menu.change_password_action.toolTip()
    menu.adjustSize()
    shot(menu, "accounts-town-account-menu")

    local = account_menu(qtbot, admin_context)
    assert not local.town_account
    assert local.change_password_action.isEnabled()
    assert "镇网格中心" not in local.change_password_action.toolTip()
