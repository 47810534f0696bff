"""The first-run setup wizard: page order per choice, messages under fields, going back,
and the work done on the task runner."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QLabel, QWizard

from station.db.database import database_path, open_database
from station.errors import GridStationError
from station.services import setup
from station.services.users import authenticate
from station.settings import load_settings
from ui.setup_wizard import SetupWizard
from ui.task_runner import TaskRunner


@pytest.fixture
def bare_runner() -> Iterator[TaskRunner]:
    """The runner as run_app has it before there is a database."""
    runner = TaskRunner()
    yield runner
    assert runner.shutdown()


@pytest.fixture
def wizard(qtbot, bare_runner: TaskRunner, tmp_path: Path) -> SetupWizard:
    dialog = SetupWizard(runner=bare_runner, data_dir=tmp_path / "网格 驿站" / "数据")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_station(w: SetupWizard) -> None:
    w.code_edit.setText("xk01")
    w.name_edit.setText("溪口村网格驿站")
    w.kind_combo.setCurrentIndex(w.kind_combo.findData("village"))
    w.town_edit.setText("霞溪镇")
    w.committee_edit.setText("霞溪镇溪口村人民调解委员会")
    w.short_edit.setText("溪口")
    w.phone_edit.setText("0591 8765 4321")


def fill_admin(w: SetupWizard, *, again: str = "xikou2026") -> None:
    w.username_edit.setText("admin")
    w.display_name_edit.setText("林站长")
    w.password_edit.setText("xikou2026")
    w.password_again_edit.setText(again)


def test_opens_in_chinese_on_the_welcome_page(wizard: SetupWizard) -> None:
    assert wizard.windowTitle() == "网格驿站首次设置"
    assert wizard.currentId() == SetupWizard.WELCOME
    assert "欢迎使用网格驿站" in wizard.currentPage().title()
    assert wizard.mode_group.checkedButton().text() == "新建驿站"
    assert wizard.button(QWizard.WizardButton.NextButton).text().startswith("下一步")


def test_a_new_station_goes_through_every_page_and_is_created(
    qtbot, wizard: SetupWizard, bare_runner: TaskRunner
) -> None:
    folder = Path(wizard.data_dir_edit.text())
    wizard.next()
    assert wizard.currentId() == SetupWizard.FOLDERS
    wizard.next()
    assert wizard.currentId() == SetupWizard.STATION
    fill_station(wizard)
    wizard.next()
    assert wizard.currentId() == SetupWizard.ADMIN
    assert wizard.code_edit.text() == "XK01"  # normalised when accepted
    fill_admin(wizard)
    wizard.next()
    assert wizard.currentId() == SetupWizard.CONFIRM
    summary = wizard.summary_label.text()
    for shown in (
        "溪口村网格驿站（XK01）",
        "霞溪镇溪口村人民调解委员会（溪口）",
        "0591-87654321",
        "admin（林站长）",
        str(folder),
    ):
        assert shown in summary
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "开始设置(&S)"
    wizard.next()  # waits, responsive, for the worker
    assert wizard.currentId() == SetupWizard.DONE
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert "admin" in wizard.done_label.text()
    assert isinstance(wizard.outcome, setup.StationSetup)
    assert wizard.data_dir == folder
    db = open_database(folder)
    try:
        with db.transaction() as session:
            assert load_settings(session).station_code == "XK01"
            assert authenticate(session, username="admin", password="xikou2026").display_name == (
                "林站长"
            )
    finally:
        db.close()


def test_station_problems_show_under_their_fields_and_clear_when_edited(
    wizard: SetupWizard,
) -> None:
    wizard.next()
    wizard.next()
    wizard.next()  # everything empty
    assert wizard.currentId() == SetupWizard.STATION
    messages = wizard.errors.messages()
    assert set(messages) >= {"station_code", "station_name", "town_name", "phone"}
    assert messages["station_name"] == "请填写驿站名称"
    assert wizard.errors.label("phone").isVisibleTo(wizard)
    wizard.name_edit.textEdited.emit("溪口")  # what typing does
    assert "station_name" not in wizard.errors.messages()


def test_every_page_can_go_back_and_keeps_what_was_typed(wizard: SetupWizard) -> None:
    wizard.next()
    wizard.next()
    fill_station(wizard)
    wizard.next()
    assert wizard.currentId() == SetupWizard.ADMIN
    wizard.back()
    assert wizard.currentId() == SetupWizard.STATION
    assert wizard.name_edit.text() == "溪口村网格驿站"
    wizard.back()
    wizard.back()
    assert wizard.currentId() == SetupWizard.WELCOME


def test_passwords_must_match(wizard: SetupWizard) -> None:
    wizard.next()
    wizard.next()
    fill_station(wizard)
    wizard.next()
    fill_admin(wizard, again="xikou2027")
    wizard.next()
    assert wizard.currentId() == SetupWizard.ADMIN
    assert wizard.errors.messages() == {"password_again": "两次输入的密码不一致，请重新输入"}
    assert wizard.password_again_edit.text() == ""


def test_a_folder_that_already_has_a_station_is_refused(
    wizard: SetupWizard, small_town_file, tmp_path: Path
) -> None:
    taken = tmp_path / "已有"
    taken.mkdir()
    shutil.copy(small_town_file.path, database_path(taken))
    wizard.next()
    wizard.data_dir_edit.setText(str(taken))
    wizard.next()
    assert wizard.currentId() == SetupWizard.FOLDERS
    assert "已经有驿站数据库" in wizard.errors.message("data_dir")


def test_the_demo_town_skips_the_station_and_admin_pages(
    monkeypatch: pytest.MonkeyPatch, wizard: SetupWizard, small_town_file
) -> None:
    built: list[Path] = []

    def practise(folder: Path, **kwargs: object) -> object:
        built.append(folder)
        shutil.copy(small_town_file.path, database_path(folder))
        return SimpleNamespace(
            residents=3000, cases=7, mediations=0, users=("admin", "jiedai"), password="demo1234"
        )

    monkeypatch.setattr(setup, "practise_with_demo", practise)
    wizard.mode_group.button(2).setChecked(True)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == SetupWizard.CONFIRM
    assert "演示镇" in wizard.summary_label.text()
    wizard.next()
    assert wizard.currentId() == SetupWizard.DONE
    assert built == [wizard.data_dir]
    done = wizard.done_label.text()
    assert "admin、jiedai" in done and "demo1234" in done


def test_joining_explains_itself_and_a_refused_code_can_be_fixed(
    monkeypatch: pytest.MonkeyPatch, wizard: SetupWizard
) -> None:
    calls: list[dict[str, object]] = []

    def refuse(folder: Path, **kwargs: object) -> object:
        calls.append(kwargs)
        raise GridStationError("注册码无效或已使用，请向镇网格中心重新索取", field="code")

    monkeypatch.setattr(setup, "join_town", refuse)
    wizard.mode_group.button(1).setChecked(True)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == SetupWizard.TOWN
    assert "grid-station enroll" in wizard.currentPage().findChild(QLabel, "wizardIntro").text()
    wizard.next()  # empty
    assert set(wizard.errors.messages()) == {"server_url", "code"}
    wizard.server_edit.setText("https://town.example:8700/")
    wizard.enrol_code_edit.setText("ABCD-EFGH-2345")
    wizard.next()
    fill_admin(wizard)
    wizard.next()
    assert wizard.currentId() == SetupWizard.CONFIRM
    wizard.next()
    assert wizard.currentId() == SetupWizard.CONFIRM  # stays, with the reason
    assert "注册码无效" in wizard.setup_error.text()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert calls[0]["server_url"] == "https://town.example:8700/"
    assert calls[0]["code"] == "ABCD-EFGH-2345"
    wizard.back()
    wizard.back()
    assert wizard.currentId() == SetupWizard.TOWN
    assert "注册码无效" in wizard.errors.message("code")
