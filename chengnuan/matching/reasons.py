"""Why a posting was picked, in the plain words the worker reads (「离您住处3公里」
「月薪不低于您期望」「包住」「招大龄」), from the parts of its score (see engine.py)."""

import math

from chengnuan.employment.choices import Benefit
from chengnuan.matching.engine import (
    DISTANCE_POINTS,
    FRESH_POINTS,
    OLDER_NO_LIMIT,
    OLDER_WELCOME,
)
from chengnuan.matching.selectors.frames import BENEFIT_BITS

_OCCUPATION = {3: "正是您想做的工作", 2: "和您想做的工作是同一类", 1: "和您想做的工作相近"}
_WAGE = {2: "月薪不低于您期望", 1: "月薪最高能到您期望"}
_OLDER = {OLDER_WELCOME: "招大龄", OLDER_NO_LIMIT: "不限年龄上限"}
_BENEFIT_LABELS = [(BENEFIT_BITS[code], label) for code, label in Benefit.choices]
# Distances past the last step are not a reason to take a job.
NEAR_KM = DISTANCE_POINTS[-1][0]
FRESH_DAYS = FRESH_POINTS[0][0]


def distance_words(km: float) -> str:
    return "离您住处不到1公里" if km < 1 else f"离您住处{round(km)}公里"


def reasons_for(
    *,
    occupation_level: int,
    same_county: bool,
    distance_km: float,
    wage_level: int,
    older: int,
    benefits: int,
    age_days: float,
) -> list[str]:
    reasons = [_OCCUPATION[occupation_level]] if occupation_level in _OCCUPATION else []
    if not math.isnan(distance_km) and distance_km <= NEAR_KM:
        reasons.append(distance_words(distance_km))
    elif same_county:
        reasons.append("就在您住的区县")
    if wage_level in _WAGE:
        reasons.append(_WAGE[wage_level])
    if older in _OLDER:
        reasons.append(_OLDER[older])
    reasons += [label for bit, label in _BENEFIT_LABELS if benefits & bit]
    if age_days <= FRESH_DAYS:
        reasons.append("新发布")
    return reasons
