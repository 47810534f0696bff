"""The idle lock: after the set minutes without input the screen is covered; only the
logged-in person's password opens it; the form underneath keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout
from ui_support import shot

from station.db.database import Database
from station.db.models import AuditEntry
from station.services.users import authenticate
from ui.idle_lock import IdleLock, IdleWatcher
from ui.task_runner import TaskRunner


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_watcher_counts_input_and_fires_after_the_minutes(qtbot) -> None:
    clock = FakeClock()
    watcher = IdleWatcher(minutes=5, clock=clock)
    fired: list[bool] = []
    watcher.sig_idle.connect(lambda: fired.append(True))
    clock.now += 4 * 60
    watcher.check()
    assert fired == []
    edit = QLineEdit()
    qtbot.addWidget(edit)
    QApplication.sendEvent(
        edit, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    clock.now += 4 * 60  # 8 minutes since start, 4 since the key press
    watcher.check()
    assert fired == []
    clock.now += 60
    watcher.check()
    assert fired == [True]
    watcher.minutes = 0  # "never"
    clock.now += 3600
    watcher.check()
    assert fired == [True]
    watcher.stop()


def test_lock_keeps_the_open_form_and_needs_the_password(
    qtbot, runner: TaskRunner, small_db: Database, small_town_file
) -> None:
    with small_db.transaction() as s:
        actor = authenticate(
            s, username=small_town_file.username, password=small_town_file.password
        )
    form = QDialog()
    qtbot.addWidget(form)
    typed = QLineEdit()
    QVBoxLayout(form).addWidget(typed)
    form.show()
    typed.setText("邻居在楼道堆放杂物，尚未保存")

    clock = FakeClock()
    lock = IdleLock(
        runner=runner, actor=actor, minutes=10, station_name="测试社区网格驿站", clock=clock
    )
    clock.now += 10 * 60
    with qtbot.waitSignal(lock.sig_locked):
        lock.watcher.check()
    screen = lock.screen
    assert screen is not None and screen.isVisible()
    assert screen.windowModality() == Qt.WindowModality.ApplicationModal
    assert "林接待" in screen.password_edit.placeholderText()
    screen.reject()  # Esc does not open it
    screen.close()
    assert screen.isVisible() and lock.locked
    shot(screen, "accounts-idle-lock")

    screen.password_edit.setText("not-it")
    with qtbot.waitSignal(runner.sig_task_done, timeout=10_000):
        screen.unlock_button.click()
    assert lock.locked and screen.error_label.text() == "登录名或密码不正确，请重新输入"
    screen.password_edit.setText(small_town_file.password)
    with qtbot.waitSignal(lock.sig_unlocked, timeout=10_000):
        qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert not lock.locked
    assert form.isVisible() and typed.text() == "邻居在楼道堆放杂物，尚未保存"
    # Idle time counts again from the unlock.
    lock.watcher.check()
    assert not lock.locked
    with small_db.read() as s:
        actions = [a.action for a in s.query(AuditEntry).order_by(AuditEntry.id)]
    assert actions[-2:] == ["unlock_failed", "unlock"]
    lock.stop()


def test_mouse_move_counts_as_use(qtbot) -> None:
    from PySide6.QtGui import QMouseEvent

    clock = FakeClock()
    watcher = IdleWatcher(minutes=1, clock=clock)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    clock.now += 59
    QApplication.sendEvent(
        edit,
        QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(1, 1),
            QPointF(1, 1),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert watcher.idle_seconds == 0
    watcher.stop()
