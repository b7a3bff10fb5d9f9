"""document_pages — an HTML text version of every published PDF that has text.

For every PDF in `context["documents"]` (the documents plugin: published PDFs with their
text page by page) that has text, the build writes an accessible page at
/dokumente/<path under files/ without .pdf, lower case>/ (files/2025/Kita-Plan.pdf ->
/dokumente/2025/kita-plan/), with the theme template `document.html`: the title (the
PDF's, else its file name), a note that this is the text without layout, the items it
belongs to, the download link with type, size and pages (and the PDF's shortcomings with
the request for an accessible version), then one section per PDF page ("Seite N", heading
id `seite-N`) with its text in paragraphs. The text is hostile input: only Jinja's
autoescaping puts it into the page; characters HTML forbids are removed (`text.py`).
A scan (no text) gets no text version, nor does a PDF no content uses (no item it
belongs to; the page names its items).

- Planned as a `content_checks` receiver after the documents plugin's (PLUGINS order:
  after documents), so two PDFs that would get one address (`Bericht.pdf`,
  `bericht.PDF`) are problems reported with every other content problem, and each
  Document's `text_version_url` is set before the item pages are written: their
  attachment lists (and the feeds') link „Textfassung“.
- Written by a generator that comes before the sitemap in PLUGINS; the pages exist before
  the publication plugin checks the written links (`finalized`).
- Which items the page names: the public ones, newest first; in preview builds also the
  withheld ones (drafts, embargoed, hidden) with their banner; in production a PDF only
  hidden items use names those. Withheld items' PDFs are never published in production,
  so they get no text version there.
- Search (theme/templates/components/search_data.html): indexed (data-pagefind-body) only
  when some item it belongs to is public; filters `art` = „Dokument“, `thema` and `jahr`
  of its public items; meta `zugehoerig` names them. The search page links a hit to the
  PDF page where the words stand (Pagefind's sub-result `#seite-N`).

Interface for other plugins:

- `context["document_pages"]`: the `TextVersion`s of this build (`versions.py`), after
  the content checks.
- A written text version's template context has `text_version` and `belongs_to` (the
  contents using the PDF): the sitemap lists the page when one of them is public.

Settings: `DOCUMENT_PAGES = {"enabled": True}` (False: no text versions).
"""

from .plugin import register

__all__ = ["register"]
