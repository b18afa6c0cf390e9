"""Personal numbers at rest: encryption, keyed hashes, masks."""

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from chengnuan.core import crypto
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@given(st.text(min_size=1, max_size=60))
def test_encrypt_then_decrypt_gives_back_the_value(value):
    token = crypto.encrypt(value)
    assert value not in token or len(value) < 3
    assert crypto.decrypt(token) == value


def test_encrypting_twice_gives_different_ciphertexts():
    assert crypto.encrypt("13800000001") != crypto.encrypt("13800000001")


def test_a_value_encrypted_under_another_key_cannot_be_read(settings):
    token = crypto.encrypt("21010619850615001X")
    settings.FIELD_ENCRYPTION_KEY = Fernet.generate_key().decode()
    with pytest.raises(ValueError):
        crypto.decrypt(token)


def test_lookup_hash_is_stable_and_ignores_case_and_spaces():
    assert crypto.lookup_hash("11010519491231002x") == crypto.lookup_hash(" 11010519491231002X ")
    assert crypto.lookup_hash("13800000001") != crypto.lookup_hash("13800000002")
    assert len(crypto.lookup_hash("13800000001")) == 64


def test_lookup_hash_depends_on_the_secret_key(settings):
    before = crypto.lookup_hash("13800000001")
    settings.LOOKUP_HASH_KEY = "another-key"
    assert crypto.lookup_hash("13800000001") != before


def test_secret_hash_is_exact_and_separated_by_purpose():
    assert crypto.secret_hash("abc", purpose="token") == crypto.secret_hash("abc", purpose="token")
    assert crypto.secret_hash("abc", purpose="token") != crypto.secret_hash("ABC", purpose="token")
    assert crypto.secret_hash("abc", purpose="token") != crypto.secret_hash("abc", purpose="code")


def test_masks_keep_only_what_a_clerk_needs():
    assert crypto.mask_id_number("11010519491231002X") == "110105********002X"
    assert crypto.mask_phone("13800000001") == "138****0001"
    assert crypto.mask_phone("12345") == "*****"
    assert crypto.mask_id_number("123") == "***"


def test_encrypted_field_stores_ciphertext_and_reads_plaintext():
    user = UserFactory(phone_number="13800000009")
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM accounts_user WHERE id = %s", [user.pk])
        stored = cursor.fetchone()[0]
    assert "13800000009" not in stored
    user.refresh_from_db()
    assert user.phone == "13800000009"
