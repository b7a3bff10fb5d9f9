"""Project tasks (invoke). They only orchestrate: all site logic is in plugins/ and runs
inside the `pelican` command, so `pelican CONTENT -s publishconf.py -o OUT` alone builds
the complete site.

    invoke build | publish | serve | clean
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
# What `serve` watches: a change to any of these rebuilds the site.
WATCHED = [CONTENT, ROOT / "theme", ROOT / "plugins", DEV_SETTINGS]


def pelican(settings: Path, content: Path = CONTENT, output: Path = OUTPUT) -> bool:
    """Run the pelican command line; True when the build succeeded."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(settings),
               "-o", str(output)]
    return subprocess.run(command, cwd=ROOT).returncode == 0


@task
def build(c):
    """Development build into output/ (drafts and embargoed items included)."""
    if not pelican(DEV_SETTINGS):
        sys.exit(1)


@task
def publish(c):
    """Production build into output/ with publishconf.py."""
    if not pelican(PUBLISH_SETTINGS):
        sys.exit(1)


@task
def clean(c):
    """Remove the generated site and caches."""
    for path in (OUTPUT, ROOT / ".pelican-cache"):
        shutil.rmtree(path, ignore_errors=True)


@task
def serve(c, host="127.0.0.1", port=8000):
    """Build, serve on http://HOST:PORT and rebuild + reload the browser on every change."""
    from livereload import Server

    def rebuild():
        # A fresh process per build, so that changed plugin code is picked up too.
        pelican(DEV_SETTINGS)

    rebuild()
    server = Server()
    for path in WATCHED:
        server.watch(str(path), rebuild, delay=0.5)
    print(f"Vorschau: http://{host}:{port}/  (beenden mit Strg+C)")
    server.serve(host=host, port=port, root=str(OUTPUT), open_url_delay=None)
