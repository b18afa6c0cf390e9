"""Reads of the division tree. The platform's own province (≈1,500 rows) is held in process
memory after the first call; load_reference clears it when it changes anything. Divisions of
other provinces are read from the database. The Division objects returned are shared: read
them, do not change them."""

import threading
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings

from chengnuan.regions.models import Division, DivisionLevel

LEVEL_DEPTH = {
    DivisionLevel.PROVINCE: 0,
    DivisionLevel.CITY: 1,
    DivisionLevel.COUNTY: 2,
    DivisionLevel.TOWNSHIP: 3,
}
CODE_LENGTH = (2, 4, 6, 9)

# Longest first: the first suffix that fits is the one taken off.
_NAME_SUFFIXES = (
    "蒙古族自治县",
    "满族自治县",
    "朝鲜族乡",
    "蒙古族乡",
    "锡伯族乡",
    "满族镇",
    "满族乡",
    "回族乡",
    "自治县",
    "街道",
    "新区",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "镇",
    "乡",
)
# Short forms everyone uses that no suffix rule can derive.
_ABBREVIATIONS = {
    "喀喇沁左翼蒙古族自治县": ("喀左", "喀左县"),
    "阜新蒙古族自治县": ("阜蒙", "阜蒙县"),
}
# A short spelling followed by one of these is a street or village named after the place
# (中山路, 新民村), not the place itself.
_STREET_CHARS = frozenset("路街道巷弄胡号村屯")
_NOISE = set(" \t\r\n,，.。、;；:：/\\|-—_·()（）[]【】<>《》\"'“”‘’#*")


@dataclass
class _ProvinceIndex:
    by_code: dict[str, Division]
    children: dict[str, list[Division]]
    # Every spelling people use for a division (沈阳市, 沈阳; 岫岩满族自治县, 岫岩, 岫岩县).
    spellings: dict[str, list[str]] = field(default_factory=dict)
    full_names: set[str] = field(default_factory=set)
    longest: int = 0


_lock = threading.Lock()
_indexes: dict[str, _ProvinceIndex] = {}


def clear_division_cache() -> None:
    with _lock:
        _indexes.clear()


def _index() -> _ProvinceIndex:
    province = settings.PROVINCE_CODE
    index = _indexes.get(province)
    if index is None:
        index = _build_index(province)
        if index.by_code:  # not kept while the table is still empty (before load_reference)
            with _lock:
                _indexes[province] = index
    return index


def _build_index(province: str) -> _ProvinceIndex:
    divisions = list(Division.objects.filter(code__startswith=province).order_by("code"))
    index = _ProvinceIndex(by_code={d.code: d for d in divisions}, children={})
    for division in divisions:
        if division.parent_id:
            index.children.setdefault(division.parent_id, []).append(division)
        index.full_names.add(division.name)
        spellings = name_spellings(division.name) + _spellings_without_ancestor(division, index)
        for spelling in dict.fromkeys(spellings + list(_ABBREVIATIONS.get(division.name, ()))):
            index.spellings.setdefault(spelling, []).append(division.code)
    index.longest = max((len(s) for s in index.spellings), default=0)
    return index


def name_spellings(name: str) -> list[str]:
    """铁西区 → [铁西区, 铁西]; 阜新蒙古族自治县 → [阜新蒙古族自治县, 阜新, 阜新县]."""
    spellings = [name]
    for suffix in _NAME_SUFFIXES:
        short = name[: -len(suffix)]
        if name.endswith(suffix) and len(short) >= 2:
            spellings.append(short)
            if suffix.endswith("自治县"):
                spellings.append(short + "县")
            elif suffix.endswith(("族乡", "族镇")):
                spellings.append(short + suffix[-1])
            break
    return spellings


def _spellings_without_ancestor(division: Division, index: _ProvinceIndex) -> list[str]:
    """沈阳市经济技术开发区 is also written 沈阳经济技术开发区. (Not bare 经济技术开发区: every
    city has one.)"""
    spellings = []
    ancestor = index.by_code.get(division.parent_id or "")
    while ancestor is not None:
        rest = division.name.removeprefix(ancestor.name)
        if rest != division.name and len(rest) >= 2:
            spellings += [short + rest for short in name_spellings(ancestor.name)[1:]]
        ancestor = index.by_code.get(ancestor.parent_id or "")
    return spellings


# --- look-ups by code ----------------------------------------------------------------------


def division_by_code(code: str) -> Division | None:
    code = (code or "").strip()
    division = _index().by_code.get(code)
    if division is None and code and not code.startswith(settings.PROVINCE_CODE):
        division = Division.objects.filter(code=code).first()
    return division


def province() -> Division | None:
    return _index().by_code.get(settings.PROVINCE_CODE)


def children_of(code: str) -> list[Division]:
    if code.startswith(settings.PROVINCE_CODE):
        return list(_index().children.get(code, []))
    return list(Division.objects.filter(parent_id=code).order_by("code"))


def cities() -> list[Division]:
    """The province's cities, by code."""
    return children_of(settings.PROVINCE_CODE)


def counties_of_city(city_code: str) -> list[Division]:
    return [d for d in children_of(city_code) if d.level == DivisionLevel.COUNTY]


def townships_of_county(county_code: str) -> list[Division]:
    return [d for d in children_of(county_code) if d.level == DivisionLevel.TOWNSHIP]


def ancestor_at(code: str, level: str) -> str | None:
    """The code of the division at `level` that contains `code` (itself if already there)."""
    length = CODE_LENGTH[LEVEL_DEPTH[DivisionLevel(level)]]
    return code[:length] if len(code) >= length else None


def division_path(code: str) -> list[Division]:
    """Province first, down to the division itself: the breadcrumb of a place."""
    path = []
    division = division_by_code(code)
    while division is not None:
        path.append(division)
        division = division_by_code(division.parent_id) if division.parent_id else None
    return path[::-1]


# --- look-ups by name ----------------------------------------------------------------------


def normalise_area_text(text: str) -> str:
    """Full-width to half-width, spaces and punctuation out, a leading 中国 dropped."""
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(ch for ch in text if ch not in _NOISE)
    return text.removeprefix("中华人民共和国").removeprefix("中国")


def find_divisions(text: str, *, level: str | None = None) -> list[Division]:
    """Divisions of the province that `text` may mean, best first. The text is read as a chain
    of names from the largest place down (「沈阳市铁西区」, 「沈阳铁西」, 「铁西区昆明湖街道」);
    anything after the last recognised name (a street, a house number) is ignored. With
    `level`, deeper matches are lifted to that level and shallower ones dropped."""
    index = _index()
    return [index.by_code[code] for code, _ in _ranked_candidates(text, level, index)]


def resolve_area(text: str, level: str | None = None) -> Division | None:
    """The one division `text` names, or None when it names none or several equally well
    (「铁西区」 is in both 沈阳 and 鞍山). Bulk imports call this for messy area columns."""
    index = _index()
    ranked = _ranked_candidates(text, level, index)
    best = [code for code, depth in ranked if depth == ranked[0][1]] if ranked else []
    return index.by_code[best[0]] if len(best) == 1 else None


def _ranked_candidates(
    text: str, level: str | None, index: _ProvinceIndex
) -> list[tuple[str, int]]:
    """(code, depth the name was matched at), shallowest first."""
    code = _as_code(text, index)
    if code:
        candidates = {code: _depth(code)}
    else:
        candidates = {c: _depth(c) for c in _read_chain(normalise_area_text(text), index)}
    if level is not None:
        candidates = _lift_to_level(candidates, level)
    # 本溪 names both the city and 本溪满族自治县 inside it: the city is meant.
    outermost = [(c, d) for c, d in candidates.items() if not _has_ancestor_in(c, candidates)]
    return sorted(outermost, key=lambda item: (item[1], item[0]))


def _as_code(text: str, index: _ProvinceIndex) -> str | None:
    """An adcode typed as such: 210106, 210106001, or the 12-digit form 210106000000."""
    digits = unicodedata.normalize("NFKC", text or "").strip()
    if not digits.isdigit():
        return None
    if len(digits) == 12:
        digits = digits[:9]
        for length in (6, 4, 2):
            if digits[length:] == "0" * (len(digits) - length):
                digits = digits[:length]
    return digits if digits in index.by_code else None


def _depth(code: str) -> int:
    return CODE_LENGTH.index(len(code))


def _read_chain(text: str, index: _ProvinceIndex) -> set[str]:
    """Walk the text name by name. Each name either goes down from what was read so far
    (沈阳市 → 铁西区) or narrows it from above (铁西区 then 沈阳: only 沈阳's 铁西区)."""
    current = {settings.PROVINCE_CODE}
    matched = False
    position = 0
    while position < len(text):
        step = _next_name(text, position, current, index)
        if step is None:
            break
        length, codes, goes_down = step
        if goes_down:
            current = set(codes)
        else:
            current = {c for c in current if any(c.startswith(a) for a in codes)}
        matched = True
        position += length
    return current if matched else set()


def _next_name(
    text: str, position: int, current: set[str], index: _ProvinceIndex
) -> tuple[int, list[str], bool] | None:
    for length in range(min(index.longest, len(text) - position), 1, -1):
        spelling = text[position : position + length]
        codes = index.spellings.get(spelling)
        if not codes or _is_street_name(text, position + length, spelling, index):
            continue
        below = [c for c in codes if any(c != s and c.startswith(s) for s in current)]
        if below:
            return length, below, True
        above = [c for c in codes if any(s.startswith(c) for s in current)]
        if above:
            return length, above, False
    return None


def _is_street_name(text: str, end: int, spelling: str, index: _ProvinceIndex) -> bool:
    return spelling not in index.full_names and text[end : end + 1] in _STREET_CHARS


def _lift_to_level(candidates: dict[str, int], level: str) -> dict[str, int]:
    """Each candidate at or below `level` becomes its ancestor at that level; the depth kept
    is the one it was matched at, so a direct match beats one lifted from below."""
    lifted: dict[str, int] = {}
    for code, depth in candidates.items():
        ancestor = ancestor_at(code, level)
        if ancestor is not None:
            lifted[ancestor] = min(depth, lifted.get(ancestor, depth))
    return lifted


def _has_ancestor_in(code: str, codes: dict[str, int]) -> bool:
    return any(other != code and code.startswith(other) for other in codes)
