"""embargo — nothing withheld leaks, and nothing read goes unreported.

Drafts and embargoed items (Sperrfrist: dated in the future) appear nowhere in a
production build: Pelican does not write them (publishconf.py) and this plugin also
keeps back the attachments and images only they use. Every build prints what it
publishes and what it withholds, with the release time of embargoed items.
"""

from .plugin import register

__all__ = ["register"]
