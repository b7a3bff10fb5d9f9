"""theme_assets — content-hashed names for the theme's static files (CSS, JS, images).

Every file Pelican copies from the theme's static folder to THEME_STATIC_DIR is also
published as `<stem>.<first 10 hex digits of its sha256>.<ext>` next to it
(`theme/css/site.css` -> `theme/css/site.3f2a1b4c5d.css`), so the web server may serve
those `immutable`: new bytes get a new name. Pelican's unhashed copies stay (addresses
outside the pages, relative `url()` references in CSS). Templates link the hashed names
through the Jinja global `theme_asset("css/site.css")`; an unknown name stops the build
as `template:line: message`.

No settings: the name pattern is a contract with the web server's configuration (which
matches exactly ten hex digits), not something to tune per build.
"""

from .plugin import register

__all__ = ["register"]
