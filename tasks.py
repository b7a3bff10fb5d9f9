"""Project tasks (invoke). They only orchestrate: all site logic is in plugins/ and runs
inside the `pelican` command, so `pelican CONTENT -s publishconf.py -o OUT` alone builds
the complete site.

    invoke build | publish | serve | serve-production | deploy | check | new | rollback
           | releases | clean
"""

from __future__ import annotations

import html
import json
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from invoke import task

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"  # production builds; the web server serves this (a symlink)
PREVIEW = ROOT / "preview"  # preview builds (drafts, embargoed items): never published
DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
sys.path.insert(0, str(ROOT / "plugins"))  # for `check` and `new`, which use content_model


def pelican_command(settings: Path, content: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(output)]


def pelican(settings: Path, content: Path = CONTENT, output: Path = OUTPUT) -> bool:
    """Run the pelican command line; True when the build succeeded."""
    return subprocess.run(pelican_command(settings, content, output), cwd=ROOT).returncode == 0


PROBLEM_LINE = re.compile(r"^\S.*:\d+: ")


@task(help={"content": "content folder (default: content/)",
            "output": "output folder (default: preview/)"})
def build(c, content=str(CONTENT), output=str(PREVIEW)):
    """Preview build into preview/ (drafts and embargoed items shown with a banner)."""
    if not pelican(DEV_SETTINGS, Path(content).resolve(), Path(output).absolute()):
        sys.exit(1)


@task(help={"content": "content folder (default: content/)",
            "output": "output folder (default: output/)"})
def publish(c, content=str(CONTENT), output=str(OUTPUT)):
    """Production build into output/ with publishconf.py."""
    if not pelican(PUBLISH_SETTINGS, Path(content).resolve(), Path(output).absolute()):
        sys.exit(1)


@task(help={"content": "content folder to check (default: content/)"})
def check(c, content=str(CONTENT)):
    """The production build without publishing: the same settings, the same checks (also
    those of the rendered pages and the publication policy), written to a temporary folder
    that is thrown away. Same verdict as `make publish`."""
    with tempfile.TemporaryDirectory() as scratch:
        ok = pelican(PUBLISH_SETTINGS, Path(content).resolve(), Path(scratch) / "site")
    if not ok:
        sys.exit(1)
    print("Prüfung abgeschlossen: keine Probleme gefunden (geprüft wie `make publish`, "
          "ohne etwas zu veröffentlichen).")


@task(help={"type": "pressemitteilung or ausschussmitteilung", "title": "the title",
            "content": "content folder (default: content/)"})
def new(c, type, title, content=str(CONTENT)):  # noqa: A002 — the Makefile's TYPE=…
    """Create a new press release or committee notice with every field to fill in."""
    from content_model.scaffold import ScaffoldError, new_item, topic_hint
    from content_model.topics import load_vocabulary
    from pelican.settings import read_settings

    settings = read_settings(str(DEV_SETTINGS))
    now = datetime.now(ZoneInfo(settings["TIMEZONE"]))
    try:
        path = new_item(type, title, Path(content), now, settings["AUTHORITY"]["city"])
    except ScaffoldError as error:
        sys.exit(str(error))
    print(f"Angelegt: {path}")
    print("Füllen Sie die leeren Felder aus – auch „Date“: wann die Meldung erscheinen soll "
          "(z. B. 2026-03-14 10:00); `make check` zeigt, was noch fehlt.")
    topics_file = Path(content) / settings["CONTENT_MODEL"]["topics_file"]
    print(topic_hint(load_vocabulary(topics_file)[0]))
    print("Die Datei ist ein Entwurf (Status: draft): löschen Sie diese Zeile zum Veröffentlichen.")


LIGHTHOUSE = "lighthouse@13.5.0"
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")


@task(help={"port": "local port for the audited site"})
def audit(c, port=8765):
    """Lighthouse on the home page and one press release: prints the four scores."""
    import json
    import os
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    if not pelican(DEV_SETTINGS, output=PREVIEW):
        sys.exit(1)
    first_item = sorted((PREVIEW / "pressemitteilungen").glob("*/*/index.html"))[0]
    pages = {"Startseite": "/", "Pressemitteilung": "/" + first_item.parent.relative_to(
        PREVIEW).as_posix() + "/"}
    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = partial(QuietHandler, directory=str(PREVIEW))
    server = ThreadingHTTPServer(("127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    try:
        for name, path in pages.items():
            with tempfile.TemporaryDirectory() as scratch:
                report = Path(scratch) / "report.json"
                subprocess.run(
                    ["npx", "--yes", LIGHTHOUSE, f"http://127.0.0.1:{port}{path}",
                     "--output=json", f"--output-path={report}", "--quiet",
                     f"--chrome-flags={CHROME_FLAGS}",
                     "--only-categories=performance,accessibility,best-practices,seo"],
                    env=env, check=True)
                categories = json.loads(report.read_text())["categories"]
            scores = ", ".join(f"{c['title']} {round(c['score'] * 100)}"
                               for c in categories.values())
            print(f"{name} ({path}): {scores}")
    finally:
        server.shutdown()


@task
def clean(c):
    """Remove preview/, output/, their releases and the caches."""
    from atomic_output.releases import Releases

    for output in (PREVIEW, OUTPUT):
        Releases(output).remove_all()
    shutil.rmtree(ROOT / ".pelican-cache", ignore_errors=True)


@task(help={"output": "output folder (default: output/)"})
def rollback(c, output=str(OUTPUT)):
    """Point the output folder at the build before the live one."""
    from atomic_output.lock import build_lock
    from atomic_output.plugin import DEFAULTS
    from atomic_output.releases import Releases

    folder = Releases(output)
    with build_lock(folder.lock_path, DEFAULTS["lock_timeout"], folder.output):
        release = folder.rollback()
    print(f"{folder.output} zeigt jetzt wieder auf den Build vom {release.describe()}.")
    print("Der nächste Build (z. B. der nächste Cron-Lauf) ersetzt ihn wieder; "
          "halten Sie solange den Cron-Job an, wenn das nicht passieren soll.")


@task(help={"output": "output folder (default: output/)"})
def releases(c, output=str(OUTPUT)):
    """List the builds kept for the output folder, newest first; mark the live one."""
    from atomic_output.releases import Releases

    folder = Releases(output)
    live = folder.live()
    print(f"Builds für {folder.output} (neueste zuerst):")
    for release in reversed(folder.complete()):
        print(("  jetzt online → " if release == live else " " * 17) + release.describe())
    if folder.is_plain_folder():
        print(f"{folder.output} ist noch ein normaler Ordner; der nächste Build übernimmt ihn.")


@task(help={"port": "loopback port (default: 8080)",
            "output": "serve this build as it is (default: build CONTENT for loopback)",
            "content": "content folder (default: content/)"})
def serve_production(c, port=8080, output="", content=str(CONTENT)):
    """Debian's nginx with the production configuration on http://127.0.0.1:PORT, in the
    foreground (Ctrl+C ends it). Without OUTPUT: a production build of CONTENT whose
    addresses are http://127.0.0.1:PORT (into a temporary folder), so that every link
    stays local; with OUTPUT: that build exactly as it is."""
    if not str(port).isdigit() or not 1024 <= int(port) <= 65535:
        sys.exit(f"PORT={port!r}: erwartet wird eine Zahl von 1024 bis 65535.")
    with tempfile.TemporaryDirectory(prefix="serve-production-") as work:
        if output:
            site = Path(output).absolute()  # the symlink: a new build is served at once
            if site.is_symlink() or not site.is_dir():  # else a copy, e.g. a deployed one
                refuse_preview_build(site)
        else:
            site = Path(work) / "site"
            local = f"http://127.0.0.1:{port}"
            command = [*pelican_command(PUBLISH_SETTINGS, Path(content).resolve(), site),
                       "-e", f"SITEURL={json.dumps(local)}"]
            if subprocess.run(command, cwd=ROOT).returncode != 0:
                sys.exit(1)
        run_nginx(site, int(port), Path(work) / "nginx", bool(output))


def run_nginx(site: Path, port: int, work: Path, as_built: bool) -> None:
    from nginx_config.local import start
    from nginx_config.settings import NginxConfigError

    try:
        server = start(site, port, work, access_log="/dev/stdout")
    except NginxConfigError as error:
        sys.exit(str(error))
    print(f"Produktions-Build {site} mit nginx: http://127.0.0.1:{port}/ "
          "(beenden mit Strg+C)", flush=True)
    if as_built:
        print("Seine Links zeigen auf die Adresse der Website (SITEURL); um ihn so im Browser "
              "anzusehen: make serve-production ohne OUTPUT.", flush=True)
    for ending in (signal.SIGTERM, signal.SIGHUP):  # closed terminal, kill: as Ctrl+C
        signal.signal(ending, signal.default_int_handler)
    try:
        status = server.wait()
    except KeyboardInterrupt:
        status = 0
    finally:
        server.terminate()
        server.wait()
    if status:
        sys.exit(status)


def refuse_preview_build(output: Path) -> None:
    from atomic_output.releases import OutputFolderError, Releases

    try:
        live = Releases(output).live()
    except OutputFolderError as error:
        sys.exit(str(error))
    if live is None:
        sys.exit(f"{output} gibt es noch nicht: erst „make publish“ ausführen.")
    if live.mode == "preview":
        sys.exit(f"{output} ist eine Vorschau (mit Entwürfen und Sperrfristen), kein "
                 "Produktions-Build: „make publish“ baut ihn nach output/.")


@task(help={"target": "where to: user@host:/path (rsync over SSH) or a local folder",
            "output": "the build to deploy (default: output/)",
            "reload": "command that reloads nginx when its configuration changed, e.g. "
                      "\"ssh user@host sudo systemctl reload nginx\"",
            "lock_timeout": "seconds to wait for a running build (default: ATOMIC_OUTPUT)"})
def deploy(c, target, output=str(OUTPUT), reload="", lock_timeout=None):
    """Upload the live production build with rsync (--checksum --delete-after), never
    while a build writes to the output folder."""
    import shlex

    from atomic_output.lock import build_lock
    from atomic_output.plugin import DEFAULTS
    from atomic_output.releases import Releases

    output = Path(output).absolute()
    refuse_preview_build(output)
    target = checked_target(target)
    folder = Releases(output)
    timeout = DEFAULTS["lock_timeout"] if lock_timeout is None else float(lock_timeout)
    with build_lock(folder.lock_path, timeout, folder.output):
        refuse_foreign_target(target)
        changed = rsync(folder.live().path, target)
    print(f"Hochgeladen nach {target}: {len(changed)} Dateien neu, geändert oder gelöscht.")
    report_server_changes(changed, shlex.split(reload))


REMOTE = re.compile(r"^[^/:]+:")  # user@host:… or host:… (rsync over SSH)


def checked_target(target: str) -> str:
    """An absolute folder, local or user@host:/path; never an option, never / or a home."""
    path = REMOTE.sub("", target, count=1)
    if not target or target.startswith("-") or not path.startswith("/") or not path.strip("/"):
        sys.exit(f"TARGET={target!r}: erwartet wird ein absoluter Ordner, z. B. "
                 "web@server:/srv/jugendhilfe-portal/output (nicht „/“, kein Home-Ordner).")
    return target.rstrip("/") + "/"


def refuse_foreign_target(target: str) -> None:
    """--delete-after removes everything the build does not have: upload only into a new or
    empty folder or one that holds an earlier upload (.nginx/)."""
    listing = subprocess.run(["rsync", "--list-only", "--", target], capture_output=True,
                             text=True, check=False)
    names = {line.split()[-1] for line in listing.stdout.splitlines() if line.strip()}
    if listing.returncode == 0 and names - {"."} and ".nginx" not in names:
        sys.exit(f"{target} ist nicht leer und enthält keine frühere Veröffentlichung "
                 "(.nginx/ fehlt). Nichts hochgeladen: rsync würde dort alles löschen, was "
                 "nicht zur Website gehört. Ist TARGET richtig?")


def rsync(release: Path, target: str) -> list[str]:
    """rsync the release's content to `target`; returns the files it sent or deleted.
    --checksum sends only what differs, without --times unchanged files keep their time
    (and nginx its ETag); --delay-updates puts all new files in place at the end and
    --delete-after removes old ones only then: readers never see pages linking to files
    not yet uploaded."""
    command = ["rsync", "--recursive", "--copy-links", "--checksum", "--delete-after",
               "--delay-updates", "--chmod=D0755,F0644", "--itemize-changes", "--",
               f"{release}/", target]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"rsync ist fehlgeschlagen (Status {result.returncode}); auf dem Server gilt "
                 "noch der vorige Stand, bis auf schon gelöschte oder ersetzte Dateien. Bitte "
                 f"erneut ausführen:\n{result.stderr.strip()}")
    return [line for line in result.stdout.splitlines()
            if line.startswith((">f", "<f", "*deleting"))]


def report_server_changes(changed: list[str], reload: list[str]) -> None:
    names = {line.split(maxsplit=1)[1].strip() for line in changed}
    if ".nginx/site.conf" in names:
        print("Die Server-Konfiguration .nginx/site.conf hat sich geändert (Einstellungen oder "
              "Vorlagen): prüfen und als root installieren, siehe docs/betrieb.md.")
    if ".nginx/redirects.map" in names and reload:
        subprocess.run(reload, check=True)
        print("nginx hat die geänderten Umleitungen neu geladen.")
    elif ".nginx/redirects.map" in names:
        print("Die Umleitungen (.nginx/redirects.map) haben sich geändert: auf dem Server "
              "„sudo nginx -t && sudo systemctl reload nginx“ ausführen (oder RELOAD=…).")


def preview_handler():
    """livereload's file handler, showing the build's problems instead of the site while
    the last preview build failed (the page reloads itself once the problem is fixed)."""
    from livereload.handlers import StaticFileHandler

    class PreviewHandler(StaticFileHandler):
        problems: list[str] = []
        csp = ""  # the site's Content-Security-Policy, for the problem page
        showing_problems = False

        def get(self, path, include_body=True):
            if not self.problems or not _is_page(path):
                return super().get(path, include_body)
            self.showing_problems = True
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(problem_page(self.problems, self.csp))

        def compute_etag(self):
            return None if self.showing_problems else super().compute_etag()

    return PreviewHandler


def _is_page(path: str) -> bool:
    return path == "" or path.endswith(("/", ".html")) or "." not in path.rsplit("/", 1)[-1]


def preview_server():
    """livereload's server, except how its browser client gets into the pages: livereload
    would inject an inline script (which the pages' Content-Security-Policy blocks); this
    one injects the client itself as an external same-origin script, /livereload.js, which
    connects to ws://<host>:<port>/livereload (same origin: allowed by connect-src 'self')."""
    from livereload import Server
    from livereload.handlers import ForceReloadHandler, LiveReloadHandler, LiveReloadJSHandler
    from livereload.server import LiveScriptInjector
    from tornado import web

    class PreviewServer(Server):
        # livereload 2.7.1's Server.application for one port (serve uses neither a separate
        # liveport nor a WSGI app), with the external script instead of the inline one.
        def application(self, port, host, liveport=None, debug=None, live_css=True):
            class ExternalLiveScript(LiveScriptInjector):
                script = f'<script src="/livereload.js?port={port}" defer></script>'.encode()

            LiveReloadHandler.watcher = self.watcher
            LiveReloadHandler.live_css = live_css
            handlers = [(r"/livereload", LiveReloadHandler), (r"/forcereload", ForceReloadHandler),
                        (r"/livereload.js", LiveReloadJSHandler),
                        *self.get_web_handlers(ExternalLiveScript.script)]
            web.Application(handlers, transforms=[ExternalLiveScript]).listen(port, address=host)

    return PreviewServer()


def problem_page(problems: list[str], csp: str) -> str:
    items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    return (
        '<!doctype html><html lang="de"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">'
        "<title>Vorschau: Probleme in den Inhalten</title></head><body><main>"
        "<h1>Die Vorschau kann nicht aktualisiert werden</h1>"
        "<p>Der Build hat diese Probleme gefunden (Datei:Zeile: was zu tun ist):</p>"
        f"<ul>{items}</ul><p>Speichern Sie die korrigierte Datei – diese Seite lädt "
        "sich dann von selbst neu.</p></main></body></html>"
    )


@task(help={"content": "content folder (default: content/)",
            "output": "output folder (default: preview/)"})
def serve(c, host="127.0.0.1", port=8000, content=str(CONTENT), output=str(PREVIEW)):
    """Build, serve on http://HOST:PORT and rebuild + reload the browser on every change."""
    from content_security_policy.policy import meta_policy
    from livereload.handlers import LiveReloadHandler
    from pelican.settings import read_settings

    content, output = Path(content).resolve(), Path(output).absolute()  # a symlink
    server = preview_server()
    server.SFH = handler = preview_handler()
    handler.csp = meta_policy(read_settings(str(DEV_SETTINGS)))

    def rebuild():
        # A fresh process per build, so that changed plugin code is picked up too.
        result = subprocess.run(pelican_command(DEV_SETTINGS, content, output), cwd=ROOT,
                                capture_output=True, text=True)
        print(result.stdout + result.stderr, end="", flush=True)
        report = [line for line in result.stderr.splitlines() if PROBLEM_LINE.match(line)]
        failure = report or result.stderr.splitlines()[-20:] or ["Der Build ist fehlgeschlagen."]
        handler.problems = failure if result.returncode else []
        # livereload skips a reload within seconds of the previous one (to batch changes to
        # many files); every finished build must reach the browser, so reset that clock.
        LiveReloadHandler._last_reload_time = 0

    rebuild()
    for path in (content, ROOT / "theme", ROOT / "plugins", DEV_SETTINGS):
        server.watch(str(path), rebuild, delay=0.5)
    print(f"Vorschau: http://{host}:{port}/  (beenden mit Strg+C)")
    server.serve(host=host, port=int(port), root=str(output), open_url_delay=None)
