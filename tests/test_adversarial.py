"""Hostile content (tests/content/hostile, one Markdown item per attack vector) either
fails the build naming its file, or builds to pages that, loaded in Chromium, open no
dialog, request nothing from another origin, and whose DOM carries no event handler,
no javascript:/data:/vbscript: URL, no inline script, no frame, object, embed, <base>
or meta refresh.

Vectors from the issue, the OWASP XSS filter evasion cheat sheet, html5sec.org and
DOMPurify's test vectors, written as Markdown; the file name says which case it is.
A control test builds the same vectors without the HTML policy and shows that the
harness really sees them (the tests can fail).
"""

import shutil
from pathlib import Path

import pytest
from browser import serve
from content_model.problems import ContentError
from content_model.slugs import german_slug
from support import FIXTURES, build, copy_site

HOSTILE = FIXTURES / "hostile"
VECTORS = sorted(p.stem for p in HOSTILE.glob("*.md"))
# Constructs that are text, not markup, once rendered: they must build and be harmless.
# (Attribute lists `{: … }` are plain text: the attr_list extension is off.)
HARMLESS = {"link_title_quote_breakout", "image_alt_quote_breakout", "escaped_html_is_text",
            "code_span_with_script", "fenced_code_with_html", "attribute_list_onclick",
            "attribute_list_on_link", "unclosed_attribute_swallows_page"}
NO_SEARCH = {"SEARCH": {"enabled": False}}
PRODUCTION = "https://jugendamt.musterstadt.example/"

# Runs in the page: every element and attribute that could run script or navigate to a
# script URL, written for the browser's own DOM (after its parser and any mutation).
DOM_VIOLATIONS = """() => {
  const found = [];
  const scheme = (v) => v.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName;
    if (["iframe", "frame", "object", "embed", "base", "applet"].includes(tag)) found.push(tag);
    if (tag === "meta" && (el.getAttribute("http-equiv") || "").toLowerCase() === "refresh")
      found.push("meta refresh");
    const dataBlock = el.type === "application/ld+json" && el.parentElement === document.head;
    if (tag === "script" && !dataBlock && !(el.src && new URL(el.src).origin === location.origin))
      found.push("inline or foreign script");
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith("on")) found.push(`${tag}[${attr.name}]`);
      const value = scheme(attr.value);
      if (/^(javascript|vbscript|data):/.test(value)) found.push(`${tag}[${attr.name}]=${value}`);
    }
  }
  return found;
}"""


def item_path(name: str) -> str:
    return f"/pressemitteilungen/2025/{german_slug('Angriff ' + name.replace('_', ' '))}/"


def site_with_vectors(target: Path, *names: str) -> Path:
    content = copy_site(target)
    for name in names:
        shutil.copy(HOSTILE / f"{name}.md", content / "pressemitteilungen" / f"{name}.md")
    return content


def visit(browser, url: str, origin: str) -> list[str]:
    """Everything harmful that happens when Chromium loads `url` (its CSP switched off,
    so that only the page's content is judged)."""
    context = browser.new_context(bypass_csp=True, device_scale_factor=2)  # srcset 2x too
    page = context.new_page()
    events: list[str] = []
    page.on("dialog", lambda dialog: (events.append(f"dialog {dialog.message}"),
                                      dialog.dismiss()))

    def route(request_route):
        url = request_route.request.url
        if url.startswith(origin):
            return request_route.continue_()
        if not url.startswith(PRODUCTION):  # the built pages' own (production) address
            events.append(f"request {url}")
        return request_route.abort()

    context.route("**/*", route)
    try:
        page.goto(url)
        page.wait_for_timeout(150)
        page.evaluate("""() => { for (const el of document.querySelectorAll("main *"))
            el.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})); }""")
        events += page.evaluate(DOM_VIOLATIONS)
    finally:
        context.close()
    return events


@pytest.mark.parametrize("name", VECTORS)
def test_each_vector_fails_the_build_naming_its_file_or_is_harmless(tmp_path, browser, name):
    content = site_with_vectors(tmp_path / "content", name)
    output = tmp_path / "output"
    try:
        build(content, output, conf="publishconf.py", **NO_SEARCH)
    except ContentError as error:
        assert name not in HARMLESS, [str(p) for p in error.problems]
        assert {Path(p.path).name for p in error.problems} == {f"{name}.md"}
        assert all(p.line >= 1 for p in error.problems)
        assert not output.exists(), "nothing goes live"
        return
    assert name in HARMLESS, f"{name} built without a problem"
    with serve(output) as origin:
        for path in (item_path(name), "/", "/pressemitteilungen/", "/themen/ki/"):
            assert visit(browser, origin + path, origin) == [], path


def test_harmless_vectors_show_their_text_literally(tmp_path, browser):
    content = site_with_vectors(tmp_path / "content", "escaped_html_is_text",
                                "code_span_with_script")
    output = build(content, tmp_path / "output", conf="publishconf.py", **NO_SEARCH)
    with serve(output) as origin:
        page = browser.new_page()
        page.goto(origin + item_path("escaped_html_is_text"))
        assert "<script>alert(1)</script> ist nur Text." in page.inner_text("main")
        page.goto(origin + item_path("code_span_with_script"))
        assert "<img src=x onerror=alert(1)>" in page.inner_text("main code >> nth=1")
        page.close()


# Vectors whose harm a browser does not show as script, a foreign request or a script
# URL: what they leak or spoof is checked by the HTML policy's own tests.
NOT_VISIBLE_IN_THE_BROWSER = {
    "internal_note_in_comment",  # a leak in the page source, no script
    "data_pagefind_spoof",  # spoofs the search index
    "form_action",  # sends data elsewhere only when submitted
    "markdown_in_html_block",  # without md_in_html the Markdown link stays text
    "plaintext_swallows_page",  # hides the rest of the page
    "template_element",  # inert until a script uses it
    "xmp_mutation",  # raw text
    "email_autolink_lookalike_tag",  # Python-Markdown makes it an (odd) e-mail link
    "math_mutation_xss",  # harmful only after a sanitiser re-serialises it
}


def test_control_without_the_html_policy_the_browser_sees_the_attacks(tmp_path, browser):
    """Each vector's Markdown, rendered by the site's Markdown configuration and put into a
    built item page in place of its text, as the site would publish it without the HTML
    policy: the harness sees each attack, so the suite above can fail."""
    import markdown
    from support import ROOT, get_settings

    config = get_settings(tmp_path, tmp_path, "publishconf.py")["MARKDOWN"]
    output = build(site_with_vectors(tmp_path / "content", "escaped_html_is_text"),
                   tmp_path / "output", conf="publishconf.py", **NO_SEARCH)
    template = (output / item_path("escaped_html_is_text").strip("/") / "index.html").read_text()
    placeholder = "<p>&lt;script&gt;alert(1)&lt;/script&gt; ist nur Text.</p>"
    assert placeholder in template and ROOT.is_dir()
    dangerous = [n for n in VECTORS if n not in HARMLESS]
    for name in dangerous:
        body = (HOSTILE / f"{name}.md").read_text(encoding="utf-8").split("\n\n", 1)[1]
        page = output / "control" / name / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(template.replace(placeholder, markdown.Markdown(**config).convert(body)))
    with serve(output) as origin:
        unseen = {name for name in dangerous
                  if not visit(browser, f"{origin}/control/{name}/", origin)}
    assert sorted(unseen) == sorted(NOT_VISIBLE_IN_THE_BROWSER)
