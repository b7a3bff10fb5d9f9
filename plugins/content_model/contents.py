"""Every content the build read, whatever its status.

What is *public* is decided by the publication plugin's policy (context key
`publication`), not here.
"""

from __future__ import annotations


def all_contents(context) -> list:
    """Every item and page the build read (published, hidden, drafts, embargoed), in a
    stable order; files that could not be read are not contents."""
    contents = (c for c in context.get("generated_content", {}).values() if c is not None)
    return sorted(contents, key=lambda c: c.source_path)
