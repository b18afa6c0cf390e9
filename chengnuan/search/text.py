"""Chinese text -> index tokens, and query text -> a match expression over the same tokens.

Index side, for every run of Chinese characters: each character, each pair of neighbouring
characters (bigram), and each longer word the segmenter finds in search mode (3+ characters,
job-ad noise words left out). Runs of Latin letters or digits are one token each.

Query side: the segmenter cuts the query into words; stopwords and noise words go; every
remaining word must match, through itself or one of its synonyms. A synonym counts only where
it is a word of its own: not inside a longer known word of another job (普工 ~ 操作工 must not
find the forklift driver's 起重装卸机械操作工), so expansion never chains. A one- or two-character
word is looked up directly: every character and bigram of the text is indexed, so such a word
finds every posting that contains it, however the segmenter cut the posting. A longer word
matches its own token or, failing that, all of its bigrams, so a word the segmenter split
differently in the posting is still found.

Filter tokens (area, benefits, ...) contain "_", which text tokens never do."""

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from chengnuan.search.lexicon import lexicon

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{_HAN}]+|[a-z0-9]+")
_HAN_RUN = re.compile(f"[{_HAN}]+")
_LATIN_RUN = re.compile("[a-z0-9]+")
_HAN_CHAR = re.compile(f"[{_HAN}]")
# Overlapping pairs of neighbouring Chinese characters, in one pass.
_HAN_BIGRAM = re.compile(f"(?=([{_HAN}]{{2}}))")
# Long digit strings are phone numbers or ids, not job words: neither indexed nor required.
MAX_DIGITS = 6
MAX_LATIN = 32


def normalize(text: str) -> str:
    """Full-width to half-width, lower case: 「ＣＮＣ」 and 「cnc」 are one word."""
    return unicodedata.normalize("NFKC", text or "").lower()


def runs(text: str) -> Iterator[str]:
    """Runs of Chinese characters and runs of Latin letters/digits, in order."""
    for match in _RUN.finditer(normalize(text)):
        run = match.group()
        if run[0].isascii():
            if run.isdigit() and len(run) > MAX_DIGITS:
                continue
            yield run[:MAX_LATIN]
        else:
            yield run


def is_han(token: str) -> bool:
    return bool(_HAN_RUN.fullmatch(token))


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_tokens(*texts: str) -> list[str]:
    """The distinct tokens of some texts: characters and bigrams of every Chinese run, longer
    search-mode words, Latin/digit runs."""
    text = normalize(" ".join(t for t in texts if t))
    tokens = dict.fromkeys(_HAN_CHAR.findall(text))
    tokens.update(dict.fromkeys(_HAN_BIGRAM.findall(text)))
    lex = lexicon()
    for word in lex.segmenter.cut_for_search(text, False):
        if len(word) >= 3 and word not in lex.noise_words and _HAN_RUN.fullmatch(word):
            tokens[word] = None
    for run in _LATIN_RUN.findall(text):
        if not (run.isdigit() and len(run) > MAX_DIGITS):
            tokens[run[:MAX_LATIN]] = None
    return list(tokens)


# --- match expressions ---------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    token: str


@dataclass(frozen=True)
class All:
    parts: tuple["Expr", ...]


@dataclass(frozen=True)
class Any:
    parts: tuple["Expr", ...]


@dataclass(frozen=True)
class Without:
    """Documents matching `include` but not `exclude` (wage bands: at least 5000, not 5500)."""

    include: "Expr"
    exclude: "Expr"


Expr = Term | All | Any | Without


def all_of(parts: Iterable[Expr]) -> Expr:
    items = tuple(dict.fromkeys(parts))
    return items[0] if len(items) == 1 else All(items)


def any_of(parts: Iterable[Expr]) -> Expr:
    items = tuple(dict.fromkeys(parts))
    return items[0] if len(items) == 1 else Any(items)


def word_expr(word: str) -> Expr:
    """What one query word (no synonyms) matches."""
    if len(word) <= 2 or not is_han(word):
        return Term(word)
    return Any((Term(word), all_of(Term(b) for b in bigrams(word))))


def expr_tokens(expr: Expr) -> set[str]:
    if isinstance(expr, Term):
        return {expr.token}
    if isinstance(expr, Without):
        return expr_tokens(expr.include) | expr_tokens(expr.exclude)
    return set().union(*(expr_tokens(p) for p in expr.parts))


# --- queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryWord:
    word: str
    # The word and its synonyms, minus any that contain another: 「保洁员」 adds nothing once
    # 「保洁」 matches.
    alternatives: tuple[str, ...]

    @property
    def expr(self) -> Expr:
        return any_of(
            word_expr(a) if a in self.word else synonym_expr(a, self.word)
            for a in self.alternatives
        )


def synonym_expr(synonym: str, typed: str) -> Expr:
    """A synonym of the word typed, except where it is only part of a longer known word that
    is neither of its group nor contains the word typed."""
    longer = _longer_words(synonym, typed)
    found = word_expr(synonym)
    return Without(found, any_of(Term(w) for w in longer)) if longer else found


@functools.cache
def _longer_words(synonym: str, typed: str) -> tuple[str, ...]:
    """Known words (dictionary, synonym table) of 3+ Chinese characters, indexed whole, that
    contain the synonym but belong to another job. Cached: the lexicon is loaded once."""
    lex = lexicon()
    group = set(lex.synonyms.get(synonym, (synonym,)))
    return tuple(
        sorted(
            w
            for w in lex.vocabulary
            if synonym in w
            and w not in group
            and typed not in w
            and len(w) >= 3
            and is_han(w)
            and w not in lex.noise_words
        )
    )


def query_words(text: str) -> list[str]:
    """The words of a query that must match, in order, without stopwords and noise words.
    Characters the segmenter left single, side by side, are kept together: 「普公」 (a typo
    for 普工) is one unknown word that finds nothing and gets a suggestion, not 普 and 公
    found all over every posting."""
    lex = lexicon()
    words: dict[str, None] = {}
    for run in runs(text):
        pieces = lex.segmenter.cut(run, False) if is_han(run) else [run]
        pending = ""
        for piece in [*pieces, ""]:
            if len(piece) == 1 and is_han(piece) and piece not in lex.query_stopwords:
                pending += piece
                continue
            if pending:
                words[pending] = None
                pending = ""
            if piece and piece not in lex.query_stopwords and piece not in lex.noise_words:
                words[piece] = None
    return list(words)


def alternatives(word: str) -> tuple[str, ...]:
    group = lexicon().synonyms.get(word, (word,))
    return tuple(a for a in group if not any(o != a and o in a for o in group))


def query_word(word: str) -> QueryWord:
    return QueryWord(word=word, alternatives=alternatives(word))


def parse_query(text: str) -> list[QueryWord]:
    return [query_word(w) for w in query_words(text)]
