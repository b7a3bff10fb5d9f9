from pelicanconf import *  # noqa: F403 — production overrides only

SITEURL = PUBLIC_SITEURL  # noqa: F405
RELATIVE_URLS = False

DELETE_OUTPUT_DIRECTORY = True
# Production: drafts and embargoed items (Sperrfrist) and the files only they use are
# never written; the publication plugin derives Pelican's draft settings from this.
PUBLICATION = {**PUBLICATION, "mode": "production"}  # noqa: F405
