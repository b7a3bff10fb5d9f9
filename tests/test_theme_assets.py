"""theme_assets: every page links the theme's files under names that carry their content
hash, as the web server's `immutable` rule expects; real builds, real files."""

import hashlib
import re
import shutil

import pytest
from support import ROOT, SITE, build, run_pelican, soup
from theme_assets.assets import hashed_name

import pelicanconf

THEME = ROOT / "theme"
THEME_FILES = {p.relative_to(THEME / "static").as_posix(): p
               for p in (THEME / "static").rglob("*") if p.is_file()}
# The nginx configuration's rule for files served `Cache-Control: immutable`.
IMMUTABLE = re.compile(r"^/theme/.+\.[0-9a-f]{10}\.[a-z0-9]+$")
DIGEST = re.compile(r"\.([0-9a-f]{10})(\.[a-z0-9]+)$")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")


def sha10(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


def theme_addresses(file, site_url: str = "") -> list[str]:
    """The stylesheets, icons and scripts of a page that point into /theme/, as site paths."""
    elements = soup(file).select('link[rel~="stylesheet"], link[rel~="icon"], script[src]')
    addresses = [(e.get("href") or e.get("src")).removeprefix(site_url) for e in elements]
    return [a for a in addresses if a.startswith("/theme/")]


def unhashed(address: str) -> str:
    """`/theme/css/site.0123456789.css` -> `css/site.css`."""
    return DIGEST.sub(r"\2", address.removeprefix("/theme/"))


def linked(output, rel: str) -> str:
    return soup(output / "index.html").select_one(f'link[rel~="{rel}"]')["href"]


@pytest.mark.parametrize("built, site_url", [("site_output", ""),
                                             ("published_output", pelicanconf.PUBLIC_SITEURL)])
def test_every_page_links_theme_files_by_the_hash_of_their_published_bytes(
        request, built, site_url):
    output = request.getfixturevalue(built)
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 20
    seen = set()
    for file in pages:
        addresses = theme_addresses(file, site_url)
        assert len(addresses) >= 2, f"{file}: stylesheet and icon from the theme"
        for address in addresses:
            assert IMMUTABLE.match(address), (file, address)
            published = (output / address.removeprefix("/")).read_bytes()
            assert DIGEST.search(address)[1] == sha10(published), (file, address)
            assert published == THEME_FILES[unhashed(address)].read_bytes(), address
        seen.update(unhashed(a) for a in addresses)
    assert seen == THEME_FILES.keys(), "every theme file is linked by its hashed name"


def test_the_unhashed_copies_stay_next_to_the_hashed_ones(site_output):
    for name, source in THEME_FILES.items():
        folder = (site_output / "theme" / name).parent
        assert (site_output / "theme" / name).read_bytes() == source.read_bytes(), name
        stem, suffix = source.stem, source.suffix
        copies = [f.name for f in folder.glob(f"{stem}.*{suffix}") if DIGEST.search(f.name)]
        assert copies == [f"{stem}.{sha10(source.read_bytes())}{suffix}"], name


def test_new_bytes_get_a_new_name_and_relative_references_still_resolve(tmp_path, site_output):
    theme = shutil.copytree(THEME, tmp_path / "theme")
    css = theme / "static/css/site.css"
    css.write_text(css.read_text("utf-8") + ".marker { background: url(../img/favicon.svg); }\n",
                   encoding="utf-8")
    (theme / "static/css/.DS_Store").write_bytes(b"\0\0\0\1Bud1")  # IGNORE_FILES
    output = build(SITE, tmp_path / "output", THEME=str(theme))

    stylesheet = linked(output, "stylesheet")
    assert stylesheet != linked(site_output, "stylesheet")
    assert DIGEST.search(stylesheet)[1] == sha10(css.read_bytes())
    assert linked(output, "icon") == linked(site_output, "icon"), "same bytes, same name"
    hashed_css = output / stylesheet.removeprefix("/")
    references = CSS_URL.findall(hashed_css.read_text("utf-8"))
    assert references == ["../img/favicon.svg"]
    assert all((hashed_css.parent / r).is_file() for r in references)
    assert not [f for f in (output / "theme").rglob("*") if f.name.startswith(".DS_Store")]


@pytest.mark.parametrize("template, asset", [("base.html", "img/favicon.svg"),
                                             ("search.html", "js/search.js")])
def test_an_unknown_theme_file_stops_the_build_at_its_template_line(tmp_path, template, asset):
    theme = shutil.copytree(THEME, tmp_path / "theme")
    file = theme / "templates" / template
    text = file.read_text("utf-8")
    broken = text.replace(f"theme_asset('{asset}')", "theme_asset('gibt/es-nicht.css')")
    assert broken != text
    file.write_text(broken, encoding="utf-8")
    line = next(n for n, ln in enumerate(broken.splitlines(), 1) if "gibt/es-nicht" in ln)
    output = tmp_path / "output"

    result = run_pelican(str(SITE), "-s", "pelicanconf.py", "-o", str(output), "-t", str(theme))

    assert result.returncode == 1
    assert f"{file}:{line}: theme_asset(„gibt/es-nicht.css“)" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "Prüfen Sie Kopf und Text" not in result.stderr, "not a problem of a content file"
    assert not output.exists(), "nothing published"


def test_only_the_last_suffix_follows_the_hash():
    data = b"console.log(1);\n"
    assert hashed_name("js/vendor/x.min.js", data) == f"js/vendor/x.min.{sha10(data)}.js"
