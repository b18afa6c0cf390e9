"""A stand-in for the SMS gateway adapter of docs/decisions/0007, for tests that run real
consumer processes: it keeps a durable record (a file that outlives a killed process) and
does what the adapter must do with the idempotency key: accept each key once, and answer a
repeat without sending it again. Every call is a line: "accepted <key>" or "duplicate <key>"."""

import fcntl
import time
from pathlib import Path

from django.conf import settings

from chengnuan.accounts.sms import BaseSmsBackend, SmsMessage


class FileSmsBackend(BaseSmsBackend):
    def send(self, message: SmsMessage) -> None:
        time.sleep(settings.FILE_SMS_DELAY_SECONDS)
        with Path(settings.FILE_SMS_RECORD).open("a+", encoding="utf-8") as record:
            fcntl.flock(record, fcntl.LOCK_EX)  # consumer threads and processes take turns
            record.seek(0)
            accepted = {line.split()[1] for line in record if line.startswith("accepted ")}
            verdict = "duplicate" if message.key in accepted else "accepted"
            record.write(f"{verdict} {message.key}\n")
            record.flush()


def read_record(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    return [tuple(line.split()) for line in path.read_text().splitlines() if line]  # type: ignore[misc]
