"""documents — PDF attachments checked for accessibility, with their text page by page.

Every PDF that Pelican copies and the publication policy publishes is read with pypdf
(`analysis.py`): page count, the text of every page, title, language, tags, whether the
viewer shows the title, and encryption against assistive technology. Its users are the
written contents that use it — named in their `Attachments` header or linked in their
body (`{static}` or a plain link to files/…; the build refuses `{attach}`); a PDF that no
content uses is published, so it is checked too (with no users). Production builds never
read the PDFs only withheld items use; preview builds read what they show.

- A PDF that cannot be opened (broken, only with a password, without pages; or one this
  build cannot check, e.g. AES without `cryptography`: "unchecked") is a problem of that
  file (`path:1: message`, German), reported with every other content problem before
  anything is written. So is a PDF with more pages or text than the build reads of one
  file (`analysis.MAX_PAGES`, `analysis.MAX_TEXT_CHARACTERS`): a few KB can repeat one
  long text on thousands of pages.
- Shortcomings are listed in the build summary (`PDF-Barrierefreiheit: 2 von 3 PDFs mit
  Mängeln:`); with `DOCUMENTS["require_accessible"] = True` each one is a problem.
- Results are cached as JSON by the sha256 of the file's bytes (`cache.py`), with the
  analysis and pypdf versions in each entry.

Interface for later plugins (e.g. the HTML text versions and their search index), after
the `content_checks` signal (all_generators_finalized), i.e. in every generator's
`generate_output` and on `finalized`:

- `context["documents"]`: `{path: Document}` of the published PDFs, path relative to
  the content and site root (`files/2025/bericht.pdf`), sorted by path.
  `Document` (`published.py`): `path`, `source_path`, `analysis` (`PdfAnalysis`),
  `users` (the written contents that use it, empty for a PDF none uses; ask
  `context["publication"].is_public(c)` which are public), `page_count`, `page_texts`
  (tuple of str, page 1 first),
  `has_text` (False for a scan: write no empty text version), `shortcomings` (keys of
  `analysis.SHORTCOMINGS`), and `text_version_url` (None; a plugin that writes a text
  version sets it to its address relative to the site root, e.g. "dokumente/…/").
- `Attachment.document` (content_model.attachments) is that `Document` for a published
  PDF, else None; `attachment.pages`, `.shortcomings`, `.text_version_url` read from it.
  The attachment list (theme/templates/components/attachment_list.html, also in the
  feeds) links the text version once `text_version_url` is set.
- Jinja global `mailto(address, subject, body)`: a percent-encoded mailto: URL.
"""

from .plugin import register

__all__ = ["register"]
