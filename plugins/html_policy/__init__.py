"""html_policy — the HTML that items and pages publish, checked against one allowlist.

After Markdown and Pelican's link replacement, the final HTML of every content (drafts
and embargoed items included) is parsed as a browser parses it and checked against
`allowlist.py`; every difference is a content problem (`path:line: message`), never a
silent strip. (The Markdown extension that turns table alignment into classes lives
in content_model.table_alignment, with the Markdown configuration it belongs to.)
"""

from .plugin import register

__all__ = ["register"]
