from unittest import mock

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import CommandError

from tablee.charters.tests.factories import CharterVersionFactory

pytestmark = pytest.mark.django_db


def _run_argv(*args):
    command = load_command_class(get_commands()["export-charter"], "export-charter")
    # run_from_argv closes every connection when it ends, which would end the
    # test's transaction on PostgreSQL.
    with mock.patch("django.core.management.base.connections.close_all"):
        command.run_from_argv(["tablee", "export-charter", *args])


def test_default_export_is_the_latest_adopted_version(table, tmp_path, capsys):
    CharterVersionFactory(table=table, number=1, adopted=True)
    CharterVersionFactory(table=table, number=2)
    target = tmp_path / "charte.pdf"
    call_command("export-charter", table.slug, "--format", "pdf", "-o", str(target))
    assert target.read_bytes().startswith(b"%PDF")
    assert "Version 1 (adopted)" in capsys.readouterr().out


def test_without_adopted_version_the_draft_is_exported(table, tmp_path, capsys):
    CharterVersionFactory(table=table, number=1)
    target = tmp_path / "charte.docx"
    call_command("export-charter", table.slug, "--format", "docx", "-o", str(target))
    assert target.read_bytes().startswith(b"PK")
    assert "(draft)" in capsys.readouterr().out


def test_a_chosen_version_is_exported(table, tmp_path):
    CharterVersionFactory(table=table, number=1, adopted=True)
    CharterVersionFactory(table=table, number=2)
    target = tmp_path / "v2.pdf"
    _run_argv(table.slug, "--format", "pdf", "--version", "2", "-o", str(target))
    assert target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope", "--format", "pdf"], "No table"),
        (["quartier-demo", "--format", "pdf", "--version", "4"], "no charter version 4"),
        (["quartier-demo", "--format", "pdf"], "has no charter yet"),
    ],
)
def test_errors_exit_non_zero_with_a_clear_message(table, tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exited:
        _run_argv(*args, "-o", str(tmp_path / "out.pdf"))
    assert exited.value.code != 0
    assert message in capsys.readouterr().err
    with pytest.raises(CommandError):
        call_command("export-charter", *args, "-o", str(tmp_path / "out.pdf"))
    assert not (tmp_path / "out.pdf").exists()
