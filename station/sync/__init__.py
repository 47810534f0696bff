"""Offline-first sync between a station and the town server (DESIGN.md §4).

No Qt here: :mod:`station.sync.client` takes an HTTP client, an abort flag and a progress
callback, so the desktop app, the ``grid-station sync`` command and the tests drive the same
code. :mod:`station.sync.protocol` is the wire format, shared with :mod:`station.server`.
"""
