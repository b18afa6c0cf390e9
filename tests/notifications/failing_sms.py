"""SMS backends for the outbox tests: a gateway that refuses, and one that counts calls."""

from chengnuan.accounts.sms import BaseSmsBackend, SmsError, SmsMessage


class RefusingSmsBackend(BaseSmsBackend):
    calls = 0

    def send(self, message: SmsMessage) -> None:
        RefusingSmsBackend.calls += 1
        raise SmsError("SMS gateway answered 503")
