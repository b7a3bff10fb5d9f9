"""atomic_output — build into a staging folder next to the output folder and swap it in
only when the whole run succeeded, so a failed build leaves the previous site untouched.

Must be the last entry of PLUGINS: its `finalized` handler runs after every other
plugin has written into the staging folder (search index, sitemap).
"""

from .plugin import register

__all__ = ["register"]
