"""Postings as search documents: the employment app's document source for the search engine
(registered in EmploymentConfig.ready), and the call that keeps the index in step.

Searchable text: title (weighted), description, occupation name, employer name, the place
(city, county, township) and the readable labels of benefits, shift and contract,
so 「沈阳 日结」 or 「司机 包住」 work as plain words. Filter tokens:
a_<adcode> for the city, county and township; o_<code> for each level of the occupation
code (o_6, o_6_18, o_6_18_01, o_6_18_01_05); b_<benefit>; k_<contract type>; f_older."""

import functools

from chengnuan.classifications.models import Occupation
from chengnuan.employment.choices import Benefit, ContractType, Shift
from chengnuan.employment.models import Posting
from chengnuan.employment.selectors.postings import public_postings
from chengnuan.regions.models import Division
from chengnuan.search import index
from chengnuan.search.documents import SourceDoc, area_tags, occupation_filter, occupation_tags
from chengnuan.search.sources import DocumentSource

DOC_TYPE = "posting"
DOC_CODE = 1  # keys of postings start with 1 (search/keys.py); never change it
OLDER_LABEL = "欢迎大龄"
BOTH_MEALS_AND_HOUSING = "包吃包住"
OLDER_TAG = "f_older"

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


def postings_changed(posting_ids: list[int]) -> None:
    """Tell the search index these postings changed (call it after commit)."""
    index.documents_changed(DOC_TYPE, posting_ids)


def posting_filter_tags(
    *, occupation: str = "", benefits: tuple[str, ...] = (), older: bool = False, contract: str = ""
) -> tuple[str, ...]:
    """The posting filters a worker picks, as the filter tokens the documents carry."""
    tags = [occupation_filter(occupation)] if occupation else []
    tags += [f"b_{b}" for b in benefits]
    tags += [OLDER_TAG] if older else []
    tags += [f"k_{contract}"] if contract else []
    return tuple(tags)


@functools.cache
def _places() -> dict[str, tuple[str, float | None, float | None]]:
    return {
        code: (name, lng, lat)
        for code, name, lng, lat in Division.objects.values_list("code", "name", "lng", "lat")
    }


@functools.cache
def _occupation_names() -> dict[str, str]:
    return dict(Occupation.objects.values_list("code", "name"))


def warm() -> None:
    _places()
    _occupation_names()


def clear_caches() -> None:
    """Reference data is loaded once per process; tests that load it again call this."""
    _places.cache_clear()
    _occupation_names.cache_clear()


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
        tags.append(OLDER_TAG)
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
    """The public ones among these postings; the others have no document."""
    rows = public_postings().filter(id__in=posting_ids).values(*_FIELDS)
    return [source_doc(row) for row in rows]


def visible_id_chunks(size: int = 5000) -> list[list[int]]:
    """Every public posting's id, oldest published first, in chunks, for a rebuild. That
    order lays PostgreSQL's table out in key order, so "newest first" reads neighbouring pages."""
    ids = list(public_postings().order_by("published_at", "id").values_list("id", flat=True))
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def chunk_docs(chunk: list[int]) -> list[SourceDoc]:
    """Documents of a rebuild chunk, read by primary key (bounded, whatever the planner
    thinks), in the chunk's order. The chunk was listed as public a moment ago."""
    by_id = {row["id"]: row for row in Posting.objects.filter(id__in=chunk).values(*_FIELDS)}
    return [source_doc(by_id[i]) for i in chunk if i in by_id]


POSTING_SOURCE = DocumentSource(
    doc_type=DOC_TYPE,
    code=DOC_CODE,
    documents=source_docs,
    id_chunks=visible_id_chunks,
    chunk_documents=chunk_docs,
    warm=warm,
    tables=("employment_posting", "employment_employer"),
)
