"""Locking the app after idle time: the screen is covered, work stays as it was.

:class:`IdleWatcher` notes the time of the last keyboard or mouse input anywhere in the app
(an event filter on the QApplication) and says when the station has been idle for the
configured minutes. :class:`LockScreen` then covers the screen above every window and asks
for the password of the person who is logged in; nothing underneath is closed or reset, so
half-typed forms are still there after unlocking. :class:`IdleLock` ties the two together.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.errors import GridStationError
from station.services.events import Actor
from station.services.users import LoginFailed, authenticate
from ui.errors import show_exception
from ui.task_runner import DbSession, TaskRunner
from ui.widgets.password_form import password_edit

CHECK_MS = 15_000  # how often idleness is checked; the lock comes at most this much late
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits ``sig_idle`` once the app saw no input for ``minutes`` (0: never)."""

    sig_idle = Signal()

    def __init__(
        self,
        *,
        minutes: int,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self._clock = clock
        self._last_input = clock()
        self.paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = self._clock()
        return False

    def touch(self) -> None:
        """Count as input now (after unlocking, for example)."""
        self._last_input = self._clock()

    @property
    def idle_seconds(self) -> float:
        return self._clock() - self._last_input

    def check(self) -> None:
        if self.paused or self.minutes <= 0:
            return
        if self.idle_seconds >= self.minutes * 60:
            self.sig_idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _unlock(session: DbSession, *, username: str, password: str) -> Actor | LoginFailed:
    """Worker op: the LoginFailed is returned, not raised (see ui.login_dialog)."""
    try:
        return authenticate(session, username=username, password=password, purpose="unlock")
    except LoginFailed as exc:
        return exc


class LockScreen(QDialog):
    """Covers the screen above every window until the logged-in person's password is given.

    Esc and closing do nothing; the windows underneath keep everything typed in them.
    """

    sig_unlocked = Signal()

    def __init__(
        self,
        *,
        runner: TaskRunner,
        actor: Actor,
        station_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._runner = runner
        self._actor = actor
        self._unlocked = False
        self.setWindowTitle(self.tr("Grid Station is locked"))
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

        panel = QFrame()
        panel.setObjectName("lockPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(440)
        title = QLabel(station_name or self.tr("Grid Station"))
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name = actor.display_name or actor.username
        message = QLabel(
            self.tr(
                "Locked after a time without use. %1 is logged in: enter the password to "
                "go on. Open windows and unfinished work are kept."
            ).replace("%1", name)
        )
        message.setWordWrap(True)
        self.password_edit = password_edit(
            "password", placeholder=self.tr("Password of %1").replace("%1", name)
        )
        self.password_edit.returnPressed.connect(self.submit)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("primaryButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)

        inner = QVBoxLayout(panel)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(message)
        inner.addWidget(self.password_edit)
        inner.addWidget(self.error_label)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def cover(self, widget: QWidget | None) -> None:
        """Show over the whole screen that ``widget`` is on (or the primary screen)."""
        screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
        self.setGeometry(screen.geometry())
        self.show()
        self.raise_()
        self.activateWindow()
        self.password_edit.setFocus()

    def submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        password = self.password_edit.text()
        if not password:
            self._show_error(self.tr("Please enter your password."))
            return
        username = self._actor.username
        self.unlock_button.setEnabled(False)
        self._runner.mutate(
            lambda s: _unlock(s, username=username, password=password),
            parent=self,
            success=self._checked,
            failure=self._failed,
            label="unlock",
        )

    def _checked(self, outcome: Actor | LoginFailed) -> None:
        self.unlock_button.setEnabled(True)
        if isinstance(outcome, LoginFailed):
            self._failed(outcome)
            return
        self._unlocked = True
        self.password_edit.clear()
        self.sig_unlocked.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password_edit.clear()
        if isinstance(exc, GridStationError):
            self._show_error(exc.message)
        else:
            show_exception(self, exc)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.password_edit.setFocus()

    # Only the password opens it.
    def reject(self) -> None:
        if self._unlocked:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked:
            super().closeEvent(event)
        else:
            event.ignore()


class IdleLock(QObject):
    """Locks after ``minutes`` without input (0: never) or on :meth:`lock_now`."""

    sig_locked = Signal()
    sig_unlocked = Signal()

    def __init__(
        self,
        *,
        runner: TaskRunner,
        actor: Actor,
        minutes: int,
        station_name: str = "",
        window: QWidget | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._actor = actor
        self._station_name = station_name
        self._window = window
        self.screen: LockScreen | None = None
        self.watcher = IdleWatcher(minutes=minutes, clock=clock, parent=self)
        self.watcher.sig_idle.connect(self.lock_now)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def set_minutes(self, minutes: int) -> None:
        self.watcher.minutes = minutes

    def lock_now(self) -> LockScreen:
        if self.screen is not None:
            self.screen.raise_()
            return self.screen
        self.watcher.paused = True
        screen = LockScreen(
            runner=self._runner,
            actor=self._actor,
            station_name=self._station_name,
            parent=self._window,
        )
        screen.sig_unlocked.connect(self._unlocked)
        self.screen = screen
        screen.cover(self._window)
        self.sig_locked.emit()
        return screen

    def _unlocked(self) -> None:
        if self.screen is not None:
            self.screen.deleteLater()
        self.screen = None
        self.watcher.touch()
        self.watcher.paused = False
        self.sig_unlocked.emit()

    def stop(self) -> None:
        self.watcher.stop()
