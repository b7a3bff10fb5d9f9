"""The content model: document types and their fields, defined once.

Validation, the reader, templates, feeds and search all read these definitions;
nothing else in the project lists fields or folders.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import PurePosixPath


class FieldKind(Enum):
    TEXT = "text"
    DATETIME = "datetime"  # YYYY-MM-DD or YYYY-MM-DD HH:MM, Europe/Berlin
    DATE = "date"  # YYYY-MM-DD
    STATUS = "status"
    TOPICS = "topics"  # comma-separated topic keys, labels or aliases
    ATTACHMENTS = "attachments"  # comma-separated paths under files/
    IMAGE = "image"  # one path under images/
    SLUG = "slug"


@dataclass(frozen=True)
class Field:
    name: str  # as editors write it in the header, e.g. "Title"
    kind: FieldKind
    required: bool = False
    example: str = ""

    @property
    def key(self) -> str:
        """Pelican lower-cases metadata keys."""
        return self.name.lower()


@dataclass(frozen=True)
class DocumentType:
    key: str  # singular, ASCII: used for templates, facets, feed names
    folder: str  # top-level folder under content/, also the URL prefix
    label: str  # German, singular
    label_plural: str  # German, plural
    fields: tuple[Field, ...]
    is_item: bool = True  # items are dated and tagged; pages are not

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key.lower()), None)

    @property
    def required_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.required)

    @property
    def template(self) -> str:
        return self.key if self.is_item else "page"


STATUSES = ("published", "draft", "hidden")

_ITEM_FIELDS = (
    Field("Title", FieldKind.TEXT, required=True, example="Neue Kita in der Nordstadt"),
    Field("Date", FieldKind.DATETIME, required=True, example="2025-03-14 10:00"),
    Field("Tags", FieldKind.TOPICS, required=True, example="Kindertagesbetreuung, Finanzierung"),
    Field("Summary", FieldKind.TEXT, required=True, example="Ein Satz, worum es geht."),
    Field("Modified", FieldKind.DATETIME, example="2025-03-15 09:30"),
    Field("Slug", FieldKind.SLUG, example="neue-kita-nordstadt"),
    Field("Status", FieldKind.STATUS, example="draft"),
    Field("Attachments", FieldKind.ATTACHMENTS, example="files/2025/bericht.pdf"),
    Field("Image", FieldKind.IMAGE, example="images/2025/kita.jpg"),
    Field("ImageAlt", FieldKind.TEXT, example="Kinder spielen im Garten der Kita"),
    Field("ImageCredit", FieldKind.TEXT, example="Foto: Stadt Musterstadt / A. Beispiel"),
    Field("Author", FieldKind.TEXT, example="Pressestelle"),
)

PRESS_RELEASE = DocumentType(
    key="pressemitteilung",
    folder="pressemitteilungen",
    label="Pressemitteilung",
    label_plural="Pressemitteilungen",
    fields=_ITEM_FIELDS
    + (
        Field("Subtitle", FieldKind.TEXT, example="Jugendhilfeplanung"),
        Field("Contact", FieldKind.TEXT, example="Pressestelle, Tel. 0123 456-789"),
    ),
)

COMMITTEE_NOTICE = DocumentType(
    key="ausschussmitteilung",
    folder="ausschussmitteilungen",
    label="Ausschussmitteilung",
    label_plural="Ausschussmitteilungen",
    fields=_ITEM_FIELDS
    + (
        Field("Committee", FieldKind.TEXT, required=True, example="Jugendhilfeausschuss"),
        Field("Meeting", FieldKind.DATE, required=True, example="2025-02-07"),
        Field("Reference", FieldKind.TEXT, example="JHA/2025/014"),
        Field("Signatory", FieldKind.TEXT, example="Dr. Jana Beispiel, Beigeordnete"),
    ),
)

PAGE = DocumentType(
    key="seite",
    folder="pages",
    label="Seite",
    label_plural="Seiten",
    fields=(
        Field("Title", FieldKind.TEXT, required=True, example="Impressum"),
        Field("Summary", FieldKind.TEXT, example="Angaben zum Anbieter dieser Website."),
        Field("Modified", FieldKind.DATETIME, example="2025-01-10"),
        Field("Slug", FieldKind.SLUG, example="impressum"),
        Field("Status", FieldKind.STATUS, example="hidden"),
    ),
    is_item=False,
)

ITEM_TYPES = (PRESS_RELEASE, COMMITTEE_NOTICE)
DOCUMENT_TYPES = ITEM_TYPES + (PAGE,)

# Top-level URL paths the build itself uses; no page or topic may take them.
RESERVED_SLUGS = frozenset(
    {t.folder for t in ITEM_TYPES}
    | {"themen", "archiv", "feeds", "suche", "termine", "theme", "files", "images", "pagefind",
       "entwurf", "dokumente"}
)


def doctype_for_path(relative_path: str) -> DocumentType | None:
    """The document type of a content file, from its top-level folder."""
    parts = PurePosixPath(relative_path).parts
    if len(parts) < 2:
        return None
    return next((t for t in DOCUMENT_TYPES if t.folder == parts[0]), None)
