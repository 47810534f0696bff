"""The status bar's database path: shortened in the middle when space runs out."""

from __future__ import annotations

from ui.widgets.elided_label import ElidedLabel

PATH = "数据库：/home/jiedai/.local/share/GridStation/霞溪镇东街社区/grid-station.sqlite3"


def test_a_narrow_label_keeps_both_ends_and_the_whole_text_in_its_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = ElidedLabel(PATH)
    qtbot.addWidget(label)
    label.resize(label.sizeHint())
    label.show()
    assert label.text() == PATH  # room enough: all of it
    label.resize(160, label.height())
    shown = label.text()
    assert "…" in shown and len(shown) < len(PATH)
    assert shown.startswith("数据库") and shown.endswith("sqlite3")
    assert label.full_text() == PATH and label.toolTip() == PATH
    assert label.minimumSizeHint().width() < 160  # the status bar may squeeze it that far
