"""Real PDFs for the tests, one per case, each named after it.

Written with pypdf's writer and its generic objects (text pages in Helvetica, as a word
processor writes them without embedding the font), the scan as Pillow saves an image as
a PDF (one picture per page, no text), the encrypted ones with pypdf's `encrypt`.
"""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfWriter
from pypdf.constants import UserAccessPermissions
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

A4 = (595, 842)
HELVETICA = DictionaryObject({
    NameObject("/Type"): NameObject("/Font"),
    NameObject("/Subtype"): NameObject("/Type1"),
    NameObject("/BaseFont"): NameObject("/Helvetica"),
    NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
})
# Every permission but "extract text and graphics for accessibility" (bit 10)
WITHOUT_ACCESSIBILITY = (UserAccessPermissions.PRINT | UserAccessPermissions.MODIFY
                         | UserAccessPermissions.FILL_FORM_FIELDS
                         | UserAccessPermissions.ASSEMBLE_DOC
                         | UserAccessPermissions.PRINT_TO_REPRESENTATION)


def _writer(pages: list[str]) -> PdfWriter:
    """A PDF with one page per text (an empty text: an empty page)."""
    writer = PdfWriter()
    for text in pages:
        page = writer.add_blank_page(*A4)
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): HELVETICA})})
        stream = DecodedStreamObject()
        stream.set_data(_show(text))
        page.replace_contents(stream)
    return writer


def _show(text: str) -> bytes:
    """Each line of `text` as a line of 12 pt Helvetica from the top of the page."""
    lines = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
             for line in text.splitlines()]
    return "\n".join(f"BT /F1 12 Tf 72 {720 - 16 * n} Td ({line}) Tj ET"
                     for n, line in enumerate(lines)).encode("cp1252")


def _tag(writer: PdfWriter, title: str, language: str = "de-DE",
         display_title: bool = True) -> None:
    """What Word and LibreOffice write for an accessible PDF: tags (/MarkInfo and a
    structure tree), the document language, a title the viewer shows."""
    root = writer.root_object
    root[NameObject("/MarkInfo")] = DictionaryObject({
        NameObject("/Marked"): BooleanObject(True)})
    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                 NameObject("/S"): NameObject("/Document")})
    root[NameObject("/StructTreeRoot")] = DictionaryObject({
        NameObject("/Type"): NameObject("/StructTreeRoot"),
        NameObject("/K"): ArrayObject([document])})
    root[NameObject("/Lang")] = TextStringObject(language)
    root[NameObject("/ViewerPreferences")] = DictionaryObject({
        NameObject("/DisplayDocTitle"): BooleanObject(display_title)})
    writer.add_metadata({"/Title": title})


def _bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def tagged_with_language_and_title(title: str = "Kita-Bedarfsplanung 2026",
                                   pages: tuple[str, ...] = ("Kita-Bedarfsplanung 2026",
                                                             "Zweite Seite"),
                                   language: str = "de-DE") -> bytes:
    """An accessible PDF: tagged, in `language` (German), titled and showing its title."""
    writer = _writer(list(pages))
    _tag(writer, title, language)
    return _bytes(writer)


def multi_page_with_a_word_only_on_page_3() -> bytes:
    """Four pages, tagged; the word "Zauneidechse" stands on page 3 only."""
    return tagged_with_language_and_title("Artenschutz im Kita-Garten", (
        "Artenschutz im Kita-Garten\nEinleitung", "Hecken und Wiesen", "Die Zauneidechse",
        "Ausblick"))


def tagged_but_title_not_shown() -> bytes:
    """Tagged, German, titled, but the viewer shows the file name (DisplayDocTitle false)."""
    writer = _writer(["Jahresbericht"])
    _tag(writer, "Jahresbericht", display_title=False)
    return _bytes(writer)


def untagged() -> bytes:
    """Text, but no tags, no language, no title: an old export."""
    return _bytes(_writer(["Protokoll der Sitzung", "Seite zwei"]))


def scan_only() -> bytes:
    """Two pages, each only a picture of a page, as a scanner saves them."""
    pictures = [Image.new("L", (60, 85), shade) for shade in (230, 200)]
    buffer = io.BytesIO()
    pictures[0].save(buffer, "PDF", save_all=True, append_images=pictures[1:], resolution=10)
    return buffer.getvalue()


def encrypted_against_assistive_technology(algorithm: str = "AES-128") -> bytes:
    """Opens without a password, but forbids extracting text for accessibility (bit 10):
    "protected" PDFs as office programs write them. Tagged, titled, German otherwise."""
    writer = _writer(["Geschützter Bericht"])
    _tag(writer, "Geschützter Bericht")
    writer.encrypt(user_password="", owner_password="verwaltung",
                   permissions_flag=WITHOUT_ACCESSIBILITY, algorithm=algorithm)
    return _bytes(writer)


def protected_for_editing_only() -> bytes:
    """Encrypted, opens without a password, every permission granted (accessibility too):
    no shortcoming."""
    writer = _writer(["Nur das Bearbeiten ist geschützt"])
    _tag(writer, "Geschützt gegen Bearbeiten")
    writer.encrypt(user_password="", owner_password="verwaltung",
                   permissions_flag=WITHOUT_ACCESSIBILITY
                   | UserAccessPermissions.EXTRACT_TEXT_AND_GRAPHICS, algorithm="AES-256")
    return _bytes(writer)


def tagged_with_an_empty_structure_tree() -> bytes:
    """/MarkInfo /Marked true and a /StructTreeRoot without /K: tagged in name only."""
    writer = _writer(["Satzung"])
    _tag(writer, "Satzung")
    del writer.root_object["/StructTreeRoot"][NameObject("/K")]
    return _bytes(writer)


def rc4_40_bit(copying: bool) -> bytes:
    """Revision 2 (40-bit RC4), as old Acrobat versions wrote it: it has no bit 10, bit 5
    (copy and extract text) also governs assistive technology. Every other permission."""
    writer = _writer(["Alte Satzung"])
    _tag(writer, "Alte Satzung")
    copy = UserAccessPermissions.EXTRACT if copying else 0
    writer.encrypt(user_password="", owner_password="verwaltung",
                   permissions_flag=WITHOUT_ACCESSIBILITY | copy, algorithm="RC4-40")
    return _bytes(writer)


def marked_without_structure_tree() -> bytes:
    """/MarkInfo /Marked true, but no /StructTreeRoot: no tags a screen reader can use."""
    writer = _writer(["Merkblatt"])
    _tag(writer, "Merkblatt")
    del writer.root_object["/StructTreeRoot"]
    return _bytes(writer)


XMP_TITLE = "Elternbeiträge 2026"


def title_only_in_xmp() -> bytes:
    """Tagged, German, shows its title; the title stands only in the XMP metadata
    (dc:title), not in the document information dictionary."""
    writer = _writer(["Elternbeiträge"])
    _tag(writer, "")
    del writer._info.get_object()[NameObject("/Title")]
    packet = (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{XMP_TITLE}</rdf:li></rdf:Alt>'
        '</dc:title></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
    metadata = DecodedStreamObject()
    metadata.set_data(packet.encode("utf-8"))
    metadata.update({NameObject("/Type"): NameObject("/Metadata"),
                     NameObject("/Subtype"): NameObject("/XML")})
    writer.root_object[NameObject("/Metadata")] = writer._add_object(metadata)
    return _bytes(writer)


def only_whitespace() -> bytes:
    """Two pages whose text is only spaces: nothing to read."""
    return _bytes(_writer(["   ", "      "]))


def without_pages() -> bytes:
    """A page tree with no page."""
    return _bytes(PdfWriter())


def password_protected() -> bytes:
    """Opens only with the password "geheim"."""
    writer = _writer(["Vertraulich"])
    writer.encrypt(user_password="geheim", owner_password="verwaltung", algorithm="AES-128")
    return _bytes(writer)


def a_page_whose_text_cannot_be_extracted() -> bytes:
    """Tagged, titled, German; page 1 has text, page 2's content stream is compressed
    with a filter pypdf does not know (as with a map over pypdf's limits, its text cannot
    be extracted; the file is not broken)."""
    writer = _writer(["Bebauungsplan Nordstadt", "Karte"])
    writer.pages[1]["/Contents"].get_object()[NameObject("/Filter")] = NameObject("/Unbekannt")
    _tag(writer, "Bebauungsplan Nordstadt")
    return _bytes(writer)


def only_pages_whose_text_cannot_be_extracted() -> bytes:
    """Like `a_page_whose_text_cannot_be_extracted`, but only that page: no text."""
    writer = _writer(["Karte"])
    writer.pages[0]["/Contents"].get_object()[NameObject("/Filter")] = NameObject("/Unbekannt")
    _tag(writer, "Karte")
    return _bytes(writer)


# An escape sequence that clears the terminal and writes in red, and a bidi override
ESCAPE_CODES = "\x1b[2J\x1b[31mGEHACKT\x1b]0;owned\x07\u202e\x1b[0m"


def escape_codes_in_the_crypt_filter_name() -> bytes:
    """Encrypted (no password), but its crypt filter is named with terminal escape codes:
    pypdf's error quotes that name."""
    writer = _writer(["Bericht"])
    writer.encrypt(user_password="", owner_password="verwaltung", algorithm="AES-128")
    writer._encrypt_entry[NameObject("/StmF")] = NameObject("/X" + ESCAPE_CODES)
    return _bytes(writer)


def corrupt() -> bytes:
    """A PDF cut off in the middle, as an interrupted upload leaves it."""
    whole = untagged()
    return whole[: len(whole) // 3]


def untagged_with_marker(marker: str) -> bytes:
    """An untagged PDF whose text (uncompressed in the file) carries a leak marker."""
    return _bytes(_writer([f"{marker}-Anhang"]))


# Markup and control characters as a PDF's text: the text version must show them as text
# (and leave out what HTML forbids: the bell, NUL's neighbour SOH, the unit separator).
HOSTILE_LINES = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                 "Glocke\x07 Steuerzeichen\x01 Ende\x1f", "Mauereidechse & Co.")
HOSTILE_TITLE = '<img src=x onerror=alert("Titel")>\x07 Titel'


def one_long_text_on_many_pages(pages: int = 4096, characters: int = 1_000_000) -> bytes:
    """A few KB: every page of the page tree is the same page, which shows one line of
    `characters` letters (compressed) - gigabytes of text for whoever extracts it."""
    writer = PdfWriter()
    page = writer.add_blank_page(*A4)
    page[NameObject("/Resources")] = DictionaryObject({
        NameObject("/Font"): DictionaryObject({NameObject("/F1"): HELVETICA})})
    stream = DecodedStreamObject()
    stream.set_data(_show("A" * characters))
    page.replace_contents(stream.flate_encode())
    tree = writer.root_object["/Pages"].get_object()
    tree[NameObject("/Kids")] = ArrayObject([page.indirect_reference] * pages)
    tree[NameObject("/Count")] = NumberObject(pages)
    return _bytes(writer)


def hostile_text() -> bytes:
    """Three pages, tagged: markup and control characters on page 1 (and in the title),
    nothing on page 2, plain text on page 3."""
    writer = _writer(["\n".join(HOSTILE_LINES), "", "Letzte Seite"])
    _tag(writer, HOSTILE_TITLE)
    return _bytes(writer)


def numbered_pages(count: int, words: str = "Bericht") -> bytes:
    """`count` pages, tagged, each with its number and `words` (benchmark documents)."""
    writer = _writer([f"{words}\nSeite {n} von {count}\nText der Seite {n}."
                      for n in range(1, count + 1)])
    _tag(writer, words)
    return _bytes(writer)


# PDFs committed to the fixture trees and the sample site, made by this module
# (`python tests/pdfs.py` writes them again; a test checks they are what it makes).
COMMITTED = {
    "tests/content/site/files/bericht.pdf": lambda: tagged_with_language_and_title(
        "Bericht zum Kinderschutz 2025", ("Bericht zum Kinderschutz 2025",
                                          "Zahlen und Fälle", "Ausblick")),
    "tests/content/withheld/files/nur-fuer-sperrfrist.pdf":
        lambda: untagged_with_marker("Schwalbenschwanz"),
    "content/files/2025/kita-ausbau-nordstadt-standorte.pdf":
        lambda: tagged_with_language_and_title("Neue Kitas in der Nordstadt: Standorte", (
            "Neue Kitas in der Nordstadt: Standorte\nBeispieldokument für die Musterseite.",
            "Kita Am Mühlbach: 70 Plätze, ab August 2026\n"
            "Kita Lindenhof: 50 Plätze, ab Januar 2027")),
}

if __name__ == "__main__":
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for relative, make in COMMITTED.items():
        (root / relative).write_bytes(make())
        print(relative)


def _to_unicode_map(codes: dict[str, int]) -> bytes:
    """A ToUnicode CMap: code -> the character's UTF-16 units (lone surrogates kept)."""
    entries = "\n".join(f"<{code:04X}> <{ord(char):04X}>" for char, code in codes.items())
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(codes)} beginbfchar\n{entries}\nendbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end").encode()


def any_unicode_text(pages: list[str], title: str = "Unicode") -> bytes:
    """Tagged, German, titled; each page shows its text (one line, characters of the Basic
    Multilingual Plane, lone surrogates too) through a Type0 font with a ToUnicode map,
    as pypdf then extracts it."""
    codes = {char: n + 1 for n, char in enumerate(sorted(set("".join(pages))))}
    writer = PdfWriter()
    to_unicode = StreamObject()
    to_unicode._data = _to_unicode_map(codes)
    descendant = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/CIDFontType2"),
        NameObject("/BaseFont"): NameObject("/Arial"), NameObject("/DW"): NumberObject(500),
        NameObject("/CIDSystemInfo"): DictionaryObject({
            NameObject("/Registry"): TextStringObject("Adobe"),
            NameObject("/Ordering"): TextStringObject("Identity"),
            NameObject("/Supplement"): NumberObject(0)})})
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type0"),
        NameObject("/BaseFont"): NameObject("/Arial"),
        NameObject("/Encoding"): NameObject("/Identity-H"),
        NameObject("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
        NameObject("/ToUnicode"): writer._add_object(to_unicode)}))
    for text in pages:
        page = writer.add_blank_page(*A4)
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        shown = "".join(f"{codes[char]:04X}" for char in text)
        content = DecodedStreamObject()
        content.set_data(f"BT /F1 12 Tf 72 720 Td <{shown}> Tj ET".encode())
        page.replace_contents(content)
    _tag(writer, title)
    return _bytes(writer)
