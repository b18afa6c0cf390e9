"""Import and export benchmark of the bulk app, end to end through the real importer.

    # SQLite (a fresh database file under --var):
    .venv/bin/python bench/bulk/bench.py --var /tmp/cn-bench all var/bench/postings-100000.xlsx var/bench/seekers-100000.xlsx
    # PostgreSQL:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cn_h7_bench .venv/bin/python bench/bulk/bench.py all ...

`all` migrates, loads the reference data, then runs each import in its own child process
(so each peak RSS is that import's own, measured with resource.getrusage) in "import the
valid rows" mode, times an export of every seeker and every posting, and prints a table.
The files come from bench/bulk/generate.py.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengnuan.settings")
    os.environ.setdefault("CHENGNUAN_ENV", "development")
    os.environ.setdefault("HUEY_IMMEDIATE", "1")
    # Everything is imported while the benchmark waits: no inline/queue split.
    os.environ.setdefault("DEBUG", "0")
    import django

    django.setup()


def bench_user():
    from chengnuan.accounts.models import Department, StaffRole, User, UserKind

    user, _ = User.objects.get_or_create(
        username="bench-province",
        defaults={
            "kind": UserKind.STAFF,
            "role": StaffRole.PROVINCE,
            "area_id": "21",
            "department": Department.HRSS,
        },
    )
    return user


def prepare() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, skip_checks=True)
    call_command("load_reference", verbosity=0)
    bench_user()


def run_import(path: Path, kind: str) -> dict:
    from django.core.files import File

    from chengnuan.bulk.choices import ImportMode
    from chengnuan.bulk.importer import import_run
    from chengnuan.bulk.models import ImportJob

    job = ImportJob(
        kind=kind,
        mode=ImportMode.VALID_ROWS,
        file_name=path.name,
        file_size=path.stat().st_size,
        created_by=bench_user(),
    )
    with path.open("rb") as handle:
        job.file.save(path.name, File(handle), save=False)
    job.save()
    started, cpu_started = time.perf_counter(), cpu_seconds()
    with TreeMemory() as tree:
        job = import_run(job_id=job.pk)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    return {
        "kind": kind,
        "file": path.name,
        "status": job.status,
        "rows": job.total,
        "created": job.created,
        "skipped": job.skipped,
        "errors": job.error_count,
        "seconds": round(seconds, 2),
        "rows_per_s": round(job.total / seconds),
        "cpu_seconds": round(cpu, 2),
        "rows_per_cpu_s": round(job.total / cpu),
        "peak_rss_mb": round(own_rss_mb()),
        "peak_tree_rss_mb": round(tree.peak_mb),
    }


def run_export(kind: str) -> dict:
    from chengnuan.bulk import exports

    user = bench_user()
    started = time.perf_counter()
    with exports.export_workbook(kind=kind, user=user, filters={}) as (handle, count):
        size = os.fstat(handle.fileno()).st_size
    seconds = time.perf_counter() - started
    return {
        "export": kind,
        "rows": count,
        "seconds": round(seconds, 2),
        "mb": round(size / 1e6, 1),
        "peak_rss_mb": round(own_rss_mb()),
    }


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the row-checking workers): on a
    shared machine wall time also counts the neighbours, CPU time does not. The database
    server's own CPU (PostgreSQL) is not included."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def own_rss_mb() -> float:
    """Peak resident memory of the importing process (resource.getrusage; kB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeMemory:
    """Samples the resident memory of this process and its children (the row-checking
    workers) every 0.1 s and keeps the peak of the sum. getrusage cannot give this: a spawned
    worker's ru_maxrss starts at its parent's size, counted before exec replaced it."""

    def __enter__(self) -> "TreeMemory":
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            pids = [os.getpid(), *_children(os.getpid())]
            self.peak_mb = max(self.peak_mb, sum(_rss_kb(pid) for pid in pids) / 1024)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def child(args: list[str]) -> dict:
    output = subprocess.run(  # noqa: S603 (our own script with our own arguments)
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def kind_of(path: Path) -> str:
    return "posting" if "posting" in path.name else "seeker"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--var", help="CHENGNUAN_VAR_DIR for the SQLite file and uploads")
    parser.add_argument("command", choices=["all", "import", "export", "prepare"])
    parser.add_argument("args", nargs="*")
    options = parser.parse_args()
    if options.var:
        os.environ["CHENGNUAN_VAR_DIR"] = options.var
    setup_django()
    if options.command == "prepare":
        prepare()
        print("{}")
    elif options.command == "import":
        path = Path(options.args[0])
        print(json.dumps(run_import(path, kind_of(path)), ensure_ascii=False))
    elif options.command == "export":
        print(json.dumps(run_export(options.args[0]), ensure_ascii=False))
    else:
        from django.db import connection

        var = ["--var", options.var] if options.var else []
        child([*var, "prepare"])
        results = [child([*var, "import", str(Path(p).resolve())]) for p in options.args]
        results += [child([*var, "export", kind]) for kind in ("seekers", "postings")]
        print(f"database: {connection.vendor}")
        for result in results:
            print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
