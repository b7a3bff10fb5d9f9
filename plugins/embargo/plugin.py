from __future__ import annotations

import os
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from content_model.problems import display_path
from content_model.visibility import all_contents, is_public, unwritten_contents
from german_dates.formatting import long_date_time
from pelican import signals


def withheld_reason(content, now: datetime) -> str | None:
    """Why a content is not public, in German; None when it is public."""
    if getattr(content, "date", None) and content.date > now:
        return f"Sperrfrist bis {long_date_time(content.date)}"
    if content.status == "draft":
        return "Entwurf"
    if content.status == "hidden":
        return "versteckt (veröffentlicht, aber in keiner Liste, keinem Feed und keiner Suche)"
    return None


def build_summary(contents, now: datetime) -> str:
    public = Counter(c.doctype for c in contents if is_public(c, now))
    withheld = sorted((c.source_path, reason) for c in contents
                      if (reason := withheld_reason(c, now)))
    counts = [f"{n} {t.label if n == 1 else t.label_plural}" for t, n in public.items()]
    lines = ["Veröffentlicht: " + (", ".join(counts) or "nichts")]
    if withheld:
        lines.append(f"Zurückgehalten ({len(withheld)}):")
        lines += [f"  {display_path(path)}: {reason}" for path, reason in withheld]
    return "\n".join(lines)


def print_summary(generators) -> None:
    context = generators[0].context
    now = datetime.now(ZoneInfo(context["TIMEZONE"]))
    print(build_summary(all_contents(context), now))


def files_of(contents) -> set[str]:
    paths = set()
    for content in contents:
        paths |= {a.path for a in getattr(content, "attachments", [])}
        if getattr(content, "image", None):
            paths.add(content.image)
    return paths


def keep_back_withheld_files(generator) -> None:
    """Attachments and images used only by unwritten drafts are not copied."""
    context = generator.context
    unwritten = unwritten_contents(context)
    if not unwritten:
        return  # preview build: drafts are shown, with their files
    written = [c for c in all_contents(context) if c not in unwritten]
    kept_back = files_of(unwritten) - files_of(written)
    visible = [s for s in context["staticfiles"]
               if s.relative_source_path.replace(os.sep, "/") not in kept_back]
    generator.staticfiles = context["staticfiles"] = visible


def register() -> None:
    signals.all_generators_finalized.connect(print_summary)
    signals.static_generator_finalized.connect(keep_back_withheld_files)
