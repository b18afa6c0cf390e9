import pytest

from chengnuan.accounts.sms import LocmemSmsBackend


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    LocmemSmsBackend.outbox.clear()
    yield
    LocmemSmsBackend.outbox.clear()


# The killed-consumer test shares its database and Huey queue with real consumer processes,
# as the bulk import's does.
from tests.bulk.test_killed_consumer import shared_database, shared_queue  # noqa: E402, F401
