"""Every internal link and asset reference of every built page resolves to a file."""

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup
from support import FIXTURES, build


def target_exists(output: Path, path: str) -> bool:
    relative = unquote(path).lstrip("/")
    candidate = output / relative
    return candidate.is_file() or (candidate / "index.html").is_file()


def broken_links(output: Path) -> list[tuple[str, str]]:
    broken = []
    for file in output.rglob("*.html"):
        document = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for element in document.select("[href], [src]"):
            url = urlparse(element.get("href") or element.get("src"))
            if url.scheme or url.netloc or not url.path.startswith("/"):
                continue  # external, mailto:, or a fragment on the same page
            if not target_exists(output, url.path):
                broken.append((file.relative_to(output).as_posix(), url.path))
    return broken


def test_no_broken_internal_links_in_the_sample_site(sample_output):
    assert broken_links(sample_output) == []


def test_no_broken_internal_links_in_the_preview_of_the_fixture_site(preview_output):
    assert broken_links(preview_output) == []


@pytest.fixture(scope="module")
def other_output(tmp_path_factory):
    """A tree with press releases only: no committee notices at all."""
    return build(FIXTURES / "other_site", tmp_path_factory.mktemp("other") / "output")


def test_a_tree_without_committee_notices_has_no_dead_links(other_output):
    assert broken_links(other_output) == []
    assert not (other_output / "ausschussmitteilungen").exists()
