"""The town server: the system of record that stations sync with (DESIGN.md §4).

An ASGI app (:func:`station.server.app.create_app`) over its own SQLAlchemy database —
SQLite for one town, PostgreSQL for a county — with its own Alembic migrations. It keeps no
state outside that database, so several workers can serve one PostgreSQL behind a proxy.
"""
