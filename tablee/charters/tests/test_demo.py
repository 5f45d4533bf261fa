import pytest

from tablee.charters.models import CharterComment, CharterVersion
from tablee.core.demo import load_demo

pytestmark = pytest.mark.django_db


def test_demo_charter_has_an_adopted_version_and_a_revision():
    load_demo()
    versions = {v.number: v for v in CharterVersion.objects.filter(table__slug="quartier-demo")}
    assert versions[1].status == "adopted"
    assert versions[2].status == "draft"
    assert "transport" in versions[1].needed_sectors
    assert "securite-publique" in versions[1].needed_sectors
    assert "lived_experience" in versions[1].needed_actor_types
    assert versions[1].answers["how_powers"] != versions[2].answers["how_powers"]
    assert CharterComment.objects.count() == 1
    load_demo()
    assert CharterVersion.objects.count() == 2
    assert CharterComment.objects.count() == 1
