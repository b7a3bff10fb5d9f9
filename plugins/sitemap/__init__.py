"""sitemap — sitemap.xml of every public page the build wrote (sitemaps.org 0.9).

Replaces pelican-sitemap, which keeps module state (after one failed in-process build,
later builds wrote no sitemap) and pairs same-slug items as translations. This one
lives in a generator object per build, asks the publication policy, and lists only
pages that were really written: hidden items, drafts and embargoed items never appear.
"""

from .plugin import register

__all__ = ["register"]
