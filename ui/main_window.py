"""The main window: navigation between the areas, the current page, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
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
from station.domain.permissions import Permission, allowed
from station.services import drafts
from station.services.changes import Changes
from station.services.overview import StationInfo, station_info
from station.services.reference import Choices, load_choices
from ui.account_menu import AccountMenu, add_admin_sections
from ui.context import AppContext
from ui.dialogs.draft_recovery_dialog import DraftRecoveryDialog
from ui.dialogs.new_request_dialog import FORM_NAME, NewRequestDialog
from ui.dialogs.print_preview_dialog import open_document_preview
from ui.help_menu import HelpMenu
from ui.pages.backup_settings import install_backups
from ui.pages.cases_page import CasesPage
from ui.pages.dispatch_areas import DispatchAreas
from ui.pages.mediation_page import MediationPage
from ui.pages.reception_page import ReceptionPage
from ui.pages.settings_page import SettingsPage
from ui.pages.statistics_page import StatisticsPage
from ui.sync_ui import SyncUi
from ui.widgets.case_file_checklist_section import CaseFileChecklistSection
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.today_label import TodayLabel

RECEPTION, CASES, MEDIATION, STATISTICS, SETTINGS = range(5)


class MainWindow(QMainWindow):
    """Left navigation list (Ctrl+1 … Ctrl+5) over a stack of pages; opens on 工单.

    Ctrl+N opens the new-request form from anywhere. At start the reference lists the forms
    pick from are loaded once, then unfinished drafts (left by a crash) are offered back.
    """

    sig_drafts_found = Signal(object)  # the unfinished drafts found at start (list)
    sig_request_dialog = Signal(object)  # a NewRequestDialog was opened

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
        self.cases_page = CasesPage(context=context)
        self.reception_page = ReceptionPage()
        self.mediation_page = MediationPage(context=context)
        # Work order <-> its mediation case, both ways.
        self.cases_page.detail.sig_open_mediation.connect(self.open_mediation)
        self.mediation_page.sig_open_case.connect(self.open_case)
        # Statistics: every number opens the cases behind it (loads when first shown).
        self.statistics_page = StatisticsPage(context=context)
        self.statistics_page.sig_open_case.connect(self.open_case)
        self.statistics_page.sig_open_mediation.connect(self.open_mediation)
        # Sections (sync, accounts, backups …) are added by add_section as they are built.
        self.settings_page = SettingsPage()
        self.reception_page.sig_new_request.connect(self.new_request)
        self.reception_page.sig_continue_draft.connect(self.continue_draft)
        self.choices: Choices | None = None
        self.request_dialogs: list[NewRequestDialog] = []
        self.draft_dialog: DraftRecoveryDialog | None = None
        self._open_when_loaded: list[drafts.Draft | None] = []

        areas: list[tuple[str, QWidget]] = [
            (self.tr("Reception"), self.reception_page),
            (self.tr("Work orders"), self.cases_page),
            (self.tr("Mediation"), self.mediation_page),
            (self.tr("Statistics"), self.statistics_page),
            (self.tr("Settings"), self.settings_page),
        ]
        # 诉求点将: dispatch, inbox and return-visit areas, only for the kinds that use them.
        self.dispatch_areas = DispatchAreas(context=context, parent=self)
        areas += self.dispatch_areas.areas
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
        self.dispatch_areas.wire(
            open_case=self.open_case,
            show_page=lambda page: self.show_area(self.pages.indexOf(page)),
        )

        self.new_request_action = QAction(self.tr("New request"), self)
        self.new_request_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_request_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.new_request_action.triggered.connect(self.new_request)
        self.addAction(self.new_request_action)

        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

        # Ctrl+P, and the right-click menu of the work-order list.
        self.print_receipt_action = QAction(self.tr("Print reception receipt…"), self)
        self.print_receipt_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_receipt_action.triggered.connect(self.print_receipt)
        self.addAction(self.print_receipt_action)
        self.cases_page.table.addAction(self.print_receipt_action)
        self.cases_page.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        # 帮助: the user guide (F1), the interface language, 关于.
        self.help_menu = HelpMenu(context=context, parent=self)
        # 账号: change password, lock now (Ctrl+L) and the idle lock; admins' settings tabs.
        self.account_menu = AccountMenu(context=context, parent=self)
        self.menuBar().addMenu(self.account_menu)
        self.menuBar().addMenu(self.help_menu)
        add_admin_sections(self.settings_page, context, idle_lock=self.account_menu.idle_lock)
        if allowed(context.actor.role, Permission.MANAGE_SETTINGS):  # 调解卷宗 checklist marks
            self.case_file_section = CaseFileChecklistSection(context=context)
            self.settings_page.add_section(self.tr("Mediation case file"), self.case_file_section)

        self.station_label = QLabel(station)
        self.user_label = QLabel(self._user_text())
        self.count_label = QLabel(self.tr("Counting work orders…"))
        # Shortened in the middle when the status bar is crowded (the whole path in its tooltip).
        self.path_label = ElidedLabel(
            self.tr("Database: %1").replace("%1", str(context.database.path))
        )
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        bar.setSizeGripEnabled(False)
        for label in (self.station_label, self.user_label, self.count_label):
            bar.addWidget(label)
        self.today_label = TodayLabel()
        bar.addPermanentWidget(self.today_label)
        bar.addPermanentWidget(self.path_label)
        # Sync: status line, F9 "sync now", the 同步 settings tab, the conflicts window.
        self.sync_ui = SyncUi(window=self, context=context, settings_page=self.settings_page)
        self.sync_ui.sig_open_case.connect(self._open_case_in_front)
        self.sync_ui.sig_open_mediation.connect(self._open_mediation_in_front)
        # Backups: shortly after start and daily (on the worker); the 备份 settings tab.
        self.backups = install_backups(self, context)

        self.resize(1280, 720)
        self.show_area(CASES)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync_ui.shutdown()  # a running sync stops at its next step
        super().closeEvent(event)

    # ----------------------------------------------------------------- navigation

    def show_area(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        self.pages.setCurrentIndex(row)

    def start(self) -> None:
        """Start the background loads (case list, counts, lists, drafts); call once shown."""
        self.cases_page.start()
        self.mediation_page.start()
        self.dispatch_areas.start()
        self.sync_ui.start()
        self.backups.start()
        self.context.runner.query(
            station_info, parent=self, success=self._show_info, label="station info"
        )
        self.context.runner.query(
            load_choices, parent=self, success=self._choices_loaded, label="choices"
        )
        self.context.bus.sig_changed.connect(self._changed)

    def _choices_loaded(self, choices: Choices) -> None:
        self.choices = choices
        self.cases_page.set_choices(choices)
        self.dispatch_areas.set_choices(choices)
        waiting, self._open_when_loaded = self._open_when_loaded, []
        for draft in waiting:
            self._open_request_dialog(draft)
        self.look_for_drafts(offer=True)

    def _changed(self, changes: Changes) -> None:
        if changes.case_ids:
            self.context.runner.query(
                station_info, parent=self, success=self._show_info, label="station info"
            )

    # ----------------------------------------------------------------- reception

    def new_request(self) -> NewRequestDialog | None:
        """Open an empty new-request form (once the lists it needs are loaded)."""
        return self._open_request_dialog(None)

    def continue_draft(self, draft: drafts.Draft) -> NewRequestDialog | None:
        return self._open_request_dialog(draft)

    def _open_request_dialog(self, draft: drafts.Draft | None) -> NewRequestDialog | None:
        if self.choices is None:
            self._open_when_loaded.append(draft)
            return None
        for open_dialog in self.request_dialogs:
            if draft is not None and open_dialog.draft_id == draft.draft_id:
                open_dialog.raise_()
                open_dialog.activateWindow()
                return open_dialog
        dialog = NewRequestDialog(
            context=self.context, choices=self.choices, draft=draft, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_open_case.connect(self.open_case)
        dialog.sig_new_request.connect(self.new_request)
        dialog.finished.connect(lambda _code, d=dialog: self._request_dialog_closed(d))
        self.request_dialogs.append(dialog)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.sig_request_dialog.emit(dialog)
        return dialog

    def _request_dialog_closed(self, dialog: NewRequestDialog) -> None:
        if dialog in self.request_dialogs:
            self.request_dialogs.remove(dialog)
        self.look_for_drafts(offer=False)

    def _open_case_in_front(self, case_id: str) -> None:
        self.open_case(case_id)
        self.raise_()
        self.activateWindow()

    def _open_mediation_in_front(self, mediation_id: str) -> None:
        self.open_mediation(mediation_id)
        self.raise_()
        self.activateWindow()

    def open_case(self, case_id: str) -> None:
        self.show_area(CASES)
        self.cases_page.open_case(case_id)

    def open_mediation(self, mediation_id: str) -> None:
        self.show_area(MEDIATION)
        self.mediation_page.open_mediation(mediation_id)

    def look_for_drafts(self, *, offer: bool) -> None:
        """List this user's unfinished drafts (on the worker); ``offer`` asks about them."""
        data_dir, username = self.context.data_dir, self.context.actor.username
        self.context.runner.run(
            lambda: drafts.list_drafts(data_dir=data_dir, form=FORM_NAME, username=username),
            parent=self,
            success=lambda found: self._drafts_listed(found, offer=offer),
            label="drafts",
        )

    def _drafts_listed(self, found: list[drafts.Draft], *, offer: bool) -> None:
        open_ids = {d.draft_id for d in self.request_dialogs}
        found = [d for d in found if d.draft_id not in open_ids]
        self.reception_page.show_drafts(found)
        if not offer or not found:
            return
        dialog = DraftRecoveryDialog(drafts=found, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_continue.connect(self.continue_draft)
        dialog.sig_discard.connect(self._discard_draft)
        self.draft_dialog = dialog
        dialog.open()
        self.sig_drafts_found.emit(found)

    def _discard_draft(self, draft: drafts.Draft) -> None:
        data_dir = self.context.data_dir
        self.context.runner.run(
            lambda: drafts.discard_draft(data_dir=data_dir, draft_id=draft.draft_id),
            parent=self,
            success=lambda _none: self.look_for_drafts(offer=False),
            label="discard draft",
        )

    def print_receipt(self) -> None:
        """Preview the 受理回执 of the work order selected in the list, ready to print."""
        page = self.cases_page
        if self.pages.currentWidget() is page and page.showing_detail:
            page.detail.print_document("receipt")  # the work order on screen
            return
        selected = page.table.selectionModel().selectedRows()
        row = page.model.row_at(selected[0].row()) if selected else None
        if self.pages.currentWidget() is not page or row is None:
            self.statusBar().showMessage(
                self.tr("Select a work order in the list to print its receipt."), 5000
            )
            return
        open_document_preview(self, self.context, "receipt", row.number)

    # ----------------------------------------------------------------- status bar

    def _user_text(self) -> str:
        actor = self.context.actor
        name = actor.display_name or actor.username
        return self.tr("User: %1 (%2)").replace("%1", name).replace("%2", Role(actor.role).label)

    def _show_info(self, info: StationInfo) -> None:
        self.count_label.setText(self.tr("%Ln work order(s) in total", "", info.cases))
