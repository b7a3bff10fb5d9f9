"""Build-speed benchmark: a synthetic content tree of N items, built and checked.

Every 10th item attaches a PDF of 2 to 8 pages made by tests/pdfs.py (tagged, with text on
every page), so the build analyses PDFs and writes their text versions; the first build
analyses them all (an empty cache), the second reads the analyses from the cache.

    make benchmark            # 1,000 items
    .venv/bin/python tests/benchmark.py --items 5000

Prints figures only; no test asserts timings (they depend on the machine).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import pdfs
import pypdf

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_EVERY = 10  # every 10th item attaches a PDF
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
        if number % DOCUMENT_EVERY == 0:
            header.append(f"Attachments: {write_document(content, number, date, rng)}")
        path = content / folder / f"{date:%Y}" / f"meldung-{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join([f"## Abschnitt {i}\n\n{PARAGRAPH}" for i in range(3)])
        path.write_text("\n".join(header) + "\n\n" + body + "\n", encoding="utf-8")


def write_document(content: Path, number: int, date: datetime, rng: random.Random) -> str:
    """A PDF of 2 to 8 pages for item `number`; returns its path under the content root."""
    relative = f"files/{date:%Y}/anlage-{number}.pdf"
    words = f"Anlage {number}: {rng.choice(WORDS)} und {rng.choice(WORDS)}"
    (content / relative).parent.mkdir(parents=True, exist_ok=True)
    (content / relative).write_bytes(pdfs.numbered_pages(2 + number % 7, words))
    return relative


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
        out = Path(scratch) / "out"
        cache = json.dumps({"cache": str(Path(scratch) / "pdf-cache")})
        pelican = [sys.executable, "-m", "pelican", str(content), "-o", str(out),
                   "-s", str(ROOT / "publishconf.py"), "-e", f"DOCUMENTS={cache}"]
        build = timed(pelican)
        pages = sum(1 for _ in out.rglob("*.html"))
        documents = sorted((content / "files").rglob("*.pdf"))
        pdf_pages = sum(len(pypdf.PdfReader(d).pages) for d in documents)
        text_versions = sum(1 for _ in (out / "dokumente").rglob("index.html"))
        rebuild = timed(pelican)
        check = timed([sys.executable, "-m", "invoke", "check", "--content", str(content)])
    print(f"items: {count}, documents: {len(documents)} PDFs with {pdf_pages} pages")
    print(f"production build (pelican, incl. PDF analysis, text versions, feeds, search index, "
          f"sitemap): {build:.1f} s for {pages} HTML pages ({text_versions} text versions)")
    print(f"the same build again (PDF analyses from the cache): {rebuild:.1f} s")
    print(f"make check: {check:.1f} s")


if __name__ == "__main__":
    main()
