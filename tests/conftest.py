from pathlib import Path

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, serve
from support import ROOT, SITE, build, site_with_withheld_items


@pytest.fixture(scope="session")
def site_output(tmp_path_factory):
    """The fixture site built once with development settings (dates: 2024–2025)."""
    return build(SITE, tmp_path_factory.mktemp("site") / "output")


@pytest.fixture(scope="session")
def published_output(tmp_path_factory):
    """The fixture site built once with production settings (publishconf.py)."""
    return build(SITE, tmp_path_factory.mktemp("published") / "output", conf="publishconf.py")


@pytest.fixture(scope="session")
def preview_output(tmp_path_factory):
    """A development build of the fixture site plus a draft, a hidden and embargoed items."""
    root = tmp_path_factory.mktemp("preview")
    return build(site_with_withheld_items(root / "content"), root / "output")


@pytest.fixture(scope="session")
def preview_url(preview_output):
    with serve(preview_output) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium (installed by `make test`); never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium fehlt: `make test` installiert es mit apt-get."
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser):
    context = browser.new_context(locale="de-DE")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def sample_output(tmp_path_factory):
    """The project's own content (content/), built as `make build` does."""
    return build(ROOT / "content", tmp_path_factory.mktemp("sample") / "output")


@pytest.fixture(scope="session")
def sample_url(sample_output):
    with serve(sample_output) as url:
        yield url
