"""Names in cells to codes, each distinct text resolved once per import.

A sheet of 100,000 rows names perhaps a hundred places and a few hundred occupations, so
every answer (or refusal) is memoised: the row loop makes no database query.
"""

import unicodedata
from collections.abc import Callable
from typing import NamedTuple, TypeVar

from chengnuan.bulk.parsers import CellError, normalise, split_list
from chengnuan.classifications.models import Industry, Occupation
from chengnuan.regions import selectors as regions
from chengnuan.regions.models import Division, DivisionLevel
from chengnuan.search.classify import suggest_occupation

T = TypeVar("T")


class Refusal(NamedTuple):
    message: str


class Lookups:
    """Resolves areas, occupations and industries for one import, preferring the uploader's
    own area when a name is ambiguous (a 沈阳 clerk's 「铁西」 is 沈阳市铁西区)."""

    def __init__(self, scope_prefix: str = "") -> None:
        self.scope_prefix = scope_prefix
        self._memo: dict[tuple[str, ...], str | list[str] | Refusal | None] = {}
        self._occupations: dict[str, str] | None = None
        self._industries: dict[str, str] | None = None
        self._national: dict[str, str] | None = None

    def _remember(self, key: tuple[str, ...], compute: Callable[[], T]) -> T:
        """The memoised answer. A refusal is kept as its message and raised anew each time:
        re-raising one stored exception would chain every row's frames onto its traceback
        and keep them all alive."""
        if key not in self._memo:
            try:
                self._memo[key] = compute()  # type: ignore[assignment]
            except CellError as exc:
                self._memo[key] = Refusal(exc.message)
        found = self._memo[key]
        if isinstance(found, Refusal):
            raise CellError(found.message)
        return found  # type: ignore[return-value]

    # --- areas ------------------------------------------------------------------------------

    def county(self, value: object) -> str | None:
        text = normalise(value)
        if not text:
            return None
        return self._remember(
            ("county", text), lambda: self._area(text, DivisionLevel.COUNTY, "县区")
        )

    def area(self, value: object) -> str | None:
        """A city, county or township, for 想去的地方 and 户籍地."""
        text = normalise(value)
        if not text:
            return None
        return self._remember(("area", text), lambda: self._area(text, None, "地方"))

    def areas(self, value: object) -> list[str]:
        codes = [self.area(part) for part in split_list(value)]
        return list(dict.fromkeys(code for code in codes if code))

    def hukou(self, value: object) -> str | None:
        """户籍地: anywhere in China (most migrant workers come from another province), read
        as a full name (河南省周口市郸城县), without the province (周口市郸城县) or a county
        name found once in the country (郸城县)."""
        text = normalise(value)
        if not text:
            return None
        return self._remember(("hukou", text), lambda: self._hukou(text))

    def _hukou(self, text: str) -> str:
        try:
            return self._area(text, None, "户籍地")
        except CellError:
            if self._national is None:
                self._national = _national_names()
            code = self._national.get(regions.normalise_area_text(text))
            if not code:
                raise CellError(
                    f"不认识这个户籍地「{text}」，请写成「河南省周口市郸城县」这样。"
                ) from None
            return code

    def township(self, value: object, county_code: str) -> str | None:
        text = normalise(value)
        if not text:
            return None
        return self._remember(
            ("township", county_code, text), lambda: self._township(county_code, text)
        )

    def _area(self, text: str, level: str | None, what: str) -> str:
        found = regions.resolve_area(text, level)
        if found is not None:
            return found.code
        candidates = regions.find_divisions(text, level=level)
        mine = [d for d in candidates if self.scope_prefix and d.code.startswith(self.scope_prefix)]
        if len(mine) == 1:
            return mine[0].code
        if len(candidates) > 1:
            # Name the places called so, not the counties of townships called so.
            named = [d for d in regions.find_divisions(text) if d.level == level] or candidates
            names = "、".join(_full_name(d.code) for d in named[:4])
            raise CellError(
                f"「{text}」有好几个（{names}），请写上市名，例如「{_full_name(named[0].code)}」。"
            )
        if level == DivisionLevel.COUNTY and regions.resolve_area(text) is not None:
            raise CellError(f"「{text}」不是县区，请写到县区，例如「沈阳市铁西区」。")
        raise CellError(f"不认识这个{what}「{text}」，请从下拉里选，或写成「沈阳市铁西区」这样。")

    def _township(self, county_code: str, text: str) -> str:
        folded = _fold(text)
        exact = [
            d
            for d in regions.townships_of_county(county_code)
            if folded in {_fold(name) for name in (d.name, *regions.name_spellings(d.name))}
        ]
        if len(exact) == 1:
            return exact[0].code
        candidates = [
            d
            for d in regions.find_divisions(text, level=DivisionLevel.TOWNSHIP)
            if d.code.startswith(county_code)
        ]
        if len(candidates) == 1:
            return candidates[0].code
        county = _full_name(county_code)
        if not candidates:
            raise CellError(f"{county}没有叫「{text}」的乡镇街道，请核对名字。")
        raise CellError(f"「{text}」在{county}有好几个，请写全名。")

    # --- occupations, industries -------------------------------------------------------------

    def occupation(self, value: object) -> str | None:
        text = normalise(value)
        if not text:
            return None
        if self._occupations is None:
            self._occupations = _occupation_names()
        name = text.replace(" ", "")
        # The 2022 edition prints L (green) and S (digital) after some names; copies keep them.
        code = self._occupations.get(name) or self._occupations.get(name.rstrip("LS"))
        if code is None:
            raise CellError(f"「{text}」不在职业（工种）列表里，请从下拉里选。")
        return code

    def occupations(self, value: object) -> list[str]:
        """Several names; a name that itself holds a 、 (the classification has some) is
        matched before the pieces it would split into."""
        parts = split_list(value)
        codes: list[str] = []
        start = 0
        while start < len(parts):
            for end in range(len(parts), start, -1):
                code = self._occupation_code("、".join(parts[start:end]))
                if code:
                    codes.append(code)
                    start = end
                    break
            else:
                self.occupation(parts[start])  # raises, naming the unknown piece
        return list(dict.fromkeys(codes))

    def _occupation_code(self, name: str) -> str | None:
        """The occupation of this exact name or, failing that, of a common worker word (普工,
        力工, 保洁) the job classifier knows, as search classifies titles."""
        try:
            return self.occupation(name)
        except CellError:
            return common_word_occupation(name)

    def known_occupations(self, value: object) -> list[str]:
        """The parts of a free text that name an occupation; the rest is left as written."""
        found = [self._occupation_code(part) for part in split_list(value)]
        return list(dict.fromkeys(code for code in found if code))

    def industry(self, value: object) -> str | None:
        text = normalise(value).replace(" ", "")
        if not text:
            return None
        if self._industries is None:
            self._industries = {}
            for code, name in Industry.objects.order_by("-level", "code").values_list(
                "code", "name"
            ):
                self._industries[name] = code
                self._industries.setdefault(code, code)
        found = self._industries.get(text)
        if found is None:
            raise CellError(f"「{text}」不在国民经济行业分类里，可以空着不填。")
        return found


def common_word_occupation(name: str) -> str | None:
    """「普工」 -> 生产制造及有关人员, 「力工」 -> 装卸搬运工: only when the classifier's answer
    rests on the whole word (one of its aliases), never on a resemblance."""
    word = _fold(name)
    suggestion = suggest_occupation(word) if word else None
    return suggestion.code if suggestion and suggestion.matched == word else None


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def _full_name(code: str) -> str:
    division = regions.division_by_code(code)
    if division is None:
        return code
    path = regions.division_path(code)
    return "".join(d.name for d in path[1:]) or division.name


def _national_names() -> dict[str, str]:
    """Every spelling of the country's provinces, cities and counties that names one place
    (an ambiguous one maps to "")."""
    names: dict[str, str] = {}

    def add(key: str, code: str) -> None:
        names[key] = code if names.get(key, code) == code else ""

    rows = Division.objects.exclude(level=DivisionLevel.TOWNSHIP).values_list(
        "code", "name", "full_name"
    )
    provinces = {code: name for code, name, _ in rows if len(code) == 2}
    for code, name, full_name in rows:
        full = regions.normalise_area_text(full_name or name)
        add(full, code)
        province = provinces.get(code[:2], "")
        if len(code) > 2 and full.startswith(province):
            add(full[len(province) :], code)
        for spelling in regions.name_spellings(name):
            add(spelling, code)
    return names


def _occupation_names() -> dict[str, str]:
    """Detailed occupation names, then their common aliases where one alias means one
    occupation. A name the classification uses twice goes to the lower code."""
    names: dict[str, str] = {}
    alias_codes: dict[str, set[str]] = {}
    rows = (
        Occupation.objects.filter(level=4).order_by("code").values_list("code", "name", "aliases")
    )
    for code, name, aliases in rows:
        names.setdefault(name, code)
        for alias in (a.strip() for a in aliases.split(",")):
            if alias:
                alias_codes.setdefault(alias, set()).add(code)
    for alias, codes in alias_codes.items():
        if len(codes) == 1 and alias not in names:
            names[alias] = next(iter(codes))
    return names
