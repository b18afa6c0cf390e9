"""Job title -> CSCO 2022 occupation, as a suggestion the person can correct.

    suggest_occupation("急招普工长白班包吃住")   -> Suggestion(code="6-00-00-00", ...)
    suggest_occupation("物流园叉车司机日结")     -> Suggestion(code="6-30-05-01", name="起重装卸机械操作工", ...)
    classify("电焊工", top_k=3)                  -> [Candidate(...), ...] best first
    suggest_occupation("asdf")                   -> None  (unclassified)

The model is built once per process from the Occupation table (load_reference fills it) and
kept; call reset_classifier() after changing occupations. When the title does not say which
of several occupations it means (「装配工」: of what?), the suggestion is the group that
contains them, never one of them picked at random. Below MIN_SCORE nothing is suggested."""

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from chengnuan.search.classify.cleaning import noise_words, normalize, read_word_list, title_phrases
from chengnuan.search.classify.model import ClassifierModel, OccupationEntry, Scored

# Below this a title is "unclassified": no guess is shown. Checked against the dev half of
# data/labelled and a list of non-job strings (bench/classifier/evaluate.py).
MIN_SCORE = 0.45
# Scores this close within one phrase count as a tie the title cannot break.
TIE_MARGIN = 0.02
MIN_GROUP_LEVEL = 2
DETAILED_LEVEL = 4
MAX_TITLE_CHARS = 200
CACHE_SIZE = 65536

_COLLOQUIAL_FILE = Path(__file__).resolve().parent / "colloquial_aliases.txt"


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    score: float


@dataclass(frozen=True)
class Suggestion:
    """A guess for the person to confirm or correct, never a recorded fact."""

    code: str
    name: str
    level: int
    score: float
    # The words of the title the suggestion rests on ("" when only resemblance did).
    matched: str

    @property
    def is_detailed(self) -> bool:
        """False when only the group is known (「普工」 -> 生产制造及有关人员)."""
        return self.level == 4


@dataclass(frozen=True)
class _Classifier:
    model: ClassifierModel
    noise: frozenset[str]


def occupation_entries() -> list[OccupationEntry]:
    from chengnuan.classifications.models import Occupation

    rows = Occupation.objects.values_list("code", "level", "name", "definition", "aliases")
    return [
        OccupationEntry(
            code=code,
            level=level,
            name=name,
            definition=definition,
            aliases=tuple(a for a in (s.strip() for s in aliases.split(",")) if a),
        )
        for code, level, name, definition, aliases in rows
    ]


def colloquial_aliases() -> list[tuple[str, str]]:
    pairs = []
    for line in read_word_list(_COLLOQUIAL_FILE):
        word, _, code = line.partition("\t")
        pairs.append((word.strip(), code.strip()))
    return pairs


def build_classifier(entries: Iterable[OccupationEntry]) -> _Classifier:
    return _Classifier(
        model=ClassifierModel.build(entries, colloquial_aliases()), noise=noise_words()
    )


@functools.cache
def _classifier() -> _Classifier:
    entries = occupation_entries()
    if not entries:
        raise RuntimeError("职业分类表是空的：请先运行 python manage.py load_reference")
    return build_classifier(entries)


def reset_classifier() -> None:
    """Forget the model and cached answers; the next call rebuilds from the database."""
    _classifier.cache_clear()
    _ranked.cache_clear()


def suggest_occupation(title: str) -> Suggestion | None:
    """The occupation a job title most likely names, or None when it names none we know."""
    ranked = _ranked(normalize(title)[:MAX_TITLE_CHARS])
    if not ranked:
        return None
    best = ranked[0]
    entry = _classifier().model.entries[best.code]
    return Suggestion(
        code=entry.code, name=entry.name, level=entry.level, score=best.score, matched=best.matched
    )


def classify(title: str, top_k: int = 3) -> list[Candidate]:
    """Up to top_k occupations, best first; empty when the title names none we know."""
    entries = _classifier().model.entries
    return [
        Candidate(code=s.code, name=entries[s.code].name, score=round(s.score, 4))
        for s in _ranked(normalize(title)[:MAX_TITLE_CHARS])[:top_k]
    ]


def classify_with(classifier: _Classifier, title: str) -> list[Scored]:
    """The ranking for a title under a given classifier (tests and benchmarks build their own)."""
    model = classifier.model
    phrases = title_phrases(
        title, noise=classifier.noise, is_job_word=model.is_job_word, longest=model.longest_job_word
    )
    best: dict[str, Scored] = {}
    leaders: list[Scored] = []
    exact: list[Scored] = []
    for phrase in phrases:
        scored = model.score_phrase(phrase)
        if not scored:
            continue
        leader = _phrase_leader(model, scored)
        leaders.append(leader)
        if leader.matched == phrase:
            exact.append(leader)
        for item in scored:
            if item.score > best.get(item.code, Scored(item.code, -1.0, "")).score:
                best[item.code] = item
    if not leaders:
        return []
    # Titles name their main job first: the first phrase that is exactly an
    # occupation's name wins (a detailed occupation before a generic word such
    # as 普工), and otherwise the first of the equally good.
    detailed = [s for s in exact if model.entries[s.code].level == DETAILED_LEVEL]
    if detailed or exact:
        top = (detailed or exact)[0]
    else:
        best_score = max(s.score for s in leaders)
        top = next(s for s in leaders if best_score - s.score <= TIE_MARGIN)
    if top.score < MIN_SCORE:
        return []
    rest = sorted((s for s in best.values() if s.code != top.code), key=lambda s: -s.score)
    return [top, *(s for s in rest if s.score >= MIN_SCORE)]


@functools.lru_cache(maxsize=CACHE_SIZE)
def _ranked(title: str) -> tuple[Scored, ...]:
    return tuple(classify_with(_classifier(), title))


def _phrase_leader(model: ClassifierModel, scored: list[Scored]) -> Scored:
    """The phrase's best occupation, or the group of its equally good ones."""
    top = scored[0]
    tied = [s for s in scored if top.score - s.score <= TIE_MARGIN]
    if len(tied) == 1 or len({s.matched for s in tied}) > 1:
        return top
    group = model.common_ancestor(s.code for s in tied)
    # A whole 大类 says too little to be worth suggesting; the best member is shown instead.
    if group is None or model.entries[group].level < MIN_GROUP_LEVEL:
        return top
    return Scored(code=group, score=top.score, matched=top.matched)
