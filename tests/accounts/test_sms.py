"""Text messages: the console backend a developer reads, a real HTTP gateway, the queue."""

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from chengnuan.accounts import sms
from chengnuan.accounts.sms import ConsoleSmsBackend, HttpSmsBackend, SmsError, SmsMessage
from chengnuan.core import crypto

pytestmark = pytest.mark.django_db


def test_console_backend_prints_and_logs_the_message_with_the_code(capsys, caplog):
    with caplog.at_level(logging.INFO, logger="chengnuan.accounts.sms"):
        ConsoleSmsBackend().send(SmsMessage("13800000001", "您的登录验证码是123456"))
    assert "13800000001" in capsys.readouterr().out
    assert "123456" in caplog.text


def test_console_is_the_default_backend(settings):
    assert isinstance(sms.get_backend(), ConsoleSmsBackend)


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
