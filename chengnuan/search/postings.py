"""Postings as search documents: which postings are public, and what of them is searchable.

Searchable text: title (weighted), description, occupation name, employer name, the place
(city, county, township) and the readable labels of benefits, shift and contract,
so 「沈阳 日结」 or 「司机 包住」 work as plain words. Filter tokens:
a_<adcode> for the city, county and township; o_<code> for each level of the occupation
code (o_6, o_6_18, o_6_18_01, o_6_18_01_05); b_<benefit>; k_<contract type>; f_older."""

import functools

from django.db.models import QuerySet

from chengnuan.classifications.models import Occupation
from chengnuan.core.timeutil import today
from chengnuan.employment.choices import Benefit, ContractType, EmployerStatus, PostingStatus, Shift
from chengnuan.employment.models import Posting
from chengnuan.regions.models import Division
from chengnuan.search.documents import SourceDoc

DOC_TYPE = "posting"
OLDER_LABEL = "欢迎大龄"
BOTH_MEALS_AND_HOUSING = "包吃包住"

_FIELDS = (
    "id",
    "title",
    "description",
    "employer__name",
    "occupation_id",
    "county_id",
    "township_id",
    "lng",
    "lat",
    "monthly_wage_min",
    "benefits",
    "shift",
    "contract_type",
    "open_to_older",
    "published_at",
)


def visible_postings() -> QuerySet[Posting]:
    """What the public may see: published, still valid, from a verified employer."""
    return Posting.objects.filter(
        status=PostingStatus.PUBLISHED,
        employer__status=EmployerStatus.VERIFIED,
        valid_until__gte=today(),
    )


def is_visible(posting: Posting) -> bool:
    """visible_postings() for one loaded posting (with its employer)."""
    return (
        posting.status == PostingStatus.PUBLISHED
        and posting.employer.status == EmployerStatus.VERIFIED
        and posting.valid_until >= today()
    )


@functools.cache
def _places() -> dict[str, tuple[str, float | None, float | None]]:
    return {
        code: (name, lng, lat)
        for code, name, lng, lat in Division.objects.values_list("code", "name", "lng", "lat")
    }


@functools.cache
def _occupation_names() -> dict[str, str]:
    return dict(Occupation.objects.values_list("code", "name"))


def clear_caches() -> None:
    """Reference data is loaded once per process; tests that load it again call this."""
    _places.cache_clear()
    _occupation_names.cache_clear()


def occupation_tags(code: str | None) -> list[str]:
    if not code:
        return []
    parts = code.split("-")
    return ["o_" + "_".join(parts[: n + 1]) for n in range(len(parts))]


def area_tags(*codes: str | None) -> list[str]:
    tags: list[str] = []
    for code in codes:
        if code:
            tags.extend(f"a_{code[:n]}" for n in (2, 4, 6, 9) if len(code) >= n)
    return list(dict.fromkeys(tags))


_BENEFIT_LABELS = dict(Benefit.choices)
_SHIFT_AND_CONTRACT_LABELS = dict(Shift.choices) | dict(ContractType.choices)


def _labels(values: list[str], choices: dict[str, str]) -> list[str]:
    return [choices[v] for v in values if v in choices]


def source_doc(values: dict) -> SourceDoc:
    """A posting (as a dict of _FIELDS) as the index sees it."""
    places = _places()
    county = values["county_id"]
    township = values["township_id"]
    place_names = [
        places.get(code, ("", None, None))[0] for code in (county[:4], county, township) if code
    ]
    lng, lat = values["lng"], values["lat"]
    if lng is None or lat is None:
        # No pin on the posting: the township's or the county's centre is the best we know.
        _name, lng, lat = places.get(township or "", None) or places.get(county, ("", None, None))
    benefits = [b for b in values["benefits"] or [] if isinstance(b, str)]
    labels = _labels(benefits, _BENEFIT_LABELS)
    if Benefit.MEALS in benefits and Benefit.HOUSING in benefits:
        labels.append(BOTH_MEALS_AND_HOUSING)
    labels += _labels([values["shift"], values["contract_type"]], _SHIFT_AND_CONTRACT_LABELS)
    if values["open_to_older"]:
        labels.append(OLDER_LABEL)
    tags = area_tags(county, township)
    tags += occupation_tags(values["occupation_id"])
    tags += [f"b_{b}" for b in benefits]
    tags.append(f"k_{values['contract_type']}")
    if values["open_to_older"]:
        tags.append("f_older")
    occupation = _occupation_names().get(values["occupation_id"] or "", "")
    return SourceDoc(
        doc_type=DOC_TYPE,
        doc_id=values["id"],
        published_at=values["published_at"],
        title=values["title"],
        # The street address is left out: it adds a fifth of the tokens and hardly a search.
        body=[values["description"], occupation, values["employer__name"], *place_names, *labels],
        tags=tags,
        wage_min=values["monthly_wage_min"],
        lng=lng,
        lat=lat,
    )


def source_docs(posting_ids: list[int]) -> list[SourceDoc]:
    """The visible ones among these postings; the others have no document."""
    rows = visible_postings().filter(id__in=posting_ids).values(*_FIELDS)
    return [source_doc(row) for row in rows]


def visible_id_chunks(size: int = 5000) -> list[list[int]]:
    """Every visible posting's id, oldest published first, in chunks, for a rebuild. That
    order lays PostgreSQL's table out in key order, so "newest first" reads neighbouring pages."""
    ids = list(visible_postings().order_by("published_at", "id").values_list("id", flat=True))
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def chunk_values(chunk: list[int]) -> list[dict]:
    """Postings by primary key (bounded, whatever the planner thinks), in the chunk's order."""
    by_id = {row["id"]: row for row in Posting.objects.filter(id__in=chunk).values(*_FIELDS)}
    return [by_id[i] for i in chunk if i in by_id]
