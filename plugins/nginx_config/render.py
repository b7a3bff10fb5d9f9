"""The configuration files, rendered from the templates in deploy/nginx/."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from content_security_policy.policy import header_policy
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .content_types import CONTENT_TYPES, DEFAULT_TYPE, FEED_TYPES, TEXT_TYPES
from .redirects import map_entries
from .settings import quoted, settings_of

TEMPLATES = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
REDIRECTS_FILE = "redirects.map"
QUOTED_SETTINGS = ("server_name", "certificate", "certificate_key", "acme_webroot", "hsts",
                   "referrer_policy", "permissions_policy", "attachment_policy", "pdf_policy",
                   "cache_pages", "cache_immutable", "cache_files")


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                      autoescape=False)  # noqa: S701 — nginx syntax: values go through `q`
    env.filters["q"] = lambda value: quoted(value, "Pfad")
    return env


def render(template: str, **values) -> str:
    return environment().get_template(template).render(**values)


def server_values(settings: dict) -> dict:
    """The settings as quoted nginx strings, for every template."""
    config = settings_of(settings)
    values = {key: quoted(config[key], f"NGINX „{key}“") for key in QUOTED_SETTINGS}
    values["page_policy"] = quoted(header_policy(settings), "CONTENT_SECURITY_POLICY")
    return {**values, "brotli": bool(config["brotli"]), "root_path": config["root"],
            "root": quoted(config["root"], "NGINX „root“")}


def location_values(settings: dict) -> dict:
    return {**server_values(settings), "content_types": CONTENT_TYPES,
            "default_type": DEFAULT_TYPE, "feed_types": FEED_TYPES,
            "text_types": " ".join(TEXT_TYPES)}


def locations_conf(settings: dict) -> str:
    """Everything inside the server block (also inlined into site.conf)."""
    return render("locations.conf.j2", **location_values(settings))


def site_conf(settings: dict) -> str:
    """The complete production configuration: maps, the HTTP and the HTTPS server."""
    values = location_values(settings)
    return render("site.conf.j2", **values,
                  redirects_path=f"{values['root_path']}/.nginx/{REDIRECTS_FILE}")


def redirects_map(redirects: dict[str, str]) -> str:
    """The entries of the moved-URL map; the only server file nginx reads from the build."""
    return render("redirects.map.j2", redirect_entries=map_entries(redirects))
