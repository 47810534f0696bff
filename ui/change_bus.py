"""The one app-wide "something changed" signal (STYLE §3, like Anki's ``operation_did_execute``).

Mutating services return what they changed (:class:`~station.services.changes.Changes`);
:meth:`AppContext.mutate` publishes it here after the transaction committed, and every view
that shows data connects to :attr:`ChangeBus.sig_changed` and refreshes itself when the
change concerns it. Nothing else tells views to refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from station.services.changes import Changes


class ChangeBus(QObject):
    sig_changed = Signal(object)  # Changes, after the transaction committed

    def publish(self, changes: Changes) -> None:
        if not changes.empty:
            self.sig_changed.emit(changes)
