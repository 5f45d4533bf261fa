#!/usr/bin/env python
"""Extract translatable strings into the catalogs and compile them.

    python scripts/messages.py          # extract (needs GNU gettext) + compile
    python scripts/messages.py --compile-only

Each app keeps its own catalog (tablee/<app>/locale/), so apps can be
translated independently; project-wide templates and settings use
tablee/locale/. Extraction uses Django's makemessages, which calls xgettext:
a development tool only. Compilation uses polib, so `.mo` files are produced
without a system gettext, and the committed `.mo` files are all the site
needs at run time. The English catalogs are generated from the source
strings (English is the source language), so they are complete by
construction. A translation already made anywhere is reused for the same
string elsewhere (translation memory).
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tablee"
LOCALES = ("fr_CA", "en")
COMMON_IGNORES = [
    "static/*",
    "*/static/*",
    "tests/*",
    "*/tests/*",
    "migrations/*",
    "*/migrations/*",
]


def app_dirs(package_dir: Path) -> list[Path]:
    return sorted(d for d in package_dir.iterdir() if (d / "apps.py").exists())


def _makemessages(cwd: Path, ignores: list[str]) -> None:
    (cwd / "locale").mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    # -P: an app folder holds modules (selectors.py…) that would shadow the stdlib.
    command = [
        sys.executable,
        "-P",
        "-m",
        "django",
        "makemessages",
        "--no-obsolete",
        "--no-location",
        "--extension=html,txt,py",
        *[f"--ignore={pattern}" for pattern in ignores],
        *[f"--locale={locale}" for locale in LOCALES],
    ]
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)


def catalogs(package_dir: Path, locale: str = "fr_CA") -> list[Path]:
    return sorted(package_dir.glob(f"**/locale/{locale}/LC_MESSAGES/django.po"))


def _memory(package_dir: Path) -> dict:
    """Every French translation made so far, by (context, msgid)."""
    memory: dict = {}
    for path in catalogs(package_dir):
        for entry in polib.pofile(str(path)).translated_entries():
            memory[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = (
                entry.msgstr,
                dict(entry.msgstr_plural),
            )
    return memory


def extract(package_dir: Path, only_app: str | None = None) -> None:
    """Run makemessages for every app (or one), then for the project-wide files."""
    memory = _memory(package_dir)
    for app in app_dirs(package_dir):
        if only_app is None or app.name == only_app:
            _makemessages(app, COMMON_IGNORES)
    if only_app in (None, "project"):
        project_ignores = [*COMMON_IGNORES, "testing/*", "settings/test.py"]
        project_ignores += [f"{app.name}/*" for app in app_dirs(package_dir)]
        _makemessages(package_dir, project_ignores)
    scope = package_dir / only_app if only_app not in (None, "project") else package_dir
    for path in catalogs(scope):
        if only_app == "project" and path.parent.parent.parent.parent != package_dir:
            continue
        catalog = polib.pofile(str(path))
        for entry in catalog.untranslated_entries():
            known = memory.get((entry.msgctxt, entry.msgid, entry.msgid_plural))
            if known:
                entry.msgstr, plural = known
                if plural:
                    entry.msgstr_plural = plural
        set_french_headers(catalog)
        catalog.save()
    for path in catalogs(scope, "en"):
        if only_app == "project" and path.parent.parent.parent.parent != package_dir:
            continue
        fill_english(path)


def fill_english(po_path: Path) -> None:
    catalog = polib.pofile(str(po_path))
    catalog.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    catalog.metadata["Language"] = "en"
    for entry in catalog:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save()


def set_french_headers(catalog: polib.POFile) -> None:
    catalog.metadata.update(
        {
            "Project-Id-Version": "Tablée",
            "Language": "fr_CA",
            "Language-Team": "Tablée",
            "Plural-Forms": "nplurals=2; plural=(n > 1);",
        }
    )


def compile_catalogs(package_dir: Path) -> None:  # one app: pass tablee/<app>
    for po_path in sorted(package_dir.glob("**/locale/*/LC_MESSAGES/django.po")):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile-only", action="store_true")
    parser.add_argument(
        "--app", help="only this app (folder name under tablee/), or 'project' for tablee/locale"
    )
    args = parser.parse_args()
    scope = PACKAGE / args.app if args.app and args.app != "project" else PACKAGE
    if not args.compile_only:
        extract(PACKAGE, args.app)
    compile_catalogs(scope)
    for path in catalogs(scope):
        catalog = polib.pofile(str(path))
        todo = len(catalog.untranslated_entries()) + len(catalog.fuzzy_entries())
        print(
            f"{path.relative_to(ROOT)}: {catalog.percent_translated()}% translated, {todo} to do"
        )


if __name__ == "__main__":
    main()
