"""What the employment API routes share: picking the fields of a payload that a service input
declares."""

import dataclasses
from typing import Any


def input_fields(schema: Any, input_class: Any) -> dict[str, Any]:
    """The payload's values that the service input declares (not submit, consent …)."""
    names = {field.name for field in dataclasses.fields(input_class)}
    return {k: v for k, v in schema.model_dump().items() if k in names}
