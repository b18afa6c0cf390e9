"""Generates the matching benchmark's data with employment's demo writer (the one behind
`manage.py generate_demo`), skipping the search index rebuild the command adds:

    .venv/bin/python bench/matching/generate.py --db sqlite --seekers 1000000 --postings 260000

About 77% of generated postings are public (published, in date, verified employer), so
260,000 generated give about 200,000 active ones."""

import argparse
import time

from setup_env import setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seekers", type=int, default=1_000_000)
    parser.add_argument("--postings", type=int, default=260_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    setup_django(args.db)
    from django.core.management import call_command

    from chengnuan.employment.demo.writer import generate_demo

    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    started = time.monotonic()

    def progress(what: str, done: int, total: int) -> None:
        if done == total or done % 50_000 == 0:
            print(f"{what} {done}/{total} {time.monotonic() - started:.0f}s", flush=True)

    counts = generate_demo(
        postings=args.postings, seekers=args.seekers, seed=args.seed, progress=progress
    )
    print(f"generated {counts} in {time.monotonic() - started:.0f}s", flush=True)


if __name__ == "__main__":
    main()
