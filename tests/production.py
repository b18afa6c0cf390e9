"""Runs Python or manage.py in a child process with production settings: settings are read
once at start-up, so what production refuses or allows is seen only in a fresh process."""

import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet

BASE_DIR = Path(__file__).resolve().parent.parent
# What a proxy deployment sets (README, "Running at province scale"), on SQLite in a folder
# of its own: these checks read settings, not tables.
PRODUCTION = {
    "CHENGNUAN_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
    "LOOKUP_HASH_KEY": secrets.token_urlsafe(32),
    "ALLOWED_HOSTS": "jobs.example.gov.cn",
    "SMS_BACKEND": "chengnuan.accounts.sms.HttpSmsBackend",
    "SMS_API_URL": "https://sms-gateway.example.gov.cn/send",
    "SMS_API_KEY": secrets.token_urlsafe(24),
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
}
# Variables of the test run itself that must not leak into the child (the browser tests set
# DJANGO_ALLOW_ASYNC_UNSAFE, which the deployment check rightly refuses).
NOT_INHERITED = (
    "DATABASE_URL",
    "DATABASE_OWNER_URL",
    "REDIS_URL",
    "DEBUG",
    "TEST_DATABASE_NAME",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def run(args: list[str], **env: str | None) -> subprocess.CompletedProcess:
    """Production environment plus `env` (a value of None removes that variable)."""
    child = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    child |= PRODUCTION
    for name, value in env.items():
        if value is None:
            child.pop(name, None)
        else:
            child[name] = value
    with tempfile.TemporaryDirectory(prefix="cn-prod-") as var_dir:
        child["CHENGNUAN_VAR_DIR"] = var_dir
        return subprocess.run(
            args, cwd=BASE_DIR, env=child, capture_output=True, text=True, timeout=120, check=False
        )


def python(code: str, **env: str | None) -> subprocess.CompletedProcess:
    return run([sys.executable, "-c", code], **env)


def manage(*args: str, **env: str | None) -> subprocess.CompletedProcess:
    return run([sys.executable, "manage.py", *args], **env)
