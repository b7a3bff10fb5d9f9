"""The build's content checks: one place where every plugin's problems come together.

Plugins connect a receiver to `content_checks` in their `register()`. After every
generator has read its content (`all_generators_finalized`), the content_model plugin
sends the signal with the list of generators; each receiver returns a list of
`Problem`s. If any receiver found one, the build stops before anything is written and
every problem of every plugin is reported at once (`path:line: message`).

    from content_model.checks import content_checks

    def my_checks(generators) -> list[Problem]: ...

    def register():
        content_checks.connect(my_checks)
"""

from __future__ import annotations

from blinker import Signal

from .problems import Problem

content_checks = Signal("Content checks: receivers get the generators, return [Problem].")


def run_content_checks(generators) -> list[Problem]:
    """Every problem every connected check found."""
    problems: list[Problem] = []
    for _receiver, found in content_checks.send(generators):
        problems += found or []
    return problems
