"""Text messages. The backend is chosen by settings.SMS_BACKEND (a dotted class path):

- ConsoleSmsBackend (development's default): in development the message, code included, goes
  to the log and to stdout, so a developer running the server can read the sign-in code; in
  any other mode it logs only the masked number, never the text;
- HttpSmsBackend (the only one production accepts): POSTs JSON {"phone", "text", "sign"} to
  settings.SMS_API_URL with "Authorization: Bearer <SMS_API_KEY>"; put a small adapter for
  your provider behind that URL (no vendor SDK is bundled); it logs nothing. A message with
  an idempotency key (the notifications outbox gives each delivery one) also carries it as
  "id" and in the "Idempotency-Key" header: the adapter must accept a key once only and
  answer 2xx, sending nothing, when it sees it again (docs/decisions/0007);
- LocmemSmsBackend (the tests' default): keeps messages in `outbox`.

Callers use sms_queue(): the message leaves after the transaction commits, through the task
queue, with the number and text encrypted while they wait there.
"""

import json
import logging
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from chengnuan.core import crypto

logger = logging.getLogger(__name__)


class SmsError(Exception):
    """The gateway did not accept the message; the task queue retries."""


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    text: str
    key: str = ""  # idempotency key: the same key is delivered once, however often sent


class BaseSmsBackend:
    def send(self, message: SmsMessage) -> None:
        raise NotImplementedError


class ConsoleSmsBackend(BaseSmsBackend):
    def send(self, message: SmsMessage) -> None:
        if settings.ENVIRONMENT != "development":
            # A log outlives the code and is read by people who must not sign in as the worker.
            logger.info("[短信] 发给 %s（内容不写进日志）", crypto.mask_phone(message.phone))
            return
        line = f"[短信] 发给 {message.phone}：{message.text}"
        logger.info(line)
        # Printed as well as logged: a developer must see the code even with logging turned down.
        print(line, file=sys.stdout, flush=True)


class LocmemSmsBackend(BaseSmsBackend):
    outbox: list[SmsMessage] = []

    def send(self, message: SmsMessage) -> None:
        LocmemSmsBackend.outbox.append(message)


class HttpSmsBackend(BaseSmsBackend):
    timeout_seconds = 10

    def send(self, message: SmsMessage) -> None:
        url = settings.SMS_API_URL
        if not url.startswith(("https://", "http://")):
            raise SmsError("SMS_API_URL must be an http(s) URL")
        payload = {"phone": message.phone, "text": message.text, "sign": settings.SMS_SIGN_NAME}
        headers = {
            "Content-Type": "application/json; charset=utf-8",
            "Authorization": f"Bearer {settings.SMS_API_KEY}",
        }
        if message.key:
            payload["id"] = headers["Idempotency-Key"] = message.key
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(  # noqa: S310 - scheme checked above
            url, data=body, method="POST", headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as exc:
            raise SmsError(f"SMS gateway answered {exc.code}") from exc
        except OSError as exc:
            raise SmsError(f"SMS gateway unreachable: {exc.__class__.__name__}") from exc
        if not 200 <= status < 300:
            raise SmsError(f"SMS gateway answered {status}")


def get_backend() -> BaseSmsBackend:
    backend: BaseSmsBackend = import_string(settings.SMS_BACKEND)()
    return backend


def sms_send_now(*, phone: str, text: str, key: str = "") -> None:
    """Send at once through the configured backend (the tasks call this)."""
    get_backend().send(SmsMessage(phone=phone, text=f"【{settings.SMS_SIGN_NAME}】{text}", key=key))


def sms_queue(*, phone: str, text: str) -> None:
    """Send after the current transaction commits, through the task queue."""
    from chengnuan.accounts.tasks import sms_deliver

    sealed_phone, sealed_text = crypto.encrypt(phone), crypto.encrypt(text)
    transaction.on_commit(lambda: sms_deliver(sealed_phone, sealed_text))
