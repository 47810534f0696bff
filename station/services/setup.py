"""First-run setup: a new station's database from the setup wizard's answers.

Three ways to start, each ending with a database in the data folder that has settings and
at least one station administrator (the wizard then shows the login dialog):

* :func:`create_station` — a new station typed in by hand;
* :func:`join_town` — a station enrolled with the town server's one-time code (its code,
  name and kind come from the server), plus a local administrator;
* the demo town (:func:`station.demo.town.build_demo_town`), to practise.

Guarantees: every answer is checked before anything is written, and all problems are
reported together (:class:`~station.errors.FormInvalid`, each with its field); a data
folder that already holds a database is never touched; if anything fails after the
database file was created, the file is removed again, so the folder is as it was and
setup can simply be run again.

Also here: the chosen data folder (remembered in the default one when they differ) and
the app's language, both settings people make during or after setup.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from station.db.database import Database, database_path, open_database
from station.db.models import AuditEntry
from station.domain.enums import Role, StationKind
from station.domain.numbers import check_station_code
from station.domain.validation import check_phone
from station.errors import FormInvalid, ValidationError
from station.services.users import MIN_PASSWORD, UserInfo, create_user
from station.settings import StationSettings, load_settings, save_settings

#: Languages of the desktop app: code -> name in that language (what a menu shows).
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
#: In the default data folder: the path of the folder chosen during setup, when different.
POINTER_FILE = "data-folder.txt"
MAX_NAME = 40
MAX_COMMITTEE_SHORT = 6


@dataclass(frozen=True)
class StationSetup:
    """What setup created."""

    data_dir: Path
    database: Path
    settings: StationSettings
    admin: UserInfo


# ------------------------------------------------------------------------------ checks


def _required(value: str, *, field: str, label: str, max_len: int = MAX_NAME) -> str:
    value = value.strip()
    if not value:
        raise ValidationError(f"请填写{label}", code="required", field=field)
    if len(value) > max_len:
        raise ValidationError(f"{label}最多{max_len}个字", code="too_long", field=field)
    return value


def check_settings(settings: StationSettings) -> StationSettings:
    """The station's answers, normalised (code in capitals, phone as stored).

    Raises :class:`FormInvalid` listing every problem, each with its field name
    (``station_code``, ``station_name``, ``station_kind``, ``town_name``,
    ``committee_name``, ``committee_short``, ``phone``, ``language``).
    """
    errors: list[ValidationError] = []
    values: dict[str, Any] = {}

    def run(field: str, check: Callable[[], Any]) -> None:
        try:
            values[field] = check()
        except ValidationError as exc:
            errors.append(exc if exc.field == field else ValidationError(exc.message, field=field))

    run("station_code", lambda: check_station_code(settings.station_code))
    run(
        "station_name",
        lambda: _required(settings.station_name, field="station_name", label="驿站名称"),
    )
    run("station_kind", lambda: _check_kind(settings.station_kind))
    run(
        "town_name",
        lambda: _required(settings.town_name, field="town_name", label="所属镇（街道）"),
    )
    # Departments do not mediate; every other station has a people's mediation committee.
    mediates = settings.station_kind != StationKind.DEPARTMENT.value
    if mediates or settings.committee_name.strip():
        run(
            "committee_name",
            lambda: _required(
                settings.committee_name, field="committee_name", label="人民调解委员会名称"
            ),
        )
    if mediates or settings.committee_short.strip():
        run("committee_short", lambda: _check_committee_short(settings.committee_short))
    run("phone", lambda: check_phone(settings.phone, field="phone").value)
    run("language", lambda: check_language(settings.language))
    if errors:
        raise FormInvalid(errors)
    return replace(settings, **values)


def _check_kind(kind: str) -> str:
    try:
        return StationKind(kind).value
    except ValueError:
        raise ValidationError("请选择驿站类型", code="bad_choice", field="station_kind") from None


def _check_committee_short(short: str) -> str:
    short = short.strip()
    if not short:
        raise ValidationError(
            "请填写调解委员会简称（调解案件编号“（2026）X人调字第N号”中的 X）",
            code="required",
            field="committee_short",
        )
    if len(short) > MAX_COMMITTEE_SHORT or any(c.isspace() or c in "（）()第号" for c in short):
        raise ValidationError(
            f"简称应为1到{MAX_COMMITTEE_SHORT}个字，不含空格、括号和“第”“号”，例如 霞溪",
            code="bad_committee_short",
            field="committee_short",
        )
    return short


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError(
            f"不支持的界面语言“{language}”，可选：{'、'.join(LANGUAGES.values())}",
            code="bad_choice",
            field="language",
        )
    return language


def check_admin(
    *, username: str, display_name: str, password: str, password_again: str | None = None
) -> None:
    """The first administrator's account; :class:`FormInvalid` with fields ``username``,
    ``display_name``, ``password`` and ``password_again``."""
    errors: list[ValidationError] = []
    name = username.strip()
    if not name:
        errors.append(ValidationError("请填写登录名", code="required", field="username"))
    elif len(name) > MAX_NAME or any(c.isspace() for c in name):
        errors.append(
            ValidationError(
                f"登录名最多{MAX_NAME}个字符，不能有空格", code="bad_username", field="username"
            )
        )
    if len(display_name.strip()) > MAX_NAME:
        errors.append(
            ValidationError(f"姓名最多{MAX_NAME}个字", code="too_long", field="display_name")
        )
    if len(password) < MIN_PASSWORD:
        errors.append(
            ValidationError(
                f"密码至少{MIN_PASSWORD}位", code="password_too_short", field="password"
            )
        )
    elif password.strip() != password:
        errors.append(
            ValidationError("密码的开头和结尾不能是空格", code="password_spaces", field="password")
        )
    if password_again is not None and password_again != password:
        errors.append(
            ValidationError(
                "两次输入的密码不一致，请重新输入", code="password_mismatch", field="password_again"
            )
        )
    if errors:
        raise FormInvalid(errors)


def check_folder(path: Path | str, *, field: str = "data_dir", label: str = "数据文件夹") -> Path:
    """An absolute folder this user can write to (created if missing)."""
    text = str(path).strip()
    if not text:
        raise ValidationError(f"请选择{label}", code="required", field=field)
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        raise ValidationError(
            f"{label}请写完整路径，例如 D:\\网格驿站\\数据", code="relative_path", field=field
        )
    if folder.exists() and not folder.is_dir():
        raise ValidationError(f"{folder} 是一个文件，不是文件夹", code="not_a_folder", field=field)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".grid-station-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ValidationError(
            f"无法在 {folder} 中写入文件（{exc.strerror or exc}），请换一个文件夹",
            code="folder_not_writable",
            field=field,
        ) from None
    return folder


def check_new_data_dir(path: Path | str) -> Path:
    """A data folder setup may use: writable and without a station database yet."""
    folder = check_folder(path)
    if database_path(folder).exists():
        raise ValidationError(
            f"{folder} 中已经有驿站数据库。请换一个空文件夹；"
            "要使用已有的数据库，请取消设置，用“--data-dir 文件夹”打开它。",
            code="station_exists",
            field="data_dir",
        )
    return folder


def check_server_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if not url:
        raise ValidationError("请填写镇服务器地址", code="required", field="server_url")
    if not url.startswith(("https://", "http://")) or len(url) < 10 or " " in url:
        raise ValidationError(
            "服务器地址应以 https:// 开头，例如 https://town.example:8700",
            code="bad_url",
            field="server_url",
        )
    return url


# ------------------------------------------------------------------------------ setup


def create_station(
    data_dir: Path | str,
    *,
    settings: StationSettings,
    admin_username: str,
    admin_display_name: str,
    admin_password: str,
) -> StationSetup:
    """Create the database of a new station in ``data_dir`` (see the module docstring)."""
    settings = check_settings(settings)
    check_admin(username=admin_username, display_name=admin_display_name, password=admin_password)
    folder = check_new_data_dir(data_dir)
    with _new_database(folder) as db, db.transaction() as session:
        save_settings(session, settings)
        admin = _create_admin(
            session,
            username=admin_username,
            display_name=admin_display_name,
            password=admin_password,
        )
        _audit(session, admin=admin.username, how="new", settings=settings)
    return StationSetup(folder, database_path(folder), settings, admin)


def join_town(
    data_dir: Path | str,
    *,
    server_url: str,
    code: str,
    admin_username: str,
    admin_display_name: str,
    admin_password: str,
    ca_file: str = "",
    language: str = DEFAULT_LANGUAGE,
    backup_dir: str = "",
    http: Any = None,
) -> StationSetup:
    """Enroll a new station with the town server's one-time ``code`` and add its first
    local administrator. Needs the network; ``http`` is an ``httpx.Client`` for tests."""
    errors: list[ValidationError] = []
    for check in (
        lambda: check_server_url(server_url),
        lambda: _required(code, field="code", label="注册码", max_len=100),
        lambda: check_language(language),
        lambda: check_admin(
            username=admin_username, display_name=admin_display_name, password=admin_password
        ),
    ):
        try:
            check()
        except FormInvalid as exc:
            errors.extend(exc.errors)
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        raise FormInvalid(errors)
    folder = check_new_data_dir(data_dir)
    from station.sync.transport import enroll  # the network client: only when joining

    with _new_database(folder) as db:
        enroll(db, server_url=check_server_url(server_url), code=code, ca_file=ca_file, http=http)
        with db.transaction() as session:
            settings = replace(load_settings(session), language=language, backup_dir=backup_dir)
            save_settings(session, settings)
            admin = _create_admin(
                session,
                username=admin_username,
                display_name=admin_display_name,
                password=admin_password,
            )
            _audit(session, admin=admin.username, how="join", settings=settings)
    return StationSetup(folder, database_path(folder), settings, admin)


def practise_with_demo(
    data_dir: Path | str,
    *,
    backup_dir: str = "",
    language: str = DEFAULT_LANGUAGE,
    cases: int = 1000,
    mediations: int = 300,
) -> Any:
    """Build the demo town (fictional 霞溪镇, its users and cases) in a new data folder, to
    practise; returns its :class:`~station.demo.town.DemoSummary` (accounts, password)."""
    check_language(language)
    folder = check_new_data_dir(data_dir)
    from station.demo.town import build_demo_town  # heavy: only when asked

    had_backups = (folder / "backups").exists()
    try:
        summary = build_demo_town(folder, cases=cases, mediations=mediations)
        db = open_database(folder)
        try:
            with db.transaction() as session:
                settings = load_settings(session)
                save_settings(session, replace(settings, language=language, backup_dir=backup_dir))
        finally:
            db.close()
    except BaseException:  # no half-built town left behind: setup can simply run again
        _remove_database_files(folder, keep_backups=had_backups)
        raise
    return summary


@contextmanager
def _new_database(folder: Path) -> Iterator[Database]:
    """A new database in ``folder``; on any error it is closed and its files removed."""
    had_backups = (folder / "backups").exists()
    db: Database | None = None
    try:
        db = open_database(folder)
        yield db
    except BaseException:
        if db is not None:
            db.close()
            db = None
        _remove_database_files(folder, keep_backups=had_backups)
        raise
    finally:
        if db is not None:
            db.close()


def _remove_database_files(folder: Path, *, keep_backups: bool) -> None:
    path = database_path(folder)
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    backups = folder / "backups"
    if not keep_backups and backups.is_dir() and not any(backups.iterdir()):
        shutil.rmtree(backups, ignore_errors=True)


def _create_admin(session: Session, *, username: str, display_name: str, password: str) -> UserInfo:
    return create_user(
        session,
        username=username,
        display_name=display_name,
        role=Role.STATION_ADMIN.value,
        password=password,
    )


def _audit(session: Session, *, admin: str, how: str, settings: StationSettings) -> None:
    session.add(
        AuditEntry(
            at=datetime.now().replace(microsecond=0),
            username=admin[:40],
            action="setup_station",
            target_type="station",
            target_id=settings.station_code[:64],
            detail=json.dumps(
                {"how": how, "station_name": settings.station_name, "kind": settings.station_kind},
                ensure_ascii=False,
                sort_keys=True,
            ),
        )
    )


# ------------------------------------------------------------------------------ settings


def set_language(session: Session, *, language: str) -> StationSettings:
    """Store the app's language (it applies from the next start); returns the settings."""
    settings = replace(load_settings(session), language=check_language(language))
    save_settings(session, settings)
    return settings


def chosen_data_dir(default: Path) -> Path:
    """The data folder to use when none is given: the one chosen during setup (remembered
    in ``default``), else ``default`` itself."""
    pointer = Path(default) / POINTER_FILE
    try:
        text = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return Path(default)
    return Path(text) if text and Path(text).is_absolute() else Path(default)


def remember_data_dir(default: Path, chosen: Path) -> None:
    """Make ``chosen`` the folder :func:`chosen_data_dir` returns (forget it when it is
    ``default``). Written atomically: a half-written pointer would lose the station."""
    default, chosen = Path(default), Path(chosen)
    pointer = default / POINTER_FILE
    if chosen.resolve() == default.resolve():
        pointer.unlink(missing_ok=True)
        return
    default.mkdir(parents=True, exist_ok=True)
    temp = pointer.with_name(POINTER_FILE + ".part")
    temp.write_text(str(chosen.resolve()) + "\n", encoding="utf-8")
    os.replace(temp, pointer)


def default_backup_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "backups"


__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "POINTER_FILE",
    "StationSetup",
    "check_admin",
    "check_folder",
    "check_language",
    "check_new_data_dir",
    "check_server_url",
    "check_settings",
    "chosen_data_dir",
    "create_station",
    "default_backup_dir",
    "join_town",
    "practise_with_demo",
    "remember_data_dir",
    "set_language",
]
