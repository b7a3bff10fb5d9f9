"""Small, real files of every type the site publishes (and some it must refuse).

Images come from Pillow, the PDF is written with a correct cross-reference table, and
the Office and OpenDocument files are ZIP containers with the parts Word, Excel,
PowerPoint and LibreOffice write.
"""

from __future__ import annotations

import io
import zipfile

from PIL import Image

OOXML_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{main}"/></Relationships>'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '{extra}<Override PartName="/{main}" ContentType="{content_type}"/></Types>'
)
OOXML = {
    "docx": ("word/document.xml",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
             '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
             'main"><w:body><w:p><w:r><w:t>Kita-Bedarfsplanung 2025</w:t></w:r></w:p>'
             '</w:body></w:document>'),
    "xlsx": ("xl/workbook.xml",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
             '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheets><sheet name="Plätze" sheetId="1"/></sheets></workbook>'),
    "pptx": ("ppt/presentation.xml",
             "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
             '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/'
             'main"/>'),
}
ODF = {
    "odt": ("application/vnd.oasis.opendocument.text", "text"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "spreadsheet"),
    "odp": ("application/vnd.oasis.opendocument.presentation", "presentation"),
}


def image(fmt: str) -> bytes:
    """A real 8×8 image in a Pillow format: "JPEG", "PNG", "GIF", "WEBP"."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (11, 79, 108)).save(buffer, fmt)
    return buffer.getvalue()


def pdf(text: str = "Haushaltsplan 2026") -> bytes:
    """A one-page PDF 1.4 with a correct xref table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (de-DE) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def ooxml(kind: str, macros: bool = False) -> bytes:
    """A .docx, .xlsx or .pptx; with `macros`, a VBA project as Word saves a .docm."""
    main, content_type, body = OOXML[kind]
    extra = ""
    parts = {main: body, "_rels/.rels": OOXML_RELS.format(main=main)}
    if macros:
        extra = ('<Default Extension="bin" ContentType="application/vnd.ms-office.'
                 'vbaProject"/>')
        parts[main.split("/")[0] + "/vbaProject.bin"] = "VBA-Projekt"
    parts["[Content_Types].xml"] = CONTENT_TYPES.format(
        extra=extra, main=main, content_type=content_type)
    return _zip(parts)


def odf(kind: str, macros: bool = False) -> bytes:
    """An .odt, .ods or .odp; with `macros`, a Basic library as LibreOffice stores it."""
    mimetype, body = ODF[kind]
    parts = {
        "mimetype": mimetype,
        "content.xml": ('<office:document-content xmlns:office="urn:oasis:names:tc:'
                        f'opendocument:xmlns:office:1.0"><office:body><office:{body}/>'
                        '</office:body></office:document-content>'),
        "META-INF/manifest.xml": (
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="/" '
            f'manifest:media-type="{mimetype}"/></manifest:manifest>'),
    }
    if macros:
        parts["Basic/Standard/Module1.xml"] = "Sub Main\nShell(\"calc.exe\")\nEnd Sub"
    return _zip(parts)


def zip_archive() -> bytes:
    return _zip({"bericht.pdf": pdf().decode("latin-1")})


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, text, compress_type=method)
    return buffer.getvalue()


# Every type the site publishes, with a real file of it: name -> content
VALID_FILES = {
    "files/haushaltsplan-2026.pdf": pdf,
    "files/bedarfsplanung.docx": lambda: ooxml("docx"),
    "files/platzzahlen.xlsx": lambda: ooxml("xlsx"),
    "files/vortrag.pptx": lambda: ooxml("pptx"),
    "files/konzept.odt": lambda: odf("odt"),
    "files/tabelle.ods": lambda: odf("ods"),
    "files/folien.odp": lambda: odf("odp"),
    "files/platzzahlen.csv": lambda: "Jahr;Plätze\n2025;120\n2026;180\n".encode(),
    "files/Windows-Tabelle_2025.CSV": lambda: "Jahr;Plätze\r\n2025;120\r\n".encode("cp1252"),
    "files/liesmich.txt": lambda: "\ufeffBitte beachten Sie die Fristen.\n".encode(),
    # text whose first bytes are also magic numbers (BMP, Windows program)
    "files/bmw-flotte.csv": lambda: b"BMW;Anzahl\n320d;4\n",
    "files/mz-nummern.txt": lambda: b"MZ-Nummer 17/2025\n",
    "files/foto-im-anhang.jpg": lambda: image("JPEG"),
    "images/kita-garten.jpg": lambda: image("JPEG"),
    "images/KITA_FOTO.JPEG": lambda: image("JPEG"),
    "images/grafik.png": lambda: image("PNG"),
    "images/animation.gif": lambda: image("GIF"),
    "images/foto.webp": lambda: image("WEBP"),
}
