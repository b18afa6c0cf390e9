"""A text field encrypted at rest. Filtering on it is impossible by design: pair it with a
keyed-hash column (see core.crypto.lookup_hash) for exact look-ups."""

from typing import Any

from django.db import models

from chengnuan.core import crypto


class EncryptedTextField(models.TextField):
    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(str(value))
