"""The word lists search runs on, loaded once per process from data/nlp (see data/SOURCES.md):
the segmenter with the occupation user dictionary, job-ad noise words, query stopwords and the
job synonym table. Changing job_synonyms.txt needs no re-index (synonyms expand queries);
changing the dictionary or the noise words does (they change indexed words)."""

import functools
from dataclasses import dataclass
from pathlib import Path

import rjieba
from django.conf import settings

# Frequency given to our own words so the segmenter keeps them whole: the same figure the
# occupation user dictionary uses.
WORD_FREQ = 2000


@dataclass(frozen=True)
class Lexicon:
    segmenter: rjieba.Jieba
    noise_words: frozenset[str]
    query_stopwords: frozenset[str]
    # word -> its synonym group (the word itself included), for words that have synonyms
    synonyms: dict[str, tuple[str, ...]]
    # every word we know as a job-search word: dictionary words, synonyms, vocabulary lines
    vocabulary: frozenset[str]


def _lines(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _nlp_path(name: str) -> Path:
    return Path(settings.REFERENCE_DATA_DIR) / "nlp" / name


def read_user_dictionary(path: Path) -> list[tuple[str, int, str | None]]:
    """jieba user-dictionary lines: `word [freq [tag]]`; a word may itself contain a space."""
    entries: list[tuple[str, int, str | None]] = []
    for line in _lines(path):
        parts = line.rsplit(" ", 2)
        if len(parts) == 3 and parts[1].isdigit():
            entries.append((parts[0], int(parts[1]), parts[2]))
        elif len(parts) >= 2 and parts[-1].isdigit():
            entries.append((" ".join(parts[:-1]), int(parts[-1]), None))
        else:
            entries.append((line, WORD_FREQ, None))
    return entries


def read_synonym_groups(path: Path) -> list[tuple[str, ...]]:
    """Groups from job_synonyms.txt, normalised the way query text is. A word may belong to one
    group only: a second group would make expansion depend on line order."""
    from chengnuan.search.text import normalize

    groups: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(_lines(path), start=1):
        words = tuple(dict.fromkeys(normalize(w).strip() for w in line.split("~") if w.strip()))
        for word in words:
            if word in seen:
                raise ValueError(f"{path.name}:{number}: 「{word}」 already in line {seen[word]}")
            seen[word] = number
        groups.append(words)
    return groups


@functools.cache
def lexicon() -> Lexicon:
    segmenter = rjieba.Jieba()
    words: set[str] = set()
    for word, freq, tag in read_user_dictionary(_nlp_path("jieba_userdict_occupations.txt")):
        segmenter.add_word(word, freq, tag)
        words.add(word)

    groups = read_synonym_groups(_nlp_path("job_synonyms.txt"))
    search_words = {w for group in groups for w in group}
    raw_noise = set(_lines(_nlp_path("job_title_noise_words.txt")))
    # Noise words are kept whole too, so 「急招普工」 segments as 急招 / 普工 and 急招 can go.
    for word in sorted(search_words | raw_noise):
        segmenter.add_word(word, WORD_FREQ, None)

    hit = _lines(_nlp_path("stopwords.zh.hit.txt"))
    single_function_chars = {w for w in hit if len(w) == 1 and "\u4e00" <= w <= "\u9fff"}
    return Lexicon(
        segmenter=segmenter,
        noise_words=frozenset(raw_noise - search_words),
        query_stopwords=frozenset(
            single_function_chars | set(_lines(_nlp_path("search_query_stopwords.txt")))
        ),
        synonyms={w: g for g in groups if len(g) > 1 for w in g},
        vocabulary=frozenset(words | search_words),
    )
