"""ID numbers at rest: the raw database file never contains one, yet the services see clear
values, a full number still finds the person, and an old database is sealed on upgrade."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from support import NOW

from station.db import sealed
from station.db.database import Database, database_path, open_database
from station.db.engine import make_engine
from station.db.migrate import upgrade
from station.errors import DatabaseError
from station.services import cases, persons
from station.services.events import BASE_KEY, RESOLVES_KEY, Actor
from station.services.projection import verify_projections

ID_NUMBER = "11010519491231002X"
OTHER_ID = "350203198510122347"


def raw_bytes(db: Database) -> bytes:
    """The database file and its WAL, as a thief copying the folder would get them."""
    path = Path(db.path)
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_bookkeeping_keys_match_the_event_module() -> None:
    assert {"_base", "_resolves"} == {BASE_KEY, RESOLVES_KEY}


def test_cipher_is_deterministic_authenticated_and_keyed(tmp_path: Path) -> None:
    one = sealed.FieldCipher(sealed.load_or_create_key(tmp_path / "a.key"))
    two = sealed.FieldCipher(sealed.load_or_create_key(tmp_path / "b.key"))
    assert (tmp_path / "a.key").stat().st_mode & 0o777 == 0o600
    value = one.seal(ID_NUMBER)
    assert value.startswith(sealed.PREFIX) and ID_NUMBER not in value
    assert one.seal(ID_NUMBER) == value != one.seal(OTHER_ID)
    assert one.open(value) == ID_NUMBER
    assert one.seal("") == "" and one.open("plain") == "plain"
    with pytest.raises(sealed.SealKeyError):
        two.open(value)
    tampered = value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1]
    with pytest.raises(sealed.SealKeyError):
        one.open(tampered)
    payload = json.dumps(
        {"id_number": ID_NUMBER, "name": "林玲玲", BASE_KEY: {"id_number": "e1"}},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    stored = one.seal_json(payload)
    assert ID_NUMBER not in stored and '"_base":{"id_number":"e1"}' in stored
    assert "林玲玲" in stored  # only the ID number is sealed
    assert one.open_json(stored) == payload


def test_raw_file_has_no_id_number_but_services_see_it(db: Database, clerk: Actor) -> None:
    with db.transaction() as s:
        person = persons.create_person(s, actor=clerk, name="林玲玲", id_number=ID_NUMBER)
        persons.update_person(s, actor=clerk, person_id=person.id, id_number=OTHER_ID)
        persons.update_person(s, actor=clerk, person_id=person.id, id_number=ID_NUMBER)
        cases.create_case(
            s, actor=clerk, summary="楼道堆放杂物", received_at=NOW, requester_id=person.id
        )
    with db.read() as s:
        assert persons.get_person(s, person_id=person.id).id_number == ID_NUMBER
        # Search by the full number (either form of the check letter), not by a part of it.
        assert [p.id for p in persons.search_persons(s, query=ID_NUMBER.lower())] == [person.id]
        assert persons.search_persons(s, query=ID_NUMBER[:10]) == []
        dupes = persons.duplicate_candidates(s, id_number=ID_NUMBER)
        assert [p.id for p in dupes] == [person.id]
        assert verify_projections(s) == []  # a rebuild from the sealed events matches
        stored = s.execute(text("SELECT id_number FROM person")).scalar_one()
        payloads = s.execute(text("SELECT payload FROM event")).scalars().all()
    assert stored.startswith(sealed.PREFIX)
    assert all(ID_NUMBER not in p and OTHER_ID not in p for p in payloads)
    db.engine.dispose()  # checkpoint-free: the WAL is read too
    for secret in (ID_NUMBER, OTHER_ID):
        assert secret.encode() not in raw_bytes(db)
    assert "林玲玲".encode() in raw_bytes(db)  # the check can fail: names are in clear


def test_upgrade_seals_numbers_stored_in_clear(tmp_path: Path) -> None:
    engine = make_engine(database_path(tmp_path))
    upgrade(engine, revision="0004")
    payload = json.dumps({"id_number": ID_NUMBER, "name": "林玲玲"}, ensure_ascii=False)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO person (id, name, gender, phone, id_number, ethnicity, occupation, "
                "address, name_initials, name_pinyin, created_at, version) VALUES ('p1', "
                "'林玲玲', '', '', :id, '', '', '', 'lll', 'linlingling', '2026-01-01', 'v')"
            ),
            {"id": ID_NUMBER},
        )
        conn.execute(
            text(
                "INSERT INTO event VALUES ('e1', 'person', 'p1', 'created', 'TS01', 'jiedai', "
                "'000000000000001-00000', 1, :payload, 'h', NULL)"
            ),
            {"payload": payload},
        )
    engine.dispose()
    db = open_database(tmp_path)
    try:
        with db.read() as s:
            assert persons.get_person(s, person_id="p1").id_number == ID_NUMBER
            assert [p.id for p in persons.search_persons(s, query=ID_NUMBER)] == ["p1"]
    finally:
        db.close()
    raw = sqlite3.connect(database_path(tmp_path))
    try:
        assert raw.execute("SELECT id_number FROM person").fetchone()[0].startswith("enc1:")
        (stored,) = raw.execute("SELECT payload FROM event").fetchone()
    finally:
        raw.close()
    assert ID_NUMBER not in stored and "林玲玲" in stored


def test_check_key_says_when_this_computer_cannot_open_the_numbers(
    db: Database, clerk: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.read() as s:
        sealed.check_key(s)  # nothing sealed yet: nothing to check
    with db.transaction() as s:
        persons.create_person(s, actor=clerk, name="林玲玲", id_number=ID_NUMBER)
    with db.read() as s:
        sealed.check_key(s)
    try:
        monkeypatch.setenv(sealed.KEY_FILE_ENV, str(tmp_path / "keys" / "missing.key"))
        sealed.forget_ciphers()
        with pytest.raises(DatabaseError) as missing, db.read() as s:
            sealed.check_key(s)
        assert missing.value.code == "id_key_missing" and "missing.key" in missing.value.message
        assert not (tmp_path / "keys" / "missing.key").exists()  # never made by the check
        sealed.load_or_create_key(tmp_path / "keys" / "other.key")
        monkeypatch.setenv(sealed.KEY_FILE_ENV, str(tmp_path / "keys" / "other.key"))
        sealed.forget_ciphers()
        with pytest.raises(DatabaseError) as other, db.read() as s:
            sealed.check_key(s)
        assert other.value.code == "id_key_mismatch"
    finally:
        monkeypatch.undo()
        sealed.forget_ciphers()
