"""nginx_config — the production web server's configuration, written by every build.

The build writes, next to the site in the output folder (never served: nginx answers 404
for every hidden path but `/.well-known/`):

    .nginx/site.conf       the complete production configuration for Debian's nginx: the
                           http-level maps (HSTS only over HTTPS, moved URLs), the HTTP server
                           (-> HTTPS, certbot) and the HTTPS server with everything of
                           locations.conf inlined. Installed once as a root-owned copy, never
                           included from the build folder (whoever may write there would
                           control a root process).
    .nginx/locations.conf  everything inside the server: security headers (the pages' CSP
                           as a header), content types, precompressed files, cache lifetimes,
                           404 page, attachments sandboxed
    .nginx/redirects.map   the moved-URL entries only ("old" "new";), from the context key
                           `redirects`; the one file production nginx includes from the build,
                           inside its `map` block, where it can do nothing but map

from the templates in `deploy/nginx/` and the settings (`NGINX`, `CONTENT_SECURITY_POLICY`,
`PUBLIC_SITEURL`). `make serve-production` runs nginx on loopback with the same
`locations.conf` and `redirects.map` of the build it serves (`local.py`), so what is tested
and looked at locally is exactly what production serves.

Context key read: `redirects` — a dict {old site path: current site path}, e.g.
{"/alt/": "/pressemitteilungen/2025/neu/"}. Paths are checked before they reach nginx.
"""

from .plugin import register

__all__ = ["register"]
