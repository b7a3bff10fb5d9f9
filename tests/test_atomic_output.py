"""Output folders: every build is a new release that the output symlink is switched to in
one step; failed builds change nothing; builds to one folder wait for each other; preview
and production never share a folder; rollback and pruning."""

import fcntl
import hashlib
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest
from atomic_output.releases import OutputFolderError, Releases
from browser import serve
from content_model.problems import ContentError
from support import ROOT, SITE, build, copy_site, run_pelican

RELEASE = re.compile(r"^\d{8}-\d{6}-\d{6}-(preview|production|unknown)$")
NO_SEARCH = {"SEARCH": {"enabled": False}}  # where the search index is beside the point


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def releases_of(output):
    """The release folders next to `output`, oldest first (names sort by build time)."""
    folder = output.parent / f".{output.name}.releases"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def live(output):
    """The release folder the output symlink points to."""
    target = os.readlink(output)
    assert target == f".{output.name}.releases/{os.path.basename(target)}", target
    return os.path.basename(target)


def state(tmp_path, output):
    """Everything a build may change: the listing, the link, every release's files."""
    folder = output.parent / f".{output.name}.releases"
    return (sorted(p.name for p in tmp_path.iterdir()), os.readlink(output),
            {name: snapshot(folder / name) for name in releases_of(output)})


def invoke(*args):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_the_output_is_a_symlink_to_a_complete_release(tmp_path):
    output = build(SITE, tmp_path / "output", conf="publishconf.py")
    assert output.is_symlink() and (output / "index.html").is_file()
    assert (output / "pagefind/pagefind.js").is_file()  # written on `finalized`, before the switch
    assert RELEASE.match(live(output)) and live(output).endswith("-production")
    assert releases_of(output) == [live(output)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.releases", "output"]
    # the mode is recorded outside the published site
    assert not any("production" in path for path in snapshot(output))


def test_the_output_folder_may_be_in_a_folder_that_does_not_exist_yet(tmp_path):
    output = build(SITE, tmp_path / "neu/site/output", **NO_SEARCH)
    assert (output / "index.html").is_file()
    assert sorted(p.name for p in output.parent.iterdir()) == [".output.releases", "output"]


def test_a_failed_build_leaves_the_previous_output_exactly_as_it_was(tmp_path):
    output = build(SITE, tmp_path / "output", conf="publishconf.py")
    content = copy_site(tmp_path / "content", "pressemitteilungen/unknown_topic.md")
    before = state(tmp_path, output)
    assert "index.html" in before[2][live(output)]
    with pytest.raises(ContentError):
        build(content, output, conf="publishconf.py")
    assert state(tmp_path, output) == before  # no staging folder left, no lock file
    # the failed in-process build released its lock: a build that may not wait goes through
    build(SITE, output, conf="publishconf.py", ATOMIC_OUTPUT={"lock_timeout": 0}, **NO_SEARCH)
    assert len(releases_of(output)) == 2


def test_a_first_build_that_fails_leaves_nothing_behind(tmp_path):
    content = copy_site(tmp_path / "content", "pressemitteilungen/unknown_topic.md")
    with pytest.raises(ContentError):
        build(content, tmp_path / "output", conf="publishconf.py")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_a_half_written_release_is_removed_by_the_next_build(tmp_path):
    output = build(SITE, tmp_path / "output", **NO_SEARCH)
    first = live(output)
    # what a build killed while writing leaves behind (a crashed process cannot clean up)
    staging = Releases(output).start("preview")
    (staging / "index.html").write_text("halb geschrieben")
    assert staging.name.endswith(".im-bau") and (output / "index.html").read_text() != (
        "halb geschrieben")
    build(SITE, output, **NO_SEARCH)
    assert releases_of(output) == [first, live(output)]
    assert not staging.exists()


def test_a_successful_build_replaces_the_output_without_stale_files(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "stale.html").write_text("old")
    build(SITE, output)
    assert not (output / "stale.html").exists()
    assert (output / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.releases", "output"]


@pytest.mark.parametrize("atomic_exchange", [True, False], ids=["renameat2", "two renames"])
def test_a_plain_output_folder_becomes_the_oldest_release(tmp_path, monkeypatch,
                                                          atomic_exchange):
    """The first build after the switch to releases keeps the old site for a rollback."""
    output = tmp_path / "output"
    (output / "alt").mkdir(parents=True)
    (output / "index.html").write_text("die alte Website")
    (output / "alt/seite.html").write_bytes(b"\x00\x01 alt")
    old = snapshot(output)
    if not atomic_exchange:
        monkeypatch.setattr("atomic_output.releases.exchange", lambda first, second: False)
    build(SITE, output, conf="publishconf.py", **NO_SEARCH)
    migrated, new = releases_of(output)
    assert migrated.endswith("-unknown") and new == live(output)
    assert snapshot(tmp_path / ".output.releases" / migrated) == old
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.releases", "output"]
    result = invoke("rollback", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert snapshot(output) == old


def test_readers_never_see_a_missing_or_partial_site_during_builds(tmp_path):
    output = build(SITE, tmp_path / "output", **NO_SEARCH)
    failures, reads = [], []
    stop = threading.Event()

    def read_in_a_loop(url):
        while not stop.is_set():
            try:
                text = (output / "pressemitteilungen/index.html").read_text(encoding="utf-8")
                with urllib.request.urlopen(url + "/pressemitteilungen/", timeout=10) as answer:
                    served = answer.read().decode("utf-8")
            except (OSError, urllib.error.URLError) as error:
                failures.append(repr(error))
                continue
            if not (text.rstrip().endswith("</html>") and served.rstrip().endswith("</html>")):
                failures.append("incomplete page")
            reads.append(1)

    with serve(output) as url:  # http.server with the symlink as its directory, like nginx
        reader = threading.Thread(target=read_in_a_loop, args=(url,))
        reader.start()
        try:
            for _ in range(4):
                build(SITE, output, **NO_SEARCH)
        finally:
            stop.set()
            reader.join()
    assert failures == []
    assert len(reads) > 0
    assert len(releases_of(output)) == 2  # ATOMIC_OUTPUT keep in pelicanconf.py


class SiteWatch:
    """An audit hook: before each rename, removal or new symlink of the process, the site
    must be there. Checked between every two such steps, so a switch in several steps (a
    moment without a site) is caught however short that moment is."""

    EVENTS = {"os.rename", "os.remove", "os.rmdir", "os.symlink", "shutil.rmtree"}

    def __init__(self):
        self.output, self.steps, self.missing = None, 0, []

    def __call__(self, event, args):
        if self.output is not None and event in self.EVENTS:
            self.steps += 1
            if not (self.output / "index.html").is_file():
                self.missing.append((event, args))


@pytest.fixture(scope="session")
def site_watch():
    watch = SiteWatch()
    sys.addaudithook(watch)  # cannot be removed; inactive while `output` is None
    return watch


@pytest.mark.parametrize("plain_folder", [False, True], ids=["release", "plain folder"])
def test_no_step_of_a_build_leaves_the_output_without_a_site(tmp_path, site_watch,
                                                             plain_folder):
    output = tmp_path / "output"
    if plain_folder:  # built before releases existed
        output.mkdir()
        (output / "index.html").write_text("die alte Website")
    else:
        build(SITE, output, **NO_SEARCH)
    site_watch.output, site_watch.missing = output, []
    try:
        build(SITE, output, **NO_SEARCH)
        build(SITE, output, **NO_SEARCH)
        build(SITE, output, **NO_SEARCH)  # the third one also prunes (keep 2)
    finally:
        site_watch.output = None
    assert site_watch.missing == []
    assert site_watch.steps >= 6  # the steps were watched: staging, rename, link, replace …
    assert (output / "index.html").is_file() and output.is_symlink()


def test_only_the_newest_releases_are_kept(tmp_path):
    output = tmp_path / "output"
    built = []
    for _ in range(4):
        build(SITE, output, ATOMIC_OUTPUT={"keep": 3}, **NO_SEARCH)
        built.append(live(output))
    assert built == sorted(set(built))  # every build a new release, names in build order
    assert releases_of(output) == built[-3:]
    assert live(output) == built[-1]


def test_rollback_goes_back_one_release_at_a_time_and_says_which(tmp_path):
    output = tmp_path / "output"
    built = []
    for name in ("Erster Stand", "Zweiter Stand", "Dritter Stand"):
        build(SITE, output, conf="publishconf.py", SITENAME=name, **NO_SEARCH)
        built.append(live(output))
    listing = invoke("releases", "--output", str(output))
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()[1:]
    assert [line.rsplit("/", 1)[1].rstrip(")") for line in lines] == built[::-1]
    assert lines[0].startswith("  jetzt online → ") and "Produktion" in lines[0]

    result = invoke("rollback", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert live(output) == built[1] and "Zweiter Stand" in (output / "index.html").read_text()
    assert "zeigt jetzt wieder auf den Build vom " in result.stdout and built[1] in result.stdout
    assert invoke("rollback", "--output", str(output)).returncode == 0
    assert live(output) == built[0]

    before = state(tmp_path, output)
    result = invoke("rollback", "--output", str(output))
    assert result.returncode == 1
    assert "gibt es keinen älteren" in result.stderr and "Traceback" not in result.stderr
    assert state(tmp_path, output) == before


@pytest.mark.parametrize(("first", "second", "message"), [
    ("publishconf.py", "pelicanconf.py", "enthält den Produktions-Build"),
    ("pelicanconf.py", "publishconf.py", "enthält Vorschau-Builds"),
])
def test_preview_and_production_never_share_an_output_folder(tmp_path, first, second, message):
    output = tmp_path / "output"
    done = run_pelican(str(SITE), "-s", str(ROOT / first), "-o", str(output))
    assert done.returncode == 0, done.stderr
    before = state(tmp_path, output)
    refused = run_pelican(str(SITE), "-s", str(ROOT / second), "-o", str(output))
    assert refused.returncode == 1
    assert message in refused.stderr and "Es wurde nichts verändert." in refused.stderr
    assert "Traceback" not in refused.stdout + refused.stderr
    assert state(tmp_path, output) == before


def test_preview_and_production_go_to_different_folders_by_default():
    from pelican.settings import read_settings

    preview = read_settings(str(ROOT / "pelicanconf.py"))
    production = read_settings(str(ROOT / "publishconf.py"))
    assert (preview["PUBLICATION"]["mode"], preview["OUTPUT_PATH"]) == (
        "preview", str(ROOT / "preview"))
    assert (production["PUBLICATION"]["mode"], production["OUTPUT_PATH"]) == (
        "production", str(ROOT / "output"))


def hold_lock(output):
    """Take the build lock of `output` as a running build would."""
    handle = open(output.parent / f".{output.name}.lock", "w")  # noqa: SIM115
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle


def test_a_build_that_cannot_get_the_lock_in_time_changes_nothing(tmp_path):
    output = build(SITE, tmp_path / "output", **NO_SEARCH)
    lock = hold_lock(output)
    before = state(tmp_path, output)
    try:
        with pytest.raises(OutputFolderError, match="Ein anderer Build .* schreibt seit über 0 "):
            build(SITE, output, ATOMIC_OUTPUT={"lock_timeout": 0}, **NO_SEARCH)
        assert state(tmp_path, output) == before
    finally:
        lock.close()


def wait_until_written(path, text, process):
    """Until `process` has written `text` to `path` (a guard against hanging, not a timing)."""
    deadline = time.monotonic() + 120
    while text not in path.read_text(encoding="utf-8"):
        assert process.poll() is None, path.read_text(encoding="utf-8")
        assert time.monotonic() < deadline, path.read_text(encoding="utf-8")
        time.sleep(0.1)


def test_two_builds_to_one_folder_run_one_after_the_other(tmp_path):
    output = tmp_path / "output"
    lock = hold_lock(output)  # both builds start while a third one writes
    command = [sys.executable, "-m", "pelican", str(SITE), "-s", str(ROOT / "publishconf.py"),
               "-o", str(output)]
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    processes = []
    for log in logs:
        with open(log, "w") as stream:
            processes.append(subprocess.Popen(command, cwd=ROOT, stdout=stream, stderr=stream))
    try:
        for log, process in zip(logs, processes, strict=True):
            wait_until_written(log, "Ein anderer Build", process)
    finally:
        os.unlink(lock.name)
        lock.close()
    assert [p.wait(timeout=300) for p in processes] == [0, 0], [
        log.read_text() for log in logs]
    first, second = releases_of(output)
    assert live(output) == second
    folder = tmp_path / ".output.releases"
    files = [set(snapshot(folder / release)) for release in (first, second)]
    pages = [{f for f in release if not f.startswith("pagefind/")} for release in files]
    assert pages[0] == pages[1] and "index.html" in pages[0]  # (the index has hashed names)
    for release in files:
        assert {"pagefind/pagefind.js", "pagefind/pagefind-entry.json"} <= release
    # the second build wrote nothing before the first one had finished writing
    assert written_times(folder / first)[-1] <= written_times(folder / second)[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".output.releases", "first.log", "output", "second.log"]


def written_times(release):
    """Modification times of the files a build writes itself (static files keep theirs)."""
    return sorted(p.stat().st_mtime_ns for p in release.rglob("*")
                  if p.is_file() and (p.suffix == ".html" or "pagefind" in p.parts))


def test_an_output_path_that_is_not_ours_is_left_alone(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "output").symlink_to(elsewhere)
    with pytest.raises(OutputFolderError, match="weder ein Ordner noch ein Verweis"):
        build(SITE, tmp_path / "output", **NO_SEARCH)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "output"]
    assert os.readlink(tmp_path / "output") == str(elsewhere)


@pytest.mark.parametrize("setting", [{"keep": 0}, {"lock_timeout": "lang"}])
def test_invalid_settings_stop_the_build_before_anything_is_written(tmp_path, setting):
    with pytest.raises(OutputFolderError, match="ATOMIC_OUTPUT"):
        build(SITE, tmp_path / "output", ATOMIC_OUTPUT=setting)
    assert list(tmp_path.iterdir()) == []


def test_the_makefile_passes_content_and_output_through():
    targets = {
        "publish": 'invoke publish --content "x/inhalt" --output "x/site"',
        "build": 'invoke build --content "x/inhalt" --output "x/site"',
        "serve": 'invoke serve --content "x/inhalt" --port "8123" --output "x/site"',
        "check": 'invoke check --content "x/inhalt"',
        "rollback": 'invoke rollback --output "x/site"',
        "releases": 'invoke releases --output "x/site"',
    }
    for target, expected in targets.items():
        dry_run = subprocess.run(
            ["make", "-n", target, "CONTENT=x/inhalt", "OUTPUT=x/site",
             "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True)
        assert expected in dry_run.stdout, dry_run.stdout


def test_publish_and_build_tasks_write_where_they_are_told(tmp_path):
    content = copy_site(tmp_path / "content")
    published = invoke("publish", "--content", str(content), "--output", str(tmp_path / "site"))
    assert published.returncode == 0, published.stderr
    assert live(tmp_path / "site").endswith("-production")
    previewed = invoke("build", "--content", str(content), "--output", str(tmp_path / "vorschau"))
    assert previewed.returncode == 0, previewed.stderr
    assert live(tmp_path / "vorschau").endswith("-preview")
