"""首次设置: the wizard shown when the data folder has no station database yet.

Welcome (choose: a new station / join the town with an enrolment code / practise with the
demo town) → data and backup folders → the station's details, or the town server and
code → the first administrator → a summary, where "Set up" does the work → done.

Every page checks its answers with the core's rules (:mod:`station.services.setup`) when
"Next" is pressed and shows each problem under its field; every page can go back until the
work is done. The work itself (creating the database, enrolling over the network, building
the demo town) runs on the task runner while the wizard waits, responsive, with its buttons
disabled. After it :attr:`SetupWizard.outcome` holds what was created and
:attr:`SetupWizard.data_dir` the folder; the caller then shows the login dialog.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QLocale, Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station.domain.enums import StationKind
from station.errors import FormInvalid, GridStationError, ValidationError
from station.resources import resource_path
from station.services import setup
from station.settings import StationSettings
from ui.errors import show_exception
from ui.task_runner import TaskRunner
from ui.widgets.form_errors import FormErrors, field_box

NEW, JOIN, DEMO = "new", "join", "demo"


class SetupWizard(QWizard):
    """First-run setup; see the module docstring. ``exec()`` is Accepted once set up."""

    WELCOME, FOLDERS, STATION, TOWN, ADMIN, CONFIRM, DONE = range(7)

    def __init__(
        self, *, runner: TaskRunner, data_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self.data_dir = Path(data_dir)
        self.backup_dir = ""
        self.outcome: Any = None  # StationSetup, or the demo town's DemoSummary
        self._settings = StationSettings()
        self.errors = FormErrors()

        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up Grid Station"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setTitleFormat(Qt.TextFormat.RichText)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        icon = resource_path("icons", "app.png")
        if icon.exists():
            self.setPixmap(QWizard.WizardPixmap.LogoPixmap, QIcon(str(icon)).pixmap(48, 48))

        self.setPage(self.WELCOME, self._welcome_page())
        self.setPage(self.FOLDERS, self._folders_page())
        self.setPage(self.STATION, self._station_page())
        self.setPage(self.TOWN, self._town_page())
        self.setPage(self.ADMIN, self._admin_page())
        self.setPage(self.CONFIRM, self._confirm_page())
        self.setPage(self.DONE, self._done_page())
        self.setStartId(self.WELCOME)
        # 760×580, or less on a small screen (1366×768 at 125 % leaves about 1090×580).
        screen = self.screen().availableGeometry()
        self.resize(min(760, screen.width() - 40), min(580, screen.height() - 60))

    # ----------------------------------------------------------------- navigation

    @property
    def mode(self) -> str:
        return {0: NEW, 1: JOIN, 2: DEMO}.get(self.mode_group.checkedId(), NEW)

    def nextId(self) -> int:
        following = {
            self.WELCOME: self.FOLDERS,
            self.FOLDERS: {NEW: self.STATION, JOIN: self.TOWN, DEMO: self.CONFIRM}[self.mode],
            self.STATION: self.ADMIN,
            self.TOWN: self.ADMIN,
            self.ADMIN: self.CONFIRM,
            self.CONFIRM: self.DONE,
        }
        return following.get(self.currentId(), -1)

    def validateCurrentPage(self) -> bool:
        check = {
            self.FOLDERS: self._check_folders,
            self.STATION: self._check_station,
            self.TOWN: self._check_town,
            self.ADMIN: self._check_admin,
            self.CONFIRM: self._set_up,
        }.get(self.currentId())
        return check() if check is not None else True

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == self.CONFIRM:
            self.summary_label.setText(self._summary_html())
            self.setup_error.hide()
        elif page_id == self.DONE:
            self.done_label.setText(self._done_html())

    def reject(self) -> None:
        if not self._busy:  # the work cannot be interrupted half-way
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
        else:
            super().closeEvent(event)

    # ----------------------------------------------------------------- pages

    def _page(self, title: str, subtitle: str) -> QWizardPage:
        page = QWizardPage()
        # Rich text: the header's plain title is small for a first screen.
        page.setTitle(f"<span style='font-size:14pt'>{html.escape(title)}</span>")
        page.setSubTitle(subtitle)
        return page

    def _field(
        self,
        form: QFormLayout,
        label: str,
        name: str,
        widget: QWidget,
        hint: str = "",
        *,
        row: QWidget | None = None,
    ) -> Any:
        """A form row: the input (or the ``row`` holding it), an optional grey hint, and
        its error line (hidden until there is a problem)."""
        widget.setObjectName(name)
        items: list[QWidget] = [row or widget]
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hint")
            hint_label.setWordWrap(True)
            items.append(hint_label)
        items.append(self.errors.add(name, widget))
        form.addRow(label, field_box(*items))
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text, n=name: self.errors.clear(n))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, n=name: self.errors.clear(n))
        return widget

    def _form(self, page: QWizardPage, intro: str = "") -> QFormLayout:
        layout = QVBoxLayout(page)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            text.setObjectName("wizardIntro")
            layout.addWidget(text)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        return form

    def _welcome_page(self) -> QWizardPage:
        page = self._page(
            self.tr("Welcome to Grid Station"),
            self.tr("This computer has no station data yet. A few steps set it up."),
        )
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Grid Station records requests at the station's counter, passes them on and "
                "calls residents back, and keeps the people's mediation records and forms. "
                "Everything is stored on this computer and works without a network."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("wizardIntro")
        layout.addWidget(intro)
        layout.addSpacing(8)
        question = QLabel(self.tr("How do you want to start?"))
        question.setObjectName("wizardQuestion")
        layout.addWidget(question)
        self.mode_group = QButtonGroup(page)
        choices = [
            (
                self.tr("Set up a new station"),
                self.tr("Enter the station's code, name and mediation committee yourself."),
            ),
            (
                self.tr("Join the town's grid system"),
                self.tr(
                    "The town grid center has registered this station and given you a "
                    "one-time enrolment code. Needs a network connection."
                ),
            ),
            (
                self.tr("Practise with the demo town"),
                self.tr(
                    "Made-up data of a whole town (霞溪镇) and demo accounts, to learn the "
                    "program. Set up the real station later in another folder."
                ),
            ),
        ]
        for number, (text, hint) in enumerate(choices):
            button = QRadioButton(text)
            button.setObjectName(f"mode_{(NEW, JOIN, DEMO)[number]}")
            self.mode_group.addButton(button, number)
            note = QLabel(hint)
            note.setObjectName("hint")
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(button)
            layout.addWidget(note)
        self.mode_group.button(0).setChecked(True)
        layout.addStretch(1)
        return page

    def _folders_page(self) -> QWizardPage:
        page = self._page(
            self.tr("Data and backup folders"),
            self.tr("Where the station's database and its backups are kept."),
        )
        form = self._form(
            page,
            self.tr(
                "Keep the data on this computer's own disk (not a USB stick). Backups are "
                "safest on another disk or a USB drive that stays connected."
            ),
        )
        self.data_dir_edit = QLineEdit(str(self.data_dir))
        self.backup_dir_edit = QLineEdit()
        self.backup_dir_edit.setPlaceholderText(self._default_backup_text())
        self.data_dir_edit.textChanged.connect(
            lambda _t: self.backup_dir_edit.setPlaceholderText(self._default_backup_text())
        )
        for label, name, edit, hint in (
            (self.tr("&Data folder"), "data_dir", self.data_dir_edit, ""),
            (
                self.tr("&Backup folder"),
                "backup_dir",
                self.backup_dir_edit,
                self.tr("Leave empty to keep backups in the data folder's 'backups'."),
            ),
        ):
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(edit, 1)
            browse = QPushButton(self.tr("Browse…"))
            browse.setObjectName(f"browse_{name}")
            browse.clicked.connect(lambda _=False, e=edit: self._browse(e))
            row_layout.addWidget(browse)
            self._field(form, label, name, edit, hint, row=row)
        return page

    def _station_page(self) -> QWizardPage:
        page = self._page(
            self.tr("The station"),
            self.tr("As printed on receipts, slips and the mediation forms."),
        )
        form = self._form(page)
        self.code_edit = self._field(
            form,
            self.tr("Station &code"),
            "station_code",
            QLineEdit(),
            self.tr("Given by the town grid center: 2 to 12 capital letters or digits, e.g. HT01."),
        )
        self.code_edit.setMaxLength(12)
        self.code_edit.editingFinished.connect(
            lambda: self.code_edit.setText(self.code_edit.text().strip().upper())
        )
        self.name_edit = self._field(
            form, self.tr("Station &name"), "station_name", QLineEdit(), ""
        )
        self.name_edit.setPlaceholderText(self.tr("e.g. 溪口村网格驿站"))
        self.kind_combo = QComboBox()
        for kind in StationKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self._field(form, self.tr("&Kind"), "station_kind", self.kind_combo)
        self.town_edit = self._field(form, self.tr("&Town"), "town_name", QLineEdit())
        self.town_edit.setPlaceholderText(self.tr("e.g. 霞溪镇"))
        self.committee_edit = self._field(
            form, self.tr("&Mediation committee"), "committee_name", QLineEdit()
        )
        self.committee_edit.setPlaceholderText(self.tr("e.g. 霞溪镇溪口村人民调解委员会"))
        self.short_edit = self._field(
            form,
            self.tr("Committee &short name"),
            "committee_short",
            QLineEdit(),
            self.tr("The X in mediation case numbers （2026）X人调字第N号, e.g. 溪口."),
        )
        self.short_edit.setMaxLength(setup.MAX_COMMITTEE_SHORT)
        self.phone_edit = self._field(
            form,
            self.tr("&Phone"),
            "phone",
            QLineEdit(),
            self.tr("The station's phone, printed on receipts: a landline or a mobile."),
        )
        return page

    def _town_page(self) -> QWizardPage:
        page = self._page(
            self.tr("Join the town's grid system"),
            self.tr("The station's code, name and kind come from the town server."),
        )
        form = self._form(
            page,
            self.tr(
                "The town grid center registers this station on the town server and gives "
                "you its address and a one-time enrolment code. This computer must be "
                "connected to the network now.\n"
                "No code yet, or no network? Go back, choose “Set up a new station”, and "
                "enrol later with the command grid-station enroll."
            ),
        )
        self.server_edit = self._field(form, self.tr("Town &server"), "server_url", QLineEdit(), "")
        self.server_edit.setPlaceholderText("https://town.example:8700")
        self.enrol_code_edit = self._field(
            form, self.tr("Enrolment &code"), "code", QLineEdit(), ""
        )
        self.enrol_code_edit.setPlaceholderText("ABCD-EFGH-2345")
        self.ca_edit = self._field(
            form,
            self.tr("Certificate (&optional)"),
            "ca_file",
            QLineEdit(),
            self.tr("Only if the town server uses its own certificate authority (a .pem file)."),
        )
        return page

    def _admin_page(self) -> QWizardPage:
        page = self._page(
            self.tr("The first administrator"),
            self.tr("This account sets up users, settings and backups."),
        )
        form = self._form(
            page,
            self.tr(
                "Log in with this account after setup. Accounts for receptionists, grid "
                "workers and mediators are added later under Settings."
            ),
        )
        self.username_edit = self._field(form, self.tr("&Username"), "username", QLineEdit("admin"))
        self.username_edit.setMaxLength(setup.MAX_NAME)
        self.display_name_edit = self._field(
            form, self.tr("Your &name"), "display_name", QLineEdit()
        )
        self.display_name_edit.setPlaceholderText(self.tr("e.g. 林站长"))
        self.password_edit = self._field(
            form,
            self.tr("&Password"),
            "password",
            QLineEdit(),
            self.tr("At least %1 characters.").replace("%1", str(setup.MIN_PASSWORD)),
        )
        self.password_again_edit = self._field(
            form, self.tr("Password &again"), "password_again", QLineEdit()
        )
        for edit in (self.password_edit, self.password_again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return page

    def _confirm_page(self) -> QWizardPage:
        page = self._page(
            self.tr("Ready to set up"),
            self.tr("Check the details; go back to change anything."),
        )
        layout = QVBoxLayout(page)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("setupSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the work reports no steps
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("hint")
        self.progress_label.hide()
        self.setup_error = QLabel()
        self.setup_error.setObjectName("fieldError")
        self.setup_error.setWordWrap(True)
        self.setup_error.hide()
        layout.addWidget(self.summary_label)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.setup_error)
        page.setCommitPage(True)  # once set up, there is no going back
        page.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Set up"))
        return page

    def _done_page(self) -> QWizardPage:
        page = self._page(self.tr("Setup complete"), self.tr("Grid Station is ready."))
        layout = QVBoxLayout(page)
        self.done_label = QLabel()
        self.done_label.setObjectName("setupDone")
        self.done_label.setTextFormat(Qt.TextFormat.RichText)
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        page.setFinalPage(True)
        return page

    # ----------------------------------------------------------------- checks

    def _show(self, exc: ValidationError) -> bool:
        """Each message under its field, focus on the first; always False (stay)."""
        first = self.errors.show_error(exc)
        if first is not None:
            first.setFocus()
        else:
            show_exception(self, exc)
        return False

    def _check_folders(self) -> bool:
        self.errors.clear("data_dir")
        self.errors.clear("backup_dir")
        try:
            self.data_dir = setup.check_new_data_dir(self.data_dir_edit.text())
            backup = self.backup_dir_edit.text().strip()
            self.backup_dir = (
                str(setup.check_folder(backup, field="backup_dir", label=self.tr("backup folder")))
                if backup
                else ""
            )
        except ValidationError as exc:
            return self._show(exc)
        return True

    def _station_answers(self) -> StationSettings:
        return StationSettings(
            station_code=self.code_edit.text(),
            station_name=self.name_edit.text(),
            station_kind=self.kind_combo.currentData(),
            town_name=self.town_edit.text(),
            committee_name=self.committee_edit.text(),
            committee_short=self.short_edit.text(),
            phone=self.phone_edit.text(),
            language=_app_language(),
            backup_dir=self.backup_dir,
        )

    def _check_station(self) -> bool:
        try:
            self._settings = setup.check_settings(self._station_answers())
        except ValidationError as exc:
            return self._show(exc)
        self.code_edit.setText(self._settings.station_code)
        return True

    def _check_town(self) -> bool:
        problems: list[ValidationError] = []
        try:
            setup.check_server_url(self.server_edit.text())
        except ValidationError as exc:
            problems.append(exc)
        if not self.enrol_code_edit.text().strip():
            problems.append(
                ValidationError(self.tr("Please enter the enrolment code."), field="code")
            )
        ca_file = self.ca_edit.text().strip()
        if ca_file and not Path(ca_file).is_file():
            problems.append(ValidationError(self.tr("There is no such file."), field="ca_file"))
        if problems:
            return self._show(FormInvalid(problems))
        return True

    def _check_admin(self) -> bool:
        try:
            setup.check_admin(
                username=self.username_edit.text(),
                display_name=self.display_name_edit.text(),
                password=self.password_edit.text(),
                password_again=self.password_again_edit.text(),
            )
        except FormInvalid as exc:
            if {"password", "password_again"} & exc.by_field().keys():
                self.password_again_edit.clear()  # typed again, never fixed blind
            return self._show(exc)
        return True

    # ----------------------------------------------------------------- the work

    def _setup_op(self) -> Any:
        """What "Set up" runs on the worker: plain values only, no widgets."""
        folder, backup, language, mode = self.data_dir, self.backup_dir, _app_language(), self.mode
        if mode == DEMO:
            return lambda: setup.practise_with_demo(folder, backup_dir=backup, language=language)
        admin = {
            "admin_username": self.username_edit.text().strip(),
            "admin_display_name": self.display_name_edit.text().strip(),
            "admin_password": self.password_edit.text(),
        }
        if mode == JOIN:
            server, code, ca_file = (
                self.server_edit.text().strip(),
                self.enrol_code_edit.text().strip(),
                self.ca_edit.text().strip(),
            )
            return lambda: setup.join_town(
                folder,
                server_url=server,
                code=code,
                ca_file=ca_file,
                language=language,
                backup_dir=backup,
                **admin,
            )
        settings = self._settings
        return lambda: setup.create_station(folder, settings=settings, **admin)

    def _set_up(self) -> bool:
        """Run the work while the wizard waits (responsive); True once it is done."""
        messages = {
            NEW: self.tr("Creating the station's database…"),
            JOIN: self.tr("Enrolling with the town server…"),
            DEMO: self.tr("Building the demo town, please wait…"),
        }
        self._set_busy(True, messages[self.mode])
        outcome: dict[str, Any] = {}
        loop = QEventLoop()

        def finished(key: str, value: Any) -> None:
            outcome[key] = value
            loop.quit()

        self._runner.run(
            self._setup_op(),
            parent=self,
            success=lambda result: finished("result", result),
            failure=lambda error: finished("error", error),
            label="setup",
        )
        loop.exec()
        self._set_busy(False)
        error = outcome.get("error")
        if error is None:
            self.outcome = outcome.get("result")
            return True
        self._setup_failed(error)
        return False

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.progress_label.setText(message)
        self.progress_label.setVisible(busy)
        if busy:
            self.setup_error.hide()
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.CancelButton,
        ):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)

    def _setup_failed(self, error: BaseException) -> None:
        if not isinstance(error, GridStationError):
            show_exception(self, error)
            return
        # Also shown under the field it concerns, for when the person goes back to it.
        self.errors.show_error(error)
        hint = self.tr("Go back to change it, or try again.")
        self.setup_error.setText(f"{error.message}\n{hint}")
        self.setup_error.show()

    # ----------------------------------------------------------------- texts

    def _default_backup_text(self) -> str:
        folder = self.data_dir_edit.text().strip() if hasattr(self, "data_dir_edit") else ""
        return str(setup.default_backup_dir(Path(folder))) if folder else ""

    def _browse(self, edit: QLineEdit) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder"), edit.text() or str(self.data_dir)
        )
        if chosen:
            edit.setText(str(Path(chosen)))

    def _summary_html(self) -> str:
        rows = [
            (self.tr("Data folder"), str(self.data_dir)),
            (
                self.tr("Backup folder"),
                self.backup_dir or str(setup.default_backup_dir(self.data_dir)),
            ),
        ]
        if self.mode == DEMO:
            rows.append(
                (self.tr("Data"), self.tr("the demo town 霞溪镇 (made-up people and cases)"))
            )
        elif self.mode == JOIN:
            rows += [
                (self.tr("Town server"), self.server_edit.text().strip()),
                (self.tr("Enrolment code"), self.enrol_code_edit.text().strip()),
            ]
        else:
            s = self._settings
            rows += [
                (self.tr("Station"), f"{s.station_name}（{s.station_code}）"),
                (self.tr("Kind"), StationKind(s.station_kind).label),
                (self.tr("Town"), s.town_name),
                (
                    self.tr("Mediation committee"),
                    f"{s.committee_name}（{s.committee_short}）" if s.committee_name else "—",
                ),
                (self.tr("Phone"), s.phone),
            ]
        if self.mode != DEMO:
            name = self.display_name_edit.text().strip()
            user = self.username_edit.text().strip()
            rows.append((self.tr("Administrator"), f"{user}（{name}）" if name else user))
        return _table(rows)

    def _done_html(self) -> str:
        outcome = self.outcome
        if self.mode == DEMO and outcome is not None:
            accounts = "、".join(outcome.users)
            return (
                "<p>"
                + html.escape(
                    self.tr(
                        "The demo town is ready: %1 residents, %2 work orders, %3 mediation cases."
                    )
                    .replace("%1", str(outcome.residents))
                    .replace("%2", str(outcome.cases))
                    .replace("%3", str(outcome.mediations))
                )
                + "</p>"
                + _table(
                    [
                        (self.tr("Demo accounts"), accounts),
                        (self.tr("Password (all)"), outcome.password),
                        (self.tr("Data folder"), str(self.data_dir)),
                    ]
                )
            )
        station = getattr(outcome, "settings", None)
        admin = getattr(outcome, "admin", None)
        rows = [
            (self.tr("Station"), f"{station.station_name}（{station.station_code}）")
            if station is not None
            else (self.tr("Station"), ""),
            (self.tr("Log in as"), admin.username if admin is not None else ""),
            (self.tr("Data folder"), str(self.data_dir)),
        ]
        next_step = self.tr("Click “Finish”, then log in with the administrator's account.")
        return _table(rows) + f"<p>{html.escape(next_step)}</p>"


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding:3px 16px 3px 0; color:#5f6670'>{html.escape(k)}</td>"
        f"<td style='padding:3px 0'>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table>{cells}</table>"


def _app_language() -> str:
    """The interface language now in use, as a settings code (``zh_CN`` or ``en``)."""
    return "en" if QLocale().language() == QLocale.Language.English else setup.DEFAULT_LANGUAGE
