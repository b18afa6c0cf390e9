"""Headers that protect every page: a Content-Security-Policy that allows script and style only
from files of this site (so no page may carry inline script, on...= handlers or inline style),
and `Cache-Control: no-store` on whatever shows a person's data (pages, JSON, xlsx exports),
while public pages seen without signing in stay cacheable."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.bulk.choices import ImportKind, ImportStatus
from chengnuan.bulk.models import ImportJob
from tests.employment.factories import EmployerUserFactory, WorkerFactory
from tests.employment.views_support import signed_in, staff_signed_in
from tests.factories import EmployerFactory, JobSeekerFactory, PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db

# What a policy of script-src 'self' and style-src 'self' refuses to run, and htmx attributes
# that would need eval (hx-on, trigger filters in [...], js: values).
INLINE_CODE = {
    "inline <script>": re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE),
    "<style> element": re.compile(r"<style[\s>]", re.IGNORECASE),
    "on...= handler": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE),
    "style= attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    "hx-on": re.compile(r"\shx-on"),
    "htmx trigger filter": re.compile(r"hx-trigger=\"[^\"]*\["),
    "htmx js: value": re.compile(r"hx-(vals|vars)='\s*js:"),
}


def inline_code_in(html: str) -> list[str]:
    return [name for name, pattern in INLINE_CODE.items() if pattern.search(html)]


def public_pages() -> list[str]:
    posting = PostingFactory(title="电焊工")
    return [
        reverse("home"),
        reverse("employment:jobs"),
        reverse("employment:jobs") + "?q=电焊",
        reverse("employment:jobs") + "?q=没有这种活",
        reverse("employment:posting_detail", args=[posting.pk]),
        reverse("accounts:login"),
        reverse("accounts:staff_login"),
    ]


def worker_pages() -> list[str]:
    # Without a registration yet, the first page is the registration form.
    return [reverse("employment:my_registration"), reverse("accounts:my_data")]


def employer_pages() -> list[str]:
    return [reverse("employment:employer_home"), reverse("employment:posting_new")]


def staff_pages(clerk) -> list[str]:
    seeker = JobSeekerFactory()
    employer = EmployerFactory()
    posting = PostingFactory(employer=employer)
    job = ImportJob.objects.create(kind=ImportKind.SEEKER, file_name="大表.xlsx", created_by=clerk,
                                   status=ImportStatus.READING, total=100, processed=25,
                                   lease_expires_at=timezone.now() + datetime.timedelta(minutes=1))  # fmt: skip
    return [
        reverse("employment:office_home"),
        reverse("employment:office_review_queue"),
        reverse("employment:office_postings"),
        reverse("employment:office_posting_review", args=[posting.pk]),
        reverse("employment:office_employers"),
        reverse("employment:office_employer_new"),
        reverse("employment:office_employer_detail", args=[employer.pk]),
        reverse("employment:office_seekers"),
        reverse("employment:office_seeker_new"),
        reverse("employment:office_seeker_detail", args=[seeker.pk]),
        reverse("bulk:home"),
        reverse("bulk:import_list"),
        reverse("bulk:import_new"),
        reverse("bulk:import_detail", args=[job.pk]),
        reverse("bulk:notice_board"),
        reverse("bulk:demand_list"),
        reverse("bulk:demand_new"),
        reverse("bulk:employment_list"),
        reverse("bulk:employment_new"),
    ]


def signed_in_pages(client: Client) -> list[tuple[Client, str]]:
    """Every main page, each with a client signed in as someone who may open it."""
    anonymous, worker, employer, staff = Client(), Client(), Client(), Client()
    signed_in(worker, WorkerFactory())
    owner = EmployerUserFactory()
    EmployerFactory(owner=owner)
    signed_in(employer, owner)
    clerk = StaffFactory()
    staff_signed_in(staff, clerk)
    return (
        [(anonymous, url) for url in public_pages()]
        + [(worker, url) for url in worker_pages()]
        + [(employer, url) for url in employer_pages()]
        + [(staff, url) for url in staff_pages(clerk)]
    )


def test_every_main_page_carries_the_policy_and_no_inline_code(client):
    for page_client, url in signed_in_pages(client):
        for headers in ({}, {"HX-Request": "true"}):  # the whole page; the part htmx swaps in
            response = page_client.get(url, headers=headers)
            assert response.status_code == 200, url
            policy = response["Content-Security-Policy"]
            assert "script-src 'self'" in policy and "style-src 'self'" in policy, url
            assert "unsafe" not in policy, url
            assert inline_code_in(response.content.decode()) == [], url


def test_no_template_holds_inline_code():
    templates = sorted(Path(settings.BASE_DIR, "templates").rglob("*.html"))
    assert templates
    found = {str(t): inline_code_in(t.read_text(encoding="utf-8")) for t in templates}
    assert {name: kinds for name, kinds in found.items() if kinds} == {}


def test_the_check_finds_inline_code():
    assert inline_code_in("<p><script>alert(1)</script></p>") == ["inline <script>"]
    assert inline_code_in('<button type="button" onclick="print()">') == ["on...= handler"]
    assert inline_code_in('<p class="x" style="color:red">') == ["style= attribute"]
    assert inline_code_in('<div hx-trigger="change[target.value]">') == ["htmx trigger filter"]
    assert inline_code_in('<script src="/static/js/site.js" defer></script>') == []


def test_htmx_is_told_not_to_inject_styles_nor_evaluate_code(client):
    page = client.get(reverse("employment:jobs")).content.decode()
    assert '"includeIndicatorStyles": false' in page and '"allowEval": false' in page


# --- Cache-Control ------------------------------------------------------------------------------


def no_store(response) -> bool:
    value = response.get("Cache-Control", "")
    return "no-store" in value and "private" in value


def test_public_pages_seen_without_signing_in_stay_cacheable(client):
    posting = PostingFactory()
    for url in [
        reverse("employment:jobs"),
        reverse("employment:posting_detail", args=[posting.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200 and not no_store(response), url


def test_pages_of_a_signed_in_person_are_not_stored(client):
    signed_in(client, WorkerFactory())
    for url in [
        reverse("employment:my_registration"),
        reverse("accounts:my_data"),
        reverse("employment:jobs"),  # the header names who is signed in
    ]:
        assert no_store(client.get(url)), url


def test_sign_in_pages_are_not_stored(client):
    assert no_store(client.get(reverse("accounts:login")))


def test_json_is_not_stored_with_a_token_or_without():
    worker = WorkerFactory()
    _token, key = api_token_create(user=worker, name="测试")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/v1/accounts/me")
    assert response.status_code == 200 and no_store(response)
    assert no_store(Client().get("/api/v1/postings"))


def test_xlsx_exports_are_not_stored(client):
    clerk = StaffFactory()
    JobSeekerFactory()
    staff_signed_in(client, clerk)
    response = client.get(reverse("bulk:export", args=["seekers"]))
    assert response.status_code == 200 and no_store(response)
    assert no_store(client.get(reverse("bulk:template", args=["seeker"])))
