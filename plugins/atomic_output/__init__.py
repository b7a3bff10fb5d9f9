"""atomic_output — every build writes a new release; the output folder is a symlink that
is switched to it in one step only when the whole run succeeded.

`pelican CONTENT -s … -o OUT` builds into `.OUT.releases/<time>-<mode>.im-bau/`, renames it
to `<time>-<mode>` when the run is done (after every `finalized` receiver, e.g. the search
index) and replaces the symlink OUT by one pointing there (`os.replace`). A failed run
leaves OUT and its release untouched and removes its staging folder. The newest
`ATOMIC_OUTPUT["keep"]` releases stay for a rollback (`releases.py`, `make rollback`).

Builds into the same OUT are serialised by a lock (`lock.py`), and a folder holds builds of
one `PUBLICATION["mode"]` only: a preview build into a production folder (or the reverse)
is refused. A plain folder at OUT (built before releases existed) becomes the oldest
release on the first switch.

Last in PLUGINS, so that its `initialized` handler sees the settings as the other plugins
left them.
"""

from .plugin import register

__all__ = ["register"]
