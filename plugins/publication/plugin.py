"""Pelican signal handlers of the publication plugin."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from content_model.addresses import SiteAddresses
from content_model.checks import content_checks
from content_model.contents import all_contents
from content_model.problems import Problem, stop_build
from content_model.sourcelines import line_of
from content_model.values import parse_datetime
from pelican import signals

from .links import decoded_text, header_files, linked_paths, static_link_paths
from .policy import MODES, PublicationPolicy
from .summary import build_summary, summary_lines

DEFAULTS = {
    "mode": "preview",  # "production" in publishconf.py
    # The build's clock: None = now; "YYYY-MM-DD HH:MM" (local time) to see what a build
    # at that moment would publish.
    "now": None,
}
CONTEXT_KEY = "publication"


class PublicationSettingsError(ValueError):
    pass


def settings_of(settings: dict) -> dict:
    return {**DEFAULTS, **settings.get("PUBLICATION", {})}


def build_clock(config: dict, timezone: str) -> datetime:
    zone = ZoneInfo(timezone)
    now = config["now"]
    if now is None:
        return datetime.now(zone)
    parsed = now if isinstance(now, datetime) else parse_datetime(str(now))
    if parsed is None:
        raise PublicationSettingsError(
            f"PUBLICATION['now'] = {now!r}: erwartet wird JJJJ-MM-TT HH:MM oder None.")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def configure(pelican) -> None:
    """Derive Pelican's draft and future-date settings from the one mode setting, and
    put this build's policy into the settings (and so into the context)."""
    settings = pelican.settings
    config = settings["PUBLICATION"] = settings_of(settings)
    if config["mode"] not in MODES:
        raise PublicationSettingsError(
            f"PUBLICATION['mode'] = {config['mode']!r}: erlaubt sind {', '.join(MODES)}.")
    settings["WITH_FUTURE_DATES"] = True  # the policy decides about embargoes, on one clock
    if config["mode"] == "production":
        settings["DRAFT_SAVE_AS"] = settings["DRAFT_PAGE_SAVE_AS"] = ""
    settings[CONTEXT_KEY] = PublicationPolicy(config["mode"],
                                              build_clock(config, settings["TIMEZONE"]))


def policy_of(context_or_settings) -> PublicationPolicy:
    return context_or_settings[CONTEXT_KEY]


def add_template_test(generator) -> None:
    """`{% if article is public %}` and `is released` in templates ask the policy."""
    policy = policy_of(generator.context)
    generator.env.tests["public"] = policy.is_public
    generator.env.tests["released"] = policy.is_released


def withhold_unwritten(generator) -> None:
    """Production: embargoed items and drafts leave Pelican's lists before categories,
    tags, archives and every later output are built from them."""
    policy = policy_of(generator.context)
    if not policy.production:
        return
    for name in ("articles", "hidden_articles", "drafts"):
        contents = getattr(generator, name)
        policy.withheld += [c for c in contents if not policy.is_written(c)]
        setattr(generator, name, [c for c in contents if policy.is_written(c)])


def withheld_link_problems(generators) -> list[Problem]:
    """Links (`{filename}`) from anything written to anything withheld."""
    context = generators[0].context
    policy = policy_of(context)
    contents = all_contents(context)
    withheld = {c.relative_source_path.replace(os.sep, "/"): c for c in contents
                if not policy.is_written(c)}
    return [
        Problem(content.source_path, line, _withheld_link_message(
            target, policy.withheld_reason(withheld[target])))
        for content in contents if policy.is_written(content)
        for target, line in getattr(content, "internal_links", [])
        if target in withheld
    ]


def _withheld_link_message(target: str, reason: str | None) -> str:
    return (f"Der Link auf content/{target} zeigt auf eine Veröffentlichung, die noch nicht "
            f"erscheint ({reason}) – er würde ins Leere führen und ihre Adresse verraten. "
            "Entfernen Sie den Link, bis sie veröffentlicht ist.")


def release_static_files(generators) -> None:
    """Keep back the files only withheld contents use, and print the build summary."""
    context = generators[0].context
    policy = policy_of(context)
    if not policy.files_recorded:  # the content checks did not run (switched off in tests)
        record_file_use(context, policy)
    published = [s for s in context["staticfiles"]
                 if policy.is_file_published(file_identity(Path(s.source_path)))]
    kept_back = sorted(_relative(s) for s in context["staticfiles"] if s not in published)
    for generator in generators:
        if hasattr(generator, "staticfiles"):
            generator.staticfiles = published
    context["staticfiles"] = published
    print(build_summary(all_contents(context), policy, kept_back, summary_lines(context)))


def record_file_use_first(generators) -> list[Problem]:
    """A `content_checks` receiver that finds no problems: it records which content uses
    which file before the checks of the plugins after this one in PLUGINS ask the policy
    about files (`is_file_published`, `files_used`)."""
    context = generators[0].context
    record_file_use(context, policy_of(context))
    return []


def record_file_use(context, policy: PublicationPolicy) -> None:
    """Every content's files: header fields, links in its HTML (remembered for the check
    after writing) and Pelican's own list of its {static} links."""
    policy.file_users.clear()
    root = Path(context["PATH"])
    addresses = site_addresses(context)
    static_by_url = {s.url: _relative(s) for s in context["staticfiles"]}
    for content in all_contents(context):
        links = policy.links[content.source_path] = linked_paths(content, addresses)
        used = header_files(content) | static_link_paths(content) | {
            static_by_url[p] for p in links if p in static_by_url}
        policy.files_used[content.source_path] = used
        for path in used:
            if (identity := file_identity(root / path)) is not None:
                policy.use_file(identity, content)
    policy.files_recorded = True


def _relative(static) -> str:
    return static.relative_source_path.replace(os.sep, "/")


def file_identity(path: Path) -> tuple[int, int] | None:
    """The file behind a name (device and inode): a symlink or hard link to an attachment
    of a withheld item is that attachment, under another name."""
    try:
        stat = path.stat()
    except (OSError, ValueError):
        return None
    return stat.st_dev, stat.st_ino


def site_addresses(settings) -> SiteAddresses:
    return SiteAddresses.from_settings(settings.get("SITEURL", ""),
                                       settings.get("PUBLIC_SITEURL", ""))


def check_published_links(pelican) -> None:
    """After writing, before the new site goes live: every same-site link in a written
    content leads to a file the build wrote."""
    policy = policy_of(pelican.settings)
    output = Path(pelican.output_path)
    withheld = {page_address(c.url): c for c in policy.withheld if c.url}
    problems = []
    for content in policy.written_contents:
        links = policy.links[content.source_path]
        leaked = _withheld_addresses(content, links, withheld)
        problems += [_withheld_address_problem(content, address, withheld[address], policy)
                     for address in sorted(leaked)]
        problems += [_dead_link_problem(content, path) for path in sorted(links)
                     if not _exists(output, path) and page_address(path) not in withheld]
    if problems:
        stop_build(problems)


def page_address(path: str) -> str:
    """A site path as a page address: `x/index.html`, `x` and `x/` are all `x/`."""
    path = path.removesuffix("index.html")
    return path if path.endswith("/") else f"{path}/"


def _withheld_addresses(content, links: set[str], withheld: dict) -> set[str]:
    """Addresses of withheld items a written page reveals: linked (as the browser reads the
    link, however it is encoded), or written anywhere in its text or attributes."""
    if not withheld:
        return set()  # nothing withheld: no need to read the page once more
    text = decoded_text(content)
    linked = {page_address(path) for path in links} & withheld.keys()
    return linked | {address for address in withheld if address in text}


def _exists(output: Path, path: str) -> bool:
    target = output / path
    return target.is_file() or (target / "index.html").is_file()


def _withheld_address_problem(content, url: str, target, policy) -> Problem:
    name = Path(target.source_path).name
    message = (f"Der Link auf /{url} zeigt auf eine Veröffentlichung, die noch nicht "
               f"erscheint ({name}: {policy.withheld_reason(target)}) – er würde ins Leere "
               "führen und ihre Adresse verraten. Entfernen Sie den Link (und die Adresse), "
               "bis sie veröffentlicht ist.")
    stem = Path(target.source_path).stem
    return Problem(content.source_path, line_of(content.source_path, [url, name, stem]), message)


def _dead_link_problem(content, path: str) -> Problem:
    message = (f"Der Link auf /{path} führt ins Leere: Diese Adresse gibt es auf der Website "
               "nicht. Prüfen Sie die Adresse; auf andere Meldungen und Anhänge verlinken Sie "
               "am sichersten mit {filename}/… bzw. {static}/….")
    return Problem(content.source_path, line_of(content.source_path, [path]), message)


def remember_written(generators) -> None:
    context = generators[0].context
    policy = policy_of(context)
    policy.written_contents = [c for c in all_contents(context) if policy.is_written(c)]


def register() -> None:
    signals.initialized.connect(configure)
    signals.generator_init.connect(add_template_test)
    signals.article_generator_pretaxonomy.connect(withhold_unwritten)
    content_checks.connect(withheld_link_problems)
    content_checks.connect(record_file_use_first)
    signals.all_generators_finalized.connect(release_static_files)
    signals.all_generators_finalized.connect(remember_written)
    signals.finalized.connect(check_published_links)
