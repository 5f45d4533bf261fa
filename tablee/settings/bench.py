"""Settings for `make bench`: production settings (DEBUG off) plus measuring aids.

- ROOT_URLCONF adds /bench/bare, a bare Django view that is the baseline;
- BenchMiddleware (first in MIDDLEWARE) adds `X-Bench-Queries` (SQL queries of
  the request) and `X-Bench-Ms` (server time around the rest of the stack);
- plain http on loopback: no SSL redirect, no secure-only cookies.
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL come from the environment as usual.
"""

from tablee.settings.base import *  # noqa: F403
from tablee.settings.base import MIDDLEWARE

ROOT_URLCONF = "tablee.settings.bench_urls"
MIDDLEWARE = ["tablee.settings.bench_urls.BenchMiddleware", *MIDDLEWARE]

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
