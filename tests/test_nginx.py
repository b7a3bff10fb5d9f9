"""The production web server for real: Debian's nginx with the configuration the build
writes (.nginx/), started on loopback exactly as `make serve-production` starts it, over a
production build of the sample site; checked with real HTTP requests and in Chromium."""

from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from browser import CspViolations
from content_security_policy.policy import header_policy
from nginx_config.local import BROTLI_MODULE, nginx_command, start
from nginx_config.render import redirects_map
from nginx_config.settings import DEFAULTS as NGINX_DEFAULTS
from support import (
    MARKERS,
    ROOT,
    SITE,
    get_settings,
    page_types_of,
    run_pelican,
    site_with_withheld_items,
    static_pages,
)

SETTINGS = get_settings(ROOT / "content", ROOT / "output", conf="publishconf.py")
PAGE_POLICY = header_policy(SETTINGS)
SITE_URL = SETTINGS["SITEURL"]  # the production address the build links to
SITE_HOST = urlsplit(SITE_URL).hostname
GZIP_AND_BR = "gzip, deflate, br"


# --- Running nginx --------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_nginx(output: Path, work: Path, tls: dict | None = None):
    """nginx serving `output` as `make serve-production` does; yields its port."""
    port = free_port()
    server = start(output, port, work, tls=tls)
    try:
        wait_until_listening(server, port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_until_listening(server: subprocess.Popen, port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, "nginx hat sich beendet"
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise AssertionError("nginx antwortet nicht")


class Response:
    def __init__(self, raw: http.client.HTTPResponse):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read()

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


def fetch(port: int, path: str, tls: bool = False, **headers: str) -> Response:
    """One GET, as a browser or feed reader sends it; nothing decompressed."""
    if tls:
        context = ssl._create_unverified_context()  # the test's self-signed certificate
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port)
    names = {key.replace("_", "-"): value for key, value in headers.items()}
    connection.request("GET", path, headers=names)
    try:
        return Response(connection.getresponse())
    finally:
        connection.close()


# Attachments of other kinds than the sample site's PDFs, to see their headers.
EXTRA_ATTACHMENTS = {
    "files/2025/sitzplan.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                               '<title>Sitzplan</title><rect width="10" height="10"/></svg>',
    "files/2025/teilnehmerzahlen.csv": "Jahr;Teilnehmende\n2024;1200\n2025;1500\n",
}


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> Path:
    """The sample site (content/) plus EXTRA_ATTACHMENTS, built as `make publish` builds it."""
    root = tmp_path_factory.mktemp("production")
    content = shutil.copytree(ROOT / "content", root / "content")
    for relative, text in EXTRA_ATTACHMENTS.items():
        (content / relative).write_text(text, encoding="utf-8")
    output = root / "output"
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"),
                         "-o", str(output), timeout=300)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def port(production, tmp_path_factory):
    with running_nginx(production, tmp_path_factory.mktemp("nginx")) as port:
        yield port


@pytest.fixture(scope="module")
def tls_port(production, tmp_path_factory):
    """The same, over HTTPS with a self-signed certificate, as in production."""
    work = tmp_path_factory.mktemp("nginx-tls")
    key, certificate = self_signed(work)
    tls = {"certificate": str(certificate), "key": str(key)}
    with running_nginx(production, work / "nginx", tls=tls) as port:
        yield port


@pytest.fixture(scope="module")
def paths(production) -> dict[str, str]:
    """One address of every kind of file the site publishes, found in the build."""
    def first(pattern: str) -> str:
        found = sorted(production.glob(pattern))
        assert found, pattern
        return "/" + found[0].relative_to(production).as_posix()

    return {
        "page": page_types_of(production)["press release with attachment"],
        "home": "/",
        "rss": first("feeds/*.rss.xml"), "atom": first("feeds/*.atom.xml"),
        "calendar": first("termine/*.ics"), "sitemap": "/sitemap.xml",
        "robots": "/robots.txt", "security.txt": "/.well-known/security.txt",
        "missing": "/gibt-es-nicht/",
        "pdf": first("files/**/*.pdf"), "image": first("images/**/*.*[!rz]"),
        "theme css": first("theme/css/site.??????????.css"),
        "theme css unhashed": "/theme/css/site.css",
        "pagefind script": "/pagefind/pagefind.js",
        "pagefind entry": "/pagefind/pagefind-entry.json",
        "pagefind wasm": first("pagefind/wasm.*.pagefind"),
        "pagefind fragment": first("pagefind/fragment/*.pf_fragment"),
        "pagefind meta": first("pagefind/pagefind.*.pf_meta"),
    }


# --- Status codes --------------------------------------------------------------------------

def test_pages_are_served_with_200(port, paths):
    for kind in ("home", "page", "rss", "calendar", "pdf", "theme css", "pagefind entry"):
        assert fetch(port, paths[kind]).status == 200, kind


@pytest.mark.parametrize(("asked", "location"), [
    ("/pressemitteilungen", "/pressemitteilungen/"),
    ("/themen/ki", "/themen/ki/"),
    ("/suche?q=Kita", "/suche/?q=Kita"),
])
def test_a_folder_without_its_slash_is_a_permanent_redirect_to_it(port, asked, location):
    response = fetch(port, asked)
    assert (response.status, response.header("Location")) == (301, location)


@pytest.mark.parametrize("missing", [
    "/gibt-es-nicht/", "/pressemitteilungen/1999/", "/404.html", "/files/",
    "/.nginx/site.conf", "/.nginx/locations.conf", "/.nginx/redirects.map",
    "/./.nginx/site.conf", "//.nginx/site.conf", "/%2enginx/site.conf",
    "/files/../.nginx/site.conf", "/.git/config", "/.versteckt/",
])
def test_what_is_not_a_page_of_the_site_is_the_sites_own_404(port, production, missing):
    response = fetch(port, missing)
    assert response.status == 404
    assert response.body == (production / "404.html").read_bytes()
    assert response.header("Content-Type") == "text/html; charset=utf-8"


# --- Security headers -------------------------------------------------------------------------

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": NGINX_DEFAULTS["referrer_policy"],
    "Permissions-Policy": NGINX_DEFAULTS["permissions_policy"],
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@pytest.mark.parametrize("kind", [
    "home", "page", "rss", "atom", "calendar", "sitemap", "robots", "security.txt", "theme css",
    "theme css unhashed", "pagefind script", "pagefind entry", "pagefind wasm",
    "pagefind fragment", "pagefind meta",
])
def test_every_response_carries_the_pages_policy_and_the_security_headers(port, paths, kind):
    response = fetch(port, paths[kind], Accept_Encoding=GZIP_AND_BR)
    assert response.header("Content-Security-Policy") == PAGE_POLICY
    assert "frame-ancestors 'none'" in PAGE_POLICY
    assert {name: response.header(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS
    assert response.header("Strict-Transport-Security") is None  # plain HTTP: no HSTS
    assert response.header("Server") == "nginx"  # no version


@pytest.mark.parametrize("path", ["/gibt-es-nicht/", "/pressemitteilungen"])
def test_404_and_redirects_carry_the_headers_too(port, path):
    response = fetch(port, path)
    assert response.header("Content-Security-Policy") == PAGE_POLICY
    assert response.header("X-Content-Type-Options") == "nosniff"


def test_attachments_and_images_opened_on_their_own_are_sandboxed(port, production):
    outside_pdf = [f for f in sorted((production / "files").rglob("*"))
                   if f.is_file() and f.suffix not in (".pdf", ".gz", ".br")]
    images = [f for f in sorted((production / "images").rglob("*")) if f.is_file()]
    assert outside_pdf and images
    for file in outside_pdf + images:
        response = fetch(port, "/" + file.relative_to(production).as_posix())
        policy = response.header("Content-Security-Policy")
        assert policy.split(";")[0] == "sandbox" and "default-src 'none'" in policy, file
        assert "script-src" not in policy and response.header("X-Content-Type-Options")


def test_pdfs_are_sandboxed_too_and_still_shown_in_chromium(port, paths, site):
    response = fetch(port, paths["pdf"])
    assert response.header("Content-Type") == "application/pdf"
    assert response.header("Content-Security-Policy").split(";")[0] == "sandbox"
    assert response.header("X-Content-Type-Options") == "nosniff"
    shown = site.goto(SITE_URL + paths["pdf"])
    assert shown.status == 200 and shown.headers["content-type"] == "application/pdf"
    assert "chrome-error" not in site.url


def test_over_https_every_response_carries_hsts(tls_port):
    """The loopback server with TLS: the same map decides."""
    for path in ("/", "/gibt-es-nicht/", "/pressemitteilungen", "/feeds/"):
        response = fetch(tls_port, path, tls=True)
        assert response.header("Strict-Transport-Security") == NGINX_DEFAULTS["hsts"], path


# --- Content types -------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "content_type"), [
    ("home", "text/html; charset=utf-8"),
    ("rss", "application/rss+xml; charset=utf-8"),
    ("atom", "application/atom+xml; charset=utf-8"),
    ("calendar", "text/calendar; charset=utf-8"),
    ("sitemap", "application/xml; charset=utf-8"),
    ("robots", "text/plain; charset=utf-8"),
    ("security.txt", "text/plain; charset=utf-8"),
    ("pdf", "application/pdf"),
    ("theme css", "text/css; charset=utf-8"),
    ("pagefind script", "text/javascript; charset=utf-8"),
    ("pagefind entry", "application/json; charset=utf-8"),
    ("pagefind wasm", "application/octet-stream"),
    ("pagefind fragment", "application/octet-stream"),
])
def test_every_kind_of_file_has_its_type(port, paths, kind, content_type):
    assert fetch(port, paths[kind]).header("Content-Type") == content_type


def test_every_file_the_build_publishes_has_a_type_of_its_own(production):
    from nginx_config.content_types import CONTENT_TYPES, FEED_TYPES
    from static_files.formats import ALLOWED

    known = {extension for extensions in CONTENT_TYPES.values() for extension in extensions}
    allowed = {extension for folder in ALLOWED.values() for extension in folder}
    assert allowed <= known
    published = {f.suffix[1:].lower() for f in production.rglob("*")
                 if f.is_file() and ".nginx" not in f.parts and "pagefind" not in f.parts}
    assert published - known <= {"gz", "br"}, "types for these are missing"
    assert all(pattern.endswith(r"\.xml$") for pattern in FEED_TYPES)


# --- Precompressed files -------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["home", "page", "atom", "theme css", "pagefind script"])
def test_gzip_and_brotli_are_the_builds_files_and_decompress_to_the_page(port, paths,
                                                                         production, kind):
    path = paths[kind]
    plain = fetch(port, path)
    zipped = fetch(port, path, Accept_Encoding="gzip")
    broken = fetch(port, path, Accept_Encoding=GZIP_AND_BR)
    on_disk = (production / (path.strip("/") or ".") / ("index.html" if path.endswith("/")
                                                        else "")).read_bytes()
    assert plain.header("Content-Encoding") is None and plain.body == on_disk
    assert zipped.header("Content-Encoding") == "gzip"
    assert broken.header("Content-Encoding") == "br"
    assert gzip.decompress(zipped.body) == on_disk == brotli.decompress(broken.body)
    assert len(broken.body) < len(zipped.body) < len(on_disk)
    assert zipped.header("Vary") == "Accept-Encoding" == broken.header("Vary")


def test_requests_through_a_proxy_or_cdn_get_the_precompressed_files_too(port, paths):
    response = fetch(port, paths["page"], Accept_Encoding="gzip", Via="1.1 cdn.example")
    assert response.header("Content-Encoding") == "gzip"


def test_only_theme_files_named_by_their_hash_are_immutable(port, production, tmp_path):
    """An attachment whose name merely looks hashed is not."""
    site = tmp_path / "site"
    shutil.copytree(production.resolve(), site)
    (site / "files" / "bericht.0123456789.csv").write_text("a;b\n", encoding="utf-8")
    (site / "theme" / "css" / "alt.css").write_text("p{}", encoding="utf-8")
    with running_nginx(site, tmp_path / "nginx") as local:
        lookalike = fetch(local, "/files/bericht.0123456789.csv")
        unhashed = fetch(local, "/theme/css/alt.css")
    assert lookalike.header("Cache-Control") == "public, max-age=3600"
    assert unhashed.header("Cache-Control") == "no-cache"


@pytest.mark.parametrize("kind", ["pagefind fragment", "pagefind wasm", "pagefind meta"])
def test_pagefinds_compressed_files_are_sent_as_they_are(port, paths, production, kind):
    response = fetch(port, paths[kind], Accept_Encoding=GZIP_AND_BR)
    assert response.header("Content-Encoding") is None
    assert response.body == (production / paths[kind].strip("/")).read_bytes()
    assert response.body[:2] == b"\x1f\x8b"  # Pagefind's own gzip, unpacked by its script


# --- Caching -------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "cache_control"), [
    ("home", "no-cache"), ("page", "no-cache"), ("rss", "no-cache"), ("atom", "no-cache"),
    ("calendar", "no-cache"), ("sitemap", "no-cache"), ("theme css unhashed", "no-cache"),
    ("pagefind script", "no-cache"), ("pagefind entry", "no-cache"),
    ("pagefind wasm", "no-cache"),
    ("theme css", "public, max-age=31536000, immutable"),
    ("pagefind fragment", "public, max-age=31536000, immutable"),
    ("pagefind meta", "public, max-age=31536000, immutable"),
    ("pdf", "public, max-age=3600"), ("image", "public, max-age=3600"),
    ("security.txt", "no-cache"), ("missing", "no-cache"),
])
def test_cache_lifetimes_by_kind(port, paths, kind, cache_control):
    assert fetch(port, paths[kind]).header("Cache-Control") == cache_control


@pytest.mark.parametrize("kind", ["home", "atom", "calendar", "pagefind entry"])
def test_revalidated_files_answer_304_while_unchanged(port, paths, kind):
    first = fetch(port, paths[kind], Accept_Encoding="gzip")
    again = fetch(port, paths[kind], Accept_Encoding="gzip",
                  If_None_Match=first.header("ETag"))
    assert first.header("ETag") and (again.status, again.body) == (304, b"")


def test_pages_link_the_hashed_theme_files_that_are_immutable(port, production):
    home = fetch(port, "/").body.decode()
    css = next(p for p in production.glob("theme/css/site.*.css"))
    assert f'href="{SETTINGS["SITEURL"]}/theme/css/{css.name}"' in home


# --- Moved URLs -------------------------------------------------------------------------------

def test_the_redirect_map_sends_moved_urls_to_their_new_address(production, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(production.resolve(), site)
    moved = {"/pressemitteilungen/2025/alter-titel/": "/pressemitteilungen/",
             "/straße/": "/themen/ki/"}
    (site / ".nginx" / "redirects.map").write_text(redirects_map(moved), encoding="utf-8")
    with running_nginx(site, tmp_path / "nginx") as port:
        first = fetch(port, "/pressemitteilungen/2025/alter-titel/?seite=2")
        second = fetch(port, "/stra%C3%9Fe/")
        unmoved = fetch(port, "/pressemitteilungen/2025/neuer-titel/")
    assert (first.status, first.header("Location")) == (301, "/pressemitteilungen/?seite=2")
    assert (second.status, second.header("Location")) == (301, "/themen/ki/")
    assert first.header("Content-Security-Policy") == PAGE_POLICY
    assert unmoved.status == 404


# --- In Chromium, through nginx ---------------------------------------------------------------

@pytest.fixture(scope="module")
def site_browser(browser, tls_port):
    """A Chromium that reaches the production address (https://<host>/) at the loopback
    nginx: the built pages as they link to each other, over HTTPS. Started by the session's
    Playwright (one per process)."""
    from browser import CHROMIUM, CHROMIUM_ARGS

    rules = f"--host-resolver-rules=MAP {SITE_HOST}:443 127.0.0.1:{tls_port}"
    chromium = browser.browser_type.launch(executable_path=CHROMIUM,
                                           args=[*CHROMIUM_ARGS, rules])
    yield chromium
    chromium.close()


@pytest.fixture
def site(site_browser):
    context = site_browser.new_context(locale="de-DE", ignore_https_errors=True)
    yield context.new_page()
    context.close()


def test_every_page_type_works_under_the_header_policy(site, production):
    pages = [*page_types_of(production).values(), *static_pages(production)]
    violations = CspViolations(site)
    broken = {}
    for path in pages:
        violations.clear()
        response = site.goto(SITE_URL + path)
        styled = site.evaluate("getComputedStyle(document.body).margin !== '8px'")
        icon = site.evaluate("document.querySelector('link[rel=icon]').href")
        if violations.all or not styled or response.status != (404 if "404" in path else 200):
            broken[path] = (response.status, styled, list(violations.all))
        assert response.headers["strict-transport-security"] == NGINX_DEFAULTS["hsts"]
    assert broken == {}
    assert len(pages) >= 19 and icon.startswith(SITE_URL + "/theme/img/favicon.")


def test_search_with_results_works_through_nginx(site):
    violations = CspViolations(site)
    site.goto(f"{SITE_URL}/suche/?q=Kinder")
    site.locator('[data-search][aria-busy="false"]').wait_for(state="attached")
    assert site.locator(".search__result").count() > 0
    site.locator(".search__result a").first.click()
    site.wait_for_load_state("load")
    assert site.url.startswith(SITE_URL + "/") and "/suche/" not in site.url
    assert violations.all == []


def test_the_site_cannot_be_framed(site):
    site.route("https://rahmen.example/", lambda route: route.fulfill(
        body=f'<!doctype html><title>x</title><iframe src="{SITE_URL}/"></iframe>',
        content_type="text/html"))
    site.goto("https://rahmen.example/")
    site.wait_for_timeout(300)
    assert [frame.url.split(":")[0] for frame in site.frames[1:]] == ["chrome-error"]


# --- The production server blocks ---------------------------------------------------------------

def self_signed(folder: Path) -> tuple[Path, Path]:
    key, certificate = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", f"/CN={SITE_HOST}", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)
    return key, certificate


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """The production site.conf exactly as built, with only its listen ports moved to
    loopback ports, in an nginx.conf like Debian's; yields (http port, https port, build)."""
    work = tmp_path_factory.mktemp("site-conf")
    key, certificate = self_signed(work)
    output, acme = work / "output", work / "acme"
    nginx = {"root": str(output), "certificate": str(certificate),
             "certificate_key": str(key), "acme_webroot": str(acme)}
    result = run_pelican(str(SITE), "-s", str(ROOT / "publishconf.py"), "-o", str(output),
                         "-e", f"NGINX={json.dumps(nginx)}")
    assert result.returncode == 0, result.stderr
    http_port, https_port = free_port(), free_port()
    site_conf = (output / ".nginx" / "site.conf").read_text(encoding="utf-8")
    moved = (site_conf.replace("listen [::]:80;\n", "").replace("listen [::]:443 ssl http2;\n", "")
             .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
             .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"))
    assert moved.count("127.0.0.1:") == 2
    (work / "site.conf").write_text(moved, encoding="utf-8")
    main = work / "nginx.conf"
    main.write_text(f'load_module "{BROTLI_MODULE}";\npid "{work}/nginx.pid";\n'
                    + ("user root;\n" if os.geteuid() == 0 else "")
                    + "events {}\nhttp {\n"
                    f'    client_body_temp_path "{work}/body";\n'
                    f'    include "{work}/site.conf";\n}}\n', encoding="utf-8")
    check = subprocess.run(nginx_command(main, "-t"), capture_output=True, text=True)
    assert check.returncode == 0 and "test is successful" in check.stderr, check.stderr
    server = subprocess.Popen(nginx_command(main))
    try:
        wait_until_listening(server, https_port)
        yield http_port, https_port, output, acme
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_plain_http_is_redirected_to_the_same_address_over_https(production_server):
    http_port, _, _, _ = production_server
    response = fetch(http_port, "/pressemitteilungen/?seite=2", Host=SITE_HOST)
    assert response.status == 301
    assert response.header("Location") == f"https://{SITE_HOST}/pressemitteilungen/?seite=2"
    assert response.header("Strict-Transport-Security") is None


def test_certbot_renews_over_plain_http(production_server):
    http_port, _, _, acme = production_server
    challenge = acme / ".well-known" / "acme-challenge" / "token-123"
    challenge.parent.mkdir(parents=True, exist_ok=True)
    challenge.write_text("token-123.beweis", encoding="utf-8")
    response = fetch(http_port, "/.well-known/acme-challenge/token-123", Host=SITE_HOST)
    assert (response.status, response.body) == (200, b"token-123.beweis")


def test_the_production_https_server_serves_the_site_with_every_header(production_server):
    _, https_port, output, _ = production_server
    response = fetch(https_port, "/", tls=True, Accept_Encoding="br")
    assert response.status == 200 and response.header("Content-Encoding") == "br"
    assert brotli.decompress(response.body) == (output / "index.html").read_bytes()
    assert response.header("Strict-Transport-Security") == NGINX_DEFAULTS["hsts"]
    assert response.header("Content-Security-Policy") == PAGE_POLICY
    assert fetch(https_port, "/.nginx/site.conf", tls=True).status == 404


@pytest.mark.parametrize(("nginx", "named"), [
    ({"root": 'srv"; include /etc/shadow; "'}, "root"),
    ({"root": "/srv/$document_root"}, "root"),
    ({"hsts": "max-age=1\nadd_header X-Evil 1"}, "hsts"),
    ({"server_name": "evil.example; root /"}, "server_name"),
    ({"referrer_policy": "same-origin} server {"}, "referrer_policy"),
    ({"root": "relativ/pfad"}, "root"),
    ({"rot": "/srv"}, "rot"),
])
def test_hostile_or_wrong_server_settings_stop_the_build_with_a_german_line(tmp_path, nginx,
                                                                            named):
    result = run_pelican(str(SITE), "-s", str(ROOT / "publishconf.py"),
                         "-o", str(tmp_path / "output"), "-e", f"NGINX={json.dumps(nginx)}")
    assert result.returncode == 1
    assert f"NGINX „{named}“" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("redirects", [
    {"/alt/": "//boese.example/"},
    {"/alt/": "https://boese.example/"},
    {"/alt/": "/neu/$host"},
    {'/alt/"; default "/x': "/neu/"},
    {"/alt/\n": "/neu/"},
    {"alt/": "/neu/"},
    {"/a/../b/": "/neu/"},
    {"/gleich/": "/gleich/"},
])
def test_a_redirect_that_could_break_the_map_or_leave_the_site_is_refused(redirects):
    from nginx_config.settings import NginxConfigError

    with pytest.raises(NginxConfigError, match="Umleitung"):
        redirects_map(redirects)


# --- make serve-production and make deploy -----------------------------------------------------

def test_make_serve_production_serves_a_production_build_with_local_addresses(tmp_path):
    port = free_port()
    content = site_with_withheld_items(tmp_path / "content")
    server = subprocess.Popen(["make", "-s", "serve-production", f"PORT={port}",
                               f"CONTENT={content}"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    try:
        wait_until_listening(server, port, timeout=120)
        home = fetch(port, "/")
        draft = fetch(port, "/entwurf/")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    assert home.status == 200, output
    assert home.header("Content-Security-Policy") == PAGE_POLICY
    assert f'href="http://127.0.0.1:{port}/theme/css/site.' in home.body.decode()
    assert draft.status == 404
    assert not [m for m in MARKERS if m.encode() in home.body]


def test_serve_production_refuses_a_preview_build(tmp_path):
    output = tmp_path / "preview"
    assert run_pelican(str(SITE), "-s", str(ROOT / "pelicanconf.py"), "-o",
                       str(output)).returncode == 0
    result = subprocess.run(["make", "-s", "serve-production", f"OUTPUT={output}"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "Vorschau" in result.stderr


def test_make_deploy_uploads_the_live_build_and_removes_what_it_no_longer_has(production,
                                                                            tmp_path):
    target = tmp_path / "server"  # an earlier upload: its .nginx/ and a page gone since
    (target / "alt").mkdir(parents=True)
    (target / "alt" / "index.html").write_text("veraltet", encoding="utf-8")
    (target / ".nginx").mkdir()
    (target / ".nginx" / "site.conf").write_text("# alt", encoding="utf-8")
    result = subprocess.run(["make", "-s", "deploy", f"TARGET={target}/",
                             f"OUTPUT={production}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert tree(target) == tree(production.resolve())
    assert not (target / "alt").exists()
    assert "Server-Konfiguration .nginx/site.conf hat sich geändert" in result.stdout
    again = subprocess.run(["make", "-s", "deploy", f"TARGET={target}/",
                            f"OUTPUT={production}"], cwd=ROOT, capture_output=True,
                           text=True, timeout=120)
    assert "0 Dateien neu, geändert oder gelöscht" in again.stdout
    assert ".nginx" not in again.stdout


@pytest.mark.parametrize("target", ["--list-only", "-n", "web@server:", "web@server:/",
                                    "relativ/ordner", "/"])
def test_deploy_refuses_a_target_that_is_an_option_a_home_or_the_root(production, target):
    result = subprocess.run(["make", "-s", "deploy", f"TARGET={target}",
                             f"OUTPUT={production}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0 and "TARGET=" in result.stderr
    assert "Hochgeladen" not in result.stdout


def test_deploy_leaves_a_folder_alone_that_holds_something_else(production, tmp_path):
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "authorized_keys").write_text("ssh-ed25519 AAAA", encoding="utf-8")
    result = subprocess.run(["make", "-s", "deploy", f"TARGET={home}", f"OUTPUT={production}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and ".nginx/ fehlt" in result.stderr
    assert tree(home) == {".ssh/authorized_keys": b"ssh-ed25519 AAAA"}


def test_make_passes_values_to_the_tasks_as_text_never_to_the_shell(production, tmp_path):
    marker = tmp_path / "eingeschleust"
    result = subprocess.run(["make", "-s", "deploy", f'TARGET=x"; touch {marker}; echo "',
                             f"OUTPUT={production}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0 and not marker.exists()


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_deploy_waits_for_a_running_build_and_gives_up_without_uploading(production,
                                                                        tmp_path):
    from atomic_output.lock import build_lock
    from atomic_output.releases import Releases
    from invoke import Context

    import tasks

    folder = Releases(production)
    target = tmp_path / "server"
    with build_lock(folder.lock_path, 1, folder.output), pytest.raises(SystemExit) as stop:
        tasks.deploy(Context(), target=f"{target}/", output=str(production), lock_timeout=0.3)
    assert "Ein anderer Build" in str(stop.value.code)
    assert not target.exists()
