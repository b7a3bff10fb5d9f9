"""What a file really is, judged by its content, not by its name.

Binary formats by their magic bytes (filetype); Office (OOXML) and OpenDocument files are
ZIP containers whose declared main part and macros are looked up with zipfile; text is
text when it has no NUL byte. The result is a kind key such as "pdf", "png", "docx",
"docm" (Word with macros), "html", "text"; `describe` names it in German.
"""

from __future__ import annotations

import lzma
import zipfile
import zlib
from pathlib import Path

import filetype
from lxml import etree

HEADER_SIZE = 8192  # what filetype looks at
MAX_PART_SIZE = 1 << 20  # [Content_Types].xml and mimetype are small; never unpack more
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

# filetype's names where ours differ
FILETYPE_KINDS = {"jpg": "jpeg", "apng": "png"}
ZIP_KINDS = {"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"}

CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "docm",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": "pptm",
}
OOXML_WITH_MACROS = {"docx": "docm", "xlsx": "xlsm", "pptx": "pptm"}
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
# Macro kinds, and the kind the same file would be without its macros
MACRO_KINDS = {"docm": "docx", "xlsm": "xlsx", "pptm": "pptx",
               "odt-macros": "odt", "ods-macros": "ods", "odp-macros": "odp"}

DESCRIPTIONS = {
    "pdf": "eine PDF-Datei",
    "jpeg": "ein JPEG-Bild",
    "png": "ein PNG-Bild",
    "gif": "ein GIF-Bild",
    "webp": "ein WebP-Bild",
    "svg": "eine SVG-Grafik",
    "docx": "ein Word-Dokument (.docx)",
    "xlsx": "eine Excel-Tabelle (.xlsx)",
    "pptx": "eine PowerPoint-Präsentation (.pptx)",
    "odt": "ein OpenDocument-Text (.odt)",
    "ods": "eine OpenDocument-Tabelle (.ods)",
    "odp": "eine OpenDocument-Präsentation (.odp)",
    "text": "eine Textdatei",
    "html": "eine HTML-Datei (Webseite)",
    "xml": "eine XML-Datei",
    "docm": "ein Word-Dokument mit Makros (.docm)",
    "xlsm": "eine Excel-Tabelle mit Makros (.xlsm)",
    "pptm": "eine PowerPoint-Präsentation mit Makros (.pptm)",
    "odt-macros": "ein OpenDocument-Text mit Makros",
    "ods-macros": "eine OpenDocument-Tabelle mit Makros",
    "odp-macros": "eine OpenDocument-Präsentation mit Makros",
    "office": "eine Office-Datei anderer Art (z. B. eine Vorlage)",
    "odf": "eine OpenDocument-Datei anderer Art (z. B. eine Vorlage)",
    "zip": "ein ZIP-Archiv",
    "broken-zip": "eine beschädigte ZIP- oder Office-Datei",
    "doc": "eine Office-Datei im alten Format (.doc, .xls, .ppt) oder eine verschlüsselte "
           "Office-Datei",
    "xls": "eine Excel-Tabelle im alten Format (.xls)",
    "ppt": "eine PowerPoint-Präsentation im alten Format (.ppt)",
    "exe": "ein Windows-Programm (.exe)",
    "elf": "ein Linux-Programm",
    "swf": "eine Flash-Datei (.swf)",
    "binary": "eine Datei, die kein reiner Text ist (Null-Bytes, z. B. als UTF-16 gespeichert "
              "oder eine umbenannte Binärdatei)",
    "empty": "eine leere Datei",
}


def describe(kind: str) -> str:
    """What a kind is, in German with its article: "eine HTML-Datei (Webseite)"."""
    return DESCRIPTIONS.get(kind, f"eine Datei vom Typ .{kind}")


def sniff(path: Path) -> str:
    """The kind of the file at `path`, by its magic bytes, else as text."""
    header = _header(path)
    found = filetype.guess(header) if header else None
    if found is None:
        return text_kind(path)
    if found.extension in ZIP_KINDS:
        return zip_kind(path)
    return FILETYPE_KINDS.get(found.extension, found.extension)


def text_kind(path: Path) -> str:
    """"text" for text without NUL bytes that does not start like markup; else "binary",
    "empty", or the markup's kind. (Magic bytes would misjudge text: "BMW;…" starts like
    a BMP image, "MZ-Nummer;…" like a Windows program.)"""
    header = _header(path)
    if not header:
        return "empty"
    if b"\x00" in header or _has_nul(path):
        return "binary"
    start = header.removeprefix(b"\xef\xbb\xbf").lstrip()
    return _markup_kind(start) if start.startswith(b"<") else "text"


def _header(path: Path) -> bytes:
    with path.open("rb") as file:
        return file.read(HEADER_SIZE)


def _has_nul(path: Path) -> bool:
    with path.open("rb") as file:
        return any(b"\x00" in chunk for chunk in iter(lambda: file.read(1 << 16), b""))


def _markup_kind(start: bytes) -> str:
    """How to name text that starts like markup (only for messages: any markup in a
    text file is refused, whatever it is)."""
    head = start[:2048].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "html"
    if b"<svg" in head:
        return "svg"
    return "xml" if head.startswith(b"<?xml") else "html"


def zip_kind(path: Path) -> str:
    """docx/xlsx/pptx (or their macro kinds) by the declared main part, odt/ods/odp (or
    their macro kinds) by the mimetype entry, else "zip"; "broken-zip" when unreadable."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                return _ooxml_kind(archive, names)
            if "mimetype" in names:
                return _odf_kind(archive, names)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, ValueError,
            LookupError, NotImplementedError, EOFError, zlib.error, lzma.LZMAError,
            etree.LxmlError):
        return "broken-zip"
    return "zip"


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > MAX_PART_SIZE:
        raise ValueError(f"{name} is too large")
    return archive.read(name)


def _ooxml_kind(archive: zipfile.ZipFile, names: set[str]) -> str:
    types = etree.fromstring(_small_part(archive, "[Content_Types].xml"), SAFE_XML)
    declared = {o.get("ContentType", ""): (o.get("PartName") or "").lstrip("/")
                for o in types.iter(f"{CONTENT_TYPES}Override")}
    declared_types = set(declared) | {d.get("ContentType", "")
                                      for d in types.iter(f"{CONTENT_TYPES}Default")}
    main = next((t for t in declared if t in OOXML_MAIN_PARTS), None)
    if main is None:
        return "office"
    if declared[main] not in names or "_rels/.rels" not in names:
        return "broken-zip"
    kind = OOXML_MAIN_PARTS[main]
    if _ooxml_has_macros(names, declared_types):
        return OOXML_WITH_MACROS.get(kind, kind)
    return kind


def _ooxml_has_macros(names: set[str], content_types: set[str]) -> bool:
    """VBA projects, macro-enabled or ActiveX parts."""
    lowered = {t.lower() for t in content_types}
    return (any(n.lower().endswith("vbaproject.bin") or "activex" in n.lower() for n in names)
            or any("vbaproject" in t or "macroenabled" in t or "activex" in t for t in lowered))


def _odf_kind(archive: zipfile.ZipFile, names: set[str]) -> str:
    mimetype = _small_part(archive, "mimetype").decode("ascii", "replace").strip()
    kind = ODF_MIMETYPES.get(mimetype)
    if kind is None:
        return "odf"
    if not {"content.xml", "META-INF/manifest.xml"} <= names:
        return "broken-zip"
    macros = any(n.lower().startswith(("basic/", "scripts/")) for n in names)
    return f"{kind}-macros" if macros else kind
