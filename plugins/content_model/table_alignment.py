"""A Markdown extension: table column alignment as classes instead of inline styles.

Python-Markdown's `tables` writes `style="text-align: center;"` on the cells of an aligned
column (`|:---:|`). Inline styles are forbidden by the HTML policy and by the page's
Content-Security-Policy (`style-src 'self'`), so this turns them into
`class="align-left|align-center|align-right"`, styled in theme/static/css/site.css.
Only the Markdown tree is touched: raw HTML written by editors is not (and is checked).

In pelicanconf.py: `MARKDOWN["extension_configs"]["content_model.table_alignment"] = {}`.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

TABLE_ALIGNMENT = re.compile(r"text-align: (left|center|right);")


class TableAlignment(Treeprocessor):
    def run(self, root):
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            match = TABLE_ALIGNMENT.fullmatch(cell.get("style", ""))
            if match:
                del cell.attrib["style"]
                cell.set("class", f"align-{match[1]}")


class TableAlignmentExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 — Python-Markdown's name
        # After the block parser built the tables, before the tree is serialised.
        md.treeprocessors.register(TableAlignment(md), "table_alignment", 5)


def makeExtension(**kwargs):  # noqa: N802 — how Python-Markdown loads an extension by name
    return TableAlignmentExtension(**kwargs)
