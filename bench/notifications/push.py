"""Push benchmark of the notifications outbox, end to end: 100,000 messages stored through
notifications_send_bulk (preferences, consents, cap, rendering, inbox rows, encrypted SMS
deliveries) and delivered by a real task consumer (`manage.py run_huey`) through the
development (console) SMS backend.

    # SQLite (a fresh database file under --var):
    .venv/bin/python bench/notifications/push.py --var /tmp/cn-push-sqlite
    # PostgreSQL (an empty database):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cn_push_bench \
        .venv/bin/python bench/notifications/push.py --var /tmp/cn-push-pg

It migrates, writes --people workers with a job seeker registration that chose SMS and
agreed to pushes and SMS (not timed), starts the consumer, then times the send (store) and
the delivery until every delivery is sent. The consumer's console output (one line an SMS)
goes to a file under --var, as a developer's terminal would take it.
"""

import argparse
import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def setup_django(var: Path) -> None:
    os.environ["CHENGNUAN_VAR_DIR"] = str(var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengnuan.settings")
    os.environ.setdefault("CHENGNUAN_ENV", "development")
    os.environ["HUEY_IMMEDIATE"] = "0"  # the consumer delivers, not this process
    os.environ.setdefault("DEBUG", "0")
    import django

    django.setup()


def prepare(people: int) -> list[int]:
    """Migrate and write the recipients (bulk inserts; not timed). Their user ids."""
    from django.core.management import call_command
    from django.db import transaction

    from chengnuan.accounts.models import User
    from chengnuan.core import crypto
    from chengnuan.core.fastinsert import RowInserter
    from chengnuan.employment.choices import PushChannel, PushFrequency
    from chengnuan.employment.models import Consent, ConsentMethod, ConsentPurpose, JobSeeker

    call_command("migrate", verbosity=0, skip_checks=True)
    call_command("load_reference", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the consumer's heartbeat writes there
    if User.objects.filter(username="bench-push-0").exists():
        return list(
            User.objects.filter(username__startswith="bench-push-").values_list("pk", flat=True)
        )
    with transaction.atomic():
        phones = [f"139{n:08d}" for n in range(people)]
        user_ids = RowInserter(User).insert(
            [
                {
                    "username": f"bench-push-{n}",
                    "kind": "worker",
                    "phone": phone,
                    "phone_hash": crypto.lookup_hash(phone),
                    "phone_masked": crypto.mask_phone(phone),
                    "password": "!",
                }
                for n, phone in enumerate(phones)
            ]
        )
        seeker_ids = RowInserter(JobSeeker).insert(
            [
                {
                    "user_id": user_id,
                    "name": "工友",
                    "id_number": f"21010619900101{n:04d}",
                    "id_number_hash": crypto.lookup_hash(f"bench-{n}"),
                    "id_number_masked": "210106********0000",
                    "birth_date": datetime.date(1990, 1, 1),
                    "gender": "M",
                    "phone": phone,
                    "phone_hash": crypto.lookup_hash(phone),
                    "phone_masked": crypto.mask_phone(phone),
                    "residence_id": "210106001",
                    "area_code": "210106001",
                    "push_channel": PushChannel.SMS,
                    "push_frequency": PushFrequency.DAILY,
                }
                for n, (user_id, phone) in enumerate(zip(user_ids, phones, strict=True))
            ]
        )
        RowInserter(Consent).insert(
            [
                {
                    "seeker_id": seeker_id,
                    "purpose": purpose,
                    "granted": True,
                    "method": ConsentMethod.ONLINE,
                }
                for seeker_id in seeker_ids
                for purpose in (ConsentPurpose.PUSH, ConsentPurpose.SMS)
            ],
            returning=False,
        )
    return user_ids


def start_consumer(var: Path) -> subprocess.Popen:
    log = (var / "consumer.log").open("ab")
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_huey"],
        cwd=ROOT,
        env={**os.environ, "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING")},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def cpu_of(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--var", type=Path, required=True, help="a directory for this run")
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument(
        "--per-transaction",
        type=int,
        default=0,
        help="messages a notifications_send_bulk call (each its own transaction, as a push "
        "run city by city makes them); 0: all in one",
    )
    args = parser.parse_args()
    args.var.mkdir(parents=True, exist_ok=True)
    setup_django(args.var)

    from django.db import connection, transaction
    from django.urls import get_resolver
    from huey.contrib.djhuey import HUEY

    from chengnuan.notifications.choices import DeliveryStatus
    from chengnuan.notifications.models import Delivery
    from chengnuan.notifications.services import Outgoing, notifications_send_bulk
    from chengnuan.notifications.topics import Topic, register_topic

    register_topic(
        Topic(
            code="bench.new_jobs",
            label="新岗位推荐",
            title="有{{ count }}个新岗位适合您",
            body="{{ title }}：{{ reason }}",
            sms="有{{ count }}个新岗位适合您：{{ title }}",
            consent="push",
            promotional=True,
        )
    )
    user_ids = prepare(args.people)
    get_resolver().reverse("home")  # URLs loaded, as in any running process, before timing
    before = Delivery.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    HUEY.flush()
    consumer = start_consumer(args.var)
    try:
        time.sleep(3)  # the consumer is up before the clock starts
        run = int(time.time())
        messages = [
            Outgoing(
                recipient_id=user_id,
                topic="bench.new_jobs",
                context={"count": 3, "title": "保洁员等岗位", "reason": "离您住处3公里，包住"},
                dedupe_key=f"bench:{run}:{user_id}",
                link=f"/jobs/{n % 5000 + 1}/",
            )
            for n, user_id in enumerate(user_ids)
        ]
        step = args.per_transaction or len(messages)
        consumer_cpu = cpu_of(consumer.pid)
        started, store_cpu = time.perf_counter(), time.process_time()
        stored = 0
        for first in range(0, len(messages), step):
            with transaction.atomic():
                stored += notifications_send_bulk(messages=messages[first : first + step])
        store_seconds, store_cpu = time.perf_counter() - started, time.process_time() - store_cpu
        ours = Delivery.objects.filter(pk__gt=before)
        pending = ours.exclude(status=DeliveryStatus.SENT)
        while pending.exists():
            assert consumer.poll() is None, "the consumer stopped"
            time.sleep(0.2)
        total = time.perf_counter() - started
        consumer_cpu = cpu_of(consumer.pid) - consumer_cpu
    finally:
        consumer.kill()
        consumer.wait()
    sent = ours.filter(status=DeliveryStatus.SENT).count()
    print(f"database: {connection.vendor}, messages a transaction: {step:,}")
    print(f"messages stored: {stored:,}  SMS deliveries sent: {sent:,}")
    print(f"store: {store_seconds:.1f} s ({stored / store_seconds:,.0f} messages/s)")
    print(f"last delivery after the store ended: {total - store_seconds:.1f} s")
    print(f"end to end: {total:.1f} s ({stored / total:,.0f} messages/s)")
    # On a shared machine wall time also counts the neighbours; CPU time does not (the
    # database server's own CPU, on PostgreSQL, is not included).
    print(
        f"CPU: store {store_cpu:.1f} s + consumer {consumer_cpu:.1f} s = "
        f"{stored / (store_cpu + consumer_cpu):,.0f} messages per CPU second"
    )
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
