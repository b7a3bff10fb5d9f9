"""Pelican signal handlers of the theme_assets plugin."""

from __future__ import annotations

import inspect
import posixpath
import sys
from typing import NoReturn

from content_model.output import DataFileGenerator
from content_model.problems import ContentError, Problem, quoted
from jinja2 import pass_context
from pelican import signals

from .assets import ThemeAsset, read_theme_assets

CONTEXT_KEY = "theme_assets"


class ThemeError(ContentError):
    """A template links a theme file that does not exist: a bug in the theme."""

    def __str__(self) -> str:
        return "Fehler im Theme – der Build wurde abgebrochen, nichts wurde veröffentlicht."


class ThemeAssets:
    """This build's theme files, read once, and the addresses of their hashed copies."""

    def __init__(self, assets: dict[str, ThemeAsset], static_dir: str):
        self.assets = assets
        self.static_dir = static_dir

    @classmethod
    def of(cls, generator) -> ThemeAssets:
        """The one instance of this build, kept in the context every generator of a
        `run()` shares: a new run (`make serve`) reads the theme again."""
        assets = generator.context.get(CONTEXT_KEY)
        if assets is None:
            settings = generator.settings
            files = read_theme_assets(generator.theme, settings["THEME_STATIC_PATHS"],
                                      settings["IGNORE_FILES"])
            assets = generator.context[CONTEXT_KEY] = cls(files, settings["THEME_STATIC_DIR"])
        return assets

    def output_name(self, asset: ThemeAsset) -> str:
        return posixpath.join(self.static_dir, asset.hashed_name)

    @pass_context
    def url(self, context, name: str) -> str:
        """`theme_asset("css/site.css")` -> `{SITEURL}/theme/css/site.3f2a1b4c5d.css`."""
        asset = self.assets.get(name)
        if asset is None:
            self.stop_for_unknown(name, context.name)
        return f"{context.get('SITEURL', '')}/{self.output_name(asset)}"

    def stop_for_unknown(self, name: str, template_name: str) -> NoReturn:
        path, line = running_template_line() or (template_name, 1)
        known = ", ".join(self.assets) or "keine"
        error = ThemeError([Problem(path, line, (
            f"theme_asset({quoted(str(name))}): Diese Datei gibt es im static-Ordner des "
            f"Themes nicht. Vorhanden sind: {known}."))])
        print(f"{error.report()}\n{error}", file=sys.stderr)
        raise error


def running_template_line() -> tuple[str, int] | None:
    """File and line of the innermost template code on the stack. Jinja keeps the template
    in the globals of its compiled code; its own traceback rewriting reads it there."""
    frame = inspect.currentframe()
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            return template.filename, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None


class ThemeAssetsGenerator(DataFileGenerator):
    """Publishes the hashed copies from the very bytes their names were computed from."""

    def generate_output(self, _writer) -> None:
        assets = ThemeAssets.of(self)
        for asset in assets.assets.values():
            self.write_data(assets.output_name(asset), asset.data)


def add_template_function(generator) -> None:
    """Every generator's Jinja environment (Pelican's and the plugins') gets it."""
    generator.env.globals["theme_asset"] = ThemeAssets.of(generator).url


def get_generators(_pelican):
    return ThemeAssetsGenerator


def register() -> None:
    signals.generator_init.connect(add_template_function)
    signals.get_generators.connect(get_generators)
