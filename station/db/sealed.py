"""ID numbers sealed at rest: the database file never holds a resident ID number in clear.

What is sealed: ``person.id_number``, and every ``id_number`` value inside the JSON of
``event.payload`` and ``conflict.lost_value`` (the event log holds every value a person
ever had). Everything else, and everything outside the database (the sync wire, which is
plaintext inside TLS, and the town server's own database), is unchanged: code above the
SQL layer only ever sees clear values.

How: the columns have the types below, whose SQL wraps every value written in
``gs_seal…(?)`` and every value read in ``gs_open…(column)``; those functions are
registered on each SQLite connection (a pool listener) and use one key per computer user,
kept in a file outside the database and outside the data folder (:func:`key_file`,
permissions 0600). The seal is deterministic (SIV-style: the AES-GCM nonce is an HMAC of
the plaintext under a second key), so ``Person.id_number == "…"`` compiles to an equality
of sealed values: search and duplicate detection by the full ID number work through the
index, like a keyed-hash column, while a partial number finds nothing. Equal ID numbers
give equal sealed values: equality is all the file reveals without the key.

Values written before this existed (or by raw SQL, like the demo town's bulk load) stay in
clear until :func:`seal_existing` runs; reading accepts both.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import platformdirs
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import String, Text, event, func
from sqlalchemy.pool import Pool
from sqlalchemy.types import TypeDecorator

from station.errors import DatabaseError

PREFIX = "enc1:"
KEY_BYTES = 32
#: JSON keys whose string values are sealed wherever they appear in a payload.
SENSITIVE_KEYS = frozenset({"id_number"})
#: Bookkeeping keys of event payloads: they name fields, never hold values.
_SKIPPED_KEYS = frozenset({"_base", "_resolves"})
KEY_FILE_ENV = "GRID_STATION_KEY_FILE"


class SealKeyError(Exception):
    """The sealed values cannot be opened: the key file is damaged or another one."""


def key_file() -> Path:
    """Where the key lives: ``$GRID_STATION_KEY_FILE``, else a per-user folder next to the
    default data folder (``…/GridStation-keys/id-number.key``), never inside it: a copy of
    the data folder or of a backup does not carry the key."""
    override = os.environ.get(KEY_FILE_ENV)
    if override:
        return Path(override)
    return platformdirs.user_data_path("GridStation-keys", appauthor=False) / "id-number.key"


def _read_key(path: Path) -> bytes | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise SealKeyError(f"key file {path} is damaged")
    return key


def load_or_create_key(path: Path | None = None) -> bytes:
    """The key in ``path`` (default :func:`key_file`), made on first use (mode 0600)."""
    path = path or key_file()
    key = _read_key(path)
    if key is not None:
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # best effort: Windows ignores most modes
        os.chmod(path.parent, 0o700)
    key = os.urandom(KEY_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        existing = _read_key(path)
        if existing is None:
            raise SealKeyError(f"key file {path} vanished") from None
        return existing
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key.hex() + "\n")
        out.flush()
        os.fsync(out.fileno())
    return key


def _derive(master: bytes, purpose: bytes) -> bytes:
    return hmac.new(master, b"grid-station/" + purpose, hashlib.sha256).digest()


class FieldCipher:
    """Deterministic authenticated encryption of short text values."""

    def __init__(self, master: bytes) -> None:
        self._aead = AESGCM(_derive(master, b"id/aes-256-gcm"))
        self._siv = _derive(master, b"id/siv")

    def seal(self, plain: str) -> str:
        if not plain or plain.startswith(PREFIX):
            return plain
        data = plain.encode("utf-8")
        nonce = hmac.new(self._siv, data, hashlib.sha256).digest()[:12]
        sealed = nonce + self._aead.encrypt(nonce, data, None)
        return PREFIX + base64.urlsafe_b64encode(sealed).decode("ascii").rstrip("=")

    def open(self, value: str) -> str:
        if not value.startswith(PREFIX):
            return value
        body = value[len(PREFIX) :]
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        try:
            return self._aead.decrypt(raw[:12], raw[12:], None).decode("utf-8")
        except InvalidTag:
            raise SealKeyError("sealed value does not open with this key") from None

    # JSON documents: only the values of SENSITIVE_KEYS are sealed, the rest stays readable.

    def seal_json(self, text: str) -> str:
        if not any(f'"{k}"' in text for k in SENSITIVE_KEYS):
            return text  # most payloads: no parsing at all
        return _dumps(self._seal_obj(json.loads(text)))

    def open_json(self, text: str) -> str:
        if PREFIX not in text:
            return text
        return _dumps(self._open_obj(json.loads(text)))

    def _seal_obj(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: (
                    self.seal(v)
                    if k in SENSITIVE_KEYS and isinstance(v, str)
                    else v
                    if k in _SKIPPED_KEYS
                    else self._seal_obj(v)
                )
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [self._seal_obj(v) for v in value]
        return value

    def _open_obj(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.open(value)
        if isinstance(value, dict):
            return {k: self._open_obj(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._open_obj(v) for v in value]
        return value


def _dumps(value: Any) -> str:
    # The form of station.services.events.canonical_json (stored payloads are canonical).
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


_lock = threading.Lock()
_cached: tuple[str | None, FieldCipher] | None = None  # ($GRID_STATION_KEY_FILE, cipher)


def cipher() -> FieldCipher:
    """The cipher of this computer user's key (read or made once per process; called per
    row by the SQL functions, so the cached path is a dictionary lookup)."""
    global _cached
    override = os.environ.get(KEY_FILE_ENV)
    cached = _cached
    if cached is not None and cached[0] == override:
        return cached[1]
    with _lock:
        if _cached is None or _cached[0] != override:
            _cached = (override, FieldCipher(load_or_create_key(key_file())))
        return _cached[1]


def forget_ciphers() -> None:
    """For tests that switch key files."""
    global _cached
    _cached = None


# --------------------------------------------------------------------------- SQL layer


def _text_fn(method: str, fast: Any) -> Any:
    def fn(value: object) -> object:
        if not isinstance(value, str) or fast(value):
            return value
        return getattr(cipher(), method)(value)

    return fn


_FUNCTIONS = {
    "gs_seal": _text_fn("seal", lambda v: not v or v.startswith(PREFIX)),
    "gs_open": _text_fn("open", lambda v: not v.startswith(PREFIX)),
    "gs_seal_json": _text_fn("seal_json", lambda v: '"id_number"' not in v),
    "gs_open_json": _text_fn("open_json", lambda v: PREFIX not in v),
}


@event.listens_for(Pool, "connect")
def register_functions(dbapi_connection: object, _record: object = None) -> None:
    """Give a SQLite connection the seal/open functions (every pooled one gets them)."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        for name, fn in _FUNCTIONS.items():
            dbapi_connection.create_function(name, 1, fn, deterministic=True)


class SealedString(TypeDecorator[str]):
    """A short text column stored sealed (compare with ``==``; ``LIKE`` finds nothing)."""

    impl = String
    cache_ok = True

    def bind_expression(self, bindvalue: Any) -> Any:
        return func.gs_seal(bindvalue, type_=String())

    def column_expression(self, column: Any) -> Any:
        return func.gs_open(column, type_=String())


class SealedJSON(TypeDecorator[str]):
    """JSON text whose ``id_number`` values are stored sealed."""

    impl = Text
    cache_ok = True

    def bind_expression(self, bindvalue: Any) -> Any:
        return func.gs_seal_json(bindvalue, type_=Text())

    def column_expression(self, column: Any) -> Any:
        return func.gs_open_json(column, type_=Text())


#: (table, column) -> the SQL function that seals a value written there.
SEALED_COLUMNS = {
    ("person", "id_number"): "gs_seal",
    ("event", "payload"): "gs_seal_json",
    ("conflict", "lost_value"): "gs_seal_json",
}


def insert_placeholder(table: str, column: str) -> str:
    """``?`` or ``gs_seal…(?)``: for raw-SQL bulk inserts (the demo town) of clear values."""
    fn = SEALED_COLUMNS.get((table, column))
    return f"{fn}(?)" if fn else "?"


def seal_existing(connection: Any) -> int:
    """Seal values still stored in clear (older databases, raw bulk loads); returns rows.

    ``secure_delete`` is on while it runs, so the clear text is overwritten in the file,
    not merely unlinked from the page.
    """
    statements = (
        "UPDATE person SET id_number = gs_seal(id_number) "
        "WHERE id_number != '' AND id_number NOT LIKE 'enc1:%'",
        "UPDATE event SET payload = gs_seal_json(payload) "
        "WHERE instr(payload, '\"id_number\"') > 0 AND instr(payload, 'enc1:') = 0",
        "UPDATE conflict SET lost_value = gs_seal_json(lost_value) "
        "WHERE instr(lost_value, '\"id_number\"') > 0",
    )
    changed = 0
    connection.exec_driver_sql("PRAGMA secure_delete = ON")
    try:
        for sql in statements:
            changed += connection.exec_driver_sql(sql).rowcount or 0
    finally:
        connection.exec_driver_sql("PRAGMA secure_delete = OFF")
    return changed


def open_all(connection: Any) -> int:
    """The reverse of :func:`seal_existing` (a schema downgrade); returns rows changed."""
    statements = (
        "UPDATE person SET id_number = gs_open(id_number) WHERE id_number LIKE 'enc1:%'",
        "UPDATE event SET payload = gs_open_json(payload) WHERE instr(payload, 'enc1:') > 0",
        "UPDATE conflict SET lost_value = gs_open_json(lost_value) "
        "WHERE instr(lost_value, 'enc1:') > 0",
    )
    return sum(connection.exec_driver_sql(sql).rowcount or 0 for sql in statements)


def check_key(session: Any) -> None:
    """Raise :class:`~station.errors.DatabaseError` (saying what to do) when this database
    holds sealed ID numbers that this computer's key cannot open: the key file is missing
    (a new computer, a lost user profile) or is another station's. Never makes a key."""
    sample = (
        session.connection()
        .exec_driver_sql("SELECT id_number FROM person WHERE id_number LIKE 'enc1:%' LIMIT 1")
        .scalar()
    )
    if sample is None:
        return
    path = key_file()
    if not path.exists():
        raise DatabaseError(
            f"找不到身份证号加密密钥文件（{path}）。这个数据库中的身份证号需要它才能读取："
            "请把原电脑上的密钥文件复制到这个位置后再打开。",
            code="id_key_missing",
        )
    try:
        cipher().open(sample)
    except SealKeyError:
        raise DatabaseError(
            f"本机的身份证号加密密钥（{path}）与这个数据库不匹配，身份证号无法读取。"
            "请换回这个数据库原来所在电脑上的密钥文件。",
            code="id_key_mismatch",
        ) from None
