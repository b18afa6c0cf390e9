"""How a posting's conditions read, the same on its page, in the search results and in the
office's exports."""


def age_range_text(low: int | None, high: int | None) -> str:
    """「20-45岁」, 「20岁以上」, 「45岁以下」, 「不限」."""
    if low and high:
        return f"{low}-{high}岁"
    if low:
        return f"{low}岁以上"
    if high:
        return f"{high}岁以下"
    return "不限"
