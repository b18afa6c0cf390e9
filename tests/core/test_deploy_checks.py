"""Production behind a proxy that ends TLS: `manage.py check --deploy` finds nothing to warn
about, http is redirected to https except the load balancer's health probe, and the proxy's
scheme header is believed only when it is named."""

import pytest

from tests import production

pytestmark = pytest.mark.django_db


def test_check_deploy_with_production_settings_finds_no_issue():
    result = production.manage(
        "check", "--deploy", "--database", "default", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_believes_the_scheme_header_the_proxy_is_named_to_set():
    code = (
        "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'chengnuan.settings');"
        " from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    )
    assert production.python(code).stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert production.python(code, SECURE_PROXY_SSL_HEADER=None).stdout.strip() == "None"


@pytest.fixture
def redirecting(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def test_plain_http_is_sent_to_https(client, redirecting):
    response = client.get("/jobs/")
    assert response.status_code == 301 and response["Location"] == "https://testserver/jobs/"


def test_https_at_the_proxy_is_served(client, redirecting):
    assert client.get("/jobs/", headers={"X-Forwarded-Proto": "https"}).status_code == 200


def test_health_probe_over_plain_http_is_answered(client, redirecting):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["database"]["ok"]
