"""Refusing to print a document whose required data is missing."""

from __future__ import annotations

from station.documents.data import Missing, missing_fields
from station.errors import ValidationError


class DocumentDataMissing(ValidationError):
    """A document cannot be printed: ``missing`` lists every empty required value."""

    code = "document_data_missing"

    def __init__(self, document: str, missing: list[Missing]):
        names = "、".join(m.label for m in missing)
        super().__init__(
            f"无法生成《{document}》：缺少{names}。请补充后再打印。", field=missing[0].path
        )
        self.document = document
        self.missing = tuple(missing)


def require(document: str, data: object, *, names: tuple[str, ...] = (),
            extra: list[Missing] | None = None) -> None:
    """Raise :class:`DocumentDataMissing` naming what ``document`` lacks, before any output."""
    missing = missing_fields(data, names=names) + list(extra or ())
    if missing:
        raise DocumentDataMissing(document, missing)
