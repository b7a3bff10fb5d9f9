import pytest
from support import SITE, build


@pytest.fixture(scope="session")
def site_output(tmp_path_factory):
    """The fixture site built once with development settings (dates: 2024–2025)."""
    return build(SITE, tmp_path_factory.mktemp("site") / "output")


@pytest.fixture(scope="session")
def published_output(tmp_path_factory):
    """The fixture site built once with production settings (publishconf.py)."""
    return build(SITE, tmp_path_factory.mktemp("published") / "output", conf="publishconf.py")
