from __future__ import annotations

from pelican import signals

from .policy import meta_policy


def add_policy(generator) -> None:
    """`CSP` in every template: the policy base.html puts into its <meta> tag."""
    generator.context["CSP"] = meta_policy(generator.settings)


def register() -> None:
    signals.generator_init.connect(add_policy)
