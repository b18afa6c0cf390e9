"""Accuracy and speed of the job-title -> occupation classifier (chengnuan.search.classify).

    # once: a database with the reference tables loaded
    DATABASE_URL=sqlite:////tmp/cn-classifier.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/cn-classifier.sqlite3 .venv/bin/python manage.py load_reference
    # then
    DATABASE_URL=sqlite:////tmp/cn-classifier.sqlite3 .venv/bin/python bench/classifier/evaluate.py
    # the dev half's mistakes, one per line (never the held-out half's):
    ... bench/classifier/evaluate.py --dev-errors

The labelled set is data/labelled/job_titles.csv (real titles, our labels; see SOURCES.md).
Each row lists every code we accept for the title ("|"-separated). A prediction is right at
the detailed level when its code is one of them, and right at the major-group level when its
first digit is the first digit of one of them. An unclassified title counts as wrong.
Top-3 means one of the first three candidates is right. Only the dev half may be looked at
when changing the classifier; the held-out half is reported, never inspected.

The non-job strings below are ours (not from the labelled source): they check that text naming
no job is left unclassified rather than guessed. The speed figure classifies 10,000 distinct
titles (labelled titles with job-ad words and numbers glued on) with an empty answer cache,
after building the model once.
"""

import argparse
import csv
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
LABELLED = ROOT / "data" / "labelled" / "job_titles.csv"
SPLITS = ("dev", "heldout")

NOT_JOBS = (
    "",
    "   ",
    "asdfgh",
    "qwerty123",
    "上山打老虎",
    "今天天气不错",
    "你好",
    "谢谢",
    "123456",
    "！！！",
    "包吃住 日结",
    "长白班 双休 五险一金",
    "月薪8000-12000",
    "有限公司",
    "沈阳市浑南区",
    "急招",
    "联系电话13800000000",
    "红烧肉",
    "苹果香蕉",
    "明天见",
)

PADDING = ("急招", "包吃住", "日结", "长白班", "月薪8000", "沈阳", "大连", "双休", "五险一金", "")


@dataclass
class Tally:
    n: int = 0
    top1: int = 0
    top3: int = 0
    major1: int = 0
    major3: int = 0
    unclassified: int = 0

    def row(self, name: str) -> str:
        def pct(k: int) -> str:
            return f"{100 * k / self.n:.1f}% ({k})" if self.n else "-"

        cells = (
            name,
            str(self.n),
            pct(self.top1),
            pct(self.top3),
            pct(self.major1),
            pct(self.major3),
            pct(self.unclassified),
            pct(self.n - self.top1 - self.unclassified),
        )
        return "| " + " | ".join(cells) + " |"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengnuan.settings")
    os.environ.setdefault("CHENGNUAN_ENV", "development")
    os.environ.setdefault("DEBUG", "0")
    import django

    django.setup()


def labelled_rows() -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def evaluate(rows: list[dict[str, str]], show_dev_errors: bool) -> dict[str, Tally]:
    from chengnuan.search.classify import classify

    tallies = {split: Tally() for split in SPLITS}
    for row in rows:
        gold = set(row["codes"].split("|"))
        gold_majors = {code[0] for code in gold}
        codes = [c.code for c in classify(row["title"], top_k=3)]
        tally = tallies[row["split"]]
        tally.n += 1
        tally.top1 += bool(codes) and codes[0] in gold
        tally.top3 += bool(gold.intersection(codes))
        tally.major1 += bool(codes) and codes[0][0] in gold_majors
        tally.major3 += any(code[0] in gold_majors for code in codes)
        tally.unclassified += not codes
        if show_dev_errors and row["split"] == "dev" and not (codes and codes[0] in gold):
            print(f"dev error\t{row['title']}\tgold={row['codes']}\tgot={','.join(codes) or '-'}")
    return tallies


def speed(rows: list[dict[str, str]], count: int) -> tuple[float, float]:
    from chengnuan.search.classify import classify, reset_classifier, suggest_occupation

    rng = random.Random(20240603)
    titles = [r["title"] for r in rows]
    batch = [
        f"{rng.choice(PADDING)}{rng.choice(titles)}{rng.choice(PADDING)}{i}" for i in range(count)
    ]
    reset_classifier()
    started = time.process_time()
    suggest_occupation("普工")  # builds the model
    built = time.process_time() - started
    started = time.process_time()
    for title in batch:
        classify(title)
    return built, time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-errors", action="store_true", help="list the dev half's mistakes")
    parser.add_argument("--speed-titles", type=int, default=10_000)
    args = parser.parse_args()
    setup_django()
    from chengnuan.search.classify import suggest_occupation

    rows = labelled_rows()
    built, elapsed = speed(rows, args.speed_titles)
    tallies = evaluate(rows, args.dev_errors)
    guessed = [text for text in NOT_JOBS if suggest_occupation(text) is not None]

    print(
        "| split | titles | top-1 detailed | top-3 detailed | top-1 major group | top-3 major group | unclassified | wrong top-1 guess |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for split in SPLITS:
        print(tallies[split].row(split))
    print()
    print(
        f"Non-job strings left unclassified: {len(NOT_JOBS) - len(guessed)}/{len(NOT_JOBS)}", end=""
    )
    print(f" (guessed: {', '.join(repr(t) for t in guessed)})" if guessed else "")
    print(
        f"Model build: {built:.2f} s CPU; {args.speed_titles} distinct titles classified in {elapsed:.2f} s (CPU time)"
    )


if __name__ == "__main__":
    main()
