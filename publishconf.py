from pelicanconf import *  # noqa: F403 — production overrides only

SITEURL = "https://jugendamt.musterstadt.example"
RELATIVE_URLS = False

OUTPUT_PATH = "output"  # preview builds go to preview/ (pelicanconf.py)
DELETE_OUTPUT_DIRECTORY = True
# Embargo (Sperrfrist): items dated in the future are not published yet.
WITH_FUTURE_DATES = False
# Drafts are never written in production.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
PUBLICATION = {**PUBLICATION, "mode": "production"}  # noqa: F405
ATOMIC_OUTPUT = {**ATOMIC_OUTPUT, "keep": 5}  # noqa: F405 — five builds to roll back to
