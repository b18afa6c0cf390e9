"""The words of a demo job ad. Every phrase is backed by the posting's own fields: a title
says 包吃住 only when the posting gives both meals and housing, 日结 only when it pays daily."""

import random
from decimal import Decimal

from chengnuan.employment.choices import Benefit, Shift, WageUnit
from chengnuan.employment.demo.world import Place, city_short
from chengnuan.employment.texts import amount_range_text
from chengnuan.regions.selectors import name_spellings

B = Benefit

# Title tags in the order a job ad puts them, each with the test that allows it.
_BENEFIT_TAGS = (
    ("包吃住", lambda b: B.MEALS in b and B.HOUSING in b),
    ("包住", lambda b: B.HOUSING in b and B.MEALS not in b),
    ("包吃", lambda b: B.MEALS in b and B.HOUSING not in b),
    ("日结", lambda b: B.DAILY_PAY in b),
    ("周结", lambda b: B.WEEKLY_PAY in b),
    ("五险一金", lambda b: B.INSURANCE in b),
    ("缴社保", lambda b: B.SOCIAL_INSURANCE in b),
)
_SHIFT_TAGS: dict[str, str] = {
    Shift.DAY: "长白班",
    Shift.TWO: "两班倒",
    Shift.THREE: "三班倒",
    Shift.NIGHT: "夜班",
    Shift.FLEXIBLE: "时间自由",
}
# In the order a description mentions them (pay timing and board first: what workers ask).
_BENEFIT_PHRASES = {
    B.DAILY_PAY: "工资日结",
    B.WEEKLY_PAY: "工资周结",
    B.MEALS: "包吃",
    B.HOUSING: "包住",
    B.INSURANCE: "缴五险一金",
    B.SOCIAL_INSURANCE: "缴社保",
    B.OVERTIME_PAY: "加班另算加班费",
    B.TRANSPORT: "有交通补贴",
    B.TRAINING: "岗前免费培训",
    B.PAID_LEAVE: "有带薪年假",
}
_MAX_PERKS = 4
_OPENERS = ("急招", "直招", "高薪招", "招聘", "")
ROADS = (
    "建设路",
    "人民路",
    "中山路",
    "北二路",
    "工业路",
    "兴华街",
    "开发大路",
    "胜利街",
    "解放路",
    "滨河路",
    "新华街",
    "和平路",
    "长江路",
    "黄河大街",
    "光明街",
)


def job_tags(benefits: list[str], shift: str, weekends_off: bool) -> list[str]:
    """The selling points a title may carry. Not 欢迎大龄: every page already marks a posting
    open to older workers with that chip, beside the title."""
    tags = [tag for tag, applies in _BENEFIT_TAGS if applies(benefits)]
    if shift in _SHIFT_TAGS:
        tags.append(_SHIFT_TAGS[shift])
    if weekends_off:
        tags.append("双休")
    return tags


def posting_title(rng: random.Random, core: str, place: Place, tags: list[str]) -> str:
    opener = rng.choice(_OPENERS)
    shown = rng.sample(tags, k=min(len(tags), rng.randint(0, 2)))
    style = rng.randrange(3)
    if style == 0:
        title = f"{opener}{core}"
    elif style == 1:
        title = f"{place_label(place)}{core}"
    else:
        title = f"{opener}{core}（{city_short(place.city_name)}）"
    if shown:
        title += " " + " ".join(shown)
    return title[:60]


def place_label(place: Place) -> str:
    """沈阳铁西区, 阜新县 (not 阜新阜新蒙古族自治县), 大连瓦房店市: how ads name a county."""
    spellings = name_spellings(place.county_name)
    county = spellings[-1] if place.county_name.endswith("自治县") else place.county_name
    city = city_short(place.city_name)
    return county if county.startswith(city) else city + county


def wage_phrase(unit: str, low: Decimal, high: Decimal, months: int | None = None) -> str:
    amount = amount_range_text(low, high).replace("–", "-")
    if unit == WageUnit.MONTH:
        return f"月薪{amount}元" + (f"，{months}薪" if months else "")
    if unit == WageUnit.DAY:
        return f"日薪{amount}元"
    if unit == WageUnit.HOUR:
        return f"每小时{amount}元"
    return f"计件工资，每件{amount}元，多劳多得"


def posting_description(
    rng: random.Random,
    *,
    core: str,
    headcount: int,
    place: Place,
    duties: tuple[str, ...],
    wage: str,
    benefits: list[str],
    tags: list[str],
    age_min: int | None,
    age_max: int | None,
) -> str:
    """About 60-120 characters: who, where, what you do, pay and perks, hours, age."""
    where = f"{place.city_name}{place.county_name}{place.name}"
    what = "，".join(rng.sample(duties, k=min(2, len(duties))))
    perks = "，".join(
        [phrase for b, phrase in _BENEFIT_PHRASES.items() if b in benefits][:_MAX_PERKS]
    )
    hours = "，".join(t for t in tags if t in _SHIFT_TAGS.values() or t == "双休")
    age = _age_phrase(age_min, age_max)
    parts = [
        f"招{core}{headcount}名，工作地点在{where}。",
        f"{what}。",
        f"{wage}" + (f"，{perks}" if perks else "") + "。",
        (f"{hours}，" if hours else "") + f"{age}，身体健康。",
    ]
    return "".join(parts)


def _age_phrase(age_min: int | None, age_max: int | None) -> str:
    if age_max is None:
        return f"{age_min or 18}岁以上，欢迎大龄朋友"
    return f"年龄{age_min or 18}-{age_max}岁"


def street_address(rng: random.Random, place: Place) -> str:
    return f"{place.name}{rng.choice(ROADS)}{rng.randint(1, 300)}号"
