"""Job search at province scale, one command:

    python bench/search/run.py --postings 1000000 --db sqlite
    python bench/search/run.py --postings 1000000 --db postgres

Generates the postings with `generate_demo` into a database of its own (SQLite under
/tmp/bench-sqlite, PostgreSQL database cn_bench; never the dev database), times a full index
rebuild, runs a fixed query mix server-side through the real search code (selectors.
search_postings: query, ranking, loading the postings of the page), runs the same match
expressions on tantivy over the same tokens in the same run, measures two-character recall
against a substring scan on 10,000 postings, and appends the figures to RESULTS.md."""

import argparse
import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
RESULTS = Path(__file__).with_name("RESULTS.md")
COMMON_WORDS = ["普工", "保洁", "司机", "服务员", "保安", "厨师", "电工", "操作工", "快递", "包装"]
LONG_WORDS = [
    "电焊工",
    "叉车司机",
    "服务员",
    "装卸工",
    "仓库管理员",
    "钢筋工",
    "育婴师",
    "收银员",
    "水电工",
    "外卖骑手",
]
MULTI = [
    "司机 包住",
    "沈阳 日结",
    "电子厂 普工",
    "保洁 大连",
    "厨师 包吃住",
    "叉车 长白班",
    "普工 男女不限",
    "保安 欢迎大龄",
]
ABSENT = ["飞行员", "宇航员", "潜水艇", "考古学家", "钢琴调音"]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-kind", type=int, default=50, help="queries per kind in the mix")
    parser.add_argument("--reuse", action="store_true", help="keep postings already generated")
    parser.add_argument("--no-tantivy", action="store_true")
    return parser.parse_args()


def setup_django(db: str) -> None:
    if db == "sqlite":
        os.environ["CHENGNUAN_VAR_DIR"] = "/tmp/bench-sqlite"  # noqa: S108 (a bench's own scratch database)
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/cn_bench"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chengnuan.settings")
    os.environ["CHENGNUAN_ENV"] = "development"
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()


def ensure_database(db: str) -> None:
    if db == "postgres":
        import psycopg

        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'cn_bench'").fetchone():
                conn.execute("CREATE DATABASE cn_bench")


def prepare_data(args: argparse.Namespace) -> float | None:
    from django.core.management import call_command

    from chengnuan.employment.models import Posting

    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    have = Posting.objects.count()
    if args.reuse and have >= args.postings:
        return None
    if have:
        raise SystemExit(f"bench database already holds {have} postings: drop it or pass --reuse")
    started = time.monotonic()
    call_command("generate_demo", postings=args.postings, seekers=1000, seed=args.seed, verbosity=0)
    return time.monotonic() - started


def corpus_sample(n: int, seed: int) -> list[tuple[int, str]]:
    """(id, visible text) of n public postings chosen at random."""
    from chengnuan.employment.selectors.postings import public_postings

    ids = list(public_postings().values_list("id", flat=True))
    chosen = random.Random(seed).sample(ids, min(n, len(ids)))
    rows = public_postings().filter(id__in=chosen).values_list("id", "title", "description")
    return [(pk, f"{title} {description}") for pk, title, description in rows]


def rare_bigrams(sample: list[tuple[int, str]], count: int, seed: int) -> list[str]:
    from chengnuan.search.text import is_han, query_words

    df: Counter[str] = Counter()
    for _, text in sample:
        df.update({text[i : i + 2] for i in range(len(text) - 1)})
    rare = sorted(b for b, c in df.items() if c <= 2 and is_han(b) and query_words(b) == [b])
    return random.Random(seed).sample(rare, min(count, len(rare)))


def query_mix(args: argparse.Namespace, sample: list[tuple[int, str]]) -> list[tuple[str, object]]:
    from chengnuan.employment.search import posting_filter_tags
    from chengnuan.regions.models import Division, DivisionLevel
    from chengnuan.search.query import Filters, Query, Sort

    rng = random.Random(args.seed)
    cities = list(Division.objects.filter(level=DivisionLevel.CITY).values_list("code", flat=True))
    towns = list(
        Division.objects.filter(level=DivisionLevel.TOWNSHIP, lng__isnull=False).values_list(
            "lng", "lat"
        )
    )
    rare = rare_bigrams(sample, args.per_kind, args.seed)

    def filters() -> Filters:
        return Filters(
            area=rng.choice(cities),
            min_wage=rng.choice([None, 4000, 5000, 5200, 6000]),
            tags=posting_filter_tags(
                benefits=tuple(
                    rng.sample(["housing", "meals", "daily_pay", "insurance"], rng.randint(0, 2))
                ),
                older=rng.random() < 0.3,
            ),
            days=rng.choice([None, None, 7, 30]),
        )

    kinds = {
        "common 2-char": lambda: Query(text=rng.choice(COMMON_WORDS)),
        "rare 2-char": lambda: Query(text=rng.choice(rare)),
        "3+ chars": lambda: Query(text=rng.choice(LONG_WORDS)),
        "multi-word": lambda: Query(text=rng.choice(MULTI)),
        "absent": lambda: Query(text=rng.choice(ABSENT)),
        "common 2-char + filters": lambda: Query(text=rng.choice(COMMON_WORDS), filters=filters()),
        "rare 2-char + filters": lambda: Query(text=rng.choice(rare), filters=filters()),
        "3+ chars + filters": lambda: Query(text=rng.choice(LONG_WORDS), filters=filters()),
        "multi-word + filters": lambda: Query(text=rng.choice(MULTI), filters=filters()),
        "absent + filters": lambda: Query(text=rng.choice(ABSENT), filters=filters()),
        "filters only, newest": lambda: Query(filters=filters(), sort=Sort.NEWEST),
        "common, newest": lambda: Query(text=rng.choice(COMMON_WORDS), sort=Sort.NEWEST),
        "common, wage": lambda: Query(text=rng.choice(COMMON_WORDS), sort=Sort.WAGE),
        "common + filters, wage": lambda: Query(
            text=rng.choice(COMMON_WORDS), filters=filters(), sort=Sort.WAGE
        ),
        "common, distance": lambda: Query(
            text=rng.choice(COMMON_WORDS), sort=Sort.DISTANCE, origin=rng.choice(towns)
        ),
        "rare, distance": lambda: Query(
            text=rng.choice(rare), sort=Sort.DISTANCE, origin=rng.choice(towns)
        ),
        "common + filters, distance": lambda: Query(
            text=rng.choice(COMMON_WORDS),
            filters=filters(),
            sort=Sort.DISTANCE,
            origin=rng.choice(towns),
        ),
        "page 5 of common": lambda: Query(text=rng.choice(COMMON_WORDS), page=5),
    }
    mix = [(kind, make()) for kind, make in kinds.items() for _ in range(args.per_kind)]
    rng.shuffle(mix)
    return mix


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run_mix(mix: list[tuple[str, object]]) -> dict[str, list[float]]:
    from chengnuan.employment.selectors.search import search_postings

    for _, query in mix[:20]:  # warm the process: word lists, caches, connection
        search_postings(query)  # type: ignore[arg-type]
    times: dict[str, list[float]] = {}
    for kind, query in mix:
        started = time.perf_counter()
        search_postings(query)  # type: ignore[arg-type]
        times.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    return times


def recall(sample: list[tuple[int, str]], seed: int, db: str) -> tuple[float, int, int]:
    """Share of (query, posting) pairs where the posting contains the two characters and the
    index finds it, over 200 two-character queries drawn from the sample's text."""
    from django.db import connection

    from chengnuan.search.backends import backend
    from chengnuan.search.models import SearchDocument
    from chengnuan.search.text import all_of, is_han, parse_query, query_words

    rng = random.Random(seed)
    pairs = sorted({t[i : i + 2] for _, t in sample for i in range(len(t) - 1)})
    candidates = [p for p in pairs if is_han(p) and query_words(p) == [p]]
    queries = rng.sample(candidates, min(200, len(candidates)))
    key_of = dict(
        SearchDocument.objects.filter(
            doc_type="posting", doc_id__in=[pk for pk, _ in sample]
        ).values_list("doc_id", "pk")
    )
    store = backend()
    expected_total = found_total = 0
    with connection.cursor() as cursor:
        for q in queries:
            expected = [key_of[pk] for pk, text in sample if q in text and pk in key_of]
            if not expected:
                continue
            rendered = store.render(all_of([w.expr for w in parse_query(q)]))
            placeholders = ", ".join(["%s"] * len(expected))
            if db == "sqlite":
                cursor.execute(
                    f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid IN ({placeholders})",
                    [rendered, *expected],
                )
            else:
                cursor.execute(
                    f"SELECT id FROM search_document WHERE id IN ({placeholders}) AND tsv @@ %s::tsquery",
                    [*expected, rendered],
                )
            expected_total += len(expected)
            found_total += len(cursor.fetchall())
    return (found_total / expected_total if expected_total else 1.0), expected_total, len(queries)


def tantivy_compare(
    mix: list[tuple[str, object]], workdir: Path
) -> tuple[dict[str, list[float]], float, int]:
    """The same tokens in tantivy, the same match expressions, top page by BM25."""
    import tantivy

    from chengnuan.employment import search as postings
    from chengnuan.search.documents import to_row
    from chengnuan.search.query import _cells, _scope
    from chengnuan.search.text import All, Any, Term, Without, parse_query

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("key", stored=True, fast=True, indexed=True)
    builder.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="basic")
    schema = builder.build()
    index = tantivy.Index(schema, path=str(workdir))
    started = time.monotonic()
    writer = index.writer(heap_size=512_000_000, num_threads=2)
    for chunk in postings.visible_id_chunks():
        for doc in postings.chunk_docs(chunk):
            row = to_row(doc)
            writer.add_document(
                tantivy.Document(
                    key=row.key, title=" ".join(row.title_tokens), body=" ".join(row.body_tokens)
                )
            )
    writer.commit()
    writer.wait_merging_threads()
    build_seconds = time.monotonic() - started
    index.reload()
    searcher = index.searcher()

    def to_query(expr):
        if isinstance(expr, Term):
            return tantivy.Query.boolean_query(
                [
                    (
                        tantivy.Occur.Should,
                        tantivy.Query.boost_query(
                            tantivy.Query.term_query(schema, "title", expr.token), 3.0
                        ),
                    ),
                    (tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", expr.token)),
                ]
            )
        if isinstance(expr, Without):
            return tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, to_query(expr.include)),
                    (tantivy.Occur.MustNot, to_query(expr.exclude)),
                ]
            )
        occur = tantivy.Occur.Must if isinstance(expr, All) else tantivy.Occur.Should
        assert isinstance(expr, All | Any)
        return tantivy.Query.boolean_query([(occur, to_query(p)) for p in expr.parts])

    times: dict[str, list[float]] = {}
    for kind, query in mix:
        started_q = time.perf_counter()
        terms = [w.expr for w in parse_query(query.text)] + query.filters.terms()  # type: ignore[attr-defined]
        if query.origin is not None:  # type: ignore[attr-defined]
            terms.append(_cells(1, *query.origin, 20))  # type: ignore[attr-defined]
        scope = _scope("posting", query.filters)  # type: ignore[attr-defined]
        parts = [to_query(t) for t in terms]
        parts.append(
            tantivy.Query.range_query(
                schema, "key", tantivy.FieldType.Integer, scope.low, scope.high
            )
        )
        q = tantivy.Query.boolean_query([(tantivy.Occur.Must, p) for p in parts])
        searcher.search(q, 21)
        times.setdefault(kind, []).append((time.perf_counter() - started_q) * 1000)
    size = sum(f.stat().st_size for f in workdir.iterdir())
    return times, build_seconds, size


def main() -> None:
    args = parse_args()
    ensure_database(args.db)
    setup_django(args.db)
    from django.db import connection

    from chengnuan.search.index import rebuild_all

    generated = prepare_data(args)
    print(
        f"data ready ({f'generated in {generated:.0f} s' if generated else 'reused'})", flush=True
    )
    report = rebuild_all(workers=2)
    print(
        f"rebuild: {report.documents} documents in {report.seconds:.1f} s, {report.size_bytes / 2**20:.0f} MiB",
        flush=True,
    )
    sample = corpus_sample(10_000, args.seed)
    mix = query_mix(args, sample)
    times = run_mix(mix)
    all_times = [t for ts in times.values() for t in ts]
    rec, pairs, queries = recall(sample, args.seed, args.db)
    tantivy_times: dict[str, list[float]] = {}
    tantivy_build = tantivy_size = 0.0
    if not args.no_tantivy:
        workdir = Path(tempfile.mkdtemp(prefix="bench-tantivy-"))
        try:
            tantivy_times, tantivy_build, tantivy_size = tantivy_compare(mix, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    write_results(
        args,
        connection.vendor,
        report,
        times,
        all_times,
        rec,
        pairs,
        queries,
        tantivy_times,
        tantivy_build,
        tantivy_size,
    )


def write_results(
    args,
    vendor,
    report,
    times,
    all_times,
    rec,
    pairs,
    queries,
    tantivy_times,
    tantivy_build,
    tantivy_size,
) -> None:
    p95 = percentile(all_times, 0.95)
    lines = [
        f"\n## {args.db}, {report.documents:,} public postings ({args.postings:,} generated), {datetime.date.today()}",
        "",
        f"Command: `python bench/search/run.py --postings {args.postings} --db {args.db} --seed {args.seed} --per-kind {args.per_kind}`"
        f" (load average at start {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)",
        "",
        f"- full rebuild: **{report.seconds:.0f} s**, index + documents **{report.size_bytes / 2**20:.0f} MiB**",
        f"- all {len(all_times)} queries: p50 **{percentile(all_times, 0.5):.1f} ms**, p95 **{p95:.1f} ms**, max **{max(all_times):.0f} ms**",
        f"- two-character recall against a substring scan of 10,000 postings: **{rec:.4f}** ({pairs:,} posting/query pairs, {queries} queries)",
    ]
    if tantivy_times:
        t_all = [t for ts in tantivy_times.values() for t in ts]
        t95 = percentile(t_all, 0.95)
        lines.append(
            f"- tantivy, same tokens and match expressions, top 21 by BM25: p50 {percentile(t_all, 0.5):.2f} ms, p95 {t95:.2f} ms,"
            f" max {max(t_all):.1f} ms; build {tantivy_build:.0f} s, {tantivy_size / 2**20:.0f} MiB; **our p95 / tantivy p95 = {p95 / t95:.1f}**"
        )
    lines += [
        "",
        "| kind | n | p50 ms | p95 ms | max ms | tantivy p95 ms |",
        "|---|---|---|---|---|---|",
    ]
    for kind, ts in times.items():
        tp = f"{percentile(tantivy_times[kind], 0.95):.2f}" if kind in tantivy_times else "–"
        lines.append(
            f"| {kind} | {len(ts)} | {statistics.median(ts):.1f} | {percentile(ts, 0.95):.1f} | {max(ts):.0f} | {tp} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    if not RESULTS.exists():
        RESULTS.write_text(
            "# Job search benchmark results\n\nWritten by bench/search/run.py; newest runs last.\n",
            encoding="utf-8",
        )
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
