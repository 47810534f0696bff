"""Find a resident as you type: name, pinyin initials (lll → 林玲玲), phone or ID number.

The search runs on the task runner a moment after typing stops; matches show the masked
phone and ID number and the address, never the full numbers. Up/Down move through them,
Enter takes the highlighted one; the last line offers a new resident with what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from station.services.persons import PersonInfo, search_persons
from ui.task_runner import TaskRunner

SEARCH_DELAY_MS = 200
MAX_MATCHES = 8
PERSON_ROLE = Qt.ItemDataRole.UserRole
NEW_PERSON = "new"


class ResidentLookup(QWidget):
    """A search line, its matches, and a card showing who was chosen."""

    sig_chosen = Signal(object)  # PersonInfo, or None when the choice was cleared
    sig_new_person = Signal(str)  # "new resident" was taken: what had been typed
    sig_results = Signal(int)  # matches shown (tests and the form wait on this)

    def __init__(
        self,
        *,
        runner: TaskRunner,
        placeholder: str = "",
        allow_new: bool = True,
        list_height: int = 118,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._allow_new = allow_new
        self._person: PersonInfo | None = None
        self._generation = 0
        self._pending = False  # a search was started and has not answered yet
        self._take_when_found = False  # Enter was pressed before the answer came
        self._setting_text = False

        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaxLength(40)
        self.edit.installEventFilter(self)
        self.results = QListWidget()
        self.results.setObjectName("lookupResults")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setFixedHeight(list_height)
        self.results.setUniformItemSizes(True)
        self.results.hide()
        self.results.itemClicked.connect(self._clicked)
        self.card = QLabel()
        self.card.setObjectName("chosenCard")
        self.card.setWordWrap(True)
        self.card.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        layout.addWidget(self.card)
        self.setFocusProxy(self.edit)
        # Exactly as tall as its parts: extra room in a form goes below, not in between.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.edit.textChanged.connect(self._text_changed)

    # ----------------------------------------------------------------- value

    @property
    def person(self) -> PersonInfo | None:
        return self._person

    def set_person(self, person: PersonInfo | None, *, notify: bool = True) -> None:
        self._person = person
        self._setting_text = True
        self.edit.setText(person.name if person else "")
        self._setting_text = False
        self._debounce.stop()
        self._generation += 1  # answers still on their way are for older text
        self._pending = self._take_when_found = False
        self.results.clear()
        self.results.hide()
        if person is None:
            self.card.hide()
        else:
            self.card.setText(self.describe(person))
            self.card.show()
        if notify:
            self.sig_chosen.emit(person)

    def describe(self, person: PersonInfo) -> str:
        parts = [
            person.name,
            person.masked_phone or self.tr("no phone"),
            self.tr("ID %1").replace("%1", person.masked_id) if person.masked_id else "",
            person.address,
        ]
        return "  ·  ".join(p for p in parts if p)

    # ----------------------------------------------------------------- searching

    def _text_changed(self, text: str) -> None:
        if self._setting_text:
            return
        if self._person is not None:
            self._person = None
            self.card.hide()
            self.sig_chosen.emit(None)
        if text.strip():
            self._pending = True
            self._debounce.start()
        else:
            self._debounce.stop()
            self._generation += 1
            self._pending = False
            self.results.clear()
            self.results.hide()

    def search_now(self) -> None:
        self._debounce.stop()
        text = self.edit.text().strip()
        if not text:
            return
        self._generation += 1
        generation = self._generation
        self._pending = True
        self._runner.query(
            lambda session: search_persons(session, query=text, limit=MAX_MATCHES),
            parent=self,
            success=lambda found: self._found(generation, text, found),
            label="resident lookup",
        )

    def _found(self, generation: int, text: str, found: list[PersonInfo]) -> None:
        if generation != self._generation:
            return
        self._pending = False
        self.results.clear()
        for person in found:
            item = QListWidgetItem(self.describe(person))
            item.setData(PERSON_ROLE, person)
            self.results.addItem(item)
        if self._allow_new:
            item = QListWidgetItem(self.tr("+ New resident “%1”").replace("%1", text))
            item.setData(PERSON_ROLE, NEW_PERSON)
            self.results.addItem(item)
        if self.results.count() == 0:
            item = QListWidgetItem(self.tr("No resident found"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        else:
            self.results.setCurrentRow(0)
        self.results.show()
        self.sig_results.emit(len(found))
        if self._take_when_found:
            self._take_when_found = False
            self.take_current()

    # ----------------------------------------------------------------- taking

    def take_current(self) -> bool:
        item = self.results.currentItem()
        if item is None or not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
            return False
        data = item.data(PERSON_ROLE)
        if data == NEW_PERSON:
            typed = self.edit.text().strip()
            self.results.hide()
            self.sig_new_person.emit(typed)
        elif isinstance(data, PersonInfo):
            self.set_person(data)
        return True

    def _clicked(self, item: QListWidgetItem) -> None:
        self.results.setCurrentItem(item)
        self.take_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.isVisible():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._person is not None or not self.edit.text().strip():
                    return False  # nothing to look up: Enter goes on to the form
                if self._pending:
                    self._take_when_found = True
                    self.search_now()
                    return True
                self.take_current()
                return True
            if key == Qt.Key.Key_Escape and self.results.isVisible():
                self.results.hide()
                return True
        return super().eventFilter(watched, event)
