"""Page weight of the job search (/jobs/) and a job's page, as a phone on a slow network pays
for it, one command:

    .venv/bin/python bench/pages/weight.py            # prints the figures
    .venv/bin/python bench/pages/weight.py --write    # and appends them to RESULTS.md

Starts the platform as production serves it, in a directory of its own under /tmp (never the
dev database): SQLite, 300 demo postings, `collectstatic` into hashed, pre-compressed files
(STATIC_HASHED=1, DEBUG=0), gunicorn with WhiteNoise answering /static/. Then a headless
Chromium opens each page twice in one browser profile (first load with an empty cache, then a
repeat visit) and adds up the bytes that came over the wire:

- the page's requests: Chrome's DevTools Network events, `encodedDataLength` of every
  `loadingFinished` (compressed body plus headers; 0 for what came from a cache);
- the service worker's own fetches (the app shell on the first visit, the page it fetches for
  the tab on a repeat visit): DevTools cannot be attached to the worker through Playwright, so
  Playwright's `request.sizes()` for the requests it reports as the worker's (body as sent
  plus headers; a negative body means the HTTP cache answered);
- what the browser fetches by itself, `/sw.js` (checked on every visit) and the manifest: their
  compressed size, fetched once with `Accept-Encoding: gzip`, on both visits.

Targets (issue 11): at most 60 KiB on first load, 20 KiB on a repeat visit."""

import argparse
import datetime
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(__file__).with_name("RESULTS.md")
PY = str(ROOT / ".venv" / "bin" / "python")
FIRST_LOAD_BUDGET, REPEAT_BUDGET = 60 * 1024, 20 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(env: dict[str, str]) -> None:
    def manage(*args: str) -> None:
        subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603 (our own commands)

    manage("migrate", "--noinput", "-v0")
    manage("createcachetable")
    manage("load_reference")
    manage("generate_demo", "--postings", "300", "--seekers", "0", "--seed", "3")
    manage("collectstatic", "--noinput", "-v0")


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    bind = f"127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 (our own server with our own arguments)
        [
            gunicorn,
            "chengnuan.wsgi:application",
            "--bind",
            bind,
            "--workers",
            "2",
            "--threads",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


class Meter:
    """Bytes over the wire of one visit: the page's (DevTools) and the service worker's."""

    def __init__(self, extra: list[tuple[str, int]]) -> None:
        self.extra = extra
        self.requests: list[tuple[str, int]] = []
        self._urls: dict[str, str] = {}

    @property
    def total(self) -> int:
        return sum(size for _url, size in self.requests)

    def attach(self, context, session) -> None:
        session.send("Network.enable")
        session.on("Network.requestWillBeSent", self._sent)
        session.on("Network.loadingFinished", self._finished)
        context.on("requestfinished", self._worker_finished)

    def _sent(self, event: dict) -> None:
        self._urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event: dict) -> None:
        url = self._urls.get(event["requestId"], "?")
        self.requests.append((url, int(event.get("encodedDataLength", 0))))

    def _worker_finished(self, request) -> None:
        if request.service_worker is None or request.url.endswith("/sw.js"):
            return  # the page's requests are counted above; sw.js is in `extra`
        sizes = request.sizes()
        if sizes["responseBodySize"] >= 0:  # negative: answered by the HTTP cache
            sent = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            self.requests.append(("(service worker) " + request.url, sent))

    def start(self) -> None:
        self.requests = list(self.extra)


def browser_fetches(base: str) -> list[tuple[str, int]]:
    """/sw.js and the manifest as sent compressed, with an estimate of their headers."""
    found = []
    for path in ("/sw.js", "/manifest.webmanifest"):
        # Our own server on 127.0.0.1 (http only).
        request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})  # noqa: S310
        with urllib.request.urlopen(request) as response:  # noqa: S310
            headers = sum(len(k) + len(v) + 4 for k, v in response.getheaders())
            found.append((f"(browser) {base}{path}", len(response.read()) + headers))
    return found


def measure(base: str, paths: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    extra = browser_fetches(base)
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for path in paths:
            context = browser.new_context(
                base_url=base, locale="zh-CN", viewport={"width": 375, "height": 800}
            )
            page = context.new_page()
            meter = Meter(extra)
            meter.attach(context, context.new_cdp_session(page))
            visits = []
            for visit in ("first", "repeat"):
                meter.start()
                page.goto(path, wait_until="networkidle")
                if visit == "first":
                    # The service worker installs after the first load and fetches the shell:
                    # part of the first visit's cost, counted once it is done.
                    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
                page.wait_for_timeout(800)
                visits.append((meter.total, list(meter.requests)))
            rows.append({"path": path, "first": visits[0], "repeat": visits[1]})
            context.close()
        browser.close()
    return rows


def posting_path(env: dict[str, str]) -> str:
    code = (
        "import django; django.setup();"
        "from chengnuan.employment.selectors.postings import public_postings;"
        "print(public_postings().first().pk)"
    )
    env = env | {"DJANGO_SETTINGS_MODULE": "chengnuan.settings"}
    out = subprocess.run(  # noqa: S603 (our own code)
        [PY, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return f"/jobs/{out.stdout.decode().strip()}/"


def report(rows: list[dict]) -> str:
    def kib(n: int) -> str:
        return f"{n / 1024:.1f} KiB"

    lines = [
        "| page | first load (budget 60 KiB) | repeat visit (budget 20 KiB) |",
        "|---|---|---|",
    ]
    for row in rows:
        first, repeat = row["first"][0], row["repeat"][0]
        lines.append(
            f"| `{row['path']}` | {kib(first)}{'' if first <= FIRST_LOAD_BUDGET else ' (over)'}"
            f" | {kib(repeat)}{'' if repeat <= REPEAT_BUDGET else ' (over)'} |"
        )
    lines.append("")
    for row in rows:
        for visit in ("first", "repeat"):
            parts = ", ".join(
                f"{re.sub(r'https?://[^/]+', '', url)} {size:,}"
                for url, size in row[visit][1]
                if size
            )
            lines.append(f"- `{row['path']}` {visit}: {parts}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="append the figures to RESULTS.md")
    args = parser.parse_args()
    var_dir = tempfile.mkdtemp(prefix="bench-pages-")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}} | {
        "CHENGNUAN_ENV": "development",
        "CHENGNUAN_VAR_DIR": var_dir,
        "DEBUG": "0",
        "STATIC_HASHED": "1",
        "HUEY_IMMEDIATE": "1",
    }
    try:
        prepare(env)
        port = free_port()
        server = start_server(env, port)
        try:
            rows = measure(f"http://127.0.0.1:{port}", ["/jobs/", posting_path(env)])
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    text = report(rows)
    print(text)
    if args.write:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write(f"\n## {stamp}: `.venv/bin/python bench/pages/weight.py --write`\n\n")
            out.write(text + "\n")
    over = [r for r in rows if r["first"][0] > FIRST_LOAD_BUDGET or r["repeat"][0] > REPEAT_BUDGET]
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
