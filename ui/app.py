"""Starting the desktop app: Qt, fonts, language, database (or demo town), login, main window."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from station import __version__
from station.db.database import Database, database_path, default_data_dir, open_database
from station.db.sealed import check_key
from station.resources import resource_path
from station.services.backup import AppLock, acquire_app_lock
from station.services.events import Actor
from station.services.setup import remember_data_dir
from station.settings import StationSettings, load_settings
from ui.context import AppContext
from ui.dialogs.crash_dialog import install_excepthook
from ui.errors import show_exception
from ui.fonts import apply_app_font, register_fonts
from ui.i18n import DEFAULT_LOCALE, compile_translations, install_translator
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
from ui.safe_mode import check_data_folder, show_open_failure
from ui.setup_wizard import SetupWizard
from ui.task_runner import TaskRunner

log = logging.getLogger(__name__)

STYLESHEET = "grid_station.qss"
APP_ICON = "grid-station.svg"
EXIT_OK, EXIT_FAILED = 0, 1


def create_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused if it exists), with our names and high-DPI policy."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Qt 6 always scales for high DPI; pass fractional factors (125 %, 150 %) through as-is
    # so text is neither blurry nor rounded to 200 % on a laptop.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setOrganizationName("GridStation")
    QCoreApplication.setApplicationName("GridStation")
    QCoreApplication.setApplicationVersion(__version__)
    return QApplication(argv if argv is not None else sys.argv[:1])


def setup_application(app: QApplication, *, locale: str = "zh_CN") -> None:
    """Fonts, translation, style sheet and icon: everything that looks the same in tests."""
    compile_translations()  # a stat() or two when the .qm is fresh
    install_translator(app, locale)
    apply_app_font(app, register_fonts())
    QGuiApplication.setApplicationDisplayName(QCoreApplication.translate("run_app", "Grid Station"))
    icon = resource_path("icons", APP_ICON)
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style = resource_path("styles", STYLESHEET)
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def build_demo_with_progress(runner: TaskRunner, data_dir: Path, *, parent: QWidget | None) -> bool:
    """Build the demo town on the worker thread behind a modal "please wait"; True if built."""
    progress = QProgressDialog(parent)
    progress.setWindowTitle(QCoreApplication.translate("run_app", "Grid Station"))
    progress.setLabelText(
        QCoreApplication.translate("run_app", "Building the demo town, please wait…")
    )
    progress.setRange(0, 0)  # busy indicator: the build reports no steps
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    outcome: dict[str, BaseException | None] = {}
    loop = QEventLoop()

    def build() -> object:
        from station.demo.town import build_demo_town  # written separately; heavy

        return build_demo_town(data_dir)

    def finished(error: BaseException | None) -> None:
        outcome["error"] = error
        loop.quit()

    runner.run(
        build,
        parent=None,
        success=lambda _summary: finished(None),
        failure=finished,
        label="demo town",
    )
    progress.show()
    loop.exec()  # Esc only hides the box; the build goes on until done
    progress.close()
    error = outcome.get("error")
    if error is not None:
        show_exception(parent, error)
        return False
    return True


def set_up_station(runner: TaskRunner, data_dir: Path) -> Path | None:
    """No database yet: the first-run setup wizard. The data folder it set up (it may be
    another than ``data_dir``; remembered for the next start), or None if cancelled."""
    wizard = SetupWizard(runner=runner, data_dir=data_dir)
    if wizard.exec() != SetupWizard.DialogCode.Accepted or wizard.outcome is None:
        return None
    # The login that follows offers the account just made (the demo town: its admin).
    admin = getattr(wizard.outcome, "admin", None)
    username = admin.username if admin else next(iter(getattr(wizard.outcome, "users", ())), "")
    if username:
        QSettings().setValue("login/username", username)
    if wizard.data_dir != data_dir:
        try:
            remember_data_dir(default_data_dir(), wizard.data_dir)
        except OSError as exc:  # the station works now; only the next start cannot find it
            show_exception(None, exc)
    return wizard.data_dir


def log_in(runner: TaskRunner, settings: StationSettings) -> Actor | None:
    """Show the login dialog; the Actor, or None if the person cancelled."""
    stored = QSettings()
    dialog = LoginDialog(
        runner=runner,
        station_name=settings.station_name,
        username=str(stored.value("login/username", "") or ""),
    )
    if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    stored.setValue("login/username", dialog.actor.username)
    return dialog.actor


def show_fitted(window: QWidget) -> None:
    """Show ``window`` at its size, or maximized where that does not fit the screen with
    its frame (1366×768 with a taskbar, or any screen at 125 % and more)."""
    available = window.screen().availableGeometry()
    frame_w, frame_h = 16, 48  # borders and title bar, before the window manager says
    if (
        window.width() + frame_w > available.width()
        or window.height() + frame_h > available.height()
    ):
        window.showMaximized()
    else:
        window.show()


def run_app(*, data_dir: Path, demo_if_empty: bool = False) -> int:
    """Run the desktop app on the database in ``data_dir``; returns the exit code."""
    app = create_application()
    setup_application(app)
    runner = TaskRunner()
    database: Database | None = None
    crash_hook = install_excepthook(data_dir)  # unexpected errors: logged, shown, copyable
    app_lock: AppLock | None = None
    try:
        if not database_path(data_dir).exists():
            if demo_if_empty:
                if not build_demo_with_progress(runner, data_dir, parent=None):
                    return EXIT_FAILED
            else:
                chosen = set_up_station(runner, data_dir)
                if chosen is None:
                    return EXIT_OK
                data_dir = chosen
        # Damaged, read-only, full or too new: safe mode, which never writes to the file.
        if not check_data_folder(runner=runner, data_dir=data_dir):
            return EXIT_FAILED
        app_lock = acquire_app_lock(data_dir)  # `grid-station restore` refuses while we run
        try:
            database = open_database(data_dir)
            with database.read() as session:
                settings = load_settings(session)
                check_key(session)  # ID numbers sealed with a key this computer lacks
        except Exception as exc:  # ours plainly; anything else in safe mode; then exit
            show_open_failure(runner=runner, data_dir=data_dir, exc=exc)
            return EXIT_FAILED
        if settings.language != DEFAULT_LOCALE:
            install_translator(app, settings.language)
        runner.database = database
        # Everything loaded so far (Qt, SQLAlchemy, pypinyin's dictionaries) lives as long as
        # the app: keep it out of the garbage collector's full passes, which otherwise stall
        # the GUI thread for ~100 ms while a 200,000-case list is being built.
        gc.freeze()
        actor = log_in(runner, settings)
        if actor is None:
            return EXIT_OK
        window = MainWindow(
            context=AppContext(database=database, runner=runner, actor=actor, settings=settings)
        )
        show_fitted(window)
        window.start()
        return app.exec()
    finally:
        crash_hook.uninstall()
        if app_lock is not None:
            app_lock.release()
        runner.shutdown()
        if database is not None:
            database.close()
