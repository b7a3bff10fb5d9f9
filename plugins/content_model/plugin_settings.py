"""A plugin's settings dict, merged over its defaults and checked key by key against
rules, with German messages; a wrong setting stops the build before anything is written.

    RULES = {"enabled": (lambda v: isinstance(v, bool), "True oder False")}
    config = checked_settings(settings, "PRECOMPRESS", DEFAULTS, RULES, PrecompressSettingsError)
"""

from __future__ import annotations

from collections.abc import Callable

# key -> (is the value valid?, what is expected, in German)
Rules = dict[str, tuple[Callable[[object], bool], str]]


class PluginSettingsError(SystemExit):
    """A German message saying what is wrong. A SystemExit with that message, so the
    `pelican` command prints it and exits with status 1, without a traceback."""

    def __init__(self, message: str):
        super().__init__(message)


def checked_settings(settings: dict, name: str, defaults: dict, rules: Rules,
                     error: type[PluginSettingsError] = PluginSettingsError,
                     example: str = '{"enabled": True}') -> dict:
    """settings[name] merged over `defaults`; raises `error` for a value that is not a
    dict, an unknown key or a value its rule refuses."""
    given = settings.get(name, {})
    if not isinstance(given, dict):
        raise error(f"{name} = {given!r}: erwartet wird ein dict, z. B. {example}.")
    config = {**defaults, **given}
    for key, value in config.items():
        if key not in rules:
            raise error(f"{name}: unbekannte Einstellung „{key}“. Möglich sind: "
                        f"{', '.join(rules)}.")
        is_valid, expected = rules[key]
        if not is_valid(value):
            raise error(f"{name} „{key}“ = {value!r}: erwartet wird {expected}.")
    return config
