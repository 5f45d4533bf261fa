from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from tablee.core.charts import Point, Series, bar_chart, line_chart


def test_missing_values_are_gaps_and_stated_never_zero():
    with translation.override("en"):
        chart = line_chart(
            [Series("Households", [Point("2021", 10), Point("2022", None), Point("2023", 14)])],
            title="Food insecurity",
            unit="%",
        )
    # Two separate line segments: the missing year breaks the line.
    assert chart.svg.count("<path d=") == 2
    assert chart.rows[1] == ["2022", "missing"]
    assert "1 value(s) missing" in chart.summary
    assert all(row[1] != "0 %" for row in chart.rows)


def test_target_and_baseline_are_drawn_and_summarised():
    with translation.override("en"):
        chart = line_chart(
            [Series("Meals", [Point("Jan", Decimal("5")), Point("Feb", Decimal("7.5"))])],
            title="Meals served",
            target=10,
            baseline=4,
        )
    assert "Target: 10." in chart.summary and "Baseline: 4." in chart.summary
    assert chart.svg.count("stroke-dasharray") >= 2
    assert chart.columns == ["Period", "Meals"]


def test_text_is_escaped_in_the_svg():
    chart = bar_chart([Point("<script>", 3)], title="A & B")
    assert "<script>" not in chart.svg
    assert "&lt;script&gt;" in chart.svg and "A &amp; B" in chart.svg


def test_each_chart_has_its_own_ids():
    first = bar_chart([Point("a", 1)], title="Same")
    second = bar_chart([Point("a", 1)], title="Same")
    assert (
        first.svg.split('aria-labelledby="')[1][:12]
        != second.svg.split('aria-labelledby="')[1][:12]
    )


def test_bar_chart_with_no_known_value_says_so():
    with translation.override("en"):
        chart = bar_chart([Point("a", None)], title="Nothing")
    assert chart.summary == "No data."
    assert chart.rows == [["a", "missing"]]


def test_french_numbers_use_a_decimal_comma():
    with translation.override("fr-ca"):
        chart = line_chart([Series("S", [Point("2024", 12.5)])], title="T", unit="%")
    assert chart.rows[0][1] == "12,5 %"


def test_the_include_renders_the_table_with_headers():
    chart = line_chart([Series("S", [Point("2024", 3)])], title="Titre")
    html = render_to_string("core/includes/chart.html", {"chart": chart})
    assert "<caption>Titre</caption>" in html and '<th scope="row">2024</th>' in html


def test_radar_chart_draws_one_polygon_per_series_and_tabulates_axes():
    from tablee.core.charts import radar_chart

    axes = ["Vision", "Inclusion", "Decisions", "Communication"]
    table_view = Series("Table", [Point(a, v) for a, v in zip(axes, [8, 6, 7, 5], strict=True)])
    city_view = Series("City", [Point(a, v) for a, v in zip(axes, [6, None, 7, 3], strict=True)])
    with translation.override("en"):
        chart = radar_chart(axes, [table_view, city_view], title="Wheel", max_value=10)
    # Four grid rings plus one polygon per series.
    assert chart.svg.count("<polygon") == 6
    assert chart.rows[1] == ["Inclusion", "6", "missing"]
    assert "highest on Vision (8)" in chart.summary
    assert "lowest on Communication (3)" in chart.summary
