"""What a PDF is like for people with assistive technology, read with pypdf.

`analyse_pdf(data)` returns a `PdfAnalysis`: the page count, the text of every page,
title, language, tags, whether the viewer shows the title, and whether the file forbids
assistive technology to read it. Its `shortcomings` are keys (SHORTCOMINGS); the German
words for them are in `messages.py` (editors) and theme/strings.toml (the site). A file
pypdf cannot open, or only with a password, or without a page tree, raises
`UnreadablePdf`; a page whose text pypdf cannot extract is a page without text.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from contextlib import contextmanager
from dataclasses import asdict, dataclass

import pypdf
from content_model.problems import visible
from pypdf.constants import UserAccessPermissions
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError
from pypdf.generic import BooleanObject, DictionaryObject

# Part of every cache entry: raise it whenever the analysis gives different results for
# the same bytes (the cache then reads no older entry).
ANALYSIS_VERSION = 3  # 2: empty structure trees, revision 2, no pages, failed pages;
# 3: no lone surrogates, text means a letter or digit
# What a PDF can lack, in the order they are reported.
SHORTCOMINGS = ("untagged", "no_language", "no_title", "title_not_shown", "no_text",
                "blocks_assistive_technology")
ACCESSIBILITY_PERMISSION = UserAccessPermissions.EXTRACT_TEXT_AND_GRAPHICS  # bit 10
# What the build reads of one file at most: a tiny PDF can repeat one huge text on
# thousands of pages. A file over either limit is reported (UnreadablePdf "too_large").
MAX_PAGES = 10_000
MAX_TEXT_CHARACTERS = 5_000_000
# Verdicts on the file itself, whatever the build's limits and environment: cached.
DEFINITE_REASONS = ("corrupt", "password", "no_pages")
# Errors of the build's environment or limits (a missing `cryptography` for AES, memory,
# pypdf's limits): the file is "unchecked", not broken, and the verdict is not cached.
ENVIRONMENT_ERRORS = (DependencyError, MemoryError, RecursionError, LimitReachedError)


LONE_SURROGATES = re.compile("[\ud800-\udfff]")


class UnreadablePdf(Exception):
    """A PDF that cannot be checked. `reason`: "corrupt", "password", "no_pages",
    "too_large" (more pages or text than MAX_PAGES, MAX_TEXT_CHARACTERS) or "unchecked"
    (ENVIRONMENT_ERRORS); `detail`: what pypdf said (English, for the curious), for
    "too_large" "pages" or "text"."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail

    @property
    def definite(self) -> bool:
        """Whether the same bytes always give this verdict (it may be cached)."""
        return self.reason in DEFINITE_REASONS


@dataclass(frozen=True)
class PdfAnalysis:
    page_texts: tuple[str, ...]  # the text of page 1 … n (pypdf's extract_text)
    title: str  # Info /Title, else XMP dc:title; "" when none
    language: str  # the catalog's /Lang, e.g. "de-DE"; "" when none
    tagged: bool  # /MarkInfo /Marked true and a /StructTreeRoot
    displays_title: bool  # /ViewerPreferences /DisplayDocTitle true
    encrypted: bool  # encrypted (it opens without a password, or it would be unreadable)
    blocks_assistive_technology: bool  # encrypted without the accessibility permission

    @property
    def page_count(self) -> int:
        return len(self.page_texts)

    @property
    def has_text(self) -> bool:
        """Some page has a letter or digit (not only spaces, control characters or the
        codes of a font without a Unicode map)."""
        return any(any(c.isalnum() for c in text) for text in self.page_texts)

    @property
    def shortcomings(self) -> tuple[str, ...]:
        """The keys of SHORTCOMINGS that apply, in that order."""
        lacking = {
            "untagged": not self.tagged,
            "no_language": not self.language,
            "no_title": not self.title,
            "title_not_shown": bool(self.title) and not self.displays_title,
            "no_text": self.page_count > 0 and not self.has_text,
            "blocks_assistive_technology": self.blocks_assistive_technology,
        }
        return tuple(key for key in SHORTCOMINGS if lacking[key])

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> PdfAnalysis:
        return cls(**{**data, "page_texts": tuple(data["page_texts"])})


def analyse_pdf(data: bytes) -> PdfAnalysis:
    """The analysis of a PDF's bytes; UnreadablePdf when pypdf cannot open it or it needs
    a password. Whatever pypdf raises for a broken file is turned into UnreadablePdf."""
    with _quiet_pypdf():
        try:
            return _analyse(pypdf.PdfReader(io.BytesIO(data)))
        except UnreadablePdf:
            raise
        except FileNotDecryptedError as error:
            raise UnreadablePdf("password", str(error)) from None
        except ENVIRONMENT_ERRORS as error:  # about this build, not about the file
            raise UnreadablePdf("unchecked", _describe(error)) from None
        except Exception as error:  # pypdf's own errors and whatever a broken file causes
            raise UnreadablePdf("corrupt", _describe(error)) from None


def _analyse(reader: pypdf.PdfReader) -> PdfAnalysis:
    if reader.is_encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
        raise UnreadablePdf("password")
    catalog = reader.root_object
    return PdfAnalysis(
        page_texts=_page_texts(reader),
        title=_title(reader),
        language=_text(catalog.get("/Lang")),
        tagged=_is_tagged(catalog),
        displays_title=_displays_title(catalog),
        encrypted=reader.is_encrypted,
        blocks_assistive_technology=_blocks_assistive_technology(reader),
    )


def _page_texts(reader: pypdf.PdfReader) -> tuple[str, ...]:
    """The text of every page, within MAX_PAGES and MAX_TEXT_CHARACTERS."""
    if not reader.pages:
        raise UnreadablePdf("no_pages")
    if len(reader.pages) > MAX_PAGES:
        raise UnreadablePdf("too_large", "pages")
    texts, total = [], 0
    for page in reader.pages:
        texts.append(_page_text(page))
        total += len(texts[-1])
        if total > MAX_TEXT_CHARACTERS:
            raise UnreadablePdf("too_large", "text")
    return tuple(texts)


def _page_text(page: pypdf.PageObject) -> str:
    """The page's text; "" when pypdf cannot extract it (a content stream over pypdf's
    limits, e.g. a detailed vector map, or a broken one): a page without text, not a
    broken file."""
    try:
        return without_surrogates(page.extract_text() or "")
    except Exception:  # noqa: BLE001 — pypdf's text extraction may raise anything
        return ""


def without_surrogates(text: str) -> str:
    """Lone surrogates (from a broken ToUnicode map) are no text and no valid UTF-8."""
    return LONE_SURROGATES.sub("", text)


def _title(reader: pypdf.PdfReader) -> str:
    info = reader.metadata
    title = _text(info.get("/Title")) if info else ""
    return title or _xmp_title(reader)


def _xmp_title(reader: pypdf.PdfReader) -> str:
    """dc:title of the XMP metadata, in any language; "" when there is none or the XMP
    cannot be read (a broken XMP packet does not make the PDF unreadable)."""
    try:
        xmp = reader.xmp_metadata
        titles = (xmp.dc_title or {}) if xmp else {}
    except Exception:  # noqa: BLE001 — pypdf's XMP parser may raise anything on bad XML
        return ""
    return next((title.strip() for title in titles.values() if title.strip()), "")


def _is_tagged(catalog) -> bool:
    """/MarkInfo /Marked true and a structure tree with content (/K): an empty tree tags
    nothing."""
    return (_is_true(_entry(catalog, "/MarkInfo", "/Marked"))
            and _entry(catalog, "/StructTreeRoot", "/K") not in (None, []))


def _displays_title(catalog) -> bool:
    return _is_true(_entry(catalog, "/ViewerPreferences", "/DisplayDocTitle"))


def _entry(catalog, dictionary: str, key: str):
    """catalog[dictionary][key], resolved; None when either is missing or no dictionary."""
    inner = _resolved(catalog.get(dictionary))
    return _resolved(inner.get(key)) if isinstance(inner, DictionaryObject) else None


def _is_true(value) -> bool:
    """A PDF boolean `true` (BooleanObject(False) is truthy in Python)."""
    return isinstance(value, BooleanObject) and value.value is True


def _blocks_assistive_technology(reader: pypdf.PdfReader) -> bool:
    """Encrypted without the permission assistive technology needs: bit 10, or in
    revision 2 (40-bit RC4), which has no bit 10, bit 5 (copy and extract)."""
    permissions = reader.user_access_permissions
    if permissions is None:
        return False
    revision = _entry(reader.trailer, "/Encrypt", "/R")
    needed = UserAccessPermissions.EXTRACT if revision == 2 else ACCESSIBILITY_PERMISSION
    return not permissions & needed


def _resolved(value):
    return value.get_object() if value is not None else None


def _text(value) -> str:
    value = _resolved(value)
    return without_surrogates(str(value)).strip() if isinstance(value, str) else ""


def _describe(error: Exception) -> str:
    """The error's name and text, shortened and with control characters made visible
    (the text may quote the file: `/Filter /X#1B#5B2J…` is an escape sequence)."""
    text = " ".join(str(error).split())
    return visible(f"{type(error).__name__}: {text}" if text else type(error).__name__, 160)


@contextmanager
def _quiet_pypdf():
    """pypdf reports the repairs it makes to broken files as log warnings and Python
    warnings; the build reports broken files itself, in German."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
