"""What to try when a search finds nothing.

- Latin letters are read as pinyin or its initials: 「pg」 and 「pugong」 suggest 普工.
- A Chinese word that finds nothing on its own is checked for a homophone typed by mistake
  (pinyin input puts 「普公」 for 普工) or a one-character slip (「电焊公」 for 电焊工).
- Several words that each find postings but not together: drop the word that finds fewest.
- Filters that leave nothing: the same words without the filters.
Every suggestion is checked against the index before it is offered (a few cheap lookups)."""

import functools
import itertools
from dataclasses import dataclass

from pypinyin import Style, pinyin

from chengnuan.search.backends import backend
from chengnuan.search.backends.base import Scope
from chengnuan.search.lexicon import lexicon
from chengnuan.search.places import place_names
from chengnuan.search.text import Expr, QueryWord, all_of, is_han, parse_query

MAX_SUGGESTIONS = 5
MAX_CHECKS = 8


@dataclass(frozen=True)
class Suggestion:
    text: str  # the query to run instead
    reason: str  # why, in words a worker understands
    drop_filters: bool = False


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[str, ...]
    rank: dict[str, int]  # lower first: job words, then places, then dictionary occupations
    by_pinyin: dict[str, tuple[str, ...]]
    by_initials: dict[str, tuple[str, ...]]


def readings(word: str, limit: int = 4) -> list[tuple[str, ...]]:
    """Toneless pinyin of each character; polyphonic characters give up to `limit` readings
    in all (长 is both zhang and chang)."""
    per_char = [r[:2] for r in pinyin(word, style=Style.NORMAL, heteronym=True, errors="ignore")]
    return list(itertools.islice(itertools.product(*per_char), limit))


@functools.cache
def vocabulary() -> Vocabulary:
    lex = lexicon()
    job_words = sorted(
        w for w in set(lex.synonyms) | lex.vocabulary if is_han(w) and w in lex.synonyms
    )
    places = sorted(place_names())
    others = sorted(w for w in lex.vocabulary if is_han(w) and len(w) <= 6)
    rank: dict[str, int] = {}
    for level, group in enumerate((job_words, places, others)):
        for word in group:
            rank.setdefault(word, level)
    by_pinyin: dict[str, list[str]] = {}
    by_initials: dict[str, list[str]] = {}
    for word in rank:
        for reading in readings(word):
            by_pinyin.setdefault("".join(reading), []).append(word)
            by_initials.setdefault("".join(s[0] for s in reading if s), []).append(word)

    def frozen(index: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
        return {
            k: tuple(sorted(dict.fromkeys(v), key=lambda w: (rank[w], len(w), w)))
            for k, v in index.items()
        }

    return Vocabulary(tuple(rank), rank, frozen(by_pinyin), frozen(by_initials))


def one_edit_apart(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def corrections(word: str) -> list[str]:
    """Known words that sound the same or differ by one character, best first."""
    vocab = vocabulary()
    found: list[str] = []
    if is_han(word):
        for reading in readings(word):
            found += vocab.by_pinyin.get("".join(reading), ())
        found += sorted(
            (w for w in vocab.words if len(w) >= 2 and one_edit_apart(word, w)),
            key=lambda w: (vocab.rank[w], len(w), w),
        )
    else:
        found += vocab.by_pinyin.get(word, ())
        found += vocab.by_initials.get(word, ())
    return [w for w in dict.fromkeys(found) if w != word]


def suggestions(words: list[QueryWord], scope: Scope, filter_terms: list[Expr]) -> list[Suggestion]:
    """Checked alternatives for a query that found nothing (see the module docstring)."""
    store = backend()
    checks = 0

    def finds(query_words: list[QueryWord], with_filters: bool = True) -> bool:
        nonlocal checks
        checks += 1
        terms = [w.expr for w in query_words] + (filter_terms if with_filters else [])
        if not terms:
            return True
        return bool(store.newest(all_of(terms), scope, 1))

    out: list[Suggestion] = []
    plain = [w.word for w in words]
    for position, word in enumerate(plain):
        if checks >= MAX_CHECKS or len(out) >= MAX_SUGGESTIONS:
            break
        for candidate in corrections(word)[:4]:
            new = [*plain[:position], candidate, *plain[position + 1 :]]
            if checks < MAX_CHECKS and finds(parse_query(" ".join(new))):
                reason = (
                    f"您是不是要找「{candidate}」？"
                    if not is_han(word)
                    else f"「{word}」可能打错了，试试「{candidate}」"
                )
                out.append(Suggestion(text=" ".join(new), reason=reason))
                break
    if not out and len(words) > 1:
        for dropped in sorted(words, key=lambda w: len(w.word)):
            rest = [w for w in words if w is not dropped]
            if checks < MAX_CHECKS and finds(rest):
                out.append(
                    Suggestion(
                        text=" ".join(w.word for w in rest), reason=f"去掉「{dropped.word}」试试"
                    )
                )
                break
    if filter_terms and checks < MAX_CHECKS and finds(words, with_filters=False):
        out.append(Suggestion(text=" ".join(plain), reason="去掉筛选条件试试", drop_filters=True))
    return out[:MAX_SUGGESTIONS]
