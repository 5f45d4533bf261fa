"""`make bench`: key pages against a bare Django view, on generated scale-1 data.

1. A dedicated SQLite database under var/bench/ is generated once at scale 1
   (`tablee generate`) and reused; `--regenerate` rebuilds it.
2. The real production server starts (`tablee serve`: collectstatic + gunicorn,
   1 worker, DEBUG=0) with tablee.settings.bench, on a free loopback port.
3. Each page is requested WARMUP + N times; the server reports its SQL query
   count and its time in the X-Bench-Queries / X-Bench-Ms headers.
4. One line per page: `bench page=NAME queries=Q median_ms=M ratio=R`
   (ratio = median / median of the bare view), then the worker's RSS and the
   targets check (queries <= 15, ratio <= 5, rss <= 150 MB).

Standard library only. Usage: python bench/run.py [--regenerate] [--n 50]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
DB = VAR / "bench.sqlite3"
MARKER = VAR / "generated.json"
SERVER_LOG = VAR / "server.log"
SCALE = 1.0
# Bump when `tablee generate` produces new kinds of rows: the cache is rebuilt.
# 4: appreciation wheel campaigns (the wheel overlay page of bench/paths.py).
DATA_VERSION = 4

TARGET_QUERIES = 15
TARGET_RATIO = 5.0
TARGET_RSS_MB = 150.0

# Mirrors tablee/core/generate.py (kept literal: this script does not import Django).
GEN_PASSWORD = "gen-tablee-2026"  # noqa: S105 - documented bench password
GEN_ADMIN_EMAIL = "gen-admin@example.org"
GEN_COORDINATOR_EMAIL = "gen-00001@example.org"
GEN_LARGE_TABLE = "gen-table-001"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tablee.settings.bench",
            "DEBUG": "0",
            "SECRET_KEY": env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{DB}",
            "TABLEE_VAR_DIR": str(VAR),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    for name in ("EMAIL_URL", "CACHE_LOCATION", "SECURE_SSL_REDIRECT", "BEHIND_PROXY"):
        env.pop(name, None)
    return env


ENV = child_env()


def manage(*args: str, capture: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.run(
        command,
        cwd=ROOT,
        env=ENV,
        check=not capture,
        text=True,
        capture_output=capture,
    )


# --- data --------------------------------------------------------------------


def prepare_database(regenerate: bool) -> dict:
    VAR.mkdir(parents=True, exist_ok=True)
    marker = json.loads(MARKER.read_text()) if MARKER.exists() else None
    fresh = (
        regenerate
        or not DB.exists()
        or not marker
        or marker.get("scale") != SCALE
        or marker.get("data_version") != DATA_VERSION
    )
    if fresh:
        for path in (DB, DB.with_name(DB.name + "-wal"), DB.with_name(DB.name + "-shm"), MARKER):
            path.unlink(missing_ok=True)
    print("bench: migrating the bench database…", flush=True)
    manage("migrate", "--noinput", "-v0")
    if fresh:
        print(f"bench: generating scale-{SCALE:g} data (once; cached in {DB})…", flush=True)
        started = time.monotonic()
        manage("generate", "--scale", str(SCALE))
        marker = {
            "scale": SCALE,
            "data_version": DATA_VERSION,
            "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "generate_seconds": round(time.monotonic() - started, 1),
        }
        MARKER.write_text(json.dumps(marker, indent=2))
    print(
        f"bench: data scale={marker['scale']:g} generated_at={marker['generated_at']} "
        f"generate_seconds={marker['generate_seconds']}",
        flush=True,
    )
    return marker


def data_paths() -> dict[str, str]:
    """Addresses of the pages whose ids depend on the generated data (bench/paths.py)."""
    script = (ROOT / "bench" / "paths.py").read_text()
    result = manage("shell", "-c", script, capture=True)
    for line in result.stdout.splitlines():
        if line.startswith("BENCH_PATHS="):
            return json.loads(line.removeprefix("BENCH_PATHS="))
    print(f"bench: could not find the data-dependent pages: {result.stderr[-500:]}", flush=True)
    return {}


def check_production_collectstatic() -> str | None:
    """Run collectstatic with the production storage; return the error, if any.

    The bench server tolerates a missing source map (see tablee/settings/bench.py)
    so that such a packaging problem is reported here instead of hiding the numbers.
    """
    env = {
        **ENV,
        "DJANGO_SETTINGS_MODULE": "tablee.settings.base",
        "STATIC_ROOT": str(VAR / "static-check"),
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "--clear", "-v0"],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=True,
    )
    if result.returncode == 0:
        return None
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "failed" in line]
    return (errors or lines or ["unknown error"])[-1]


def create_api_token(email: str) -> str:
    """Use `tablee token create EMAIL` if it exists, else the service in a shell."""
    if manage("help", "token", capture=True).returncode == 0:
        result = manage("token", "create", email, capture=True)
        if result.returncode == 0:
            for line in reversed(result.stdout.splitlines()):
                match = re.search(r"\btbl_[A-Za-z0-9_\-]+", line)
                if match:
                    return match.group(0)
            lines = [line.strip() for line in result.stdout.splitlines() if line.strip()]
            if lines:
                return lines[-1]
        print(f"bench: `tablee token create` failed, using the service: {result.stderr.strip()}")
    code = (
        "from tablee.accounts.models import User\n"
        "from tablee.accounts.services import api_token_create\n"
        f"user = User.objects.get(email={email!r})\n"
        "_token, raw = api_token_create(user=user, name='bench')\n"
        "print(raw)\n"
    )
    result = manage("shell", "-c", code, capture=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: could not create an API token:\n{result.stderr}")
    return result.stdout.strip().splitlines()[-1]


# --- server ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    log = SERVER_LOG.open("w")
    return subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "serve",
            "--port",
            str(port),
            "--workers",
            "1",
            "--bind",
            "127.0.0.1",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, killed as a whole at the end
    )


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


def wait_until_ready(proc: subprocess.Popen, port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(
                f"bench: the server exited ({proc.returncode}):\n{SERVER_LOG.read_text()[-3000:]}"
            )
        try:
            status, _headers, _body = Client(port).get("/healthz")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"bench: the server did not answer in {timeout:.0f} s")


def worker_pids(master_pid: int) -> list[int]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    if children.exists():
        return [int(pid) for pid in children.read_text().split()]
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            pids.append(int(stat.parent.name))
    return pids


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


# --- HTTP --------------------------------------------------------------------


class Client:
    """A tiny cookie-keeping HTTP client (gunicorn's sync worker closes each connection)."""

    def __init__(self, port: int, headers: dict[str, str] | None = None):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.headers = dict(headers or {})

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        all_headers = {"Host": f"127.0.0.1:{self.port}", **self.headers, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            data = response.read()
            for value in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(value)
                for name, morsel in cookie.items():
                    self.cookies[name] = morsel.value
            return response.status, response.headers, data
        finally:
            conn.close()

    def get(self, path: str):
        return self.request("GET", path)

    def login(self, email: str, password: str) -> None:
        status, _h, body = self.get("/accounts/login/")
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if status != 200 or not match:
            raise SystemExit(f"bench: login page answered {status} without a CSRF token")
        form = urllib.parse.urlencode(
            {"login": email, "password": password, "csrfmiddlewaretoken": match.group(1).decode()}
        ).encode()
        status, _headers, _body = self.request(
            "POST",
            "/accounts/login/",
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{self.port}/accounts/login/",
            },
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise SystemExit(f"bench: login as {email} failed (HTTP {status})")


def measure(client_factory, path: str, n: int, warmup: int):
    """Return (queries, median_ms) from the server's headers, or raise on a non-200."""
    queries, times = [], []
    for i in range(warmup + n):
        client = client_factory()
        status, headers, _body = client.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered HTTP {status}")
        if i >= warmup:
            queries.append(int(headers["X-Bench-Queries"]))
            times.append(float(headers["X-Bench-Ms"]))
    return max(queries), statistics.median(times)


# --- main --------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regenerate", action="store_true", help="rebuild the bench database")
    parser.add_argument("--n", type=int, default=50, help="measured requests per page (50)")
    parser.add_argument("--warmup", type=int, default=5, help="warm-up requests per page (5)")
    args = parser.parse_args()

    prepare_database(args.regenerate)
    problem = check_production_collectstatic()
    if problem:
        print(
            "bench: WARNING production `collectstatic` (tablee serve) fails: "
            f"{problem}\nbench: continuing with the bench storage, which tolerates "
            "missing source maps",
            flush=True,
        )
    token = create_api_token(GEN_ADMIN_EMAIL)
    extra_paths = data_paths()

    print(f"bench: load average before: {load_average()} (timings are noisy on a busy machine)")
    port = free_port()
    proc = start_server(port)
    results: dict[str, tuple[int, float]] = {}
    rss = None
    try:
        wait_until_ready(proc, port)
        coordinator = Client(port)
        coordinator.login(GEN_COORDINATOR_EMAIL, GEN_PASSWORD)
        admin = Client(port)
        admin.login(GEN_ADMIN_EMAIL, GEN_PASSWORD)
        api = Client(port, headers={"Authorization": f"Bearer {token}"})

        pages = [
            ("bare", lambda: Client(port), "/bench/bare"),
            # Informational: the bare view through a signed-in session (+ session/user queries).
            ("bare_auth", lambda: coordinator, "/bench/bare"),
            ("login", lambda: Client(port), "/accounts/login/"),
            ("table_home", lambda: coordinator, f"/t/{GEN_LARGE_TABLE}/"),
            ("tables_list", lambda: admin, "/t/"),
            ("audit_log", lambda: coordinator, f"/t/{GEN_LARGE_TABLE}/audit/"),
            ("api_tables", lambda: api, "/api/v1/tables"),
            ("directory", lambda: coordinator, f"/t/{GEN_LARGE_TABLE}/directory/"),
            ("coverage", lambda: coordinator, f"/t/{GEN_LARGE_TABLE}/coverage/"),
            ("seats", lambda: coordinator, f"/t/{GEN_LARGE_TABLE}/seats/"),
            ("charter", lambda: coordinator, f"/t/{GEN_LARGE_TABLE}/charter/"),
            ("relations_network", lambda: coordinator, f"/t/{GEN_LARGE_TABLE}/relations/network/"),
            *[(name, lambda: coordinator, path) for name, path in extra_paths.items()],
        ]
        bare_ms = None
        for name, factory, path in pages:
            if name == "api_tables":
                status, _h, _b = api.get(path)
                if status == 404:
                    print(
                        f"bench page={name} skipped reason=GET {path} answered 404 "
                        "(endpoint not implemented yet)",
                        flush=True,
                    )
                    continue
            try:
                queries, median_ms = measure(factory, path, args.n, args.warmup)
            except RuntimeError as exc:
                print(f"bench page={name} skipped reason={exc}", flush=True)
                continue
            if name == "bare":
                bare_ms = median_ms
            ratio = median_ms / bare_ms
            results[name] = (queries, median_ms)
            print(
                f"bench page={name} queries={queries} median_ms={median_ms:.2f} ratio={ratio:.2f}",
                flush=True,
            )
        workers = worker_pids(proc.pid)
        if workers:
            rss = max(rss_mb(pid) for pid in workers)
            print(f"bench rss_mb={rss:.1f}", flush=True)
        else:
            print("bench rss_mb=unknown (no gunicorn worker found)", flush=True)
    finally:
        stop_server(proc)

    # Documents: the funder report of the largest plan and the annual report of
    # the large table (seconds, peak memory).
    result = manage("shell", "-c", (ROOT / "bench" / "documents.py").read_text(), capture=True)
    print(result.stdout.strip() or f"bench documents failed: {result.stderr[-500:]}", flush=True)

    print(f"bench: load average after: {load_average()}")
    print(
        f"bench targets: queries <= {TARGET_QUERIES}, ratio <= {TARGET_RATIO:g}, "
        f"rss <= {TARGET_RSS_MB:g} MB"
    )
    over = 0
    bare_ms = results.get("bare", (0, 1.0))[1]
    for name, (queries, median_ms) in results.items():
        if name == "bare_auth":  # informational baseline, not a page
            continue
        ratio = median_ms / bare_ms
        ok = queries <= TARGET_QUERIES and ratio <= TARGET_RATIO
        over += not ok
        detail = []
        if queries > TARGET_QUERIES:
            detail.append(f"queries {queries} > {TARGET_QUERIES}")
        if ratio > TARGET_RATIO:
            detail.append(f"ratio {ratio:.2f} > {TARGET_RATIO:g}")
        suffix = f" ({', '.join(detail)})" if detail else ""
        print(f"bench check page={name} {'OK' if ok else 'OVER'}{suffix}")
    if rss is not None:
        ok = rss <= TARGET_RSS_MB
        over += not ok
        print(f"bench check rss_mb={rss:.1f} {'OK' if ok else 'OVER'}")
    print(f"bench: {'all targets met' if not over else f'{over} over target'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
