"""feeds — RSS 2.0 and Atom feeds with feedgen: all items, per document type, per topic.

Also writes the German overview page /feeds/ and puts the feed list into the template
context (`feeds`) for autodiscovery links.
"""

from .plugin import register

__all__ = ["register"]
