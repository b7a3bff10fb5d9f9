"""A real browser for tests: Debian's Chromium driven by Playwright, and a local server."""

from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Flags that work on these machines (no network but loopback, running as root).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript"}
    headers_to_send: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, headers: dict[str, str] | None = None):
    """Serve `directory` on a free loopback port (sending `headers` with every response, as
    a web server may); yields the base URL."""
    handler_class = type("Handler", (QuietHandler,), {"headers_to_send": headers or {}})
    handler = functools.partial(handler_class, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class ConsoleErrors:
    """Collects console errors and uncaught exceptions of a page."""

    def __init__(self, page):
        self.messages: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.messages.append(m.text))
        page.on("pageerror", lambda e: self.messages.append(str(e)))


# Every violation of the page's Content-Security-Policy reaches Python through a binding
# (Playwright's bindings and init scripts are not subject to the page's policy), also across
# reloads; `window.cspViolations` keeps those of the current document for waiting on them.
CSP_LISTENER = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const violation = `${event.effectiveDirective} ${event.blockedURI}`;
  window.cspViolations.push(violation);
  window.reportCspViolation(violation);
});
"""


class CspViolations:
    """Collects a page's CSP violations: `securitypolicyviolation` events of its documents and
    console messages about the policy (those also come from workers, which have no events
    the page sees)."""

    def __init__(self, page):
        self.events: list[str] = []
        self.console: list[str] = []
        page.expose_function("reportCspViolation", self._event)
        page.add_init_script(CSP_LISTENER)
        page.on("console", self._console)

    def _event(self, violation: str):
        self.events.append(violation)

    def _console(self, message):
        if "content security policy" in message.text.lower():
            self.console.append(message.text)

    @property
    def all(self) -> list[str]:
        return self.events + self.console

    def clear(self):
        self.events.clear()
        self.console.clear()
