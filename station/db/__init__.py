"""The local database. Importing the package registers the SQL functions that seal ID
numbers at rest on every SQLite connection (see :mod:`station.db.sealed`)."""

from station.db import sealed as _sealed  # noqa: F401
