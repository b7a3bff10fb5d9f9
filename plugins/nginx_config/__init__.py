"""nginx_config — the production web server's configuration, written by every build.

The build writes, next to the site in the output folder (never served: nginx answers 404
for every hidden path but `/.well-known/`):

    .nginx/site.conf       the server blocks for Debian's nginx (HTTP -> HTTPS, TLS, HSTS),
                           to link into /etc/nginx/sites-enabled/ once
    .nginx/maps.conf       http-level maps: HSTS only over HTTPS, and the redirect map of
                           moved URLs (context key `redirects`, filled by the lifecycle
                           plugin; an empty map works)
    .nginx/locations.conf  everything inside the server: security headers (the pages' CSP
                           as a header), content types, precompressed files, cache lifetimes,
                           404 page, attachments sandboxed

from the templates in `deploy/nginx/` and the settings (`NGINX`, `CONTENT_SECURITY_POLICY`,
`PUBLIC_SITEURL`). `make serve-production` runs nginx on loopback with the same
`locations.conf` and `maps.conf` of the build it serves (`local.py`), so what is tested and
looked at locally is exactly what production serves.

Context key read: `redirects` — a dict {old site path: current site path}, e.g.
{"/alt/": "/pressemitteilungen/2025/neu/"}. Paths are checked before they reach nginx.
"""

from .plugin import register

__all__ = ["register"]
