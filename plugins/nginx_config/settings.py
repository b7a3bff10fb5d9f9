"""The `NGINX` settings, checked; and how values are written into nginx's configuration."""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Host name of the site; None: the host of PUBLIC_SITEURL.
    "server_name": None,
    # Where the site lies on the web server: the output folder (a symlink to the live
    # build, when the server builds itself) or the `make deploy` target folder.
    "root": "/srv/jugendhilfe-portal/output",
    "certificate": "/etc/letsencrypt/live/{server_name}/fullchain.pem",
    "certificate_key": "/etc/letsencrypt/live/{server_name}/privkey.pem",
    # certbot's webroot for renewals (certbot certonly --webroot -w …).
    "acme_webroot": "/var/www/letsencrypt",
    # Sent over HTTPS only. Two years, as Mozilla recommends; no includeSubDomains: other
    # hosts under the authority's domain are not this project's to decide.
    "hsts": "max-age=63072000",
    # Nothing of a page's address (e.g. /themen/kinderschutz/) leaves the site.
    "referrer_policy": "same-origin",
    "permissions_policy": "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "usb=(), browsing-topics=()",
    # Attachments (files/) and images (images/) opened as documents of their own: no
    # script, no plugin, an origin of their own; styles only inline (an SVG's own).
    "attachment_policy": "sandbox; default-src 'none'; img-src 'self'; "
    "style-src 'unsafe-inline'",
    # PDFs get the same sandbox (Chromium's viewer shows them, checked with Chromium 156).
    # Should a browser show sandboxed PDFs no longer, this is the one value to loosen.
    "pdf_policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    # Debian's libnginx-mod-http-brotli-static serves the build's .br files.
    "brotli": True,
    "cache_pages": "no-cache",  # HTML, feeds, calendar, Pagefind's entry: always revalidated
    "cache_immutable": "public, max-age=31536000, immutable",  # content-hashed names
    "cache_files": "public, max-age=3600",  # attachments and images: an hour, then revalidated
}

# Characters that would end or change a quoted nginx string: the quote, the escape, the
# variable sign and the block braces; and every control character (also CR/LF).
UNSAFE = re.compile(r'["\\${}\x00-\x1f\x7f]')


class NginxConfigError(SystemExit):
    """A German message naming the setting or entry. A SystemExit, so that the `pelican`
    command prints just that line and exits with status 1 (as atomic_output's errors)."""

    def __init__(self, message: str):
        super().__init__(message)


def settings_of(settings: dict) -> dict:
    config = {**DEFAULTS, **settings.get("NGINX", {})}
    for key in config.keys() - DEFAULTS.keys():
        raise NginxConfigError(f"NGINX „{key}“: unbekannte Einstellung "
                               f"(bekannt: {', '.join(sorted(DEFAULTS))}).")
    config["server_name"] = config["server_name"] or host_of(settings)
    for key in ("certificate", "certificate_key"):
        config[key] = str(config[key]).replace("{server_name}", config["server_name"])
    for key, value in config.items():
        if key != "brotli":
            quoted(value, f"NGINX „{key}“")
    check_server_name(config["server_name"])
    for key in ("root", "certificate", "certificate_key", "acme_webroot"):
        if not config[key].startswith("/"):
            raise NginxConfigError(f"NGINX „{key}“ = {config[key]!r}: erwartet wird ein "
                                   "absoluter Pfad auf dem Webserver.")
    return config


def host_of(settings: dict) -> str:
    site_url = settings.get("PUBLIC_SITEURL") or settings.get("SITEURL") or ""
    host = urlsplit(site_url).hostname
    if not host:
        raise NginxConfigError("NGINX „server_name“ fehlt und PUBLIC_SITEURL nennt keinen "
                               "Host (erwartet z. B. https://jugendamt.example).")
    return host


def check_server_name(name: str) -> None:
    if not re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*",
                        name):
        raise NginxConfigError(f"NGINX „server_name“ = {name!r}: erwartet wird ein "
                               "Hostname wie jugendamt.musterstadt.example.")


def quoted(value, what: str) -> str:
    """`value` as a double-quoted nginx string; refused when it could break out of it."""
    if not isinstance(value, str) or not value or UNSAFE.search(value):
        raise NginxConfigError(
            f"{what} = {value!r}: erwartet wird ein nicht leerer Text ohne "
            "Anführungszeichen, Backslash, $, { } und Steuerzeichen.")
    return f'"{value}"'
