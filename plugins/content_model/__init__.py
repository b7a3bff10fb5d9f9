"""content_model — document types, fields and topics, defined once and enforced.

Reads every Markdown file through a checking reader and stops the build, before anything
is written, with `path:line: message` for every problem in the content tree.
"""

from .plugin import register

__all__ = ["register"]
