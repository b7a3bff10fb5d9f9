"""Property-based: whatever mix of Markdown and HTML fragments the HTML policy accepts,
rendered by the site's own Markdown configuration, carries no script, no event handler,
no script URL and no foreign resource — judged by two parsers the policy does not use
(html5lib, and Chromium's own parser with the page's CSP off)."""

import re

import markdown
import pytest
from bs4 import BeautifulSoup
from content_model.addresses import SiteAddresses
from html_policy.checker import check_html
from html_policy.second_opinion import second_opinion_findings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT, get_settings

SITE = "https://jugendamt.musterstadt.example"
PAGE_URL = f"{SITE}/pressemitteilungen/2025/meldung/"
ADDRESSES = SiteAddresses.from_settings(SITE, SITE)
MARKDOWN = get_settings(ROOT / "content", ROOT / "output", "publishconf.py")["MARKDOWN"]

PIECES = [
    # plain text and Markdown syntax
    "Text ", "x", " ", "\n", "\n\n", "**", "_", "`", "```", "~~~", "# ", "## ", "> ", "* ",
    "1. ", "| a | b |\n|:-|-:|\n| ", " |", "[", "]", "(", ")", "![", "[Link](", "[^1]",
    "\n\n[^1]: ", "[r]", "\n\n[r]: ", "{: ", " }", "*[SGB]: Sozialgesetzbuch", "<http://x.de>",
    "<mail@example.org>", "\\", "    ",
    # URLs, plain and disguised
    "https://example.org/", "/images/netzwerk.svg", "../x/", "#fn-1", "mailto:a@b.de",
    "tel:+491234", "javascript:alert(1)", "java&#9;script:", "jav&#x0A;ascript:", "&Tab;",
    "JaVaScRiPt:", "&#106;avascript:", " javascript:", "vbscript:", "data:text/html,x",
    "data:image/png;base64,AA", "//evil.example/p.gif", "/\\evil.example/p.gif",
    "https://evil.example/p.gif",
    # markup
    "<", ">", "</", "\"", "'", "=", "&", "&lt;", "&#60;", "<p>", "</p>", "<b>", "</b>",
    "<div>", "</div>", '<div markdown="1">', "<span>", "</span>", "<a href=\"", "<a href=",
    "\">", "</a>", "<img src=\"", "<img src=", " alt=\"Bild\"", "<abbr title=\"", "</abbr>",
    "<table><tr><td>", "</td></tr></table>", "<q cite=\"", "</q>", "<details><summary>",
    " onerror=alert(1)", " onclick=\"alert(1)\"", " ONMOUSEOVER=alert(1)", " style=\"x\"",
    " data-pagefind-meta=\"title:x\"", " srcset=\"", " id=\"inhalt\"", " class=\"x\"",
    " target=\"_blank\"", "<script>", "</script>", "<style>", "</style>", "<svg>", "</svg>",
    "<math>", "<mtext>", "<mglyph>", "<noscript>", "</noscript>", "<template>", "<iframe>",
    "<object>", "<embed>", "<base href=", "<meta http-equiv=refresh content=0>", "<form>",
    "<textarea>", "<xmp>", "<plaintext>", "<!--", "-->", "<!-->", "<![CDATA[", "]]>",
    "<?x ?>", "</div></article></main>", "<body onload=alert(1)>", "<html>",
]
fragments = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join)

DANGEROUS_ELEMENTS = {"script", "style", "iframe", "frame", "object", "embed", "base", "meta",
                      "link", "form", "svg", "math", "template", "noscript", "textarea",
                      "xmp", "plaintext", "video", "audio", "source", "track", "applet"}
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "poster", "data", "srcset"}


def render(source: str) -> str:
    return markdown.Markdown(**MARKDOWN).convert(source)


def accepted(html: str) -> bool:
    return not check_html(html, PAGE_URL, ADDRESSES) and not second_opinion_findings(html)


def _scheme(value: str) -> str:
    """The URL's scheme as a browser reads it (C0 controls and spaces around it, tabs and
    newlines inside it ignored); "" for a relative URL."""
    cleaned = "".join(c for c in value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n"
                                             "\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15"
                                             "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
                      if c not in "\t\n\r")
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def html5lib_violations(html: str) -> list[str]:
    """What html5lib (a parser the policy does not use) finds harmful in the fragment."""
    document = BeautifulSoup(f"<!doctype html><body><div>{html}</div>", "html5lib")
    found = []
    for element in document.body.find_all(True):
        if element.name in DANGEROUS_ELEMENTS:
            found.append(element.name)
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on") or name.lower() == "style":
                found.append(f"{element.name}[{name}]")
            if name in URL_ATTRIBUTES and _scheme(value) not in ("", "http", "https", "mailto",
                                                                  "tel"):
                found.append(f"{element.name}[{name}]={value}")
            if (element.name == "img" and name == "src" and not value.startswith(("/", SITE))
                    and (value.startswith("//") or _scheme(value))):
                found.append(f"foreign image {value}")
    return found


BROWSER_CHECK = """(html) => {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><body><div>${html}</div>`, "text/html");
  const found = [];
  for (const el of doc.body.querySelectorAll("*")) {
    if (["script", "iframe", "frame", "object", "embed", "base", "style", "link", "meta",
         "svg", "math", "template", "form", "noscript"].includes(el.localName))
      found.push(el.localName);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || a.name === "style") found.push(`${el.localName}[${a.name}]`);
      const v = a.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
      if (/^(javascript|vbscript|data):/.test(v)) found.push(`${el.localName}[${a.name}]`);
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def blank_page(browser):
    page = browser.new_page()
    page.goto("about:blank")
    yield page
    page.close()


@given(source=fragments)
@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_whatever_the_policy_accepts_is_harmless(blank_page, source):
    html = render(source)
    if not accepted(html):
        return
    assert html5lib_violations(html) == [], (source, html)
    assert blank_page.evaluate(BROWSER_CHECK, html) == [], (source, html)


def test_the_property_is_not_vacuous():
    """The fragments reach both outcomes: some are accepted, many are rejected."""
    samples = [render(s) for s in ("Text **fett** [Link](https://example.org/)",
                                   "<abbr title=\"x\">SGB</abbr> `<script>`",
                                   "[Link](javascript:alert(1))", "<img src=x onerror=alert(1)>")]
    assert [accepted(h) for h in samples] == [True, True, False, False]
    assert html5lib_violations('<img src="x" onerror="alert(1)">') == ["img[onerror]"]
