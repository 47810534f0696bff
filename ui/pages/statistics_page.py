"""统计: figures, charts and reports for a period and a scope; every number opens its cases.

The page asks the worker for one :class:`~station.services.statistics.Dashboard` (about ten
aggregate queries) whenever the period or scope changes, and draws cards and charts from
it. A click on a card, a bar or a table row asks the worker for the ids behind that figure
and shows them in the list below the toolbar (Esc goes back); a double click opens the
work order or mediation case. Reports, ledgers and the resident register are written on
the worker with a busy indicator; importing residents opens its own dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from station.domain.enums import Role, StationKind
from station.reports import exports
from station.services import mediation as mediation_service
from station.services import statistics as st
from station.services.cases import CaseFilter, case_rows
from station.services.reference import Choices, load_choices
from ui.context import AppContext
from ui.errors import show_exception
from ui.models.case_table_model import CaseTableModel, db_row_fetcher
from ui.widgets.list_table import make_empty_state_label, make_list_table

THIS_MONTH, LAST_MONTH, THIS_YEAR, LAST_YEAR, CUSTOM = (
    "this_month",
    "last_month",
    "year",
    "last_year",
    "custom",
)
TOWN, STATION = "town", "station"
COMMUNITY = "community:"
BAR_COLOR = QColor("#2f6fb2")
MEDIATION_COLOR = QColor("#c77c1e")
FIRST_ROWS = 200


def month_period(day: date) -> st.Period:
    return st.Period.month(day.year, day.month)


def previous_month(day: date) -> st.Period:
    return month_period(day.replace(day=1) - timedelta(days=1))


@dataclass(frozen=True)
class DrillRequest:
    """What the list below shows: a figure of the current period and scope."""

    title: str
    drill: st.Drill


class FigureCard(QFrame):
    """A number with its label; click (or Enter / Space) opens the cases behind it."""

    sig_clicked = Signal()

    def __init__(self, label: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.value_label = QLabel("—")
        self.value_label.setObjectName("figureValue")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value_label.setFont(font)
        self.title_label = QLabel(label)
        self.title_label.setObjectName("figureTitle")
        self.detail_label = QLabel("")
        self.detail_label.setObjectName("figureDetail")
        self.detail_label.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.detail_label)
        self.setMinimumWidth(120)

    def set_value(self, value: str, detail: str = "") -> None:
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.setAccessibleName(f"{self.title_label.text()} {value}")

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.sig_clicked.emit()
            return
        super().keyPressEvent(event)


class BarChart(QChartView):
    """Bars (vertical or horizontal) whose click reports the bar's index and set."""

    sig_bar_clicked = Signal(int, int)  # (bar index, set index)

    def __init__(
        self, title: str, *, horizontal: bool = False, parent: QWidget | None = None
    ) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.horizontal = horizontal
        self.chart_.setTitle(title)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().setVisible(False)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.categories: list[str] = []

    def set_bars(
        self, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[int], QColor]]
    ) -> None:
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.categories = list(categories)
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        top = 0
        for index, (name, values, color) in enumerate(sets):
            bar_set = QBarSet(name)
            bar_set.setColor(color)
            bar_set.append([float(v) for v in values])
            bar_set.clicked.connect(lambda bar, i=index: self.sig_bar_clicked.emit(bar, i))
            series.append(bar_set)
            top = max([top, *values])
        series.setLabelsVisible(True)
        chart.addSeries(series)
        chart.legend().setVisible(len(sets) > 1)
        category_axis = QBarCategoryAxis()
        category_axis.append(self.categories or [""])
        value_axis = QValueAxis()
        value_axis.setRange(0, max(1, top) * 1.15)
        value_axis.setLabelFormat("%d")
        value_axis.applyNiceNumbers()
        if self.horizontal:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
        if self.horizontal:  # room for every label: Qt elides them when bars are crowded
            self.setMinimumHeight(max(240, 90 + 30 * len(self.categories)))


def _int(n: int) -> str:
    return f"{n:,}"


def _yuan(fen: int) -> str:
    return f"{fen / 100:,.0f}"


class StatisticsPage(QWidget):
    """Period and scope pickers, figure cards, charts, the list behind a figure, exports."""

    sig_open_case = Signal(str)
    sig_open_mediation = Signal(str)
    sig_loaded = Signal(object)  # the Dashboard shown
    sig_drilled = Signal(int)  # the list behind a figure arrived: its length
    sig_exported = Signal(str)  # a file was written: its path

    def __init__(self, *, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statisticsPage")
        self.context = context
        self.board: st.Dashboard | None = None
        self._generation = 0
        self._drill_generation = 0
        self._started = False
        self.import_dialog: QWidget | None = None
        self.may_see_mediation = Role(context.actor.role) in mediation_service.MEDIATION_ROLES

        heading = QLabel(self.tr("Statistics"))
        heading.setObjectName("pageTitle")
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodPicker")
        for key, text in (
            (THIS_MONTH, self.tr("This month")),
            (LAST_MONTH, self.tr("Last month")),
            (THIS_YEAR, self.tr("This year")),
            (LAST_YEAR, self.tr("Last year")),
            (CUSTOM, self.tr("From … to …")),
        ):
            self.period_combo.addItem(text, key)
        today = QDate.currentDate()
        self.from_edit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.to_edit = QDateEdit(today)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.hide()
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("scopePicker")
        self.scope_combo.addItem(self.tr("Whole town"), TOWN)
        self.scope_combo.addItem(self.tr("This station"), STATION)
        self.scope_combo.setMinimumContentsLength(8)
        self.status_label = QLabel()
        self.status_label.setObjectName("statisticsStatus")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setShortcut(QKeySequence.StandardKey.Refresh)
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.report_xlsx_action = menu.addAction(self.tr("Monthly report (Excel)…"))
        self.report_pdf_action = menu.addAction(self.tr("Monthly report (PDF)…"))
        menu.addSeparator()
        self.case_ledger_action = menu.addAction(self.tr("Work-order ledger (Excel)…"))
        self.mediation_ledger_action = menu.addAction(self.tr("Mediation ledger (Excel)…"))
        self.residents_action = menu.addAction(self.tr("Resident register (Excel)…"))
        self.mediation_ledger_action.setVisible(self.may_see_mediation)
        self.export_button.setMenu(menu)
        self.import_button = QPushButton(self.tr("Import residents…"))
        self.import_button.setObjectName("importButton")
        # The town center also keeps the grid list and the roster (reference data it
        # publishes to every station); elsewhere only residents are imported.
        self.import_menu: QMenu | None = None
        at_center = context.settings.station_kind == StationKind.CENTER.value
        if at_center and Role(context.actor.role) is Role.STATION_ADMIN:
            self.import_button.setText(self.tr("Import"))
            self.import_menu = QMenu(self.import_button)
            for kind, text in (
                ("residents", self.tr("Residents…")),
                ("grids", self.tr("Grids…")),
                ("roster", self.tr("Roster (grid workers, mediators …)…")),
            ):
                action = self.import_menu.addAction(text)
                action.setData(kind)
                action.triggered.connect(lambda _=False, k=kind: self.open_import(k))
            self.import_button.setMenu(self.import_menu)
        if Role(context.actor.role) is Role.VIEWER:
            for action in (self.case_ledger_action, self.residents_action):
                action.setVisible(False)
            self.import_button.hide()

        toolbar = QHBoxLayout()
        toolbar.setSpacing(8)
        for widget in (
            heading,
            self.period_combo,
            self.from_edit,
            self.to_edit,
            self.scope_combo,
            self.refresh_button,
        ):
            toolbar.addWidget(widget)
        toolbar.addWidget(self.status_label, 1)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.export_button)

        # ------------------------------------------------------------ the dashboard
        self.cards: dict[str, FigureCard] = {}
        case_grid = QGridLayout()
        case_cards = [
            ("received", "received"),
            ("desk_settled", "desk_settled"),
            ("station_handled", "station_handled"),
            ("escalated", "escalated"),
            ("joint", "joint"),
            ("sign_rate", "signed_on_time"),
            ("on_time_rate", "replied_on_time"),
            ("overdue_now", "overdue_now"),
            ("satisfaction", "satisfied_any"),
            ("solved_rate", "solved"),
            ("repeats", "repeated"),
            ("to_mediation", "to_mediation"),
        ]
        titles = {
            "sign_rate": "按时签收率",
            "on_time_rate": "按时办结率",
            "satisfaction": "满意率",
            "solved_rate": "解决率",
            "repeats": "重复诉求",
        }
        for i, (key, figure) in enumerate(case_cards):
            card = FigureCard(titles.get(key) or st.CASE_LABELS[figure])
            card.setObjectName(f"card_{key}")
            card.sig_clicked.connect(lambda f=figure: self.drill_case(f))
            self.cards[key] = card
            case_grid.addWidget(card, i // 6, i % 6)
        mediation_grid = QGridLayout()
        mediation_cards = [
            ("m_taken", "taken"),
            ("m_succeeded", "succeeded"),
            ("m_rate", "succeeded"),
            ("m_written", "written"),
            ("m_oral", "oral"),
            ("m_amount", "amount_fen"),
            ("m_performed", "performed"),
            ("m_confirmed", "court_confirmed"),
            ("m_criminal", "prevented_criminal"),
            ("m_petition", "prevented_petition"),
        ]
        for i, (key, figure) in enumerate(mediation_cards):
            title = "调解成功率" if key == "m_rate" else st.MEDIATION_LABELS[figure]
            if key == "m_amount":
                title = "协议金额（元）"
            card = FigureCard(title)
            card.setObjectName(f"card_{key}")
            card.sig_clicked.connect(lambda f=figure: self.drill_mediation(f))
            self.cards[key] = card
            mediation_grid.addWidget(card, i // 5, i % 5)

        self.trend_chart = BarChart(self.tr("Requests and mediation cases by month"))
        self.trend_chart.setObjectName("trendChart")
        self.trend_chart.sig_bar_clicked.connect(self._trend_clicked)
        self.category_chart = BarChart(self.tr("Requests by category"), horizontal=True)
        self.category_chart.setObjectName("categoryChart")
        self.category_chart.sig_bar_clicked.connect(
            lambda bar, _set: self._breakdown_clicked("category", bar)
        )
        self.community_chart = BarChart(self.tr("Requests by community"), horizontal=True)
        self.community_chart.setObjectName("communityChart")
        self.community_chart.sig_bar_clicked.connect(
            lambda bar, _set: self._breakdown_clicked("community", bar)
        )
        self.dispute_chart = BarChart(self.tr("Mediation cases by dispute type"), horizontal=True)
        self.dispute_chart.setObjectName("disputeChart")
        self.dispute_chart.sig_bar_clicked.connect(self._dispute_clicked)
        self.mediator_table = QTableWidget(0, 4)
        self.mediator_table.setObjectName("mediatorTable")
        self.mediator_table.setHorizontalHeaderLabels(
            [self.tr("Mediator"), self.tr("Taken"), self.tr("Succeeded"), self.tr("Success rate")]
        )
        self.mediator_table.verticalHeader().hide()
        self.mediator_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.mediator_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.mediator_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.mediator_table.cellActivated.connect(self._mediator_clicked)
        self.mediator_table.cellDoubleClicked.connect(self._mediator_clicked)
        self.mediator_table.setMinimumHeight(200)

        self.missing_label = QLabel()
        self.missing_label.setObjectName("missingFigures")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #666;")

        board = QWidget()
        board_layout = QVBoxLayout(board)
        board_layout.setContentsMargins(0, 0, 0, 0)
        board_layout.setSpacing(8)
        cases_title = QLabel(self.tr("Work orders"))
        cases_title.setObjectName("sectionTitle")
        board_layout.addWidget(cases_title)
        board_layout.addLayout(case_grid)
        charts = QGridLayout()
        charts.addWidget(self.trend_chart, 0, 0, 1, 2)
        charts.addWidget(self.category_chart, 1, 0)
        charts.addWidget(self.community_chart, 1, 1)
        board_layout.addLayout(charts)
        mediation_title = QLabel(self.tr("People's mediation"))
        mediation_title.setObjectName("sectionTitle")
        board_layout.addWidget(mediation_title)
        board_layout.addLayout(mediation_grid)
        bottom = QHBoxLayout()
        bottom.addWidget(self.dispute_chart, 3)
        bottom.addWidget(self.mediator_table, 2)
        board_layout.addLayout(bottom)
        board_layout.addWidget(self.missing_label)
        board_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("statisticsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(board)

        # ------------------------------------------------------------ the list behind a figure
        self.back_button = QPushButton(self.tr("Back to the figures (Esc)"))
        self.back_button.setObjectName("drillBack")
        self.drill_title = QLabel()
        self.drill_title.setObjectName("drillTitle")
        drill_bar = QHBoxLayout()
        drill_bar.addWidget(self.back_button)
        drill_bar.addWidget(self.drill_title, 1)
        self.case_model = CaseTableModel(
            fetch_rows=db_row_fetcher(context.database), runner=context.runner, parent=self
        )
        self.case_table = make_list_table(
            object_name="drillCaseTable",
            model=self.case_model,
            column_widths={
                CaseTableModel.NUMBER: 160,
                CaseTableModel.RECEIVED: 122,
                CaseTableModel.STATUS: 110,
                CaseTableModel.DEADLINE: 130,
            },
        )
        self.case_table.doubleClicked.connect(
            lambda index: (
                index.isValid() and self.sig_open_case.emit(self.case_model.case_id(index.row()))
            )
        )
        self.mediation_table = QTableWidget(0, 5)
        self.mediation_table.setObjectName("drillMediationTable")
        self.mediation_table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Accepted"),
                self.tr("Dispute type"),
                self.tr("Status"),
                self.tr("Parties"),
            ]
        )
        self.mediation_table.verticalHeader().hide()
        self.mediation_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.mediation_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.mediation_table.horizontalHeader().setStretchLastSection(True)
        self.mediation_table.cellDoubleClicked.connect(self._open_mediation_row)
        self.drill_empty = make_empty_state_label()
        self.drill_empty.setText(self.tr("No cases behind this figure."))
        self.drill_stack = QStackedWidget()
        for widget in (self.case_table, self.mediation_table, self.drill_empty):
            self.drill_stack.addWidget(widget)
        drill = QWidget()
        drill_layout = QVBoxLayout(drill)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addLayout(drill_bar)
        drill_layout.addWidget(self.drill_stack, 1)

        self.views = QStackedWidget()
        self.views.addWidget(scroll)
        self.views.addWidget(drill)
        self.dashboard_view, self.drill_view = scroll, drill

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(toolbar)
        layout.addWidget(self.views, 1)

        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.from_edit.dateChanged.connect(self.refresh)
        self.to_edit.dateChanged.connect(self.refresh)
        self.scope_combo.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.back_button.clicked.connect(self.show_figures)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.show_figures)
        self.report_xlsx_action.triggered.connect(lambda: self.export_report("xlsx"))
        self.report_pdf_action.triggered.connect(lambda: self.export_report("pdf"))
        self.case_ledger_action.triggered.connect(self.export_case_ledger)
        self.mediation_ledger_action.triggered.connect(self.export_mediation_ledger)
        self.residents_action.triggered.connect(self.export_residents)
        if self.import_menu is None:
            self.import_button.clicked.connect(lambda: self.open_import("residents"))
        self.case_model.sig_failed.connect(lambda exc: show_exception(self, exc))

    # ----------------------------------------------------------------- loading

    def showEvent(self, event: Any) -> None:
        # Counting a town's year keeps the worker busy for a moment: only when looked at.
        if not self._started:
            self.start()
        super().showEvent(event)

    def start(self) -> None:
        """Load the scope list, then the figures (done when the page is first shown)."""
        self._started = True
        self.context.runner.query(
            load_choices, parent=self, success=self.set_choices, label="statistics choices"
        )
        self.refresh()

    def set_choices(self, choices: Choices) -> None:
        self.scope_combo.blockSignals(True)
        while self.scope_combo.count() > 2:
            self.scope_combo.removeItem(2)
        for community in choices.communities:
            self.scope_combo.addItem(community.name, f"{COMMUNITY}{community.id}")
        self.scope_combo.blockSignals(False)

    def current_period(self) -> st.Period:
        key = self.period_combo.currentData()
        today = date.today()
        if key == LAST_MONTH:
            return previous_month(today)
        if key == THIS_YEAR:
            return st.Period.year(today.year)
        if key == LAST_YEAR:
            return st.Period.year(today.year - 1)
        if key == CUSTOM:
            start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            return st.Period(min(start, end), max(start, end))
        return month_period(today)

    def current_scope(self) -> st.Scope:
        key = str(self.scope_combo.currentData() or TOWN)
        if key == STATION:
            return st.Scope(st.ScopeKind.STATION)
        if key.startswith(COMMUNITY):
            return st.Scope(st.ScopeKind.COMMUNITY, key.removeprefix(COMMUNITY))
        return st.Scope()

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == CUSTOM
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.refresh()

    def refresh(self) -> None:
        period, scope, today = self.current_period(), self.current_scope(), date.today()
        self._generation += 1
        generation = self._generation
        self.status_label.setText(self.tr("Counting…"))
        self.context.runner.query(
            lambda s: st.dashboard(s, period=period, scope=scope, today=today),
            parent=self,
            success=lambda board: self._show(generation, board),
            failure=self._failed,
            label="statistics",
        )

    def _failed(self, exc: BaseException) -> None:
        self.status_label.setText(self.tr("Could not count"))
        show_exception(self, exc)

    def _show(self, generation: int, board: st.Dashboard) -> None:
        if generation != self._generation:
            return  # a newer period or scope was asked for meanwhile
        self.board = board
        c, m = board.cases, board.mediations
        self.status_label.setText(
            self.tr("%1, %2").replace("%1", board.period.label).replace("%2", board.scope_label)
        )
        cards = self.cards
        cards["received"].set_value(_int(c.received))
        cards["desk_settled"].set_value(_int(c.desk_settled))
        cards["station_handled"].set_value(_int(c.station_handled))
        cards["escalated"].set_value(_int(c.escalated))
        cards["joint"].set_value(_int(c.joint))
        cards["sign_rate"].set_value(
            st.format_rate(c.sign_for_rate), f"{_int(c.signed_on_time)}/{_int(c.signed_for)}"
        )
        cards["on_time_rate"].set_value(
            st.format_rate(c.on_time_rate), f"{_int(c.replied_on_time)}/{_int(c.replied)}"
        )
        cards["overdue_now"].set_value(_int(board.overdue_now))
        good = c.satisfied + c.basically_satisfied
        cards["satisfaction"].set_value(
            st.format_rate(c.satisfaction_rate), f"{_int(good)}/{_int(c.rated)}"
        )
        cards["solved_rate"].set_value(
            st.format_rate(c.solved_rate), f"{_int(c.solved)}/{_int(c.solved_known)}"
        )
        cards["repeats"].set_value(_int(c.repeated), f"{_int(c.repeat_requests)}次")
        cards["to_mediation"].set_value(_int(c.to_mediation))
        cards["m_taken"].set_value(_int(m.taken))
        cards["m_succeeded"].set_value(_int(m.succeeded))
        cards["m_rate"].set_value(st.format_rate(m.success_rate))
        cards["m_written"].set_value(_int(m.written))
        cards["m_oral"].set_value(_int(m.oral))
        cards["m_amount"].set_value(_yuan(m.amount_fen))
        cards["m_performed"].set_value(_int(m.performed))
        cards["m_confirmed"].set_value(_int(m.court_confirmed), f"申请{_int(m.court_applied)}")
        cards["m_criminal"].set_value(
            _int(m.prevented_criminal), f"{_int(m.prevented_criminal_persons)}人"
        )
        cards["m_petition"].set_value(
            _int(m.prevented_petition), f"{_int(m.prevented_petition_persons)}人"
        )

        self.trend_chart.set_bars(
            [p.month[2:].replace("-", "/") for p in board.trend],
            [
                (self.tr("Work orders"), [p.received for p in board.trend], BAR_COLOR),
                (self.tr("Mediation cases"), [p.mediations for p in board.trend], MEDIATION_COLOR),
            ],
        )
        for chart, counts in (
            (self.category_chart, board.by_category),
            (self.community_chart, board.by_community),
        ):
            shown = list(reversed(counts))  # horizontal bars run bottom-up
            chart.set_bars(
                [c.label for c in shown],
                [(self.tr("Work orders"), [c.count for c in shown], BAR_COLOR)],
            )
        disputes = list(reversed(board.by_dispute_type))
        self.dispute_chart.set_bars(
            [g.label for g in disputes],
            [(self.tr("Mediation cases"), [g.figures.taken for g in disputes], MEDIATION_COLOR)],
        )
        self.mediator_table.setRowCount(len(board.by_mediator))
        for row, group in enumerate(board.by_mediator):
            f = group.figures
            for col, text in enumerate(
                (group.label, _int(f.taken), _int(f.succeeded), st.format_rate(f.success_rate))
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, group.key)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.mediator_table.setItem(row, col, item)
        self.missing_label.setText(
            self.tr("Not yet recorded by this version: %1").replace("%1", "；".join(board.missing))
            if board.missing
            else ""
        )
        self.sig_loaded.emit(board)

    # ----------------------------------------------------------------- click-through

    def _trend_clicked(self, bar: int, which: int) -> None:
        if self.board is None or bar >= len(self.board.trend):
            return
        month = self.board.trend[bar].month
        year, number = (int(x) for x in month.split("-"))
        period = st.Period.month(year, number)
        if which == 0:
            self.drill_case("received", period=period, title_suffix=period.label)
        else:
            self.drill_mediation("taken", period=period, title_suffix=period.label)

    def _breakdown_clicked(self, by: str, bar: int) -> None:
        if self.board is None:
            return
        counts = self.board.by_category if by == "category" else self.board.by_community
        shown = list(reversed(counts))
        if bar < len(shown):
            self.drill_case(
                "received", group_by=by, key=shown[bar].key, title_suffix=shown[bar].label
            )

    def _dispute_clicked(self, bar: int, _set: int) -> None:
        if self.board is None:
            return
        shown = list(reversed(self.board.by_dispute_type))
        if bar < len(shown):
            self.drill_mediation(
                "taken", group_by="dispute_type", key=shown[bar].key, title_suffix=shown[bar].label
            )

    def _mediator_clicked(self, row: int, _col: int) -> None:
        item = self.mediator_table.item(row, 0)
        if item is not None:
            self.drill_mediation(
                "taken",
                group_by="mediator",
                key=str(item.data(Qt.ItemDataRole.UserRole)),
                title_suffix=item.text(),
            )

    def _drill_title(self, label: str, period: st.Period, suffix: str) -> str:
        scope = self.board.scope_label if self.board else ""
        parts = [label, suffix or period.label, scope]
        return "　".join(p for p in parts if p)

    def drill_case(
        self,
        figure: str,
        *,
        group_by: str = "",
        key: str = "",
        period: st.Period | None = None,
        title_suffix: str = "",
    ) -> None:
        """Show the work orders behind ``figure`` (of the period and scope on screen)."""
        period = period or self.current_period()
        scope, today = self.current_scope(), date.today()
        drill = st.Drill(figure, group_by, key)
        title = self._drill_title(st.CASE_LABELS.get(figure, figure), period, title_suffix)
        self._drill_generation += 1
        generation = self._drill_generation

        def op(session: Any) -> tuple[list[str], list[Any]]:
            ids = st.drill_case_ids(session, period=period, scope=scope, drill=drill, today=today)
            return ids, case_rows(session, ids[:FIRST_ROWS])

        self._show_drill_loading(title)
        self.context.runner.query(
            op,
            parent=self,
            success=lambda found: self._cases_arrived(generation, title, *found),
            failure=lambda exc: self._drill_failed(generation, exc),
            label="statistics drill",
        )

    def drill_mediation(
        self,
        figure: str,
        *,
        group_by: str = "",
        key: str = "",
        period: st.Period | None = None,
        title_suffix: str = "",
    ) -> None:
        """Show the mediation cases behind ``figure`` (mediators and admins only)."""
        period = period or self.current_period()
        scope, actor = self.current_scope(), self.context.actor
        drill = st.Drill(figure, group_by, key, mediation=True)
        title = self._drill_title(st.MEDIATION_LABELS.get(figure, figure), period, title_suffix)
        self._drill_generation += 1
        generation = self._drill_generation

        def op(session: Any) -> list[st.MediationListRow]:
            ids = st.drill_mediation_ids(
                session, actor=actor, period=period, scope=scope, drill=drill
            )
            return st.mediation_rows(session, actor=actor, ids=ids)

        self._show_drill_loading(title)
        self.context.runner.query(
            op,
            parent=self,
            success=lambda rows: self._mediations_arrived(generation, title, rows),
            failure=lambda exc: self._drill_failed(generation, exc),
            label="statistics drill",
        )

    def _show_drill_loading(self, title: str) -> None:
        self.drill_title.setText(self.tr("%1 — loading…").replace("%1", title))
        self.views.setCurrentWidget(self.drill_view)

    def _cases_arrived(self, generation: int, title: str, ids: list[str], rows: list[Any]) -> None:
        if generation != self._drill_generation:
            return
        self.case_model.set_ids(ids, first_rows=rows)
        self.drill_title.setText(
            self.tr("%1: %Ln work order(s)", "", len(ids)).replace("%1", title)
        )
        self.drill_stack.setCurrentWidget(self.case_table if ids else self.drill_empty)
        if ids:
            self.case_table.setFocus()
        self.sig_drilled.emit(len(ids))

    def _mediations_arrived(
        self, generation: int, title: str, rows: list[st.MediationListRow]
    ) -> None:
        if generation != self._drill_generation:
            return
        table = self.mediation_table
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(
                (
                    row.number,
                    f"{row.accepted_on:%Y-%m-%d}",
                    row.dispute_type,
                    row.status,
                    row.parties,
                )
            ):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        self.drill_title.setText(
            self.tr("%1: %Ln mediation case(s)", "", len(rows)).replace("%1", title)
        )
        self.drill_stack.setCurrentWidget(table if rows else self.drill_empty)
        self.sig_drilled.emit(len(rows))

    def _drill_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._drill_generation:
            self.show_figures()
            show_exception(self, exc)

    def _open_mediation_row(self, row: int, _col: int) -> None:
        item = self.mediation_table.item(row, 0)
        if item is not None:
            self.sig_open_mediation.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def show_figures(self) -> None:
        self.views.setCurrentWidget(self.dashboard_view)

    @property
    def showing_list(self) -> bool:
        return self.views.currentWidget() is self.drill_view

    # ----------------------------------------------------------------- exports

    def _ask_file(self, suggested: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), str(Path.home() / suggested), pattern
        )
        return Path(path) if path else None

    def _run_export(
        self, target: Path, make: Callable[[Any], exports.ExportFile], *, write: bool
    ) -> None:
        """Make the file on the worker (in a transaction when it is audited), with a busy
        indicator; the file is written before the audit entry commits."""
        from station.documents.cli import _write_atomically

        progress = QProgressDialog(
            self.tr("Writing %1…").replace("%1", target.name), "", 0, 0, self
        )
        progress.setObjectName("exportProgress")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setValue(0)

        def op(session: Any) -> str:
            found = make(session)
            _write_atomically(target, found.data)
            return str(target)

        def done(path: str) -> None:
            progress.close()
            self.status_label.setText(self.tr("Saved %1").replace("%1", path))
            self.sig_exported.emit(path)

        def failed(exc: BaseException) -> None:
            progress.close()
            show_exception(self, exc)

        submit = self.context.runner.mutate if write else self.context.runner.query
        submit(op, parent=self, success=done, failure=failed, label="statistics export")

    def export_report(self, fmt: str, *, target: Path | None = None) -> None:
        period, scope, today = self.current_period(), self.current_scope(), date.today()
        suggested = f"统计月报-{period.start:%Y%m}.{fmt}"
        pattern = "Excel (*.xlsx)" if fmt == "xlsx" else "PDF (*.pdf)"
        target = target or self._ask_file(suggested, pattern)
        if target is None:
            return
        self._run_export(
            target,
            lambda s: exports.monthly_report(s, period=period, scope=scope, fmt=fmt, today=today),
            write=False,
        )

    def export_case_ledger(self, *, target: Path | None = None) -> None:
        period, scope, actor = self.current_period(), self.current_scope(), self.context.actor
        target = target or self._ask_file(f"工单台账-{period.start:%Y%m%d}.xlsx", "Excel (*.xlsx)")
        if target is None:
            return
        flt = CaseFilter(
            received_from=period.start,
            received_to=period.end,
            community_id=scope.id if scope.kind is st.ScopeKind.COMMUNITY else None,
        )
        label = self.board.scope_label if self.board else ""
        self._run_export(
            target,
            lambda s: exports.case_ledger(s, actor=actor, flt=flt, filters=f"范围：{label}"),
            write=True,
        )

    def export_mediation_ledger(self, *, target: Path | None = None) -> None:
        period, actor = self.current_period(), self.context.actor
        target = target or self._ask_file(f"调解台账-{period.start:%Y%m%d}.xlsx", "Excel (*.xlsx)")
        if target is None:
            return
        self._run_export(
            target,
            lambda s: exports.mediation_ledger(s, actor=actor, period=period),
            write=True,
        )

    def export_residents(self, *, target: Path | None = None) -> None:
        actor = self.context.actor
        target = target or self._ask_file("居民名册.xlsx", "Excel (*.xlsx)")
        if target is None:
            return
        self._run_export(target, lambda s: exports.residents(s, actor=actor), write=True)

    def open_import(self, kind: str = "residents") -> None:
        from ui.dialogs.import_residents_dialog import ImportResidentsDialog

        dialog = ImportResidentsDialog(context=self.context, kind=kind, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_dialog = dialog
        dialog.open()
