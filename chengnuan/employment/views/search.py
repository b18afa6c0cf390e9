"""The worker's job search page (/jobs/): a plain GET form that works without JavaScript;
with htmx, typing and tapping a chip swap only the results."""

from dataclasses import dataclass, replace

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse

from chengnuan.employment.choices import Benefit, ContractType
from chengnuan.employment.forms.search import (
    DAYS_CHOICES,
    OCCUPATION_GROUPS,
    WAGE_CHOICES,
    SearchForm,
)
from chengnuan.employment.selectors.search import home_point, search_postings
from chengnuan.regions.models import Division, DivisionLevel
from chengnuan.search.places import Place
from chengnuan.search.query import Sort

CHIP_BENEFITS = [
    Benefit.MEALS,
    Benefit.HOUSING,
    Benefit.DAILY_PAY,
    Benefit.WEEKLY_PAY,
    Benefit.INSURANCE,
    Benefit.SOCIAL_INSURANCE,
]
# Parameters the chips carry from one search to the next (the box itself carries q).
KEPT = (
    "coord",
    "area",
    "occupation",
    "min_wage",
    "benefits",
    "older",
    "contract",
    "days",
    "sort",
    "near",
    "lng",
    "lat",
)


SEARCH_FORM_ID = "search-form"  # the box's form in jobs.html


@dataclass(frozen=True)
class Chip:
    label: str
    url: str
    active: bool


def jobs(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    form.is_valid()
    query = form.to_query(default_origin=_default_origin(form, request))
    page = search_postings(query)
    places = page.result.places
    # Chips and pages go on without the place words: the chip says the place instead.
    params = _without_places(request.GET, places)
    context = {
        "form": form,
        "query": query,
        "page": page,
        "errors": form.messages(),
        "place_chips": _place_chips(params, places),
        "chip_groups": _chip_groups(params, form, _area_shown(form, places)),
        "sort_chips": _sort_chips(request.GET, query.origin is not None),
        "distance_picker": _distance_picker(request.GET, form, query.origin is None),
        # The phone's position is GPS (WGS-84); the form turns it into the map system we store.
        "near_me_url": _url(
            request.GET, sort=Sort.DISTANCE, lng=None, lat=None, near=None, coord="wgs84"
        ),
        "hidden": [(k, v) for k in KEPT for v in request.GET.getlist(k) if k not in form.errors],
        "previous_url": _url(request.GET, page=str(query.page - 1)) if query.page > 1 else "",
        "next_url": _url(request.GET, page=str(query.page + 1)) if page.result.has_more else "",
        "suggestion_links": [
            (s.reason, _url(QueryDict() if s.drop_filters else request.GET, q=s.text))
            for s in page.result.suggestions
        ],
    }
    # Results the box did not ask for (a suggestion, a chip) bring the box's new text along.
    context["box_out_of_band"] = request.htmx and request.htmx.trigger != SEARCH_FORM_ID  # type: ignore[attr-defined]
    template = "employment/search/_results.html" if request.htmx else "employment/search/jobs.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _without_places(params: QueryDict, places: list[Place]) -> QueryDict:
    if not places:
        return params
    text = params.get("q", "")
    for place in places:
        text = text.replace(place.word, " ", 1)
    new = params.copy()
    new["q"] = " ".join(text.split())
    return new


def _place_chips(params: QueryDict, places: list[Place]) -> list[tuple[str, list[Chip]]]:
    """Per place typed: a chip that removes it and, for a name several counties share, one
    chip per county to say which."""
    rows = []
    for place in places:
        chips = [Chip(f"{place.word} ✕", _url(params), True)]
        if len(place.codes) > 1:
            chips += [
                Chip(label, _url(params, area=code), False)
                for code, label in zip(place.codes, place.labels, strict=True)
            ]
        rows.append((place.word, chips))
    return rows


def _distance_picker(
    params: QueryDict, form: SearchForm, no_origin: bool
) -> list[tuple[str, list[Chip]]]:
    """ "Nearest first" asked for with no position known: every county, by city, in sight
    (the chosen city's only, when there is one), each chip sorting by distance from it."""
    if not (no_origin and form.value("sort") == Sort.DISTANCE):
        return []
    area = form.value("area") or ""
    counties = Division.objects.filter(
        level=DivisionLevel.COUNTY,
        code__startswith=area[:4] if len(area) >= 4 else settings.PROVINCE_CODE,
        lng__isnull=False,
    ).select_related("parent")
    by_city: dict[str, list[Chip]] = {}
    for county in counties:
        city = county.parent.name if county.parent else ""
        url = _url(params, near=county.code, sort=Sort.DISTANCE, lng=None, lat=None, coord=None)
        by_city.setdefault(city, []).append(Chip(county.name, url, False))
    return list(by_city.items())


def _default_origin(form: SearchForm, request: HttpRequest) -> tuple[float, float] | None:
    """Distance from: the place picked, else the area filtered on, else the worker's home."""
    area = form.value("area") or ""
    if len(area) >= 4:
        point = (
            Division.objects.filter(code=area, lng__isnull=False).values_list("lng", "lat").first()
        )
        if point and point[0] is not None and point[1] is not None:
            return (point[0], point[1])
    return home_point(request.user)  # type: ignore[arg-type]


def _url(params: QueryDict, **changes: str | list[str] | None) -> str:
    """This search with some parameters set (None removes them), back on page 1."""
    new = params.copy()
    new.pop("page", None)
    for key, value in changes.items():
        new.pop(key, None)
        if isinstance(value, list):
            new.setlist(key, value)
        elif value:
            new[key] = value
    encoded = new.urlencode()
    return reverse("employment:jobs") + (f"?{encoded}" if encoded else "")


def _single(
    params: QueryDict, name: str, choices: list[tuple[str, str]], any_label: str
) -> list[Chip]:
    current = params.get(name, "")
    chips = [Chip(any_label, _url(params, **{name: None}), not current)]
    chips += [
        Chip(label, _url(params, **{name: value}), current == value) for value, label in choices
    ]
    return chips


def _area_shown(form: SearchForm, places: list[Place]) -> str:
    """The area the chips show as chosen: the one picked, else the one place typed."""
    codes = [code for place in places for code in place.codes]
    return form.value("area") or (codes[0] if len(codes) == 1 else "")


def _chip_groups(params: QueryDict, form: SearchForm, area: str) -> list[tuple[str, list[Chip]]]:
    cities = list(
        Division.objects.filter(
            level=DivisionLevel.CITY, code__startswith=settings.PROVINCE_CODE
        ).values_list("code", "name")
    )
    groups = [("地区", _single(params, "area", cities, "全省"))]
    # A county chosen (or a place typed) keeps its city lit.
    groups[0][1][0] = replace(groups[0][1][0], active=not area)
    groups[0][1][1:] = [
        replace(c, active=c.active or area[:4] == v)
        for c, (v, _) in zip(groups[0][1][1:], cities, strict=True)
    ]
    if len(area) >= 4:
        counties = Division.objects.filter(level=DivisionLevel.COUNTY, code__startswith=area[:4])
        groups.append(
            ("县区", _single(params, "area", list(counties.values_list("code", "name")), "全市"))
        )
        groups[-1][1][0] = Chip("全市", _url(params, area=area[:4]), len(area) == 4)
    groups.append(("工种", _single(params, "occupation", OCCUPATION_GROUPS, "不限")))
    groups.append(
        ("工资", _single(params, "min_wage", [(str(v), t) for v, t in WAGE_CHOICES], "不限"))
    )
    chosen = params.getlist("benefits")
    benefit_chips = []
    for code in CHIP_BENEFITS:
        toggled = [b for b in chosen if b != code] if code in chosen else [*chosen, code]
        benefit_chips.append(
            Chip(Benefit(code).label, _url(params, benefits=toggled), code in chosen)
        )
    older = bool(form.value("older"))
    benefit_chips.append(Chip("欢迎大龄", _url(params, older=None if older else "1"), older))
    groups.append(("待遇", benefit_chips))
    groups.append(("用工", _single(params, "contract", list(ContractType.choices), "不限")))
    groups.append(("发布", _single(params, "days", [(str(v), t) for v, t in DAYS_CHOICES], "不限")))
    return groups


def _sort_chips(params: QueryDict, has_origin: bool) -> list[Chip]:
    current = params.get("sort") or Sort.RELEVANCE
    return [
        Chip(label, _url(params, sort=value), current == value)
        for value, label in Sort.choices
        if value != Sort.DISTANCE or has_origin
    ]
