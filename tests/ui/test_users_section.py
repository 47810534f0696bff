"""设置 for the station admin: accounts (add, reset, role, disable), the audit log with its
filters, the station details; a receptionist gets none of these tabs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from ui_support import shot

from station.db.database import Database
from station.db.models import AuditEntry
from station.services import users
from station.services.users import authenticate
from station.settings import load_settings
from ui.account_menu import add_admin_sections
from ui.context import AppContext
from ui.dialogs.user_account_dialog import UserAccountDialog
from ui.pages.audit_section import AuditSection
from ui.pages.retention_section import RetentionSection
from ui.pages.settings_page import SettingsPage
from ui.pages.station_settings_section import StationSettingsSection
from ui.pages.users_section import UsersSection
from ui.task_runner import TaskRunner

ADMIN_PASSWORD = "zhanzhang-2026"


def context_for(db: Database, runner: TaskRunner, username: str, password: str) -> AppContext:
    with db.transaction() as s:
        actor = authenticate(s, username=username, password=password)
        settings = load_settings(s)
    return AppContext(database=db, runner=runner, actor=actor, settings=settings)


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
    yield context_for(small_db, runner, "zhanzhang", ADMIN_PASSWORD)


def settings_page(qtbot, context: AppContext) -> tuple[SettingsPage, list[QWidget]]:
    page = SettingsPage()
    qtbot.addWidget(page)
    sections = add_admin_sections(page, context)
    page.resize(980, 560)
    return page, sections


def wait_idle(qtbot, context: AppContext) -> None:
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=10_000)


def test_admin_gets_three_tabs_and_a_receptionist_none(
    qtbot, admin_context: AppContext, small_db: Database, runner: TaskRunner, small_town_file
) -> None:
    page, sections = settings_page(qtbot, admin_context)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "驿站信息",
        "账号管理",
        "审计日志",
        "保存期限",
    ]
    assert [type(s) for s in sections] == [
        StationSettingsSection,
        UsersSection,
        AuditSection,
        RetentionSection,
    ]
    clerk = context_for(small_db, runner, small_town_file.username, small_town_file.password)
    empty, none = settings_page(qtbot, clerk)
    assert none == [] and empty.tabs.count() == 0


def test_accounts_add_reset_role_disable(
    qtbot, admin_context: AppContext, small_db: Database, monkeypatch
) -> None:
    page, (_station, section, _audit, _kept) = settings_page(qtbot, admin_context)
    page.tabs.setCurrentWidget(section)
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        page.show()
    assert [u.username for u in section.rows] == ["jiedai", "zhanzhang"]
    assert section.table.item(0, 2).text() == "接待员"

    # New account: a mismatch is caught in the form, a short password by the service.
    dialog: UserAccountDialog = section.add_user()
    dialog.username_edit.setText("wangwu")
    dialog.display_name_edit.setText("王五")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("grid_worker"))
    dialog.password_edit.setText("short")
    dialog.repeat_edit.setText("shorter")
    dialog.save_button.click()
    assert dialog.errors.messages() == {"repeat_password": "两次输入的密码不一致。"}
    dialog.repeat_edit.setText("short")
    with qtbot.waitSignal(admin_context.runner.sig_task_done, timeout=10_000):
        dialog.save_button.click()
    assert dialog.errors.messages() == {"password": "密码至少8位"}
    shot(dialog, "accounts-new-user-error")
    dialog.password_edit.setText("wangwu-2026")
    dialog.repeat_edit.setText("wangwu-2026")
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        dialog.save_button.click()
    assert [u.username for u in section.rows] == ["jiedai", "wangwu", "zhanzhang"]
    assert section.selected() is not None and section.selected().username == "wangwu"
    assert section.table.item(1, 4).text() == "待修改密码"

    # Change the role of the receptionist, reset her password, then disable her.
    section.select("jiedai")
    dialog = section.change_role()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("mediator"))
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        dialog.save_button.click()
    assert section.table.item(0, 2).text() == "调解员"
    dialog = section.reset_password()
    dialog.password_edit.setText("temporary-1")
    dialog.repeat_edit.setText("temporary-1")
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        dialog.save_button.click()
    monkeypatch.setattr("ui.pages.users_section.confirm", lambda *a, **k: True)
    assert section.active_button.text() == "停用"
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        section.active_button.click()
    assert section.table.item(0, 4).text() == "已停用"
    assert section.active_button.text() == "启用"
    shot(page, "accounts-users-section")
    with small_db.read() as s:
        logged = [
            (a.action, a.target_id)
            for a in s.query(AuditEntry).filter(AuditEntry.username == "zhanzhang")
        ]
    assert ("user_created", "wangwu") in logged
    assert ("role_changed", "jiedai") in logged
    assert ("password_reset", "jiedai") in logged
    assert ("user_disabled", "jiedai") in logged


def test_disabling_oneself_is_refused_with_a_message(
    qtbot, admin_context: AppContext, monkeypatch, message_boxes
) -> None:
    page, (_station, section, _audit, _kept) = settings_page(qtbot, admin_context)
    page.tabs.setCurrentWidget(section)
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        page.show()
    section.select("zhanzhang")
    monkeypatch.setattr("ui.pages.users_section.confirm", lambda *a, **k: True)
    with qtbot.waitSignal(admin_context.runner.sig_task_done, timeout=10_000):
        section.active_button.click()
    assert [b.text for b in message_boxes] == ["不能停用自己正在使用的账号"]


def test_audit_log_filters(
    qtbot, admin_context: AppContext, small_town_file, small_db: Database
) -> None:
    with pytest.raises(users.LoginFailed), small_db.transaction() as s:
        authenticate(s, username="jiedai", password="wrong-password")
    page, (_station, _users, section, _kept) = settings_page(qtbot, admin_context)
    page.tabs.setCurrentWidget(section)
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        page.show()
    everything = section.page
    assert everything is not None
    assert [r.action for r in everything.rows][:2] == ["login_failed", "login"]
    assert section.table.item(0, 2).text() == "登录失败"
    section.action_combo.setCurrentIndex(section.action_combo.findData("login_failed"))
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        section.search_button.click()
    assert {r.action for r in section.page.rows} == {"login_failed"}
    assert section.table.rowCount() == 1
    assert section.count_label.text() == "共 1 条记录"
    shot(page, "accounts-audit-section")
    section.action_combo.setCurrentIndex(0)
    section.user_combo.setCurrentIndex(section.user_combo.findData("zhanzhang"))
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        section.search_button.click()
    assert {r.username for r in section.page.rows} == {"zhanzhang"}


def test_station_details_are_checked_saved_and_audited(
    qtbot, admin_context: AppContext, small_db: Database
) -> None:
    page, (section, _users, _audit, _kept) = settings_page(qtbot, admin_context)
    with qtbot.waitSignal(admin_context.runner.sig_task_done, timeout=10_000):
        page.show()
    assert section.name_edit.text() == "测试社区网格驿站"
    section.phone_edit.setText("12345")
    section.idle_spin.setValue(15)
    with qtbot.waitSignal(admin_context.runner.sig_task_done, timeout=10_000):
        section.save_button.click()
    assert set(section.errors.messages()) == {"phone"}
    shot(page, "accounts-station-section-error")
    section.phone_edit.setText("0591-87650000")
    with qtbot.waitSignal(section.sig_saved, timeout=10_000):
        section.save_button.click()
    with small_db.read() as s:
        stored = load_settings(s)
        (entry,) = s.query(AuditEntry).filter_by(action="station_info_changed").all()
    assert (stored.phone, stored.idle_lock_minutes) == ("0591-87650000", 15)
    assert "联系电话" in entry.detail and "自动锁定时间" in entry.detail


def test_main_window_has_the_account_menu_and_admin_tabs(qtbot, admin_context: AppContext) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(context=admin_context)
    qtbot.addWidget(window)
    menu = window.account_menu
    assert menu.title() == "账号(&A)"
    assert menu.lock_action.shortcut().toString() == "Ctrl+L"
    assert menu.idle_lock.watcher.minutes == admin_context.settings.idle_lock_minutes == 10
    tabs = window.settings_page.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert {"驿站信息", "账号管理", "审计日志"} <= set(titles)  # other sections may join
    menu.lock_action.trigger()
    assert menu.idle_lock.locked
    screen = menu.idle_lock.screen
    assert screen is not None
    screen.password_edit.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(menu.idle_lock.sig_unlocked, timeout=10_000):
        screen.unlock_button.click()
    dialog = menu.change_password()
    assert dialog.isVisible() and "王站长" in dialog.findChild(QLabel).text()
    dialog.reject()
    wait_idle(qtbot, admin_context)


def test_retention_preview_then_anonymise(
    qtbot, admin_context: AppContext, small_db: Database, monkeypatch
) -> None:
    from datetime import datetime

    from station.services import cases, persons
    from station.services.users import system_actor

    with small_db.transaction() as s:
        actor = system_actor(s)
        person = persons.create_person(s, actor=actor, name="赵老伯", phone="13600136000")
        old = cases.create_case(
            s,
            actor=actor,
            summary="院墙倒塌占道",
            received_at=datetime(2018, 5, 2, 9, 0),
            requester_id=person.id,
            location="溪口村5组",
        )
        when = datetime(2018, 5, 3, 9, 0)
        cases.act_on_case(s, actor=actor, case_id=old.id, action="settle_at_desk", at=when)
        cases.act_on_case(s, actor=actor, case_id=old.id, action="close", at=when)
    page, (*_others, section) = settings_page(qtbot, admin_context)
    page.tabs.setCurrentWidget(section)
    page.show()
    assert section.years_spin.value() == 5 and not section.apply_button.isEnabled()
    with qtbot.waitSignal(section.sig_previewed, timeout=10_000):
        section.preview_button.click()
    assert section.table.rowCount() == 1
    assert section.table.item(0, 3).text() == "赵老伯 136****6000"
    assert "将匿名化 1 张工单、1 名居民；0 名居民保留信息" in section.summary_label.text()
    shot(page, "accounts-retention-section")
    monkeypatch.setattr("ui.pages.retention_section.confirm", lambda *a, **k: True)
    changed = []
    admin_context.bus.sig_changed.connect(changed.append)
    with qtbot.waitSignal(section.sig_previewed, timeout=10_000):  # re-previewed after
        section.apply_button.click()
    assert section.table.rowCount() == 0 and not section.apply_button.isEnabled()
    assert changed and old.id in changed[0].case_ids
    with small_db.read() as s:
        assert persons.get_person(s, person_id=person.id).name == "（已匿名）"
