"""Place names typed into a search (「沈阳 日结」, 「金州 保洁」, 「铁西区 普工」) become an area
filter instead of words to find: a posting in 营口 whose text mentions 沈阳 is not a job in 沈阳.

Names come from the regions table (the province's cities and counties, with and without their
suffix: 沈阳市 / 沈阳, 金州区 / 金州), never from a list kept here. A name several divisions
share (铁西区 is in 沈阳 and in 鞍山) keeps all of them, unless another place typed tells which
(「沈阳 铁西区」); a city and one of its counties typed together mean the county. Words that are
also job-search words stay words."""

import functools
from dataclasses import dataclass

from django.conf import settings

from chengnuan.regions.models import Division, DivisionLevel
from chengnuan.search.lexicon import lexicon

SUFFIXES = ("自治县", "市", "区", "县")


@dataclass(frozen=True)
class Place:
    """A place the query named: the word as typed and every division it may mean."""

    word: str
    codes: tuple[str, ...]
    labels: tuple[str, ...]  # 「鞍山市铁西区」: the name with its city, one per code


def short_name(name: str) -> str:
    """The name without its suffix when at least two characters are left: 沈阳市 -> 沈阳."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@functools.cache
def place_names() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every city and county name of the province, full and short -> (code, label) pairs."""
    rows = Division.objects.filter(
        level__in=[DivisionLevel.CITY, DivisionLevel.COUNTY],
        code__startswith=settings.PROVINCE_CODE,
    ).values_list("code", "name", "parent__name", "level")
    job_words = lexicon().vocabulary
    names: dict[str, list[tuple[str, str]]] = {}
    for code, name, parent, level in rows:
        label = f"{parent}{name}" if level == DivisionLevel.COUNTY and parent else name
        for form in dict.fromkeys((name, short_name(name))):
            if form not in job_words:
                names.setdefault(form, []).append((code, label))
    return {form: tuple(sorted(found)) for form, found in names.items()}


def split_places(words: list[str]) -> tuple[list[Place], list[str]]:
    """The places among the query's words, and the words left to look for."""
    names = place_names()
    named = [(w, names[w]) for w in words if w in names]
    if not named:
        return [], words
    every_code = [code for _word, found in named for code, _label in found]
    places = []
    for word, found in named:
        # Inside another place typed (沈阳 + 铁西区): only those.
        inside = [
            (c, label) for c, label in found if any(o != c and c.startswith(o) for o in every_code)
        ]
        kept = inside or list(found)
        # A place that contains another one typed (沈阳 of 「沈阳 铁西区」) adds nothing.
        if all(any(o != c and o.startswith(c) for o in every_code) for c, _ in kept):
            continue
        places.append(Place(word, tuple(c for c, _ in kept), tuple(label for _, label in kept)))
    place_words = {w for w, _ in named}
    return places, [w for w in words if w not in place_words]
