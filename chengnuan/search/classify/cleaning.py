"""A messy job-ad title -> the short phrases that may name an occupation.

「急招普工/包装工（长白班）6-9K包吃住」 -> ["普工", "包装工"]. Pay figures, benefits, shifts and
hiring words go; the rest is cut at separators (/、，()…) into phrases, each of which may name
a job. Noise words are removed only where they are not part of an occupation word found in the
title, so 「长期护理员」 loses 长期 but 「临时工」 would not lose 临时 if 临时工 were a known word."""

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

_PACKAGE_DIR = Path(__file__).resolve().parent

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Figures with their units: 6-9k, 8000+, 28元/小时, 150/天, 年薪10万, 30人.
_FIGURE = re.compile(
    r"\d+(?:\.\d+)?\s*[kw千万]?\s*(?:[-~到至]\s*\d+(?:\.\d+)?\s*[kw千万]?)?"
    r"\s*(?:元|块)?\s*(?:/|每|一)?\s*(?:小时|个月|天|日|月|年|周|时|h|名|人|岁|周岁)?"
    r"\s*(?:以上|以下|起|左右|\+)?"
)
# Besides punctuation, 兼 及 和 或 join two jobs: 「驾驶员兼安装工」, 「保洁员和绿化工」.
_SEPARATORS = re.compile(
    r"[兼及和或/、，,;；|丨*+＋\-—–_~·•()（）【】\[\]{}<>《》\"“”'‘’!！?？。:：#@&\s]+"
)
# Whitespace between two Chinese characters is a typing habit (「操 作 工」), not a separator.
_INNER_SPACE = re.compile(f"(?<=[{_HAN}])\\s+(?=[{_HAN}])")
# Hiring words that open a title: 招普工, 聘焊工, 诚聘…
_LEADING_HIRE = re.compile(r"^(?:招|聘|急|诚|现|需|缺)+(?=[\u4e00-\u9fff]{2})")
# Words that qualify a job without changing it: 焊工师傅, 厨师学徒, 数控学员.
_TRAILING_QUALIFIERS = ("学徒工", "学徒", "学员", "师傅", "熟练工", "数名", "多名")


def normalize(text: str) -> str:
    """Full-width to half-width, lower case, spaces inside Chinese words removed."""
    return _INNER_SPACE.sub("", unicodedata.normalize("NFKC", text or "").lower()).strip()


def read_word_list(path: Path) -> list[str]:
    words = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            words.append(normalize(line))
    return words


def noise_words() -> frozenset[str]:
    """Job-ad noise: the shared list in data/nlp plus the classifier's own."""
    shared = read_word_list(Path(settings.REFERENCE_DATA_DIR) / "nlp" / "job_title_noise_words.txt")
    own = read_word_list(_PACKAGE_DIR / "job_ad_noise.txt")
    return frozenset(w for w in (*shared, *own) if w)


def _strip_noise(
    text: str, noise: frozenset[str], is_job_word: Callable[[str], bool], longest: int
) -> str:
    """Left to right, the longest job word or noise word at each position; noise words become
    separators, so their neighbours do not fuse into a new word. A job word wins a tie, and a
    noise word inside a longer job word stays (「普工长白班」: 普工 | 长白班, not 工长)."""
    out: list[str] = []
    position = 0
    reach = max(longest, max((len(w) for w in noise), default=1))
    while position < len(text):
        step, is_noise = 1, False
        for end in range(min(len(text), position + reach), position + 1, -1):
            piece = text[position:end]
            if is_job_word(piece):
                step = end - position
                break
            if piece in noise:
                step, is_noise = end - position, True
                break
        out.append(" " if is_noise else text[position : position + step])
        position += step
    return "".join(out)


def _trim(phrase: str) -> str:
    phrase = _LEADING_HIRE.sub("", phrase)
    for qualifier in _TRAILING_QUALIFIERS:
        if phrase.endswith(qualifier) and len(phrase) - len(qualifier) >= 2:
            return phrase[: -len(qualifier)]
    return phrase


def title_phrases(
    title: str, *, noise: frozenset[str], is_job_word: Callable[[str], bool], longest: int
) -> list[str]:
    """The phrases of a title that may name an occupation, in order, without duplicates."""
    text = _FIGURE.sub(" ", normalize(title))
    text = _strip_noise(text, noise, is_job_word, longest)
    phrases: dict[str, None] = {}
    for piece in _SEPARATORS.split(text):
        phrase = _trim(piece)
        if phrase and not phrase.isdigit():
            phrases[phrase] = None
    return list(phrases)
