from pelicanconf import *  # noqa: F403 — production overrides only

SITEURL = PUBLIC_SITEURL  # noqa: F405
RELATIVE_URLS = False

DELETE_OUTPUT_DIRECTORY = True
# Embargo (Sperrfrist): items dated in the future are not published yet.
WITH_FUTURE_DATES = False
# Drafts are never written in production.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
