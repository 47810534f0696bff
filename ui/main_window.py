"""The main window: navigation between the areas, the current page, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from station.domain.enums import Role
from station.services.overview import StationInfo, station_info
from ui.context import AppContext
from ui.pages.cases_page import CasesPage
from ui.pages.placeholder_page import PlaceholderPage

RECEPTION, CASES, MEDIATION, STATISTICS, SETTINGS = range(5)


class MainWindow(QMainWindow):
    """Left navigation list (Ctrl+1 … Ctrl+5) over a stack of pages; opens on 工单."""

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        settings = context.settings
        station = settings.station_name or self.tr("Grid Station")
        self.setWindowTitle(self.tr("Grid Station — %1").replace("%1", station))
        self.setObjectName("mainWindow")

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(132)
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages = QStackedWidget()
        self.cases_page = CasesPage(database=context.database, runner=context.runner)

        areas: list[tuple[str, QWidget]] = [
            (self.tr("Reception"), self._reception_placeholder()),
            (self.tr("Work orders"), self.cases_page),
            (self.tr("Mediation"), self._mediation_placeholder()),
            (self.tr("Statistics"), self._statistics_placeholder()),
            (self.tr("Settings"), self._settings_placeholder()),
        ]
        for number, (title, page) in enumerate(areas, start=1):
            item = QListWidgetItem(title)
            item.setToolTip(f"Ctrl+{number}")
            item.setSizeHint(QSize(120, 44))
            self.nav.addItem(item)
            self.pages.addWidget(page)
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, row=number - 1: self.show_area(row))
            self.addAction(action)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)

        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.station_label = QLabel(station)
        self.user_label = QLabel(self._user_text())
        self.count_label = QLabel(self.tr("Counting work orders…"))
        self.path_label = QLabel(self.tr("Database: %1").replace("%1", str(context.database.path)))
        self.path_label.setToolTip(str(context.database.path))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        bar.setSizeGripEnabled(False)
        for label in (self.station_label, self.user_label, self.count_label):
            bar.addWidget(label)
        bar.addPermanentWidget(self.path_label)

        self.resize(1280, 720)
        self.show_area(CASES)

    # ----------------------------------------------------------------- navigation

    def show_area(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        self.pages.setCurrentIndex(row)

    def start(self) -> None:
        """Start the background loads (case list, counts); call once the window is shown."""
        self.cases_page.start()
        self.context.runner.query(
            station_info, parent=self, success=self._show_info, label="station info"
        )

    # ----------------------------------------------------------------- status bar

    def _user_text(self) -> str:
        actor = self.context.actor
        name = actor.display_name or actor.username
        return self.tr("User: %1 (%2)").replace("%1", name).replace("%2", Role(actor.role).label)

    def _show_info(self, info: StationInfo) -> None:
        self.count_label.setText(self.tr("%Ln work order(s) in total", "", info.cases))

    # ----------------------------------------------------------------- placeholders

    def _reception_placeholder(self) -> PlaceholderPage:
        return PlaceholderPage(
            title=self.tr("Reception"),
            coming=[
                self.tr("Record a walk-in, phone or WeChat request in under a minute"),
                self.tr("Find the resident by name, phone number or pinyin initials"),
                self.tr(
                    "Settle it at the desk, handle it at the station, or report it "
                    "to the town grid center"
                ),
                self.tr("Print the receipt slip for the resident"),
            ],
        )

    def _mediation_placeholder(self) -> PlaceholderPage:
        return PlaceholderPage(
            title=self.tr("Mediation"),
            coming=[
                self.tr("Accept disputes for the volunteer mediators"),
                self.tr("Keep parties, investigation and session records"),
                self.tr("Record agreements, their performance and return visits"),
                self.tr("Print the official mediation forms and check the case file"),
            ],
        )

    def _statistics_placeholder(self) -> PlaceholderPage:
        return PlaceholderPage(
            title=self.tr("Statistics"),
            coming=[
                self.tr("Work orders by month, status, category and grid"),
                self.tr("Overdue and supervised work orders"),
                self.tr("Satisfaction from return visits"),
                self.tr("Export the monthly report to Excel"),
            ],
        )

    def _settings_placeholder(self) -> PlaceholderPage:
        return PlaceholderPage(
            title=self.tr("Settings"),
            coming=[
                self.tr("Station name, code and mediation committee"),
                self.tr("User accounts and passwords"),
                self.tr("Sync with the town server"),
                self.tr("Backups and the data folder"),
            ],
        )
