"""Bench-only URLs and middleware (used by tablee.settings.bench, never in production)."""

import time

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

from tablee.urls import handler403, handler404, handler500
from tablee.urls import urlpatterns as base_urlpatterns

__all__ = ["BenchMiddleware", "bare_view", "handler403", "handler404", "handler500", "urlpatterns"]


def bare_view(request: HttpRequest) -> HttpResponse:
    """The baseline: Django's whole middleware stack and nothing else."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare_view, name="bench-bare"), *base_urlpatterns]


class BenchMiddleware:
    """Count the SQL queries of each request and time it, in response headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        response["X-Bench-Queries"] = str(count)
        response["X-Bench-Ms"] = f"{elapsed_ms:.2f}"
        return response
