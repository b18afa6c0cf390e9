"""Text messages: the console backend a developer reads (and nobody else), a real HTTP gateway
that production insists on, the queue."""

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from chengnuan.accounts import sms
from chengnuan.accounts.sms import (
    ConsoleSmsBackend,
    HttpSmsBackend,
    LocmemSmsBackend,
    SmsError,
    SmsMessage,
)
from chengnuan.core import crypto
from tests import production

pytestmark = pytest.mark.django_db


def test_console_backend_in_development_prints_and_logs_the_message_with_the_code(
    settings, capsys, caplog
):
    settings.ENVIRONMENT = "development"
    with caplog.at_level(logging.INFO, logger="chengnuan.accounts.sms"):
        ConsoleSmsBackend().send(SmsMessage("13800000001", "您的登录验证码是123456"))
    assert "13800000001" in capsys.readouterr().out
    assert "123456" in caplog.text


@pytest.mark.parametrize("environment", ["test", "production"])
def test_console_backend_elsewhere_logs_only_the_masked_number(
    settings, capsys, caplog, environment
):
    settings.ENVIRONMENT = environment
    with caplog.at_level(logging.DEBUG):
        ConsoleSmsBackend().send(SmsMessage("13800000001", "您的登录验证码是123456"))
    printed = capsys.readouterr()
    for output in (caplog.text, printed.out, printed.err):
        assert "123456" not in output and "13800000001" not in output
    assert "138****0001" in caplog.text


def test_tests_keep_messages_in_memory_by_default():
    assert isinstance(sms.get_backend(), LocmemSmsBackend)


def test_development_prints_codes_on_the_console_by_default():
    result = production.python(
        "from chengnuan import settings; print(settings.SMS_BACKEND)",
        CHENGNUAN_ENV="development",
        SMS_BACKEND=None,
    )
    assert result.stdout.strip() == "chengnuan.accounts.sms.ConsoleSmsBackend", result.stderr


@pytest.mark.parametrize(
    ("changes", "refusal"),
    [
        ({"SMS_BACKEND": None}, "SMS_BACKEND must be chengnuan.accounts.sms.HttpSmsBackend"),
        (
            {"SMS_BACKEND": "chengnuan.accounts.sms.ConsoleSmsBackend"},
            "SMS_BACKEND must be chengnuan.accounts.sms.HttpSmsBackend",
        ),
        (
            {"SMS_BACKEND": "chengnuan.accounts.sms.LocmemSmsBackend"},
            "SMS_BACKEND must be chengnuan.accounts.sms.HttpSmsBackend",
        ),
        ({"SMS_API_URL": None}, "SMS_API_URL must be"),
        ({"SMS_API_KEY": None}, "SMS_API_KEY must be set in production"),
    ],
)
def test_production_refuses_to_start_without_the_real_gateway(changes, refusal):
    result = production.python("import chengnuan.settings", **changes)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and refusal in result.stderr


def test_production_starts_with_the_real_gateway():
    result = production.python("from chengnuan import settings; print(settings.SMS_BACKEND)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "chengnuan.accounts.sms.HttpSmsBackend"


class _Gateway(BaseHTTPRequestHandler):
    received: list = []
    status = 200

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Gateway.received.append((dict(self.headers), json.loads(body)))
        self.send_response(_Gateway.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway(settings):
    server = HTTPServer(("127.0.0.1", 0), _Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Gateway.received = []
    _Gateway.status = 200
    settings.SMS_BACKEND = "chengnuan.accounts.sms.HttpSmsBackend"
    settings.SMS_API_URL = f"http://127.0.0.1:{server.server_port}/send"
    settings.SMS_API_KEY = "gateway-key"
    yield _Gateway
    server.shutdown()
    server.server_close()


def test_http_backend_posts_json_with_the_key(gateway, settings):
    sms.sms_send_now(phone="13800000001", text="您好")
    headers, body = gateway.received[0]
    assert headers["Authorization"] == "Bearer gateway-key"
    assert body == {
        "phone": "13800000001",
        "text": "【城暖农民工】您好",
        "sign": settings.SMS_SIGN_NAME,
    }


def test_http_backend_sends_the_idempotency_key_in_the_body_and_a_header(gateway):
    sms.sms_send_now(phone="13800000001", text="您好", key="notification-delivery-7")
    headers, body = gateway.received[0]
    assert headers["Idempotency-Key"] == body["id"] == "notification-delivery-7"


def test_http_backend_raises_when_the_gateway_refuses(gateway):
    gateway.status = 503
    with pytest.raises(SmsError):
        HttpSmsBackend().send(SmsMessage("13800000001", "x"))


def test_http_backend_raises_when_the_gateway_is_unreachable(settings):
    settings.SMS_API_URL = "http://127.0.0.1:9/none"
    with pytest.raises(SmsError):
        HttpSmsBackend().send(SmsMessage("13800000001", "x"))


def test_queued_message_leaves_only_after_commit(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sms.sms_queue(phone="13800000001", text="您好")
    assert sms_outbox == []
    for callback in callbacks:
        callback()
    assert [m.phone for m in sms_outbox] == ["13800000001"]


def test_queued_message_is_encrypted_while_waiting(
    monkeypatch, sms_outbox, django_capture_on_commit_callbacks
):
    from chengnuan.accounts import tasks

    queued = []
    real_task = tasks.sms_deliver

    def spy(*args):
        queued.append(args)
        return real_task(*args)

    monkeypatch.setattr(tasks, "sms_deliver", spy)
    with django_capture_on_commit_callbacks(execute=True):
        sms.sms_queue(phone="13800000001", text="验证码是654321")
    ((sealed_phone, sealed_text),) = queued
    assert "13800000001" not in sealed_phone and "654321" not in sealed_text
    assert crypto.decrypt(sealed_phone) == "13800000001"
    assert sms_outbox[0].text.endswith("验证码是654321")


def test_a_message_through_the_queue_and_the_gateway_leaves_no_code_or_number_in_the_log(
    gateway, caplog, django_capture_on_commit_callbacks
):
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        sms.sms_queue(phone="13800000001", text="您的登录验证码是654321")
    assert gateway.received
    assert "654321" not in caplog.text and "13800000001" not in caplog.text
