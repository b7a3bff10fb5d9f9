"""sitemap — sitemap.xml of every public page the build wrote (sitemaps.org 0.9).

Replaces pelican-sitemap, which keeps module state (after one failed in-process build,
later builds wrote no sitemap) and pairs same-slug items as translations. This one
lives in a generator object per build, asks the publication policy, and lists only
pages that were really written: hidden items, drafts and embargoed items never appear.

A page a plugin writes for other contents (a PDF's text version, plugins/document_pages)
passes them as `belongs_to` in its template context: it is listed when one of them is
public, with the latest change of the public ones as its lastmod.
"""

from .plugin import register

__all__ = ["register"]
