"""The policy as data and its two serialisations: for a `<meta>` tag and for an HTTP header.

    from content_security_policy.policy import header_policy
    header_policy(read_settings("publishconf.py"))  # the header value, e.g. for nginx
"""

from __future__ import annotations

import re

# directive -> sources. Pagefind (1.5) needs: its worker pagefind-worker.js (worker-src),
# fetches of its index files (connect-src) and WebAssembly compilation ('wasm-unsafe-eval');
# no eval, no blob: or data: URLs, no inline styles.
DEFAULTS: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Browsers ignore these in a <meta> policy (CSP Level 3, § 3.3): only a header carries them.
HEADER_ONLY = ("frame-ancestors", "report-uri", "report-to", "sandbox")
# Sources that would let injected markup run script or style: never allowed.
FORBIDDEN = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'")
DIRECTIVE = re.compile(r"[a-z]+(-[a-z]+)*")
SOURCE = re.compile(r"[^\s;,]+")


class PolicyError(ValueError):
    pass


def policy_of(settings: dict) -> dict[str, list[str]]:
    """The policy of these Pelican settings: CONTENT_SECURITY_POLICY merged over DEFAULTS."""
    policy = {**DEFAULTS, **settings.get("CONTENT_SECURITY_POLICY", {})}
    for directive, sources in policy.items():
        check(directive, sources)
    return policy


def check(directive: str, sources: list[str]) -> None:
    if not DIRECTIVE.fullmatch(directive):
        raise PolicyError(f"CONTENT_SECURITY_POLICY: ungültige Direktive {directive!r}")
    if isinstance(sources, str) or not sources:
        raise PolicyError(f"CONTENT_SECURITY_POLICY[{directive!r}]: eine Liste von Quellen, "
                          f"z. B. [\"'self'\"] oder [\"'none'\"]")
    for source in sources:
        if not isinstance(source, str) or not SOURCE.fullmatch(source):
            raise PolicyError(f"CONTENT_SECURITY_POLICY[{directive!r}]: ungültige Quelle "
                              f"{source!r}")
        if source.lower() in FORBIDDEN:
            raise PolicyError(f"CONTENT_SECURITY_POLICY[{directive!r}]: {source} ist nicht "
                              "erlaubt (eingeschleuster Code könnte laufen)")


def serialize(policy: dict[str, list[str]], skip: tuple[str, ...] = ()) -> str:
    return "; ".join(f"{directive} {' '.join(sources)}"
                     for directive, sources in policy.items() if directive not in skip)


def meta_policy(settings: dict) -> str:
    """The policy for `<meta http-equiv="Content-Security-Policy">` (no header-only parts)."""
    return serialize(policy_of(settings), skip=HEADER_ONLY)


def header_policy(settings: dict) -> str:
    """The same policy as the value of a `Content-Security-Policy` response header."""
    return serialize(policy_of(settings))
