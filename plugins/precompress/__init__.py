"""precompress — `.gz` and `.br` files next to the site's text files, for nginx's
`gzip_static` and `brotli_static`.

On `finalized` (after search_index, whose Pagefind run writes files then; before
atomic_output swaps the release in) every file with a compressible extension in the
output folder gets `<name>.gz` (gzip level 9, deterministic: no time, no file name) and
`<name>.br` (brotli), each only when the file has at least `min_size` bytes and the
compressed file is at most `max_ratio` of it. Compressed files carry the original's
modification time, so the web server's Last-Modified and ETag match. Files that are
already gzip-compressed (Pagefind's index), symlinks and dot-folders other than
`.well-known/` are left alone. Off in preview builds (the development server ignores
`.gz`), on in production (publishconf.py).
"""

from .plugin import register

__all__ = ["register"]
