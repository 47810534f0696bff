"""Errors the core raises on purpose.

Every error carries a stable English ``code`` that programs (the CLI's ``--json``, the sync
API, tests) can rely on, and a Chinese ``message`` written for the person at the counter:
it says what is wrong and, where possible, what to do. ``field`` names the form field the
message belongs next to, when there is one.

The UI shows a :class:`GridStationError` plainly; anything else is a bug and gets the
"details" box.
"""

from __future__ import annotations


class GridStationError(Exception):
    """Base class of every error the core raises deliberately."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.field = field

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "field": self.field}


class ValidationError(GridStationError):
    """User input that breaks a rule; ``field`` says which input."""

    code = "invalid"


class NotFoundError(GridStationError):
    code = "not_found"


class TransitionError(GridStationError):
    """A work-order or mediation action that is not allowed from the current state."""

    code = "illegal_transition"

    def __init__(self, message: str, *, current: str, requested: str, code: str | None = None):
        super().__init__(message, code=code)
        self.current = current
        self.requested = requested


class PermissionDenied(GridStationError):
    code = "permission_denied"


class DatabaseError(GridStationError):
    """The local database is missing, locked, damaged or from a newer version."""

    code = "database"


class FormInvalid(ValidationError):
    """Several inputs of one form break rules: every problem at once, each with its field.

    ``message`` and ``field`` are those of the first problem, so code that shows only one
    error still shows a useful one.
    """

    code = "form_invalid"

    def __init__(self, errors: list[ValidationError] | tuple[ValidationError, ...]):
        if not errors:
            raise ValueError("FormInvalid needs at least one error")
        first = errors[0]
        super().__init__(first.message, field=first.field)
        self.errors = tuple(errors)

    def by_field(self) -> dict[str, str]:
        """First message per field, in form order."""
        out: dict[str, str] = {}
        for error in self.errors:
            out.setdefault(error.field or "", error.message)
        return out
