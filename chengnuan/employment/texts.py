"""How a posting's conditions read, the same on its page, in the search results and in the
office's exports."""

from decimal import Decimal

from chengnuan.employment.choices import WageUnit


def amount_text(amount: Decimal | int) -> str:
    """An exact amount without trailing zeros: 4000.00 -> 4000, 0.50 -> 0.5."""
    return format(Decimal(amount).normalize(), "f")


def amount_range_text(low: Decimal | int, high: Decimal | int | None) -> str:
    """「4000–6000」, or one amount when both ends are the same."""
    if high is None or high == low:
        return amount_text(low)
    return f"{amount_text(low)}–{amount_text(high)}"


def wage_range_text(
    low: Decimal | int | None, high: Decimal | int | None, unit: str, months: int | None = None
) -> str:
    """「4000–6000 元/月」, 「0.5 元/件」, 「6000–8000 元/月·13薪」; no amount: 「面议」."""
    if low is None:
        return "面议"
    text = f"{amount_range_text(low, high)} {WageUnit(unit).label}"
    return f"{text}·{months}薪" if months and months > 12 else text


def age_range_text(low: int | None, high: int | None) -> str:
    """「20-45岁」, 「20岁以上」, 「45岁以下」, 「不限」."""
    if low and high:
        return f"{low}-{high}岁"
    if low:
        return f"{low}岁以上"
    if high:
        return f"{high}岁以下"
    return "不限"
