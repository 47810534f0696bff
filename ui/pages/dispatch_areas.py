"""Which 诉求点将 areas the main window shows, by station kind.

* town center — 派单督办 (dispatch queue and supervision lists) and 督办看板 (oversight);
* department — 待办件 (its inbox);
* community — 待办件 (what the center dispatched to it) and 待回访;
* village — 待回访.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from station.domain.enums import StationKind
from station.services.reference import Choices
from ui.context import AppContext
from ui.pages.dispatch_lists_page import CENTER, STATION, UNIT, DispatchListsPage
from ui.pages.dispatch_oversight_page import DispatchOversightPage


class DispatchAreas(QObject):
    """The pages for this station's kind; :attr:`areas` is what the navigation lists."""

    def __init__(self, *, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lists: dict[str, DispatchListsPage] = {}
        self.oversight: DispatchOversightPage | None = None
        self.areas: list[tuple[str, QWidget]] = []
        try:
            kind = StationKind(context.settings.station_kind)
        except ValueError:
            return
        if kind is StationKind.CENTER:
            self.lists[CENTER] = DispatchListsPage(context=context, mode=CENTER)
            self.oversight = DispatchOversightPage(context=context)
            self.oversight.sig_show_list.connect(self._show_from_board)
            self.areas += [
                (QCoreApplication.translate("DispatchAreas", "Dispatch"), self.lists[CENTER]),
                (QCoreApplication.translate("DispatchAreas", "Oversight"), self.oversight),
            ]
        if kind in (StationKind.DEPARTMENT, StationKind.COMMUNITY):
            self.lists[UNIT] = DispatchListsPage(context=context, mode=UNIT)
            self.areas.append(
                (QCoreApplication.translate("DispatchAreas", "Inbox"), self.lists[UNIT])
            )
        if kind in (StationKind.VILLAGE, StationKind.COMMUNITY):
            self.lists[STATION] = DispatchListsPage(context=context, mode=STATION)
            self.areas.append(
                (QCoreApplication.translate("DispatchAreas", "Return visits"), self.lists[STATION])
            )
        self._show_area: Callable[[QWidget], None] | None = None

    def wire(
        self, *, open_case: Callable[[str], None], show_page: Callable[[QWidget], None]
    ) -> None:
        """Opening a work order and switching to a page are the main window's."""
        for page in self.lists.values():
            page.sig_open_case.connect(open_case)
        self._show_area = show_page

    def start(self) -> None:
        for page in self.lists.values():
            page.refresh()
        if self.oversight is not None:
            self.oversight.refresh()

    def set_choices(self, choices: Choices) -> None:
        for page in self.lists.values():
            page.set_choices(choices)

    def _show_from_board(self, which: str, department: str, community: str, name: str) -> None:
        page = self.lists[CENTER]
        page.show_list(which, department_id=department, community_id=community, unit_name=name)
        if self._show_area is not None:
            self._show_area(page)
