"""The build summary: what a build publishes and what it withholds, in German."""

from __future__ import annotations

from collections import Counter

from blinker import Signal
from content_model.model import DOCUMENT_TYPES
from content_model.problems import display_path

# Other plugins add their part of the summary: a receiver gets the context and returns
# lines (German), printed after the publication plugin's own, in PLUGINS order.
summary_sections = Signal("Build summary: receivers get the context, return [str].")


def summary_lines(context) -> list[str]:
    """Every line every connected plugin adds to the summary."""
    return [line for _receiver, lines in summary_sections.send(context) for line in lines or []]


def build_summary(contents, policy, kept_back_files=(), more_lines=()) -> str:
    public = Counter(c.doctype for c in contents if policy.is_public(c))
    withheld = sorted((c.source_path, reason) for c in contents
                      if (reason := policy.withheld_reason(c)))
    counts = [f"{public[t]} {t.label if public[t] == 1 else t.label_plural}"
              for t in DOCUMENT_TYPES if public[t]]
    lines = ["Veröffentlicht: " + (", ".join(counts) or "nichts")]
    if withheld:
        lines.append(f"Zurückgehalten ({len(withheld)}):")
        lines += [f"  {display_path(path)}: {reason}" for path, reason in withheld]
    if kept_back_files:
        lines.append(f"Dateien zurückgehalten, weil nur zurückgehaltene Veröffentlichungen sie "
                     f"verwenden ({len(kept_back_files)}):")
        lines += [f"  {path}" for path in kept_back_files]
    return "\n".join([*lines, *more_lines])
