"""The scoring model behind the job-title classifier, built once from the occupation table.

Two kinds of evidence, combined per occupation:

- Job words: every occupation name, every alias of csco2022.csv's alias column (and, for
  aliases like 「搬运工/装卸工」, each part) and a short list of colloquial job-ad words. A job
  word found inside a title phrase counts by how much of the phrase it covers, more when it
  ends the phrase (a Chinese job title ends with its head: 驻外叉车司机 is a 叉车司机).
- Character similarity: TF-IDF over single characters and character pairs of each detailed
  occupation's name and aliases (weight 1) and definition (weight DEFINITION_WEIGHT),
  cosine against the phrase. It ranks near misses (货车司机 is closer to 货运 than to 客运)
  and finds occupations for phrases that contain no known job word.

A small prior prefers occupations common in migrant work, so they win ties."""

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from chengnuan.classifications.loaders import occupation_parent_code
from chengnuan.search.classify.cleaning import normalize

DEFINITION_WEIGHT = 0.3
# Characters and pairs found in more occupations than this carry almost no information
# (工, 员, 人, 的); leaving them out of the postings keeps scoring fast.
MAX_DOCUMENT_FREQUENCY = 250
# A part of a compound alias that names more occupations than this is too vague to use.
MAX_CODES_PER_ALIAS_PART = 3
ALIAS_PART_WEIGHT = 0.9
SIMILARITY_WEIGHT = 0.35
# Evidence of a job word that is only part of a phrase: base + share of the phrase it covers.
HEAD_BASE = 0.5
INNER_BASE = 0.3
GROUP_BASE = 0.2
GROUP_SLACK = 0.3
STRADDLE_FACTOR = 0.6
UNMODIFIED_FACTOR = 0.7
COMMON_PRIOR = 0.03
# Resemblance below this cannot reach a suggestion on its own; such codes are not ranked.
MIN_RESEMBLANCE = 0.25
# Resemblance too small to move any ranking; skipped for speed.
NEGLIGIBLE_RESEMBLANCE = 0.1
# Codes of occupations that migrant workers most often hold: preferred when evidence ties.
COMMON_CODES = frozenset(
    {
        "4-01-02-03", "4-01-02-04", "4-02-02-01", "4-02-02-02", "4-02-05-01", "4-02-06-01",
        "4-02-06-02", "4-02-07-08", "4-03-02-01", "4-03-02-05", "4-07-05-01", "4-09-08-01",
        "4-09-10-01", "4-10-01-03", "4-10-01-05", "4-10-01-06", "4-10-08-01", "4-12-01-01",
        "4-14-01-02", "6-05-01-03", "6-18-01-01", "6-18-02-04", "6-29-01-01", "6-29-01-03",
        "6-29-01-04", "6-29-01-05", "6-29-04-01", "6-30-05-01", "6-31-01-03", "6-31-03-05",
        "6-31-01-10", "6-31-05-00",
    }
)  # fmt: skip


@dataclass(frozen=True)
class OccupationEntry:
    code: str
    level: int
    name: str
    definition: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scored:
    code: str
    score: float
    # The job word that gave the score, or "" when only character similarity did.
    matched: str


def _han_or_latin_tokens(text: str) -> list[str]:
    """Single characters and neighbouring pairs of Chinese; Latin/digit runs whole."""
    tokens: list[str] = []
    run: list[str] = []
    latin: list[str] = []

    def flush() -> None:
        if run:
            tokens.extend(run)
            tokens.extend(a + b for a, b in itertools.pairwise(run))
            run.clear()
        if latin:
            tokens.append("".join(latin))
            latin.clear()

    for ch in text:
        if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            if latin:
                flush()
            run.append(ch)
        elif ch.isascii() and ch.isalnum():
            if run:
                flush()
            latin.append(ch)
        else:
            flush()
    flush()
    return tokens


def _weighted_counts(parts: Iterable[tuple[str, float]]) -> dict[str, float]:
    counts: dict[str, float] = defaultdict(float)
    for text, weight in parts:
        for token in _han_or_latin_tokens(text):
            counts[token] += weight
    return counts


@dataclass
class ClassifierModel:
    entries: dict[str, OccupationEntry]
    # normalised job word -> [(code, weight)]
    job_words: dict[str, list[tuple[str, float]]]
    longest_job_word: int
    idf: dict[str, float]
    # token -> [(job word, weight in the word's unit-length vector)]
    word_postings: dict[str, list[tuple[str, float]]]
    # token -> [(code, weight in the unit-length vector of the code's definition)]
    definition_postings: dict[str, list[tuple[str, float]]]
    parents: dict[str, str | None] = field(default_factory=dict)
    words_by_code: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls, entries: Iterable[OccupationEntry], colloquial: Iterable[tuple[str, str]] = ()
    ) -> "ClassifierModel":
        by_code = {e.code: e for e in entries}
        job_words = _job_words(by_code.values(), colloquial, known=by_code.keys())
        word_counts = {word: _weighted_counts([(word, 1.0)]) for word in job_words}
        document_frequency = _document_frequency(word_counts.values())
        total = len(word_counts) or 1
        idf = {t: math.log((1 + total) / (1 + df)) + 1 for t, df in document_frequency.items()}
        # Definitions count by their character pairs only: single characters of a long
        # text match almost any title.
        definitions = {
            e.code: {
                token: count
                for token, count in _weighted_counts([(normalize(e.definition), 1.0)]).items()
                if len(token) > 1
            }
            for e in by_code.values()
            if e.level == 4 and e.definition
        }
        return cls(
            entries=by_code,
            job_words=job_words,
            longest_job_word=max((len(w) for w in job_words), default=1),
            idf=idf,
            word_postings=_postings(word_counts, idf, document_frequency),
            definition_postings=_postings(
                definitions, idf, _document_frequency(definitions.values()), document_frequency
            ),
            parents={code: _parent_code(code, by_code) for code in by_code},
            words_by_code=_words_by_code(job_words),
        )

    def is_job_word(self, text: str) -> bool:
        return text in self.job_words

    def similarity(self, phrase: str) -> dict[str, float]:
        """code -> resemblance of the phrase to the code's closest job word (cosine), or a
        share of its resemblance to the code's definition, whichever is larger."""
        tokens = _weighted_counts([(phrase, 1.0)])
        vector = {t: (1 + math.log(c)) * self.idf[t] for t, c in tokens.items() if t in self.idf}
        norm = math.sqrt(sum(w * w for w in vector.values()))
        scores: dict[str, float] = defaultdict(float)
        if not norm:
            return scores
        job_words = self.job_words
        for word, cosine in _dot(vector, norm, self.word_postings).items():
            if cosine >= NEGLIGIBLE_RESEMBLANCE:
                for code, weight in job_words[word]:
                    if cosine * weight > scores[code]:
                        scores[code] = cosine * weight
        for code, cosine in _dot(vector, norm, self.definition_postings).items():
            resemblance = cosine * DEFINITION_WEIGHT
            if resemblance >= NEGLIGIBLE_RESEMBLANCE / 2 and resemblance > scores[code]:
                scores[code] = resemblance
        return scores

    def job_word_evidence(self, phrase: str) -> dict[str, tuple[float, str]]:
        """code -> (evidence, job word) for the job words found inside the phrase.

        The whole phrase is full evidence. A part counts by how much of the phrase it covers,
        and more when it ends the phrase. A group's word (操作工, 技工) in part of a phrase
        counts least: the rest of the phrase says which occupation of the group it is."""
        size = len(phrase)
        spans = [
            (start, end)
            for start in range(size)
            for end in range(start + 2, min(size, start + self.longest_job_word) + 1)
            if phrase[start:end] in self.job_words
        ]
        evidence: dict[str, tuple[float, str]] = {}
        for start, end in spans:
            word = phrase[start:end]
            coverage = (end - start) / size
            # 「铲车工」 is 铲车 + 工, not 铲 + 车工: a word that begins inside another is weak.
            straddled = any(s < start < e < end for s, e in spans)
            for code, weight in self.job_words[word]:
                if coverage == 1:
                    score = weight
                elif self.entries[code].level < 4:
                    score = weight * (GROUP_BASE + (1 - GROUP_BASE - GROUP_SLACK) * coverage)
                else:
                    base = HEAD_BASE if end == size else INNER_BASE
                    score = weight * (base + (1 - base) * coverage)
                if straddled:
                    score *= STRADDLE_FACTOR
                if score > evidence.get(code, (0.0, ""))[0]:
                    evidence[code] = (score, word)
        return evidence

    def score_phrase(self, phrase: str, limit: int = 10) -> list[Scored]:
        """The phrase's `limit` best occupations, best first."""
        evidence = self.job_word_evidence(phrase)
        similarity = self.similarity(phrase)
        scores: dict[str, float] = {}
        modifier = self._modifier(phrase, evidence)
        for code in evidence.keys() | {c for c, v in similarity.items() if v >= MIN_RESEMBLANCE}:
            word_score = evidence.get(code, (0.0, ""))[0]
            resemblance = similarity.get(code, 0.0)
            if modifier and not word_score and not _shares_pair(modifier, self.words_of(code)):
                # 「手机装配工」 is not 飞机装配工: what the phrase says before its job word must
                # show in the name of an occupation found by resemblance alone.
                resemblance *= UNMODIFIED_FACTOR
            prior = COMMON_PRIOR if code in COMMON_CODES else 0.0
            if self.entries[code].level < 4 and 0 < word_score < 1:
                # Part of the phrase names a group; the rest, not resemblance, says which
                # member it is, so the group gets no resemblance bonus.
                scores[code] = word_score + prior
            else:
                scores[code] = (
                    max(word_score + SIMILARITY_WEIGHT * resemblance, resemblance) + prior
                )
        best = heapq.nsmallest(limit, scores, key=lambda c: (-scores[c], -self.entries[c].level, c))
        return [
            Scored(code=c, score=scores[c], matched=evidence.get(c, (0.0, ""))[1]) for c in best
        ]

    def words_of(self, code: str) -> str:
        """The code's job words (name, aliases …), joined."""
        return self.words_by_code.get(code, self.entries[code].name)

    def _modifier(self, phrase: str, evidence: dict[str, tuple[float, str]]) -> str:
        """What comes before the job word that ends the phrase (手机 in 手机装配工), if any."""
        heads = [word for _, word in evidence.values() if phrase.endswith(word) and word != phrase]
        if not heads:
            return ""
        return phrase[: len(phrase) - len(max(heads, key=len))]

    def common_ancestor(self, codes: Iterable[str]) -> str | None:
        """The most detailed occupation group in the table that contains all the codes."""
        chains = [self._ancestors(code) for code in codes]
        if not chains:
            return None
        shared = set(chains[0]).intersection(*chains[1:])
        return next((code for code in chains[0] if code in shared), None)

    def _ancestors(self, code: str) -> list[str]:
        chain: list[str] = []
        current: str | None = code
        while current is not None:
            chain.append(current)
            current = self.parents.get(current)
        return chain


def _job_words(
    entries: Collection[OccupationEntry],
    colloquial: Iterable[tuple[str, str]],
    known: Iterable[str],
) -> dict[str, list[tuple[str, float]]]:
    words: dict[str, dict[str, float]] = defaultdict(dict)

    def add(word: str, code: str, weight: float) -> None:
        word = normalize(word)
        if len(word) >= 2 and weight > words[word].get(code, 0.0):
            words[word][code] = weight

    parts: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        add(entry.name, entry.code, 1.0)
        for alias in entry.aliases:
            add(alias, entry.code, 1.0)
            if "/" in alias:
                for part in alias.split("/"):
                    parts[normalize(part)].add(entry.code)
    # A part is used only if it ends the way occupation names end (工, 员, 师 …): in
    # 「电脑/打印机维修」 the part 电脑 is a thing, not a job.
    heads = {entry.name[-1] for entry in entries if entry.level == 4 and entry.name}
    for part, codes in parts.items():
        if len(codes) <= MAX_CODES_PER_ALIAS_PART and part[-1:] in heads:
            for code in codes:
                add(part, code, ALIAS_PART_WEIGHT)
    known_codes = set(known)
    for word, code in colloquial:
        if code in known_codes:
            add(word, code, 1.0)
    return {w: sorted(codes.items()) for w, codes in words.items()}


def _words_by_code(job_words: dict[str, list[tuple[str, float]]]) -> dict[str, str]:
    joined: dict[str, list[str]] = defaultdict(list)
    for word, codes in job_words.items():
        for code, _ in codes:
            joined[code].append(word)
    return {code: "|".join(words) for code, words in joined.items()}


def _shares_pair(text: str, name: str) -> bool:
    if len(text) < 2:
        return text in name
    return any(text[i : i + 2] in name for i in range(len(text) - 1))


def _document_frequency(documents: Iterable[dict[str, float]]) -> dict[str, int]:
    frequency: dict[str, int] = defaultdict(int)
    for tokens in documents:
        for token in tokens:
            frequency[token] += 1
    return frequency


def _postings(
    documents: dict[str, dict[str, float]],
    idf: dict[str, float],
    *frequencies: dict[str, int],
) -> dict[str, list[tuple[str, float]]]:
    """token -> [(document, weight)], leaving out tokens too common (in any of the
    frequencies) to tell documents apart: they would only make lookups slow."""
    postings: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for key, counts in documents.items():
        vector = {t: (1 + math.log(c)) * idf.get(t, 1.0) for t, c in counts.items() if c >= 1}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        for token, weight in vector.items():
            if all(f.get(token, 0) <= MAX_DOCUMENT_FREQUENCY for f in frequencies):
                postings[token].append((key, weight / norm))
    return dict(postings)


def _dot(
    vector: dict[str, float], norm: float, postings: dict[str, list[tuple[str, float]]]
) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for token, weight in vector.items():
        scaled = weight / norm
        for key, document_weight in postings.get(token, ()):
            totals[key] += scaled * document_weight
    return totals


def _parent_code(code: str, known: dict[str, OccupationEntry]) -> str | None:
    """The nearest group above a code that the table holds (the file leaves some out)."""
    parent = occupation_parent_code(code)
    while parent is not None and parent not in known:
        parent = occupation_parent_code(parent)
    return parent
