"""The log file: ``<data folder>/logs/grid-station.log``, rotated, without personal data.

Policy (what may be written to the log):

* **Never** names, ID numbers, phone numbers, addresses or what a resident said. Code logs
  record ids, case numbers, counts, durations and error codes only; a person is named by
  their internal id (``P-…``), never by name.
* As a safety net the handler scrubs every line and every traceback: anything that looks
  like an ID number, a mobile or landline number or an e-mail address is masked
  (:func:`scrub`) before it reaches the file, whoever logged it and however (message,
  arguments, exception text).

The same scrubbing makes the error report the app offers to copy (:func:`error_report`).
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import re
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from station import __version__

LOG_FOLDER = "logs"
LOG_FILE = "grid-station.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

_ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])(\d{3})\d{11}(\d{3}[0-9Xx])(?![0-9A-Za-z])|"
    r"(?<![0-9A-Za-z])(\d{3})\d{8}(\d{4})(?![0-9A-Za-z])"
)
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])(0\d{2,3})[- ]?\d{3,4}(\d{4})(?![0-9])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_LABELLED_NAME = re.compile(
    r"(姓名|申请人|当事人|被申请人|联系人|来访人)([:：=]\s*)([^\s,，;；、)）]{1,8})"
)


def scrub(text: str) -> str:
    """``text`` with ID numbers, phones, e-mail addresses and labelled names masked."""
    text = _ID_NUMBER.sub(
        lambda m: f"{m.group(1) or m.group(3)}***********{m.group(2) or m.group(4)}", text
    )
    text = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)
    text = _LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(2)}", text)
    text = _EMAIL.sub("***@***", text)
    return _LABELLED_NAME.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


class PersonalDataFilter(logging.Filter):
    """Scrubs each record's message and traceback in place (so every handler gets the
    masked text); never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what there is
            message = str(record.msg)
        record.msg, record.args = scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_FOLDER / LOG_FILE


def setup_logging(data_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to the rotating file in ``data_dir`` (replacing the file we logged to before);
    the file's path, or None when the folder cannot be written (then nothing is logged to
    a file, and nothing fails: a read-only folder is safe mode's to explain)."""
    stop_logging()
    root = logging.getLogger()
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.grid_station = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(PersonalDataFilter())
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def stop_logging() -> None:
    """Close the log file set up by :func:`setup_logging` (if any)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "grid_station", False):
            root.removeHandler(handler)
            handler.close()


def error_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    *,
    extra: dict[str, str] | None = None,
) -> str:
    """A report of an unexpected error to copy to IT: versions and the traceback, with
    personal data scrubbed (as in the log)."""
    lines = [
        f"网格驿站 {__version__}",
        f"时间：{datetime.now():%Y-%m-%d %H:%M:%S}",
        f"Python {platform.python_version()}，{platform.platform()}",
        *(f"{key}：{value}" for key, value in (extra or {}).items()),
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return scrub("\n".join(lines))


def log_unexpected(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    logging.getLogger("grid_station.crash").critical(
        "unexpected error", exc_info=(exc_type, exc, tb)
    )


__all__ = [
    "LOG_FILE",
    "LOG_FOLDER",
    "PersonalDataFilter",
    "error_report",
    "log_path",
    "log_unexpected",
    "scrub",
    "setup_logging",
    "stop_logging",
]
