from pelicanconf import *  # noqa: F403 — production overrides only

SITEURL = PUBLIC_SITEURL  # noqa: F405
RELATIVE_URLS = False

OUTPUT_PATH = "output"  # preview builds go to preview/ (pelicanconf.py)
DELETE_OUTPUT_DIRECTORY = True
# Production: drafts and embargoed items (Sperrfrist) and the files only they use are
# never written; the publication plugin derives Pelican's draft settings from this.
PUBLICATION = {**PUBLICATION, "mode": "production"}  # noqa: F405
ATOMIC_OUTPUT = {**ATOMIC_OUTPUT, "keep": 5}  # noqa: F405 — five builds to roll back to
# .gz and .br files next to the text files, for nginx (docs/betrieb.md)
PRECOMPRESS = {**PRECOMPRESS, "enabled": True}  # noqa: F405
