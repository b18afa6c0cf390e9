"""Small reads the employment pages need for their pick lists: divisions by level, the short
list of common occupations, occupation search and industries. Each returns plain
(value, label) pairs or groups ready for a Django ChoiceField, in one query."""

from collections import defaultdict

from django.db.models import Q

from chengnuan.accounts.models import User
from chengnuan.classifications.models import Industry, Occupation
from chengnuan.regions.choices import Choices, GroupedChoices, counties_within

# Work most people who come to a station ask for first (CSCO 2022 detailed occupations).
COMMON_OCCUPATION_CODES = (
    "6-18-01-01",  # 车工
    "6-18-02-04",  # 焊工
    "6-31-01-03",  # 电工
    "6-29-01-01",  # 砌筑工
    "6-29-01-03",  # 混凝土工
    "6-29-01-04",  # 钢筋工
    "6-29-01-05",  # 架子工
    "6-06-03-01",  # 手工木工
    "6-05-01-03",  # 缝纫工
    "6-30-05-01",  # 起重装卸机械操作工（叉车）
    "4-02-05-01",  # 装卸搬运工
    "4-02-06-01",  # 仓储管理员
    "4-02-02-02",  # 道路货运汽车驾驶员
    "4-02-07-08",  # 快递员
    "4-10-08-01",  # 网约配送员
    "4-09-08-01",  # 保洁员
    "4-07-05-01",  # 保安员
    "4-03-02-01",  # 中式烹调师
    "4-03-02-05",  # 餐厅服务员
    "4-01-02-03",  # 商品营业员
    "4-10-01-06",  # 家政服务员
    "4-10-01-05",  # 养老护理员
    "4-09-10-01",  # 园林绿化工
)

OCCUPATION_SEARCH_LIMIT = 20


def occupation_choices(codes: list[str] | tuple[str, ...]) -> Choices:
    """(code, name) of the given detailed occupations, in the order given; unknown codes are
    left out."""
    names = dict(Occupation.objects.filter(code__in=codes, level=4).values_list("code", "name"))
    return [(code, names[code]) for code in codes if code in names]


# Endings that say nothing about the work on their own (电工, 保洁员, 厨师).
_GENERIC_ENDINGS = frozenset("工员师人手")


def occupation_search(query: str) -> Choices:
    """Detailed occupations whose name or common titles contain the words typed. When the
    whole phrase finds nothing, shorter endings of it are tried (电焊 -> 焊), since people
    name the work by its craft and the classification by the trade."""
    query = query.strip()
    for start in range(len(query)):
        part = query[start:]
        if part in _GENERIC_ENDINGS:
            break
        rows = list(
            Occupation.objects.filter(level=4)
            .filter(Q(name__icontains=part) | Q(aliases__icontains=part))
            .order_by("code")
            .values_list("code", "name")[:OCCUPATION_SEARCH_LIMIT]
        )
        if rows:
            return rows
    return []


def industry_choices() -> GroupedChoices:
    """Industry divisions (GB/T 4754 大类) grouped under their sections (门类)."""
    rows = Industry.objects.filter(level__lte=2).values_list("code", "name", "level", "parent_id")
    sections: dict[str, str] = {}
    divisions: dict[str, Choices] = defaultdict(list)
    for code, name, level, parent in rows:
        if level == 1:
            sections[code] = name
        else:
            divisions[parent].append((code, name))
    return [(f"{code} {sections[code]}", divisions[code]) for code in sorted(sections)]


def scope_county_choices(user: User) -> Choices:
    """Counties inside a staff member's area (a county clerk gets just their own), named with
    their city where the area spans several."""
    area = user.scope_prefix
    return counties_within(area) if area else []
