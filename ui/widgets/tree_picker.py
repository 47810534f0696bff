"""Pick one node of a small tree (request categories, community → grid) from the keyboard.

Type to filter (Chinese, pinyin initials or full pinyin; several words narrow further,
"dj 01" or "东街01"), Up/Down move through the matches, Enter takes the highlighted one and
lets the form move on. A click takes an item too. The tree lists every node, so it is for
reference data of a few hundred rows, not for residents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from station.domain.pinyin import name_keys

ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
SELECTABLE_ROLE = Qt.ItemDataRole.UserRole + 3

# Boundaries between Chinese and Latin/digits split a word: "东街01" -> "东街", "01".
_TOKEN_RE = re.compile(r"[\u3400-\u9fff]+|[^\s\u3400-\u9fff]+")


def search_tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN_RE.findall(text)]


@dataclass(frozen=True)
class PickerNode:
    id: str
    name: str
    parent_id: str | None = None
    selectable: bool = True


class _TokenFilter(QSortFilterProxyModel):
    """Rows whose search text holds every typed token; parents of matches stay visible."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tokens: list[str] = []
        self.setRecursiveFilteringEnabled(True)

    def set_tokens(self, tokens: list[str]) -> None:
        if tokens == self.tokens:
            return
        self.beginFilterChange()
        self.tokens = tokens
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self.tokens:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        text = str(index.data(SEARCH_ROLE) or "")
        return all(token in text for token in self.tokens)


class TreePicker(QWidget):
    """A search line over a tree; :attr:`value` is the chosen node's id (or None)."""

    sig_chosen = Signal(object)  # the chosen id, or None when the choice was cleared

    def __init__(
        self,
        *,
        placeholder: str = "",
        tree_height: int = 120,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._value: str | None = None
        self._setting_text = False
        self._items: dict[str, QStandardItem] = {}

        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.model = QStandardItemModel(self)
        self.proxy = _TokenFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard works in the line
        self.tree.setFixedHeight(tree_height)
        self.tree.clicked.connect(self._clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._text_changed)
        # Exactly as tall as its parts: extra room in a form goes below, not in between.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    # ----------------------------------------------------------------- data

    def set_nodes(self, nodes: Iterable[PickerNode]) -> None:
        """Fill the tree (parents must come before their children)."""
        keep = self._value
        self.model.clear()
        self._items.clear()
        for node in nodes:
            item = QStandardItem(node.name)
            parent_item = self._items.get(node.parent_id or "")
            path = f"{parent_item.data(PATH_ROLE)} / {node.name}" if parent_item else node.name
            initials, full = name_keys(node.name)
            item.setData(node.id, ID_ROLE)
            item.setData(path, PATH_ROLE)
            item.setData(f"{node.name.lower()} {initials} {full}", SEARCH_ROLE)
            item.setData(node.selectable, SELECTABLE_ROLE)
            if not node.selectable:
                item.setSelectable(False)
            (parent_item or self.model.invisibleRootItem()).appendRow(item)
            self._items[node.id] = item
        self._value = None
        if keep in self._items:
            self.set_value(keep)
        else:
            self._show_all()

    def node_ids(self) -> Sequence[str]:
        return list(self._items)

    # ----------------------------------------------------------------- value

    @property
    def value(self) -> str | None:
        return self._value

    def path_of(self, node_id: str | None) -> str:
        item = self._items.get(node_id or "")
        return str(item.data(PATH_ROLE)) if item else ""

    def set_value(self, node_id: str | None, *, notify: bool = False) -> None:
        """Show ``node_id`` as chosen (None clears); ``notify`` emits :attr:`sig_chosen`."""
        item = self._items.get(node_id or "")
        self._value = node_id if item is not None else None
        self._setting_text = True
        self.edit.setText(self.path_of(self._value))
        self._setting_text = False
        self._show_all()
        if item is not None:
            index = self.proxy.mapFromSource(item.index())
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        if notify:
            self.sig_chosen.emit(self._value)

    def choose_current(self) -> bool:
        """Take the highlighted node; False when nothing selectable is highlighted."""
        index = self.tree.currentIndex()
        if not index.isValid() or not index.data(SELECTABLE_ROLE):
            return False
        self.set_value(str(index.data(ID_ROLE)), notify=True)
        return True

    # ----------------------------------------------------------------- filtering

    def _show_all(self) -> None:
        self.proxy.set_tokens([])
        self.tree.collapseAll()
        chosen = self._items.get(self._value or "")
        if chosen is not None and chosen.parent() is not None:
            self.tree.expand(self.proxy.mapFromSource(chosen.parent().index()))

    def _text_changed(self, text: str) -> None:
        if self._setting_text:
            return
        had_value = self._value is not None
        self._value = None
        tokens = search_tokens(text)
        self.proxy.set_tokens(tokens)
        if tokens:
            self.tree.expandAll()
            # Highlight the first row that matches itself, not a parent shown for its child.
            matches = [i for i in self._visible_selectable() if self._matches(i, tokens)]
            self.tree.setCurrentIndex(matches[0] if matches else QModelIndex())
        else:
            self.tree.collapseAll()
            self.tree.setCurrentIndex(QModelIndex())
        if had_value:
            self.sig_chosen.emit(None)

    @staticmethod
    def _matches(index: QModelIndex, tokens: list[str]) -> bool:
        text = str(index.data(SEARCH_ROLE) or "")
        return all(token in text for token in tokens)

    def _visible_selectable(self) -> list[QModelIndex]:
        """Selectable rows in display order (the tree is expanded while filtering)."""
        out: list[QModelIndex] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if index.data(SELECTABLE_ROLE):
                    out.append(index)
                if self.tree.isExpanded(index) or self.proxy.tokens:
                    walk(index)

        walk(QModelIndex())
        return out

    def _move(self, step: int) -> None:
        matches = self._visible_selectable()
        if not matches:
            return
        current = self.tree.currentIndex()
        position = next((n for n, i in enumerate(matches) if i == current), -1)
        target = matches[max(0, min(len(matches) - 1, position + step))]
        if target.parent().isValid():
            self.tree.expand(target.parent())
        self.tree.setCurrentIndex(target)
        self.tree.scrollTo(target)

    def _clicked(self, index: QModelIndex) -> None:
        if index.data(SELECTABLE_ROLE):
            self.tree.setCurrentIndex(index)
            self.choose_current()
            self.edit.setFocus()
        else:
            self.tree.setExpanded(index, not self.tree.isExpanded(index))

    # ----------------------------------------------------------------- keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down:
                self._move(+1)
                return True
            if key == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(+5 if key == Qt.Key.Key_PageDown else -5)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._value is None:
                # Take the highlighted match and let Enter go on to the form (next field);
                # with nothing to take, stay here.
                return not self.choose_current()
        return super().eventFilter(watched, event)
