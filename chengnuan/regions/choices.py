"""Pick lists of administrative divisions for forms, as (value, label) pairs or groups ready
for a Django ChoiceField, each in one query."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from chengnuan.regions.models import Division, DivisionLevel

Choices = list[tuple[str, str]]
GroupedChoices = list[tuple[str, Choices]]


def province_prefix() -> str:
    return settings.PROVINCE_CODE


def city_choices() -> Choices:
    """The province's cities (市)."""
    cities = Division.objects.filter(
        level=DivisionLevel.CITY, code__startswith=province_prefix()
    ).values_list("code", "name")
    return list(cities)


def province_choices() -> Choices:
    """Every province of China (户籍地 may be anywhere), the platform's own first."""
    rows = list(Division.objects.filter(level=DivisionLevel.PROVINCE).values_list("code", "name"))
    return sorted(rows, key=lambda row: row[0] != province_prefix())


def county_choices(city_code: str = "", province_code: str = "") -> Choices | GroupedChoices:
    """Counties (县区) of one city; without a city, every county of a province (the
    platform's own by default) grouped under its city, so one select is enough when
    JavaScript is off. Grouped, each county is named with its city too (「沈阳市 铁西区」):
    county names repeat across cities, and a closed select or a screen reader shows the
    option alone, not its group."""
    if city_code:
        return list(
            Division.objects.filter(level=DivisionLevel.COUNTY, parent_id=city_code).values_list(
                "code", "name"
            )
        )
    rows = Division.objects.filter(
        Q(level=DivisionLevel.CITY) | Q(level=DivisionLevel.COUNTY),
        code__startswith=province_code or province_prefix(),
    ).values_list("code", "name", "level")
    city_names: dict[str, str] = {}
    counties: dict[str, Choices] = defaultdict(list)
    for code, name, level in rows:
        if level == DivisionLevel.CITY:
            city_names[code] = name
        else:
            counties[code[:4]].append((code, name))
    return [
        (city_names.get(city, city), _with_city(counties[city], city_names))
        for city in sorted(counties)
    ]


def counties_within(prefix: str) -> Choices:
    """The province's counties whose code starts with `prefix` (an area: 21, 2101, 210106),
    named with their city when the area holds more than one city."""
    rows = Division.objects.filter(
        Q(level=DivisionLevel.CITY) | Q(level=DivisionLevel.COUNTY),
        code__startswith=prefix[:6],
    ).filter(code__startswith=province_prefix())
    city_names: dict[str, str] = {}
    counties: Choices = []
    for code, name, level in rows.order_by("code").values_list("code", "name", "level"):
        if level == DivisionLevel.CITY:
            city_names[code] = name
        else:
            counties.append((code, name))
    if len({code[:4] for code, _ in counties}) <= 1:
        return counties
    return _with_city(counties, city_names)


def _with_city(counties: Choices, city_names: dict[str, str]) -> Choices:
    """(code, 「沈阳市 铁西区」); a county whose city row is missing keeps its own name."""
    return [
        (code, f"{city_names[code[:4]]} {name}" if code[:4] in city_names else name)
        for code, name in counties
    ]


def township_choices(county_code: str) -> Choices:
    """Townships and streets (乡镇街道) of one county; nothing without a county."""
    if not county_code:
        return []
    return list(
        Division.objects.filter(level=DivisionLevel.TOWNSHIP, parent_id=county_code).values_list(
            "code", "name"
        )
    )


def division_choices(codes: list[str]) -> Choices:
    """(code, full name) of the given divisions, in the order given; unknown codes left out."""
    if not codes:
        return []
    names = {d.code: str(d) for d in Division.objects.filter(code__in=codes)}
    return [(code, names[code]) for code in codes if code in names]
