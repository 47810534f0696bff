"""Starting the desktop app: Qt, fonts, language, database (or demo town), login, main window."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from station import __version__
from station.db.database import Database, database_path, open_database
from station.resources import resource_path
from station.services.events import Actor
from station.settings import StationSettings, load_settings
from ui.context import AppContext
from ui.errors import show_exception
from ui.fonts import apply_app_font, register_fonts
from ui.i18n import compile_translations, install_translator
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow
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


def ask_for_demo(data_dir: Path) -> bool:
    """No database yet and no demo requested: explain, and offer to build the demo town."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("run_app", "Grid Station"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate("run_app", "There is no station database in %1 yet.").replace(
            "%1", str(data_dir)
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "run_app",
            "Setting up a new station (station code, users, town data) will come with the "
            "first-run setup in a later version.\n\n"
            "To try the program now, build the demo town: click “Build demo town”, or run\n"
            "grid-station demo --data-dir %1",
        ).replace("%1", str(data_dir))
    )
    build = box.addButton(
        QCoreApplication.translate("run_app", "Build demo town"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("run_app", "Exit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(build)
    box.exec()
    return box.clickedButton() is build


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


def run_app(*, data_dir: Path, demo_if_empty: bool = False) -> int:
    """Run the desktop app on the database in ``data_dir``; returns the exit code."""
    app = create_application()
    setup_application(app)
    runner = TaskRunner()
    database: Database | None = None
    try:
        if not database_path(data_dir).exists():
            wanted = demo_if_empty or ask_for_demo(data_dir)
            if not wanted or not build_demo_with_progress(runner, data_dir, parent=None):
                return EXIT_FAILED if wanted else EXIT_OK
        try:
            database = open_database(data_dir)
            with database.read() as session:
                settings = load_settings(session)
        except Exception as exc:  # shown to the person (plainly if ours), then exit
            show_exception(None, exc)
            return EXIT_FAILED
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
        window.show()
        window.start()
        return app.exec()
    finally:
        runner.shutdown()
        if database is not None:
            database.close()
