"""Editor tooling: `make check`, `make new`, and the live-reloading preview of `make serve`."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from browser import CspViolations
from content_model.scaffold import ScaffoldError, new_item
from content_security_policy.policy import meta_policy
from support import ROOT, copy_site, get_settings

BERLIN = ZoneInfo("Europe/Berlin")


def invoke(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_check_passes_a_good_tree_without_writing_anything(tmp_path):
    content = copy_site(tmp_path / "content")
    result = invoke("check", "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Prüfung abgeschlossen: keine Probleme gefunden" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_check_lists_every_problem_and_fails(tmp_path):
    content = copy_site(tmp_path / "content", "pressemitteilungen/unknown_topic.md",
                        "pressemitteilungen/misspelled_field_name.md")
    result = invoke("check", "--content", str(content))
    assert result.returncode == 1
    assert f"{content}/pressemitteilungen/misspelled_field_name.md:5: Unbekanntes Feld" in (
        result.stderr)
    assert f"{content}/pressemitteilungen/unknown_topic.md:3: Das Thema" in result.stderr
    assert "2 Probleme in den Inhalten" in result.stderr


NOW = datetime(2026, 3, 14, 9, 5, tzinfo=BERLIN)


@pytest.mark.parametrize(("type_key", "folder", "fields"), [
    ("pressemitteilung", "pressemitteilungen", ["Title", "Date", "Tags", "Summary", "Status"]),
    ("ausschussmitteilung", "ausschussmitteilungen",
     ["Title", "Date", "Tags", "Summary", "Status", "Committee", "Meeting"]),
])
def test_new_creates_a_draft_with_the_fields_of_its_type(tmp_path, type_key, folder, fields):
    path = new_item(type_key, "Größere Zuschüsse für Familien", tmp_path, NOW, "Musterstadt")
    assert path == tmp_path / folder / "2026/groessere-zuschuesse-fuer-familien.md"
    header, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    names = [line.split(":", 1)[0] for line in header.splitlines()]
    assert names == fields
    assert "Title: Größere Zuschüsse für Familien" in header
    assert "\nDate:\n" in header, "the editor sets the release time; nothing is backdated"
    assert "Status: draft" in header
    assert "**Musterstadt, 14. März 2026.**" in body


def test_new_refuses_unknown_types_and_existing_files(tmp_path):
    with pytest.raises(ScaffoldError, match="Unbekannter TYPE „presse“"):
        new_item("presse", "Titel", tmp_path, NOW, "Musterstadt")
    new_item("pressemitteilung", "Titel", tmp_path, NOW, "Musterstadt")
    with pytest.raises(ScaffoldError, match="gibt es schon"):
        new_item("pressemitteilung", "Titel", tmp_path, NOW, "Musterstadt")


def test_a_new_file_fails_the_check_naming_exactly_what_to_fill_in(tmp_path):
    content = copy_site(tmp_path / "content")
    path = new_item("ausschussmitteilung", "Neue Mitteilung", content, NOW, "Musterstadt")
    result = invoke("check", "--content", str(content))
    reported = [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in result.stderr.splitlines()
                if line.startswith(str(path))]
    assert reported == ["2", "3", "4", "7"]  # Date, Tags, Summary, Meeting
    assert "Themen: Kinderschutz, KI, Finanzierung, Frühe Hilfen, Digitalisierung" in result.stderr


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer")


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PREVIEW_POLICY = meta_policy(get_settings(ROOT / "content", ROOT / "output"))


def preview_scripts(tab) -> list[str]:
    """The page's scripts (their src; "inline" for inline ones) after checking that the
    page carries the site's policy once. JSON-LD blocks in the head are data, never run
    (plugins/structured_data; tests/test_structured_data.py checks them)."""
    policies = tab.locator('meta[http-equiv="Content-Security-Policy"]').evaluate_all(
        "metas => metas.map(m => m.content)")
    assert policies == [PREVIEW_POLICY]
    return tab.locator('script:not(head > script[type="application/ld+json"])').evaluate_all(
        "scripts => scripts.map(s => s.getAttribute('src') ?? 'inline')")


def test_serve_rebuilds_on_save_and_reloads_the_browser(tmp_path, tab):
    content = copy_site(tmp_path / "content")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve", "--port", str(port), "--content", str(content),
         "--output", str(tmp_path / "output")],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/pressemitteilungen/2025/kurze-adresse/"
        wait_for(url)
        violations = CspViolations(tab)
        first_release = os.readlink(tmp_path / "output")  # livereload serves the symlink
        with tab.expect_websocket() as websocket:
            tab.goto(url)
        assert websocket.value.url == f"ws://127.0.0.1:{port}/livereload"
        heading = tab.locator("h1")
        assert heading.inner_text() == "Ein sehr langer Titel, der nicht die Adresse bestimmt"
        assert preview_scripts(tab) == [f"/livereload.js?port={port}"]
        source = next(content.rglob("press_release_with_explicit_slug_and_attachment.md"))
        source.write_text(source.read_text(encoding="utf-8").replace(
            "Ein sehr langer Titel", "Frisch gespeicherter Titel"), encoding="utf-8")
        heading.filter(has_text="Frisch gespeicherter Titel").wait_for(timeout=30_000)
        assert os.readlink(tmp_path / "output") != first_release  # seen after the switch
        # A problem shows in the browser, with file and line; fixing it brings the page back.
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("Tags: KI", "Tags: KJ"), encoding="utf-8")
        heading.filter(has_text="Die Vorschau kann nicht aktualisiert werden").wait_for(
            timeout=30_000)
        assert f"{source.name}:5: Das Thema „KJ“ ist unbekannt. Meinten Sie „KI“?" in (
            tab.locator("main").inner_text())
        assert preview_scripts(tab) == [f"/livereload.js?port={port}"]
        source.write_text(text, encoding="utf-8")
        heading.filter(has_text="Frisch gespeicherter Titel").wait_for(timeout=30_000)
        # Live reload works under the site's Content-Security-Policy, without inline script.
        assert violations.all == []
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def test_make_new_takes_a_title_with_quotes_and_backticks_as_text(tmp_path):
    content = copy_site(tmp_path / "content")
    title = 'Er sagte "Hallo" und `date` & mehr'
    result = subprocess.run(["make", "-s", "new", "TYPE=pressemitteilung", f"TITLE={title}",
                             f"CONTENT={content}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    created = next(content.glob("pressemitteilungen/*/er-sagte-hallo-und-date-und-mehr.md"))
    assert created.read_text(encoding="utf-8").splitlines()[0] == f"Title: {title}"
