import pytest

from chengnuan.accounts.sms import LocmemSmsBackend


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    LocmemSmsBackend.outbox.clear()
    yield
    LocmemSmsBackend.outbox.clear()
