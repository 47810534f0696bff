"""The log file: in the data folder, rotated, and never holding personal data."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.logs import (
    BACKUP_COUNT,
    MAX_BYTES,
    error_report,
    log_path,
    scrub,
    setup_logging,
    stop_logging,
)

ID_NUMBER = "35010219800101123X"
MOBILE = "13800000001"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging(tmp_path)
    assert path == log_path(tmp_path) == tmp_path / "logs" / "grid-station.log"
    yield path
    stop_logging()


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_a_log_call_with_an_id_number_and_a_phone_writes_them_masked(log_file: Path) -> None:
    logging.getLogger("station.test").warning(
        "lookup of %s failed, phone %s, landline %s", ID_NUMBER, MOBILE, "0591-87654321"
    )
    _flush()
    text = log_file.read_text(encoding="utf-8")
    assert "lookup of 350***********123X failed, phone 138****0001" in text
    assert "0591-****4321" in text
    for secret in (ID_NUMBER, MOBILE, "87654321"):
        assert secret not in text


def test_tracebacks_in_the_log_are_masked_too(log_file: Path) -> None:
    try:
        raise ValueError(f"居民 姓名：林玲玲 身份证 {ID_NUMBER} 电话 138 0000 0001")
    except ValueError:
        logging.getLogger("station.test").exception("saving failed")
    _flush()
    text = log_file.read_text(encoding="utf-8")
    assert "saving failed" in text and "Traceback" in text and "ValueError" in text
    assert "姓名：***" in text and "350***********123X" in text and "138****0001" in text
    for secret in (ID_NUMBER, "林玲玲", "0000 0001"):
        assert secret not in text


def test_scrub_leaves_case_numbers_dates_and_ids_alone() -> None:
    text = "工单 TS01-20261120-001 于 2026-11-20 09:30:00 保存，居民 P-0192ab，共 12345 条"
    assert scrub(text) == text


def test_the_log_rotates_and_setting_up_twice_writes_one_file(tmp_path: Path) -> None:
    setup_logging(tmp_path)
    path = setup_logging(tmp_path)  # e.g. the CLI, then the app: not two handlers
    assert path is not None
    ours = [h for h in logging.getLogger().handlers if getattr(h, "grid_station", False)]
    assert len(ours) == 1
    try:
        line = "x" * 200
        for _ in range((MAX_BYTES // 200) * 3):
            logging.getLogger("station.test").info(line)
        _flush()
        rotated = sorted(p.name for p in path.parent.iterdir())
        assert rotated[0] == "grid-station.log"
        assert 2 <= len(rotated) <= BACKUP_COUNT + 1
        assert all(p.stat().st_size <= MAX_BYTES + 400 for p in path.parent.iterdir())
    finally:
        stop_logging()


def test_error_report_has_version_and_traceback_but_no_personal_data() -> None:
    from station import __version__

    try:
        raise RuntimeError(f"号码 {ID_NUMBER} / {MOBILE}")
    except RuntimeError:
        report = error_report(*sys.exc_info())  # type: ignore[arg-type]
    assert f"网格驿站 {__version__}" in report
    assert "RuntimeError" in report and "test_error_report_has_version" in report
    assert ID_NUMBER not in report and MOBILE not in report
