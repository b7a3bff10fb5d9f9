"""Every kind of file the build publishes, with the type nginx sends for it.

The server's `types` block is exactly this table (nginx then ignores Debian's mime.types):
what the site publishes is known, anything else is sent as application/octet-stream. Feeds
(`*.rss.xml`, `*.atom.xml`) get their own types by location, as nginx maps by the last
extension only.
"""

CONTENT_TYPES = {
    "text/html": ["html"],
    "text/css": ["css"],
    "text/javascript": ["js", "mjs"],  # RFC 9239
    "application/json": ["json"],
    "application/manifest+json": ["webmanifest"],
    "application/xml": ["xml"],
    "text/plain": ["txt"],
    "text/csv": ["csv"],
    "text/calendar": ["ics"],
    "image/svg+xml": ["svg"],
    "image/png": ["png"],
    "image/jpeg": ["jpg", "jpeg"],
    "image/gif": ["gif"],
    "image/webp": ["webp"],
    "image/x-icon": ["ico"],
    "application/pdf": ["pdf"],
    "application/wasm": ["wasm"],
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
    "application/vnd.oasis.opendocument.text": ["odt"],
    "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
    "application/vnd.oasis.opendocument.presentation": ["odp"],
}
# Pagefind's own files (*.pf_fragment, *.pf_index, *.pf_meta, *.pf_filter, wasm.*.pagefind)
# are gzip data its script unpacks itself: application/octet-stream, never labelled with a
# Content-Encoding.
DEFAULT_TYPE = "application/octet-stream"
FEED_TYPES = {r"\.rss\.xml$": "application/rss+xml", r"\.atom\.xml$": "application/atom+xml"}
# Types that nginx sends with "; charset=utf-8" (text/html always).
TEXT_TYPES = ["text/css", "text/javascript", "application/json", "application/manifest+json",
              "application/xml", "text/plain", "text/csv", "text/calendar", "image/svg+xml",
              *FEED_TYPES.values()]
