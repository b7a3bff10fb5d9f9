"""The HTML policy (plugins/html_policy): the final HTML of every item and page, parsed as a
browser parses it, held against one allowlist.

Vectors are written as Markdown and rendered through the project's real Markdown
configuration (pelicanconf.MARKDOWN, set up as Pelican's reader sets it up). html5lib, an
independent HTML5 parser, cross-checks what the checker (Lexbor) accepts.
"""

from __future__ import annotations

import copy

import html5lib
import pytest
from content_model.addresses import SiteAddresses
from content_model.header import parse_header
from content_model.problems import ContentError
from content_model.sourcelines import line_of
from html_policy import allowlist, plugin
from html_policy.checker import check_html
from html_policy.second_opinion import second_opinion_findings, tree_events
from html_policy.urls import Verdict, check_url
from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from selectolax.lexbor import LexborHTMLParser
from support import FIXTURES, ROOT, build, copy_site, run_pelican

CASES = FIXTURES / "html_policy"
REALISTIC = CASES / "pressemitteilungen" / "realistic_markdown_features.md"
HOSTILE = CASES / "pressemitteilungen" / "hostile_vectors.md"
SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
PUBLIC = SETTINGS["PUBLIC_SITEURL"]
PREVIEW = SiteAddresses.from_settings(SETTINGS["SITEURL"], PUBLIC)
PAGE_URL = PREVIEW.page_url("pressemitteilungen/2025/beispiel/")
NO_SEARCH = {"SEARCH": {"enabled": False}}


def render(markdown_text: str) -> str:
    """HTML as the build makes it from Markdown (Pelican's reader adds the extensions)."""
    reader = MarkdownReader(copy.deepcopy(SETTINGS))
    return Markdown(**reader.settings["MARKDOWN"]).convert(markdown_text)


def problems_of(html: str) -> list[str]:
    return [finding.message for finding in check_html(html, PAGE_URL, PREVIEW)]


def body_of(path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    _, body_line = parse_header(lines)
    return "\n".join(lines[body_line - 1:])


# (Markdown, part of the expected message)
SCRIPT = "Das HTML-Element <script> ist im Text nicht erlaubt"
HOSTILE_VECTORS = [
    # From the issue: what the source-level regular expressions let through.
    pytest.param("[Formular][f]\n\n[f]: javascript:alert(1)",
                 "Der Link „javascript:alert(1)“ ist nicht erlaubt", id="reference-link"),
    pytest.param("[x](java&#9;script:alert(1))",
                 "Der Link „java\\x09script:alert(1)“ ist nicht erlaubt", id="tab-reference"),
    pytest.param("[x](java&Tab;script:alert(1))",
                 "Der Link „java\\x09script:alert(1)“ ist nicht erlaubt", id="named-tab"),
    pytest.param('<a href="java&#x0A;script:alert(1)">x</a>',
                 "Der Link „java\\x0ascript:alert(1)“", id="newline-reference"),
    pytest.param("Inline ``` Code <script>alert(1)</script> ohne Ende", SCRIPT,
                 id="inline-triple-backtick"),
    pytest.param("```\nunclosed fence\n\n<script>alert(1)</script>", SCRIPT, id="unclosed-fence"),
    pytest.param("![Pixel](https://tracker.example/p.gif)",
                 "Das Bild „https://tracker.example/p.gif“ würde von einer fremden Website",
                 id="tracking-pixel"),
    pytest.param('<p><img src="/images/a.png" alt="a" onerror="alert(1)"></p>',
                 "„onerror“ an <img> ist nicht erlaubt: Skripte", id="onerror"),
    # URL tricks (WHATWG normalisation after the parser decoded references).
    pytest.param('<a href=" javascript:alert(1)">x</a>',
                 "Der Link „javascript:alert(1)“ ist nicht erlaubt", id="leading-space"),
    pytest.param('<a href="&#1;javascript:alert(1)">x</a>', "Der Link „\\x01javascript:alert(1)“",
                 id="leading-control-character"),
    pytest.param('<a href="JaVaScRiPt:alert(1)">x</a>', "„JaVaScRiPt:alert(1)“ ist nicht erlaubt",
                 id="upper-case"),
    pytest.param('<a href="&#x6A;avascript&colon;alert(1)">x</a>',
                 "Der Link „javascript:alert(1)“ ist nicht erlaubt", id="hex-and-named-references"),
    pytest.param('<a href="vbscript:msgbox(1)">x</a>', "Der Link „vbscript:msgbox(1)“",
                 id="vbscript"),
    pytest.param('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
                 "Der Link „data:text/html;base64,", id="data-link"),
    pytest.param("![Punkt](data:image/gif;base64,R0lGODlhAQABAAAAACw=)",
                 "Die Bildadresse „data:image/gif;base64,", id="data-image"),
    pytest.param('<a href="ftp://files.example/x">x</a>', "Der Link „ftp://files.example/x“",
                 id="ftp"),
    pytest.param('<blockquote cite="javascript:alert(1)">x</blockquote>',
                 "Die Quellenangabe (cite) „javascript:alert(1)“", id="cite"),
    pytest.param("<img src=//evil.example/p.gif alt=x>",
                 "Das Bild „//evil.example/p.gif“ würde von einer fremden Website",
                 id="protocol-relative-image"),
    pytest.param('<img src="/\\evil.example/p.gif" alt="x">',
                 "Das Bild „/\\evil.example/p.gif“ würde von einer fremden Website",
                 id="backslash-image"),
    pytest.param('<img src="http://jugendamt.musterstadt.example/images/a.png" alt="x">',
                 "würde von einer fremden Website", id="own-host-over-http"),
    pytest.param('<a href="https://exa mple.org/">x</a>', "ist keine gültige Adresse",
                 id="space-in-host"),
    # Elements, attributes, comments.
    pytest.param('<iframe src="https://video.example/1"></iframe>',
                 "Das HTML-Element <iframe> ist", id="iframe"),
    pytest.param('<object data="javascript:alert(1)"></object>', "Das HTML-Element <object>",
                 id="object"),
    pytest.param('<embed src="https://evil.example/x.swf">', "Das HTML-Element <embed>",
                 id="embed"),
    pytest.param("<form action=javascript:alert(1)><button>Los</button></form>",
                 "Das HTML-Element <form>", id="form"),
    pytest.param('<input autofocus onfocus="alert(1)">', "Das HTML-Element <input>", id="input"),
    pytest.param('<base href="https://evil.example/">', "Das HTML-Element <base>", id="base"),
    pytest.param('<meta http-equiv="refresh" content="0;url=https://evil.example/">',
                 "Das HTML-Element <meta>", id="meta-refresh"),
    pytest.param('<link rel="stylesheet" href="https://evil.example/x.css">',
                 "Das HTML-Element <link>", id="link"),
    pytest.param("<style>@import 'https://evil.example/x.css';</style>",
                 "Das HTML-Element <style>", id="style-element"),
    pytest.param('<video src="https://evil.example/v.mp4"></video>', "Das HTML-Element <video>",
                 id="video"),
    pytest.param('<audio><source src="https://evil.example/a.mp3"></audio>',
                 "Das HTML-Element <audio>", id="audio"),
    pytest.param("<p><textarea>x</textarea></p>", "Das HTML-Element <textarea>", id="textarea"),
    pytest.param("<x-widget onclick=alert(1)>x</x-widget>", "Das HTML-Element <x-widget>",
                 id="custom-element"),
    pytest.param("# Zweiter Titel", "Eine Überschrift der ersten Ebene", id="h1-markdown"),
    pytest.param("<h1>Zweiter Titel</h1>", "Eine Überschrift der ersten Ebene", id="h1-html"),
    pytest.param('<p style="background:url(https://evil.example/p.gif)">x</p>',
                 "„style“ an <p> ist nicht erlaubt; die Gestaltung", id="style-attribute"),
    pytest.param('<p data-pagefind-filter="thema:Kinderschutz">x</p>',
                 "„data-pagefind-filter“ an <p> ist nicht erlaubt: data-", id="data-attribute"),
    pytest.param('<a href="https://example.org/" target="_blank">x</a>',
                 "„target“ an <a> ist nicht erlaubt: Links öffnen", id="target"),
    pytest.param('<img src="/images/a.png" alt="a" srcset="https://evil.example/p.gif 2x">',
                 "„srcset“ an <img> ist nicht erlaubt: ein Bild", id="srcset"),
    pytest.param('<img src="/images/a.png" alt="a" sizes="50vw">',
                 "„sizes“ an <img> ist nicht erlaubt: ein Bild", id="sizes"),
    pytest.param('<p id="inhalt">x</p>', "Die Kennung id=„inhalt“ an <p>", id="id"),
    pytest.param('<li id="fnref-1">x</li>', "Die Kennung id=„fnref-1“ an <li>",
                 id="footnote-id-on-wrong-element"),
    pytest.param('<p class="visually-hidden">x</p>', "Die Klasse class=„visually-hidden“ an <p>",
                 id="class"),
    pytest.param('<a href="https://example.org/" ping="https://tracker.example/">x</a>',
                 "„ping“ an <a> ist nicht erlaubt. Löschen Sie es", id="ping"),
    pytest.param('<details open ontoggle="alert(1)"><summary>x</summary></details>',
                 "„ontoggle“ an <details> ist nicht erlaubt: Skripte", id="ontoggle"),
    pytest.param('<div markdown="1">*betont*</div>',
                 "„markdown“ an <div> ist nicht erlaubt. Löschen", id="markdown-in-html"),
    pytest.param("Text[^1]\n\n[^1]: Quelle <img src=x onerror=alert(1)>",
                 "„onerror“ an <img> ist nicht erlaubt: Skripte", id="footnote-with-html"),
    pytest.param("<!-- intern: noch nicht freigegeben -->", "Ein HTML-Kommentar", id="comment"),
    pytest.param("<?php echo 1; ?>", "Ein HTML-Kommentar", id="processing-instruction"),
    pytest.param("<!--><img src=x onerror=alert(1)>-->",
                 "„onerror“ an <img> ist nicht erlaubt: Skripte", id="abrupt-comment"),
    pytest.param("![](/images/kita.jpg)", "hat keinen Alternativtext", id="image-without-alt"),
    pytest.param('<img src="/images/kita.jpg" alt=" ">', "hat keinen Alternativtext",
                 id="image-with-blank-alt"),
    # Links Pelican did not resolve, and {attach} (checked before the replacement).
    pytest.param("<a href={filename}/pressemitteilungen/x.md>x</a>",
                 "Der interne Link „{filename}/pressemitteilungen/x.md“ führt auf keine Seite",
                 id="unquoted-filename"),
    pytest.param("[x](|filename|/x.md)", "Der interne Link „|filename|/x.md“", id="pipe-syntax"),
    # The theme around the content: closing it, leaving elements open, page attributes.
    pytest.param("</div></article><p>Ausbruch</p>", "schließt ein Element, das es nicht",
                 id="closes-container"),
    pytest.param("</div>\n\n<p>Ausbruch</p>", "schließt ein Element, das es nicht",
                 id="closes-one-div"),
    pytest.param("<div>offen", "Das Element <div> im Text wird nicht geschlossen",
                 id="unclosed-div"),
    pytest.param('<a href="/themen/">offen', "Das Element <a> im Text wird nicht geschlossen",
                 id="unclosed-link"),
    pytest.param("<b>fett", "Das Element <b> im Text wird nicht geschlossen", id="unclosed-b"),
    pytest.param("<table><tr><td>offen", "Das Element <table> im Text wird nicht geschlossen",
                 id="unclosed-table"),
    pytest.param('<html lang="en" onload="alert(1)">', "<html> und <body> gehören nicht",
                 id="html-attributes"),
    pytest.param('<body onload="alert(1)">', "<html> und <body> gehören nicht",
                 id="body-attributes"),
]

# Mutation XSS (DOMPurify, html5sec): markup another parser reads differently. Rejected by
# the checker, and html5lib, an independent parser, sees something outside the allowlist.
MUTATION_VECTORS = [
    pytest.param('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
                 id="noscript"),
    pytest.param("<svg><style><img src=x onerror=alert(1)></style></svg>", id="svg-style"),
    pytest.param("<math><mtext><table><mglyph><style><!--</style>"
                 '<img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">', id="math-mglyph"),
    pytest.param("<math><mi><mglyph><svg><mtext><textarea><path id=\"</textarea>"
                 '<img onerror=alert(1) src=1>">', id="math-svg-textarea"),
    pytest.param('<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">', id="svg-p"),
    pytest.param("<template><img src=x onerror=alert(1)></template>", id="template"),
    pytest.param('<form><math><mtext></form><form><mglyph><style></math>'
                 "<img src onerror=alert(1)>", id="form-math"),
    pytest.param('<!--<img src="--><img src=x onerror=alert(1)//">', id="comment-attribute"),
    pytest.param('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
                 id="svg-xlink"),
    pytest.param("<xmp><img src=x onerror=alert(1)></xmp>", id="xmp"),
    pytest.param('<select><option><style></option></select><img src=x onerror=alert(1)>',
                 id="select-style"),
]

# Markdown makes these harmless (escaped text or a mailto link); whatever the checker says,
# nothing outside the allowlist may reach the page unreported.
NEUTRALISED_VECTORS = [
    pytest.param('Absatz\n{: onclick="alert(1)" }', id="attribute-list"),
    pytest.param("Absatz {: #inhalt .visually-hidden }", id="attribute-list-inline"),
    pytest.param("<foo@bar.example onmouseover=alert(1)>", id="at-in-tag"),
    pytest.param("<img/src=x/onerror=alert(1)//@x.example>", id="at-in-img"),
    pytest.param("<frameset onload=alert(1)>", id="frameset"),
    pytest.param("`<script>alert(1)</script>`", id="code-span"),
    pytest.param("    <script>alert(1)</script>", id="indented-code"),
    pytest.param("&lt;script&gt;alert(1)&lt;/script&gt;", id="escaped"),
]


@pytest.mark.parametrize(("markdown_text", "expected"), HOSTILE_VECTORS)
def test_hostile_markdown_is_rejected_with_its_message(markdown_text, expected):
    found = problems_of(render(markdown_text))
    assert any(expected in message for message in found), found


@pytest.mark.parametrize("markdown_text", MUTATION_VECTORS)
def test_mutation_vectors_are_rejected_and_html5lib_agrees(markdown_text):
    html = render(markdown_text)
    assert problems_of(html)
    assert html5lib_objections(html), "html5lib should see something outside the allowlist"


@pytest.mark.parametrize("markdown_text", NEUTRALISED_VECTORS)
def test_what_markdown_neutralises_reaches_the_page_harmless(markdown_text):
    html = render(markdown_text)
    assert not problems_of(html)
    assert not html5lib_objections(html)


EVERY_VECTOR = [pytest.param(p.values[0], id=p.id)
                for p in (*HOSTILE_VECTORS, *MUTATION_VECTORS, *NEUTRALISED_VECTORS)]


@pytest.mark.parametrize("markdown_text", EVERY_VECTOR)
def test_whatever_the_checker_accepts_html5lib_accepts(markdown_text):
    html = render(markdown_text)
    if not problems_of(html):
        assert not html5lib_objections(html)


def html5lib_objections(html: str) -> list[str]:
    """An independent reading: elements, attributes, comments and URL schemes outside the
    allowlist, as html5lib parses the HTML after some text (as in the real page)."""
    document = html5lib.parse(f"<!DOCTYPE html><body><p>-</p><div>{html}</div>",
                              treebuilder="etree", namespaceHTMLElements=False)
    objections = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            objections.append("comment")
        elif element.tag not in {"html", "head", "body", *allowlist.ELEMENTS}:
            objections.append(f"<{element.tag}>")
        objections += [name for name, value in element.attrib.items()
                       if _objectionable(name, value)]
    return objections


def _objectionable(name: str, value: str) -> bool:
    if name.startswith(("on", "data-")) or name in {"style", "srcset", "target"}:
        return True
    squeezed = "".join(c for c in value if c > " ").lower()
    return name in {"href", "src", "cite"} and squeezed.startswith(
        ("javascript:", "vbscript:", "data:"))


def test_realistic_content_is_accepted_by_the_checker_and_by_nh3():
    html = render(body_of(REALISTIC))
    assert problems_of(html) == []
    assert second_opinion_findings(html) == []
    for made in ('class="align-right"', 'class="align-center"', 'id="fn-land"',
                 'class="footnote-backref"', 'title="Zurück zum Text (Fußnote 2)"',
                 "<abbr title=", "<dl>", 'class="language-html"', "&lt;script", '<ol start="3"',
                 'href="tel:+491234567890"'):
        assert made in html
    assert "style=" not in html


def test_html5lib_reads_realistic_content_as_lexbor_does():
    html = render(body_of(REALISTIC))
    assert _merged_text(tree_events(html)) == html5lib_events(html)


def html5lib_events(html: str) -> list[tuple]:
    document = html5lib.parse(f"<!DOCTYPE html><body><div>{html}</div>", treebuilder="etree",
                              namespaceHTMLElements=False)
    events: list[tuple] = []

    def walk(element):
        events.extend([("text", element.text)] if element.text else [])
        for child in element:
            attributes = tuple(sorted(child.attrib.items()))
            events.extend([("start", child.tag, attributes)])
            walk(child)
            events.extend([("end", child.tag)] + ([("text", child.tail)] if child.tail else []))

    walk(document.find("body/div"))
    return _merged_text(events)


def _merged_text(events: list[tuple]) -> list[tuple]:
    merged: list[tuple] = []
    for event in events:
        if event[0] == "text" and merged and merged[-1][0] == "text":
            merged[-1] = ("text", merged[-1][1] + event[1])
        else:
            merged.append(event)
    return merged


def test_the_markdown_configuration_is_explicit():
    extensions = SETTINGS["MARKDOWN"]["extension_configs"]
    off = {"extra", "attr_list", "md_in_html", "codehilite"}
    assert not {f"markdown.extensions.{name}" for name in off} & set(extensions)
    attribute_list = LexborHTMLParser(render('Absatz\n{: onclick="alert(1)" }'))
    assert attribute_list.css("[onclick]") == []
    assert attribute_list.body.text().strip() == 'Absatz\n{: onclick="alert(1)" }'
    assert render('<div markdown="1">*x*</div>') == '<div markdown="1">*x*</div>'
    assert render("```python\nx = 1\n```") == (
        '<pre><code class="language-python">x = 1\n</code></pre>')


def test_table_alignment_becomes_a_class_styled_by_the_theme():
    html = render("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |")
    assert '<th class="align-left">a</th>' in html
    assert '<td class="align-center">2</td>' in html
    assert '<td class="align-right">3</td>' in html
    assert "<td>4</td>" in html and "style" not in html
    css = (ROOT / "theme/static/css/site.css").read_text(encoding="utf-8")
    for side in ("left", "center", "right"):
        assert f".prose .align-{side} {{ text-align: {side}; }}" in css


def test_raw_html_alignment_styles_are_left_to_the_policy():
    html = render('<table><tr><td style="text-align: left;">x</td></tr></table>')
    assert any("„style“ an <td>" in message for message in problems_of(html))


PRODUCTION = SiteAddresses.from_settings(PUBLIC, PUBLIC)


@pytest.mark.parametrize(("value", "resource", "verdict"), [
    ("https://www.example.org/a?b=1#c", False, Verdict.OK),
    ("http://www.example.org/", False, Verdict.OK),
    ("mailto:presse@musterstadt.example?subject=Frage", False, Verdict.OK),
    ("tel:+49 123 456", False, Verdict.OK),
    ("#fn-1", False, Verdict.OK),
    ("../andere-meldung/", False, Verdict.OK),
    ("/images/kita.jpg", True, Verdict.OK),
    ("images/kita.jpg", True, Verdict.OK),
    (f"{PUBLIC}/images/kita.jpg", True, Verdict.OK),
    ("https://JUGENDAMT.musterstadt.example:443/images/kita.jpg", True, Verdict.OK),
    ("https://www.example.org/bild.jpg", True, Verdict.FOREIGN),
    ("//evil.example/p.gif", True, Verdict.FOREIGN),
    ("/\\evil.example/p.gif", True, Verdict.FOREIGN),
    ("\\\\evil.example/p.gif", True, Verdict.FOREIGN),
    ("http://127.0.0.1:8000/images/kita.jpg", True, Verdict.FOREIGN),
    ("mailto:x@example.org", True, Verdict.FOREIGN),
    ("java\tscript:alert(1)", False, Verdict.SCHEME),
    ("java\nscript:alert(1)", False, Verdict.SCHEME),
    ("\x01\x02 javascript:alert(1)", False, Verdict.SCHEME),
    ("JAVASCRIPT:alert(1)", False, Verdict.SCHEME),
    ("javascript:alert(1)\t ", False, Verdict.SCHEME),
    ("data:image/png;base64,iVBORw0KGgo=", True, Verdict.SCHEME),
    ("blob:https://evil.example/1", False, Verdict.SCHEME),
    ("ftp://files.example/", False, Verdict.SCHEME),
    ("https://exa mple.org/", False, Verdict.INVALID),
    ("https://example.org:99999/", False, Verdict.INVALID),
    ("{filename}/pressemitteilungen/x.md", False, Verdict.UNRESOLVED),
    (" {static}/images/x.png", True, Verdict.UNRESOLVED),
    ("|filename|x.md", False, Verdict.UNRESOLVED),
])
def test_urls_are_judged_as_a_browser_resolves_them(value, resource, verdict):
    for addresses in (PREVIEW, PRODUCTION):
        page = addresses.page_url("pressemitteilungen/2025/beispiel/")
        assert check_url(value, page, addresses, resource=resource) is verdict


def test_the_public_address_is_the_sites_own_in_preview_builds_too():
    assert PREVIEW.base == PRODUCTION.base == f"{PUBLIC}/"
    assert PREVIEW.own_origins == PRODUCTION.own_origins == {PUBLIC}
    other = SiteAddresses.from_settings("https://vorschau.musterstadt.example", PUBLIC)
    assert other.own_origins == {PUBLIC, "https://vorschau.musterstadt.example"}


def test_nh3_reports_what_the_checker_would_have_missed():
    findings = second_opinion_findings('<p>a</p><p onclick="alert(1)">b</p>')
    assert len(findings) == 1
    assert "die Bereinigung mit nh3 würde es verändern (<p onclick=" in findings[0].message


def test_the_plugin_asks_nh3_when_the_checker_finds_nothing(monkeypatch):
    content = _Content('<p onclick="alert(1)">x</p>')
    monkeypatch.setattr(plugin, "check_html", lambda *args: [])  # a checker with a gap
    assert [f.message[:45] for f in plugin.content_findings(content, PREVIEW, True)] == [
        "Das HTML im Text ist ungewöhnlich aufgebaut: "]
    assert plugin.content_findings(content, PREVIEW, False) == []


class _Content:
    def __init__(self, html: str):
        self.content = self._content = html
        self.url = "pressemitteilungen/2025/beispiel/"


def test_attach_is_found_before_pelican_replaces_it():
    content = _Content('<p><a href="/files/bericht.pdf">Bericht</a></p>')
    content._content = '<p><a href="{attach}/files/bericht.pdf">Bericht</a></p>'
    messages = [f.message for f in plugin.content_findings(content, PREVIEW, True)]
    assert messages == ["„{attach}/files/bericht.pdf“: {attach} verschiebt die Datei an eine "
                        "andere Adresse und ist deshalb nicht erlaubt. Schreiben Sie {static} "
                        "statt {attach}."]


def test_lines_skip_code_and_fall_back_to_the_first_body_line(tmp_path):
    source = tmp_path / "meldung.md"
    source.write_text("Title: T\nDate: 2025-01-01\n\nText mit `<script>` als Code.\n\n"
                      "```\n<script>\n```\n\n<script>alert(1)</script>\n"
                      "[x](java&#9;script:alert(1))\n", encoding="utf-8")
    assert line_of(str(source), ["<script"]) == 10
    assert line_of(str(source), ["java\tscript:alert(1)", "javascript:alert(1)",
                                     "script:alert(1)"]) == 11
    assert line_of(str(source), ["kommt nicht vor"]) == 4
    assert line_of(str(source), []) == 4


def test_a_hostile_file_fails_the_build_naming_file_and_line_and_writes_nothing(tmp_path):
    content = copy_site(tmp_path / "content", "pressemitteilungen/hostile_vectors.md",
                        cases_from=CASES)
    output = tmp_path / "output"
    result = run_pelican(str(content), "-s", str(ROOT / "publishconf.py"), "-o", str(output),
                         cwd=tmp_path)
    assert result.returncode == 1
    report = result.stdout + result.stderr
    path = "content/pressemitteilungen/hostile_vectors.md"
    for line, message in [(6, "Der Link „java\\x09script:alert(2)“ ist nicht erlaubt"),
                          (8, "Das HTML-Element <script> ist im Text nicht erlaubt"),
                          (10, "Das Bild „https://tracker.example/pixel.gif“ würde"),
                          (12, "Das Attribut „onmouseover“ an <p> ist nicht erlaubt: Skripte"),
                          (14, "Ein HTML-Kommentar (<!-- … -->) wird mitveröffentlicht"),
                          (16, "Der Link „javascript:alert(1)“ ist nicht erlaubt")]:
        assert f"{path}:{line}: {message}" in report
    assert "6 Probleme in den Inhalten" in report
    assert "Traceback" not in report
    assert not output.exists()


def test_realistic_content_builds_in_preview_and_production(tmp_path):
    content = copy_site(tmp_path / "content",
                        "pressemitteilungen/realistic_markdown_features.md", cases_from=CASES)
    for conf, mode in (("pelicanconf.py", "preview"), ("publishconf.py", "production")):
        output = build(content, tmp_path / mode, conf=conf, **NO_SEARCH)
        page = next(output.glob("pressemitteilungen/2025/kita-ausbau-*/index.html"))
        assert '<td class="align-right">120</td>' in page.read_text(encoding="utf-8")


HOSTILE_DRAFT = ("Title: Entwurf mit Skript\nDate: 2025-04-01\nTags: KI\nStatus: draft\n"
                 "Summary: Ein Entwurf.\n\n<script>alert(1)</script>\n")
HOSTILE_EMBARGO = ("Title: Gesperrt mit Pixel\nDate: 2099-01-01 09:00\nTags: KI\n"
                   "Summary: Unter Sperrfrist.\n\n![Pixel](https://tracker.example/p.gif)\n")


@pytest.mark.parametrize(("conf", "overrides"), [
    ("pelicanconf.py", {}),
    ("publishconf.py", {}),
    ("publishconf.py", {"CONTENT_MODEL": {"check_only": True}}),  # make check
], ids=["preview", "production", "check"])
def test_drafts_and_embargoed_items_are_checked_in_every_mode(tmp_path, conf, overrides):
    content = copy_site(tmp_path / "content")
    (content / "pressemitteilungen/entwurf.md").write_text(HOSTILE_DRAFT, encoding="utf-8")
    (content / "pressemitteilungen/sperrfrist.md").write_text(HOSTILE_EMBARGO, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "output", conf=conf, **NO_SEARCH, **overrides)
    assert [(p.path, p.line, p.message[:40]) for p in caught.value.problems] == [
        (str(content / "pressemitteilungen/entwurf.md"), 7,
         "Das HTML-Element <script> ist im Text ni"),
        (str(content / "pressemitteilungen/sperrfrist.md"), 6,
         "Das Bild „https://tracker.example/p.gif“"),
    ]
    assert not (tmp_path / "output").exists()


def test_images_on_the_public_address_are_own_in_both_modes(tmp_path):
    content = copy_site(tmp_path / "content")
    item = content / "pressemitteilungen/eigene_bilder.md"
    item.write_text("Title: Eigene Bilder\nDate: 2025-04-01\nTags: KI\nSummary: Bilder.\n\n"
                    "![Netzwerk]({static}/images/netzwerk.svg)\n\n"
                    f"![Netzwerk]({PUBLIC}/images/netzwerk.svg)\n", encoding="utf-8")
    for conf, mode in (("pelicanconf.py", "preview"), ("publishconf.py", "production")):
        build(content, tmp_path / mode, conf=conf, **NO_SEARCH)
    # The preview server's address is no address of the site.
    item.write_text(item.read_text(encoding="utf-8").replace(PUBLIC, "http://127.0.0.1:8000"),
                    encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build(content, tmp_path / "again", **NO_SEARCH)
    assert [(p.line, p.message[:40]) for p in caught.value.problems] == [
        (8, "Das Bild „http://127.0.0.1:8000/images/n")]
