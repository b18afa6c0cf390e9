"""Money in the JSON API: exact to the fen (a piece rate of 0.5 元/件 stays 0.5), a number or a
string in, a JSON number out (4000, 0.5; never "4000.00"). Every app's schemas use these."""

from decimal import Decimal
from typing import Annotated

from ninja import Field
from pydantic import PlainSerializer


def json_amount(value: Decimal) -> int | float:
    """An exact amount as a JSON number."""
    return int(value) if value == value.to_integral_value() else float(value)


AmountIn = Annotated[Decimal, Field(ge=0, max_digits=9, decimal_places=2)]
AmountOut = Annotated[Decimal, PlainSerializer(json_amount, return_type=float)]
