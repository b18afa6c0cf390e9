"""Matching at province scale: a full recompute of every city, then an incremental run for
about 10,000 newly published postings, each phase in a process of its own (so its peak
memory is its own), on the data bench/matching/generate.py wrote:

    .venv/bin/python bench/matching/run.py --db sqlite
    .venv/bin/python bench/matching/run.py --db postgres

The new postings are written by employment's demo writer like the rest; the writer dates
publication at random in the past two months, so the bench moves the new ones' published_at
to a few minutes ago (past matching's settling time), as if they had just been published.
Figures are appended to RESULTS.md."""

import argparse
import datetime
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from setup_env import setup_django

RESULTS = Path(__file__).with_name("RESULTS.md")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--phase", choices=["recompute", "new", "rewind", "incremental"], default=None
    )
    parser.add_argument("--last-old-id", type=int, default=0, help="for --phase rewind")
    parser.add_argument("--new", type=int, default=13_000, help="postings to generate as new")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--no-write", action="store_true", help="do not append to RESULTS.md")
    return parser.parse_args()


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cities() -> list[str]:
    from chengnuan.regions.selectors import cities as all_cities

    return [c.code for c in all_cities()]


def phase_recompute() -> dict[str, object]:
    from chengnuan.matching.models import Match
    from chengnuan.matching.services.compute import matches_recompute

    started = time.monotonic()
    per_city = {}
    for code in cities():
        t = time.monotonic()
        run = matches_recompute(city_code=code)
        if not run.claimed:
            raise SystemExit(f"city {code} is claimed by another consumer (an earlier run?)")
        per_city[code] = (run.postings, run.seekers, run.written, round(time.monotonic() - t, 1))
        print(code, per_city[code], file=sys.stderr, flush=True)
    return {
        "seconds": round(time.monotonic() - started, 1),
        "matches": Match.objects.count(),
        "per_city": per_city,
    }


def phase_new(count: int, seed: int) -> dict[str, object]:
    from django.db.models import Max

    from chengnuan.employment.demo.writer import generate_demo
    from chengnuan.employment.models import Posting
    from chengnuan.employment.selectors.postings import public_postings

    before = Posting.objects.aggregate(m=Max("id"))["m"] or 0
    generate_demo(postings=count, seekers=0, seed=seed)
    _restamp(before)
    public_new = public_postings().filter(id__gt=before).count()
    return {"generated": count, "public_new": public_new}


def _restamp(last_old_id: int) -> None:
    """The postings above `last_old_id` published just now, a millisecond apart, after every
    older posting and past the settling time."""
    from django.db import transaction
    from django.utils import timezone

    from chengnuan.employment.models import Posting

    fresh = Posting.objects.filter(id__gt=last_old_id, published_at__isnull=False)
    now = timezone.now() - datetime.timedelta(minutes=3)
    ids = list(fresh.order_by("id").values_list("id", flat=True))
    with transaction.atomic():
        for i, pk in enumerate(ids):
            Posting.objects.filter(pk=pk).update(
                published_at=now - datetime.timedelta(milliseconds=len(ids) - i)
            )


def phase_rewind(last_old_id: int) -> dict[str, object]:
    """Put every city's watermark back before the postings above `last_old_id` and drop
    their matches, so the incremental phase can be measured again on the same new postings
    (after a recompute that already saw them)."""
    from chengnuan.matching.models import CityWatermark, Match
    from chengnuan.matching.selectors.frames import postings_for_matching

    _restamp(last_old_id)
    dropped, _ = Match.objects.filter(posting_id__gt=last_old_id).delete()
    for mark in CityWatermark.objects.all():
        last = (
            postings_for_matching(mark.city_code)
            .filter(id__lte=last_old_id)
            .order_by("-published_at", "-id")
            .values_list("published_at", "id")
            .first()
        )
        if last is not None:
            CityWatermark.objects.filter(pk=mark.pk).update(
                published_at=last[0], posting_id=last[1]
            )
    return {"dropped": dropped}


def phase_incremental() -> dict[str, object]:
    from chengnuan.matching.services.compute import match_new_postings

    started = time.monotonic()
    taken = written = 0
    for code in cities():
        run = match_new_postings(city_code=code)
        if not run.claimed:
            raise SystemExit(f"city {code} is claimed by another consumer (an earlier run?)")
        taken += run.postings
        written += run.written
    return {"seconds": round(time.monotonic() - started, 1), "postings": taken, "written": written}


def child(args: argparse.Namespace, phase: str) -> dict[str, object]:
    command = [sys.executable, __file__, "--db", args.db, "--phase", phase, "--new", str(args.new)]
    command += ["--seed", str(args.seed)]
    # The bench runs its own file with the same interpreter: nothing from outside.
    out = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout  # noqa: S603
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    args = parse_args()
    setup_django(args.db)
    if args.phase:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        result = {
            "recompute": phase_recompute,
            "new": lambda: phase_new(args.new, args.seed),
            "rewind": lambda: phase_rewind(args.last_old_id),
            "incremental": phase_incremental,
        }[args.phase]()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu = round(usage.ru_utime + usage.ru_stime, 1)
        print(json.dumps(result | {"peak_mib": round(peak_mib()), "cpu_seconds": cpu}))
        return
    from chengnuan.employment.models import JobSeeker
    from chengnuan.employment.selectors.postings import public_postings

    load = Path("/proc/loadavg").read_text().split()[0]
    seekers = JobSeeker.objects.count()
    active = public_postings().count()
    recompute = child(args, "recompute")
    new = child(args, "new")
    incremental = child(args, "incremental")
    report = {
        "db": args.db,
        "seekers": seekers,
        "public_postings": active,
        "recompute": recompute,
        "new": new,
        "incremental": incremental,
        "load": load,
    }
    print(json.dumps(report, indent=1))
    if not args.no_write:
        write(report, args)


def write(report: dict, args: argparse.Namespace) -> None:
    recompute, incremental, new = report["recompute"], report["incremental"], report["new"]
    text = f"""
## {report["db"]}, {report["seekers"]:,} seekers, {report["public_postings"]:,} public postings, {datetime.date.today()}

Command: `.venv/bin/python bench/matching/run.py --db {args.db}` (load average at start {report["load"]} on 2 cores)

| phase | wall time | CPU time of the process | peak memory (RSS) | what |
|---|---|---|---|---|
| full recompute, every city | **{recompute["seconds"]} s** | {recompute["cpu_seconds"]} s | {recompute["peak_mib"]} MiB | {recompute["matches"]:,} matches stored |
| incremental, new postings | **{incremental["seconds"]} s** | {incremental["cpu_seconds"]} s | {incremental["peak_mib"]} MiB | {incremental["postings"]:,} new postings taken ({new["public_new"]:,} public of {new["generated"]:,} generated), {incremental["written"]:,} matches written |

Per city (postings, seekers, matches written, seconds) in the full run: {recompute["per_city"]}
"""
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    main()
