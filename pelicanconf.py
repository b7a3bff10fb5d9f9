"""Settings for development builds (`make build`, `make serve`).

All settings live here; publishconf.py imports this file and overrides only what
differs in production. Every plugin reads its settings from one dict below.
"""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# --- Site -----------------------------------------------------------------------------
SITENAME = "Jugendamt Musterstadt"
SITESUBTITLE = "Pressemitteilungen und Mitteilungen für den Jugendhilfeausschuss"
SITEURL = ""
# The production address (publishconf.py sets SITEURL to it); links and images to it count
# as the site's own in preview builds too.
PUBLIC_SITEURL = "https://jugendamt.musterstadt.example"
RELATIVE_URLS = False
PATH = "content"
# Preview builds (`make build`, `make serve`); production goes to output/ (publishconf.py).
OUTPUT_PATH = "preview"
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"  # display dates come from the german_dates plugin

# The publishing authority: shown in the footer, the press contact default, feed author.
AUTHORITY = {
    "name": "Jugendamt Musterstadt",
    # The authority's domain: part of every feed entry id and calendar UID, never changed.
    "domain": "jugendamt.musterstadt.example",
    "department": "Fachbereich Kinder, Jugend und Familie",
    "street": "Rathausplatz 1",
    "postcode": "12345",
    "city": "Musterstadt",
    "phone": "0123 456-0",
    "email": "jugendamt@musterstadt.example",
    "press_contact": "Pressestelle der Stadt Musterstadt, Tel. 0123 456-7890, "
    "presse@musterstadt.example",
    "accessibility_email": "barrierefreiheit@musterstadt.example",
}

# --- Plugins --------------------------------------------------------------------------
PLUGIN_PATHS = [str(ROOT / "plugins")]
# Order matters (receivers run in this order): topic_pages and feeds read what
# content_model put into the context; theme_assets gives every generator's templates
# `theme_asset()`; security_txt checks its settings before the build starts;
# publication checks the written links on `finalized` before search_index indexes the
# site; documents comes right after publication (it asks the policy which PDFs are
# published, which publication records as the first of its content checks);
# document_pages after documents (it writes the text versions of the PDFs documents
# analysed); sitemap comes after every plugin that writes pages;
# precompress compresses what is written then (Pagefind's files too), and
# atomic_output must come last (it swaps the finished site in).
PLUGINS = [
    "content_model",
    "static_files",
    "html_policy",
    "german_dates",
    "content_security_policy",
    "theme_assets",
    "topic_pages",
    "feeds",
    "meeting_calendar",
    "security_txt",
    "nginx_config",
    "publication",
    "documents",
    "document_pages",
    "sitemap",
    "structured_data",
    "search_index",
    "precompress",
    "atomic_output",
]

CONTENT_MODEL = {
    "topics_file": "topics.toml",
    "summary_max_length": 300,
}
# The HTML every item and page publishes is checked against plugins/html_policy/allowlist.py.
# second_opinion: also clean it with nh3 (Ammonia) under the same allowlist; any difference
# the checker did not explain is an error too.
HTML_POLICY = {
    "second_opinion": True,
}
GERMAN_DATES = {
    "locale": "de_DE",
}
TOPIC_PAGES = {
    "index_save_as": "themen/index.html",
    "index_url": "themen/",
    "topic_save_as": "themen/{key}/index.html",
    "topic_url": "themen/{key}/",
}
FEEDS = {
    "folder": "feeds",
    "max_entries": 50,
    "preview_site_url": "http://127.0.0.1:8000",
    "tag_authority": AUTHORITY["domain"],
    "page_save_as": "feeds/index.html",
    "page_url": "feeds/",
}
MEETING_CALENDAR = {
    "save_as": "termine/jugendhilfeausschuss.ics",
    "name": "Sitzungen des Jugendhilfeausschusses – Jugendamt Musterstadt",
    "preview_site_url": FEEDS["preview_site_url"],
    "uid_domain": AUTHORITY["domain"],
}
# The Content-Security-Policy of every page (directive -> sources), defined once: base.html
# carries it as a <meta>; the web server is to send the same as a header
# (content_security_policy.policy.header_policy), which alone can carry frame-ancestors.
# Pagefind needs worker-src 'self' (its worker) and 'wasm-unsafe-eval' (its WebAssembly).
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The production web server (plugins/nginx_config, templates in deploy/nginx/): every build
# writes .nginx/site.conf, maps.conf and locations.conf next to the site (docs/betrieb.md).
NGINX = {
    "root": "/srv/jugendhilfe-portal/output",
}
SEARCH = {
    "enabled": True,
    "output_subdir": "pagefind",
}
SITEMAP = {
    "save_as": "sitemap.xml",
    "exclude": [r"^404\.html$", r"^suche/", r"^feeds/"],
    "preview_site_url": FEEDS["preview_site_url"],
}
# schema.org JSON-LD on public items and the home page (plugins/structured_data): absolute
# URLs from SITEURL, in preview builds from preview_site_url; logo: the theme file (under
# THEME_STATIC_DIR, unhashed: a stable address) given as the authority's logo.
STRUCTURED_DATA = {
    "preview_site_url": FEEDS["preview_site_url"],
    "logo": "img/favicon.svg",
}
# /.well-known/security.txt (RFC 9116): whom to tell about a vulnerability of the site.
# contact: mailto:, https: or tel: URIs (at least one); Expires is the build's clock plus
# expires_days (1–365), so every build renews it; policy, encryption, acknowledgments,
# hiring: None, one https: URI or a list. Canonical is derived from SITEURL (production).
SECURITY_TXT = {
    "contact": ["mailto:it-sicherheit@musterstadt.example"],
    "expires_days": 180,
    "preferred_languages": ["de", "en"],
    "policy": None,
    "encryption": None,
    "acknowledgments": None,
    "hiring": None,
}
# .gz and .br next to every text file for nginx's gzip_static/brotli_static. Off here:
# the preview's development server ignores them; publishconf.py switches it on.
# `extensions`: file name endings without the dot; each compressed file is written only when
# the original has at least `min_size` bytes and the result at most `max_ratio` of them.
# brotli_quality 5: measured figures in plugins/precompress/settings.py.
PRECOMPRESS = {
    "enabled": False,
    "formats": ["gzip", "br"],
    "extensions": ["html", "css", "js", "mjs", "json", "xml", "ics", "svg", "txt",
                   "webmanifest", "csv"],
    "min_size": 512,
    "max_ratio": 0.9,
    "brotli_quality": 5,
}
# PDF attachments (plugins/documents): every published PDF is checked for accessibility
# (tags, language, title, text, no protection against assistive technology).
# require_accessible: False lists shortcomings in the build summary; True makes each one
# a build error (for authorities that require PDF/UA). cache: where analyses are kept
# between builds (by the file's content; safe to delete).
DOCUMENTS = {
    "require_accessible": False,
    "cache": str(ROOT / ".cache" / "documents"),
}
# An HTML text version of every published PDF with text (plugins/document_pages), at
# /dokumente/<path under files/ without .pdf>/, linked as „Textfassung“ next to the PDF
# and found by the search. enabled: False writes none.
DOCUMENT_PAGES = {
    "enabled": True,
}
# What is public now: "preview" shows drafts and embargoed items with a banner (never in
# feeds, calendar, search or sitemap); publishconf.py sets "production". `now` fixes the
# build's clock ("YYYY-MM-DD HH:MM", Europe/Berlin) to see what a build then would publish.
PUBLICATION = {
    "mode": "preview",
    "now": None,
}

# --- Markdown -------------------------------------------------------------------------
# Set explicitly (Pelican's default adds `extra` with attr_list and md_in_html, which let
# editors write any attribute, and codehilite). No attr_list, md_in_html or codehilite.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.meta": {},  # Pelican reads the header through it
        "markdown.extensions.tables": {},
        "content_model.table_alignment": {},  # |:---:| as class="align-center", not style
        "markdown.extensions.fenced_code": {},
        "markdown.extensions.footnotes": {
            "BACKLINK_TITLE": "Zurück zum Text (Fußnote %d)",
            "SEPARATOR": "-",
        },
        "markdown.extensions.abbr": {},
        "markdown.extensions.def_list": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
# Every build is a new release next to the output folder, which is a symlink to the live
# one (docs/betrieb.md). `keep`: releases kept for `make rollback`; `lock_timeout`: seconds
# a build waits while another one writes to the same folder.
ATOMIC_OUTPUT = {
    "keep": 2,
    "lock_timeout": 600,
}

# --- Theme ----------------------------------------------------------------------------
THEME = str(ROOT / "theme")
THEME_STATIC_DIR = "theme"
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
# The theme's German UI strings, all in one file, available as `ui.<key>`.
JINJA_GLOBALS = {"ui": tomllib.loads((ROOT / "theme" / "strings.toml").read_text("utf-8"))}
# Summaries are plain text (the content contract); never rendered as Markdown.
FORMATTED_FIELDS = []
# Static pages linked from every page's footer, by slug (shown when the page exists).
FOOTER_PAGES = [
    "impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache",
    "kontakt",
]
# The main menu: first the lists of the document types that have items, then these.
MAIN_MENU = [
    ("Themen", "themen/"),
    ("Archiv", "archiv/"),
]
HOME_LATEST_COUNT = 5

# --- URLs (lower-case ASCII; slugs come from the content_model plugin) ------------------
# ARTICLE_PATHS and PAGE_PATHS are derived from the content model by its plugin.
USE_FOLDER_AS_CATEGORY = False
# Metadata comes from the checked header only, never from file names or folders
# (Pelican would take a Date from "2025-03-01-x.md").
FILENAME_METADATA = ""
PATH_METADATA = ""
ARTICLE_URL = "{category}/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
YEAR_ARCHIVE_URL = "archiv/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
ARCHIVES_URL = "archiv/"
ARCHIVES_SAVE_AS = ARCHIVES_URL + "index.html"
SEARCH_URL = "suche/"
SEARCH_SAVE_AS = SEARCH_URL + "index.html"
NOTFOUND_URL = "404.html"
NOTFOUND_SAVE_AS = "404.html"
DIRECT_TEMPLATES = ["index", "archives", "search", "notfound"]
DRAFT_URL = "entwurf/{category}/{date:%Y}/{slug}/"
DRAFT_SAVE_AS = DRAFT_URL + "index.html"
DRAFT_PAGE_URL = "entwurf/{slug}/"
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_URL + "index.html"
# Not part of the site: per-author, category and tag index pages.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"category": None, "topic": None, "period_archives": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/seite/{number}/", "{base_name}/seite/{number}/index.html"),
)

STATIC_PATHS = ["files", "images"]
# Never read or copied: dotfiles (.gitkeep, .DS_Store, .htaccess) and editor backups and
# lock files (bericht.md~, ~$bericht.docx, #bericht.md#). The static_files plugin checks
# everything else under files/ and images/.
IGNORE_FILES = [".*", "*~", "~$*", "#*#"]
TEMPLATE_PAGES = {"robots.txt": "robots.txt"}

# --- Feeds are written by the feeds plugin (feedgen); Pelican's own feeds stay off -------
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

# Pelican's translations are off: two items with the same title (and slug) in different
# years are two items, not translations of each other.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# --- Development --------------------------------------------------------------------
DELETE_OUTPUT_DIRECTORY = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
