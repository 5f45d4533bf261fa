"""French (Québec) is complete; compiled catalogs need no system gettext."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.test import Client
from django.utils import translation

PACKAGE = Path(__file__).resolve().parents[2]
ROOT = PACKAGE.parent


def _catalog_paths(locale: str) -> list[Path]:
    """Every catalog: one per app (tablee/<app>/locale) and the project's (tablee/locale)."""
    return sorted(PACKAGE.glob(f"**/locale/{locale}/LC_MESSAGES/django.po"))


def _catalog(locale: str) -> polib.POFile:
    """All catalogs of a locale merged into one (for lookups)."""
    merged = polib.POFile()
    for path in _catalog_paths(locale):
        for entry in polib.pofile(str(path)):
            merged.append(entry)
    return merged


CATALOGS = [(locale, path) for locale in ("fr_CA", "en") for path in _catalog_paths(locale)]
CATALOG_IDS = [f"{locale}:{path.relative_to(PACKAGE).parts[0]}" for locale, path in CATALOGS]


def test_every_app_catalog_exists_in_both_languages():
    french = [p.parents[2] for p in _catalog_paths("fr_CA")]
    english = [p.parents[2] for p in _catalog_paths("en")]
    assert len(french) >= 5 and french == english


@pytest.mark.parametrize(("locale", "path"), CATALOGS, ids=CATALOG_IDS)
def test_every_catalog_entry_is_translated(locale, path):
    catalog = polib.pofile(str(path))
    todo = [e.msgid for e in catalog.untranslated_entries()]
    todo += [e.msgid for e in catalog.fuzzy_entries()]
    assert not todo, f"{len(todo)} strings not translated in {path}: {todo[:20]}"


@pytest.mark.parametrize(("locale", "path"), CATALOGS, ids=CATALOG_IDS)
def test_compiled_catalog_matches_its_source(locale, path):
    """The committed .mo is what the site reads; it must match the .po."""
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural))
        for e in polib.pofile(str(path)).translated_entries()
    }
    mo = polib.mofile(str(path.with_suffix(".mo")))
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, {int(k): v for k, v in e.msgstr_plural.items()})
        for e in mo
    }
    assert compiled == {
        k: (v[0], {int(i): s for i, s in v[1].items()}) for k, v in source.items()
    }, "Run `make messages` (or scripts/messages.py --compile-only) and commit the .mo files."


def test_every_string_in_the_code_is_in_the_french_catalog(tmp_path):
    """Extract strings from a copy of the code and compare with the catalog."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("xgettext (GNU gettext) is required to check the catalogs under CI")
        pytest.skip("xgettext (GNU gettext) is not installed")
    copy = tmp_path / "tablee"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "vendor", "*.mo"))
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import messages  # scripts/messages.py
    finally:
        sys.path.pop(0)
    messages.extract(copy)
    missing = []
    for extracted_path in messages.catalogs(copy):
        original = PACKAGE / extracted_path.relative_to(copy)
        known = (
            {(e.msgctxt, e.msgid) for e in polib.pofile(str(original))}
            if original.exists()
            else set()
        )
        extracted = polib.pofile(str(extracted_path))
        missing += sorted(e.msgid for e in extracted if (e.msgctxt, e.msgid) not in known)
    assert not missing, (
        f"{len(missing)} user-facing strings are missing from the French catalog "
        f"(run `make messages` and translate them): {missing[:20]}"
    )


@pytest.mark.django_db
def test_pages_speak_french_by_default_and_english_on_request():
    client = Client()
    french = client.get("/").content.decode()
    assert 'lang="fr"' in french
    with translation.override("fr-ca"):
        sign_in = translation.gettext("Sign in")
    assert sign_in != "Sign in" and sign_in in french
    client.cookies["django_language"] = "en"
    english = client.get("/").content.decode()
    assert 'lang="en"' in english and "Sign in" in english


def test_runtime_does_not_need_a_system_gettext():
    """Django reads the committed .mo files with Python's gettext module only."""
    code = (
        "import os, django;"
        "os.environ['DJANGO_SETTINGS_MODULE']='tablee.settings.test';"
        "django.setup();"
        "from django.utils import translation;"
        "translation.activate('fr-ca');"
        "print(translation.gettext('Sign in'))"
    )
    env = {**os.environ, "PATH": "/nonexistent"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() not in ("", "Sign in")


@pytest.mark.django_db
def test_an_english_browser_still_gets_french_until_the_person_chooses():
    client = Client(headers={"Accept-Language": "en-US,en;q=0.9"})
    assert 'lang="fr"' in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_signed_in_persons_profile_language_applies_without_a_cookie(client, member):
    member.language = "en"
    member.save()
    client.force_login(member)
    assert 'lang="en"' in client.get("/t/").content.decode()


def test_translations_keep_every_placeholder():
    """A lost %(name)s would crash or silently drop information at run time."""
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]")
    broken = []
    for entry in _catalog("fr_CA").translated_entries():
        if entry.msgid_plural:
            expected = set(placeholder.findall(entry.msgid_plural))
            translations = entry.msgstr_plural.values()
        else:
            expected = set(placeholder.findall(entry.msgid))
            translations = [entry.msgstr]
        for text in translations:
            if set(placeholder.findall(text)) != expected:
                broken.append((entry.msgid, text))
    assert not broken, broken
