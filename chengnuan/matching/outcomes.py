"""Where applied / interviewed / hired come from, for the effectiveness figures. Matching
never imports the app that records applications: that app registers a source from its
AppConfig.ready():

    from chengnuan.matching.outcomes import register_outcome_source
    register_outcome_source(application_funnel_pairs)

A source takes (seeker id, posting id) pairs and answers, for those that went further, the
furthest stage reached: {(seeker_id, posting_id): "applied" | "interviewed" | "hired"}."""

from collections.abc import Callable, Iterable

STAGES = ("applied", "interviewed", "hired")

Pair = tuple[int, int]
OutcomeSource = Callable[[Iterable[Pair]], dict[Pair, str]]

_SOURCES: list[OutcomeSource] = []


def register_outcome_source(source: OutcomeSource) -> None:
    if source not in _SOURCES:
        _SOURCES.append(source)


def unregister_outcome_source(source: OutcomeSource) -> None:
    if source in _SOURCES:
        _SOURCES.remove(source)


def outcomes_of(pairs: list[Pair]) -> dict[Pair, str]:
    """The furthest stage each pair reached, over every registered source."""
    found: dict[Pair, str] = {}
    for source in _SOURCES:
        for pair, stage in source(pairs).items():
            if stage in STAGES and STAGES.index(stage) >= STAGES.index(found.get(pair, stage)):
                found[pair] = stage
    return found
