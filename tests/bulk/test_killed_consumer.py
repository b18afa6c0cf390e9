"""A task consumer killed with SIGKILL in the middle of a large import (issue 9): its checker
processes die with it, a restarted consumer ends the import as failed within a minute, with
nothing half-written and the upload deleted, and the clerk reads what happened.

Real processes: `manage.py run_huey` (tests/bulk/consumer_settings.py: a 12 s lease, two
checker processes) on a database that other processes can open (the PostgreSQL test
database; on SQLite, a file copy of the in-memory test database that this test uses too) and
on the Huey queue of this test run."""

import datetime
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, suppress
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.urls import reverse
from huey.contrib.djhuey import HUEY
from stdnum.cn import ric

from chengnuan.bulk.choices import ImportKind, ImportMode, ImportStatus
from chengnuan.bulk.models import ImportJob
from chengnuan.bulk.services import imports
from chengnuan.employment.models import JobSeeker
from tests.bulk.sheets import worker_name
from tests.employment.views_support import staff_signed_in
from tests.factories import StaffFactory

ROOT = Path(__file__).resolve().parents[2]
ROWS = 20_000  # some seconds of checking in two worker processes

pytestmark = pytest.mark.slow


# --- processes -----------------------------------------------------------------------------------


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            after_name = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if int(after_name[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent has not collected it yet


def within(seconds: float, condition: Callable[[], object]) -> object:
    """The condition's first true value within `seconds`, or its last false one."""
    deadline = time.monotonic() + seconds
    while not (value := condition()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return value


def kill_all(pids: set[int]) -> None:
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


PARENT_SCRIPT = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor

from chengnuan.bulk import parallel


def pid_after(seconds):
    time.sleep(seconds)
    return os.getpid()


if __name__ == "__main__":
    pool = ProcessPoolExecutor(
        2,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=parallel._die_with_parent,
        initargs=(os.getpid(),),
    )
    print(*set(pool.map(pid_after, [0.5, 0.5])), flush=True)
    time.sleep(120)  # the workers wait for more work, like an import's between two chunks
"""


@pytest.mark.django_db
def test_checker_processes_die_with_the_process_that_started_them(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(PARENT_SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, env=env)
    workers: set[int] = set()
    try:
        workers = {int(pid) for pid in parent.stdout.readline().split()}
        assert len(workers) == 2 and all(alive(pid) for pid in workers)
        parent.kill()  # SIGKILL: no clean-up of the pool
        parent.wait(10)
        assert within(5, lambda: not any(alive(pid) for pid in workers))
    finally:
        parent.kill()
        kill_all(workers)


class Consumer:
    """`manage.py run_huey` on the shared database and this test run's Huey queue, in a
    process group of its own."""

    def __init__(
        self,
        database_url: str,
        log: Path,
        settings_module: str = "tests.bulk.consumer_settings",
        **extra_env: str,
    ) -> None:
        env = {
            **os.environ,
            **extra_env,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "CHENGNUAN_ENV": "test",
            "HUEY_IMMEDIATE": "0",
            "CHENGNUAN_VAR_DIR": str(django_settings.VAR_DIR),  # its Huey queue and media
            "DATABASE_URL": database_url,
        }
        self.log = log
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "run_huey"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        return self.process.pid

    def kill(self) -> None:
        """SIGKILL to the consumer alone, as the OOM killer or `kill -9` would."""
        self.process.kill()
        self.process.wait(10)

    def stop(self) -> None:
        """The consumer and whatever is left of its process group."""
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


# --- the database, the queue and the files that the consumers share with this test ----------------


def postgres_url(settings_dict: dict) -> str:
    user = quote(settings_dict["USER"] or "")
    password = quote(settings_dict["PASSWORD"] or "")
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{settings_dict['NAME']}"


@pytest.fixture
def shared_database(reference_data, tmp_path) -> Iterator[str]:
    """The DATABASE_URL of a database that the consumers and this test both use, with the
    reference data. SQLite's test database is in this process's memory: the test moves to a
    file copy of it for its length."""
    if connection.vendor == "postgresql":
        yield postgres_url(connection.settings_dict)
        return
    memory = connections["default"]
    path = tmp_path / "shared.sqlite3"
    memory.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        memory.connection.backup(copy)
    on_file = type(memory)({**memory.settings_dict, "NAME": str(path)}, "default")
    connections["default"] = on_file
    try:
        yield f"sqlite:///{path}"
    finally:
        on_file.close()
        connections["default"] = memory


@pytest.fixture
def shared_queue() -> Iterator[None]:
    """Tasks go to this test run's Huey queue, the consumers' (not run at once as in the other
    tests), empty before and after."""
    immediate = HUEY.immediate
    HUEY.immediate = False
    HUEY.flush()
    yield
    HUEY.flush()
    HUEY.immediate = immediate


@pytest.fixture
def shared_media(settings) -> None:
    """Uploads where the consumers look for them: CHENGNUAN_VAR_DIR/media."""
    location = str(django_settings.VAR_DIR / "media")
    settings.STORAGES = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": {"location": location}}}  # fmt: skip


def sessions_of(name: str) -> int:
    """Sessions on the PostgreSQL test database whose application_name is `name`."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [name])
        return int(cursor.fetchone()[0])


def big_sheet(rows: int) -> bytes:
    """A CSV of `rows` distinct, valid job seekers of 铁西区."""
    lines = ["姓名,身份证号,手机号,现居住县区,现居住乡镇街道,想做的工作,期望工资,本人已同意登记"]
    first_birthday = datetime.date(1990, 1, 1)
    for n in range(rows):
        birth = first_birthday + datetime.timedelta(days=n // 500)
        body = f"210106{birth:%Y%m%d}{n % 500 * 2 + 1:03d}"
        id_number = body + ric.calc_check_digit(body + "0")
        lines.append(f"{worker_name(n)},{id_number},139{n:08d},铁西区,昆明湖街道,装配钳工,5000,是")
    return "\n".join(lines).encode()


def checked_in_workers(consumer: Consumer, job: ImportJob) -> set[int]:
    """Once the job is being checked by worker processes: the consumer's child processes."""

    def checking() -> set[int]:
        job.refresh_from_db()
        assert not job.is_finished, f"{job.status}: {job.message}\n{consumer.output()}"
        assert consumer.process.poll() is None, consumer.output()
        children = children_of(consumer.pid)
        busy = job.status == ImportStatus.READING and job.processed > 0
        return children if busy and len(children) >= 2 else set()

    children = within(90, checking)
    assert children, f"never seen checking in workers\n{consumer.output()}"
    return children  # type: ignore[return-value]


# --- the killed consumer ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_killed_consumers_import_is_ended_as_failed_by_the_restarted_one(
    shared_database, shared_queue, shared_media, tmp_path, client
):
    clerk = StaffFactory()
    on_postgres = connection.vendor == "postgresql"
    # Its checkers' sessions too: they take the consumer's database settings.
    named = (
        f"{shared_database}?application_name=killed-consumer" if on_postgres else shared_database
    )
    first = Consumer(named, tmp_path / "consumer-1.log")
    second = None
    try:
        job = imports.import_job_start(
            user=clerk,
            kind=ImportKind.SEEKER,
            mode=ImportMode.ALL_OR_NOTHING,
            upload=SimpleUploadedFile("全县求职登记.csv", big_sheet(ROWS)),
        )
        upload_path = Path(job.file.path)
        checkers = checked_in_workers(first, job)
        first.kill()
        # Restarted at once: the dead consumer's lease is still fresh.
        second = Consumer(shared_database, tmp_path / "consumer-2.log")
        restarted = time.monotonic()
        assert within(5, lambda: not any(alive(pid) for pid in checkers)), "checkers outlived it"
        if on_postgres:
            assert within(5, lambda: sessions_of("killed-consumer") == 0), "sessions outlived it"
        assert within(60, lambda: ImportJob.objects.get(pk=job.pk).is_finished), second.output()
        took = time.monotonic() - restarted
    finally:
        first.stop()
        if second:
            second.stop()

    job.refresh_from_db()
    assert (job.status, job.message) == (ImportStatus.FAILED, imports.ABANDONED_MESSAGE), took
    assert JobSeeker.objects.count() == 0 and job.created == 0  # nothing half-written
    assert not job.file and not upload_path.exists()
    staff_signed_in(client, clerk)
    page = client.get(reverse("bulk:import_detail", args=[job.pk])).content.decode()
    assert "后台处理程序中途停了" in page and ">重新导入</a>" in page
