"""Benchmark data: a process per generated table, the biggest on gen-table-001."""

import pytest
from django.db.models import Count
from django.urls import reverse
from django.utils.html import escape

from tablee.core import generate as gen
from tablee.processes.models import Process, Stage

pytestmark = pytest.mark.django_db


def test_generate_gives_each_table_a_process_and_the_first_the_most_links(
    monkeypatch, client, django_assert_max_num_queries
):
    monkeypatch.setattr(gen, "DOMAIN_GENERATORS", ["tablee.processes.generate"])
    gen.generate(scale=0.02)
    tables = gen.Table.objects.filter(slug__startswith=gen.PREFIX)
    assert Process.objects.filter(table__in=tables, slug="plan-action").count() == tables.count()
    assert Stage.objects.filter(table__in=tables).count() == 8 * tables.count()
    links = dict(
        Process.objects.filter(table__in=tables)
        .annotate(n=Count("stages__meetings"))
        .values_list("table__slug", "n")
    )
    assert links["gen-table-001"] == max(links.values()) > 0

    process = Process.objects.get(table__slug="gen-table-001", slug="plan-action")
    coordinator = gen.User.objects.get(email=gen.coordinator_email(1))
    client.force_login(coordinator)
    url = reverse("processes:mobilisation", args=["gen-table-001", "plan-action"])
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.status_code == 200
    assert escape(process.title) in response.content.decode()
    assert "Needed and engaged" in response.content.decode()

    gen.delete_generated()
    assert not Process.objects.exists()
