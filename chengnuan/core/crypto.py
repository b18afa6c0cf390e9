"""Personal numbers at rest: Fernet (AES-128-CBC + HMAC) for the value, a keyed HMAC-SHA256
for exact look-ups and de-duplication, and masks for screens and exports."""

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


@lru_cache(maxsize=4)
def _fernet(key: str) -> Fernet:
    return Fernet(key.encode("ascii"))


def encrypt(value: str) -> str:
    return _fernet(settings.FIELD_ENCRYPTION_KEY).encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet(settings.FIELD_ENCRYPTION_KEY).decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ValueError("encrypted value cannot be read with the configured key") from exc


def lookup_hash(value: str) -> str:
    """A keyed hash: equal inputs give equal hashes; without the key it reveals nothing."""
    key = settings.LOOKUP_HASH_KEY.encode("utf-8")
    return hmac.new(key, value.strip().upper().encode("utf-8"), hashlib.sha256).hexdigest()


def secret_hash(value: str, *, purpose: str) -> str:
    """A keyed hash of a secret (a one-time code, an API token) exactly as given, separated by
    purpose so a hash made for one use never matches another. Store this, never the secret."""
    key = settings.LOOKUP_HASH_KEY.encode("utf-8")
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def mask_id_number(value: str) -> str:
    """110105********002X: region and last four kept so a clerk can tell people apart."""
    if len(value) < 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value: str) -> str:
    """138****5678."""
    if len(value) < 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
