"""Build-speed benchmark: a synthetic content tree of N items, built and checked.

    make benchmark            # 1,000 items
    .venv/bin/python tests/benchmark.py --items 5000

Prints figures only; no test asserts timings (they depend on the machine).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("Jugendamt Familien Kinder Jugendliche Beratung Kita Schutz Hilfe Ausschuss "
         "Haushalt Förderung Fachkräfte Beteiligung Stadt Angebot Eltern Schule").split()
PARAGRAPH = " ".join(WORDS * 4) + "."


def write_items(content: Path, count: int, topics: list[str]) -> None:
    rng = random.Random(42)
    start = datetime(2020, 1, 1, 9, 0)
    for number in range(count):
        notice = number % 4 == 0
        folder = "ausschussmitteilungen" if notice else "pressemitteilungen"
        date = start + timedelta(hours=7 * number)
        header = [f"Title: Meldung {number} über {rng.choice(WORDS)} und {rng.choice(WORDS)}",
                  f"Date: {date:%Y-%m-%d %H:%M}",
                  f"Tags: {', '.join(rng.sample(topics, 2))}",
                  f"Summary: Kurzfassung der Meldung {number}."]
        if notice:
            meeting = date + timedelta(days=14)
            header += ["Committee: Jugendhilfeausschuss", f"Meeting: {meeting:%Y-%m-%d}"]
        path = content / folder / f"{date:%Y}" / f"meldung-{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join([f"## Abschnitt {i}\n\n{PARAGRAPH}" for i in range(3)])
        path.write_text("\n".join(header) + "\n\n" + body + "\n", encoding="utf-8")


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1000)
    count = parser.parse_args().items
    with tempfile.TemporaryDirectory() as scratch:
        content = Path(scratch) / "content"
        shutil.copytree(ROOT / "content" / "pages", content / "pages")
        shutil.copy(ROOT / "content" / "topics.toml", content / "topics.toml")
        import tomllib

        topics = list(tomllib.loads((content / "topics.toml").read_text("utf-8")))
        write_items(content, count, topics)
        pelican = [sys.executable, "-m", "pelican", str(content), "-o", str(Path(scratch) / "out")]
        build = timed([*pelican, "-s", str(ROOT / "publishconf.py")])
        pages = sum(1 for _ in (Path(scratch) / "out").rglob("*.html"))
        check = timed([sys.executable, "-m", "invoke", "check", "--content", str(content)])
    print(f"items: {count}")
    print(f"production build (pelican, incl. feeds, search index, sitemap): {build:.1f} s "
          f"for {pages} HTML pages")
    print(f"make check: {check:.1f} s")


if __name__ == "__main__":
    main()
