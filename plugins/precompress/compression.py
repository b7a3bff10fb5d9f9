"""Finding the compressible files of a written site and writing their .gz and .br."""

from __future__ import annotations

import functools
import gzip
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

GZIP_MAGIC = b"\x1f\x8b"
COPY_SUFFIXES = frozenset({".gz", ".br"})  # what this plugin writes: never compressed again
# Dot-folders are not served (e.g. server configuration), except this one (RFC 8615).
SERVED_DOT_FOLDERS = frozenset({".well-known"})


@dataclass(frozen=True)
class Encoder:
    suffix: str
    compress: Callable[[bytes], bytes]


@dataclass(frozen=True)
class Written:
    """One compressed file the plugin wrote."""

    suffix: str  # .gz or .br
    original_size: int
    compressed_size: int


def gzip_deterministic(data: bytes) -> bytes:
    """gzip level 9 with modification time 0 and no file name: the same bytes for the same
    input (gzip.compress hands mtime=0 to zlib, which writes no name)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def encoders_of(config: dict) -> list[Encoder]:
    available = {
        "gzip": Encoder(".gz", gzip_deterministic),
        "br": Encoder(".br", functools.partial(
            brotli.compress, quality=config["brotli_quality"])),
    }
    return [available[name] for name in config["formats"]]


def compressible_files(root: Path, extensions: Iterable[str]) -> list[Path]:
    """Regular files under `root` whose extension is one of `extensions` (never .gz or
    .br); symlinks (to files or folders) and dot-folders other than .well-known/ are left
    out."""
    wanted = {f".{extension}" for extension in extensions} - COPY_SUFFIXES
    found = []
    for folder, subfolders, names in os.walk(root):  # does not follow symlinked folders
        subfolders[:] = [d for d in subfolders
                         if not d.startswith(".") or d in SERVED_DOT_FOLDERS]
        found += [path for name in names
                  if (path := Path(folder, name)).suffix.lower() in wanted
                  and not path.is_symlink()]
    return found


def precompress_file(path: Path, encoders: list[Encoder], min_size: int,
                     max_ratio: float) -> list[Written]:
    """Write `path`.gz / `path`.br where worth it, with the original's times; remove one
    that is not worth it (no stale copy is ever served instead of the file)."""
    data = path.read_bytes()
    times = path.stat()
    worth_trying = len(data) >= min_size and not data.startswith(GZIP_MAGIC)
    written = []
    for encoder in encoders:
        target = path.with_name(path.name + encoder.suffix)
        compressed = encoder.compress(data) if worth_trying else None
        if compressed is None or len(compressed) > max_ratio * len(data):
            target.unlink(missing_ok=True)
            continue
        target.write_bytes(compressed)
        os.utime(target, ns=(times.st_atime_ns, times.st_mtime_ns))
        written.append(Written(encoder.suffix, len(data), len(compressed)))
    return written


def precompress_site(root: Path, config: dict) -> tuple[int, list[Written]]:
    """Compress every compressible file under `root` on all usable cores (zlib and brotli
    release the GIL while compressing, so threads suffice). Returns the number of files
    looked at and what was written."""
    files = compressible_files(root, config["extensions"])
    work = functools.partial(precompress_file, encoders=encoders_of(config),
                             min_size=config["min_size"], max_ratio=config["max_ratio"])
    with ThreadPoolExecutor(max_workers=usable_cores()) as pool:
        written = [w for results in pool.map(work, files) for w in results]
    return len(files), written


def usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
