"""`make check` is the production build without publishing: on every error fixture it
gives the verdict of `make publish`, with the same `path:line: message` lines."""

import re
import subprocess
import sys

import pytest
from support import INVALID, ROOT, copy_site, run_pelican, site_with_withheld_items

PROBLEM_LINE = re.compile(r"^\S.*:\d+: ", re.MULTILINE)


def every_invalid_fixture(root):
    cases = [p.relative_to(INVALID).as_posix() for p in INVALID.rglob("*") if p.is_file()]
    return copy_site(root, *cases)


def link_to_an_embargoed_item(root):
    content = site_with_withheld_items(root)
    case = "pressemitteilungen/links_to_embargoed_item.md"
    (content / case).write_bytes((INVALID / case).read_bytes())
    return content


def link_found_dead_after_writing(root):
    content = copy_site(root)
    (content / "pressemitteilungen/dead_link_in_body.md").write_text(
        "Title: Toter Link\nDate: 2025-01-01\nTags: KI\nSummary: S.\n\n"
        "Siehe [Archiv 1999](/archiv/1999/).\n", encoding="utf-8")
    return content


TREES = {
    "valid": copy_site,
    "withheld items": site_with_withheld_items,
    "every invalid fixture": every_invalid_fixture,
    "link to an embargoed item": link_to_an_embargoed_item,
    "dead link found after writing": link_found_dead_after_writing,
}


def problems(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if PROBLEM_LINE.match(line))


@pytest.mark.parametrize("tree", TREES)
def test_check_gives_the_verdict_of_publish(tmp_path, tree):
    content = TREES[tree](tmp_path / "content")
    check = subprocess.run([sys.executable, "-m", "invoke", "check", "--content", str(content)],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    publish = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                          str(tmp_path / "output"))
    assert check.returncode == publish.returncode == (0 if tree in ("valid", "withheld items")
                                                       else 1), check.stderr + publish.stderr
    assert problems(check.stderr) == problems(publish.stderr)
    assert (problems(check.stderr) == []) is (check.returncode == 0)
    assert "Traceback" not in check.stdout + check.stderr + publish.stdout + publish.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == (
        ["content", "output"] if publish.returncode == 0 else ["content"])


def test_every_invalid_fixture_is_reported(tmp_path):
    """The combined tree above really contains a problem of every fixture file."""
    content = every_invalid_fixture(tmp_path / "content")
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o",
                         str(tmp_path / "output"))
    reported = {line.split(":", 1)[0] for line in problems(result.stderr)}
    expected = {str((content / p.relative_to(INVALID)).relative_to(ROOT))
                if (content / p.relative_to(INVALID)).is_relative_to(ROOT)
                else str(content / p.relative_to(INVALID))
                for p in INVALID.rglob("*") if p.is_file()}
    assert expected <= reported
