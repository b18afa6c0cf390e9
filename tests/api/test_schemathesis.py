"""Schemathesis against the whole API in-process: every operation of the OpenAPI document gets a
bounded number of generated requests, valid and invalid (derandomized, so every run sends the
same ones), anonymously, and the routes of each kind of account with that account's bearer
token. No answer may be a server error, and every answer must be one the document declares: its
status code, its content type and its body schema."""

import pytest
import schemathesis
from django.contrib.auth.hashers import make_password
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.employment.choices import PostingStatus
from chengnuan.wsgi import application
from tests.employment.factories import EmployerUserFactory, WorkerFactory
from tests.factories import EmployerFactory, JobSeekerFactory, PostingFactory, StaffFactory

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Bounded so the module takes about a minute and a half of CPU on each database; the coverage
# phase adds its own boundary values (the largest page, a number past a maximum, a missing
# field) on top of these examples.
EXAMPLES = settings(
    max_examples=20,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
# Read through the app like a client would, which also tests the document's own route. This
# runs at collection, where the database is not open yet: the document needs none.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
WORKER_ROUTES = (
    r"^/api/v1/(seekers/me|postings/\{posting_id\}|accounts/me|events/(me/.*|fairs/.*))$"
)
EMPLOYER_ROUTES = (
    r"^/api/v1/(employers|employer/postings|postings/\{posting_id\}/submit|events/employer/.*)$"
)
STAFF_ROUTES = r"^/api/v1/(events/)?office/"


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Django closes the database connection when a request starts and finishes, which would
    end the test's transaction (on PostgreSQL; SQLite keeps its in-memory database). Django's
    test client turns that off around its requests; schemathesis calls the WSGI app itself."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def records():
    """Something in every list: an employer's live and pending postings, a registered worker,
    all in 沈阳市铁西区 where the staff member works."""
    owner = EmployerUserFactory()
    employer = EmployerFactory(owner=owner)
    PostingFactory(employer=employer)
    PostingFactory(employer=employer, status=PostingStatus.PENDING, published_at=None)
    worker = WorkerFactory()
    JobSeekerFactory(user=worker)
    # An unusable password: hashing a real one costs a second.
    staff = StaffFactory(password=make_password(None))
    return {"worker": worker, "employer": owner, "staff": staff}


def bearer(user) -> dict[str, str]:
    _token, key = api_token_create(user=user, name="schemathesis")
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def worker_headers(records):
    return bearer(records["worker"])


@pytest.fixture
def employer_headers(records):
    return bearer(records["employer"])


@pytest.fixture
def staff_headers(records):
    return bearer(records["staff"])


def test_the_document_is_valid_openapi():
    schema.validate()  # against the OpenAPI meta-schema of the version it declares


def check(case, headers):
    case.call_and_validate(headers=headers, checks=CHECKS)


@schema.parametrize()
@EXAMPLES
def test_anonymous_callers_get_documented_answers(case, records):
    check(case, {})


@schema.include(path_regex=WORKER_ROUTES).parametrize()
@EXAMPLES
def test_a_worker_gets_documented_answers(case, worker_headers):
    check(case, worker_headers)


@schema.include(path_regex=EMPLOYER_ROUTES).parametrize()
@EXAMPLES
def test_an_employer_gets_documented_answers(case, employer_headers):
    check(case, employer_headers)


@schema.include(path_regex=STAFF_ROUTES).parametrize()
@EXAMPLES
def test_staff_get_documented_answers(case, staff_headers):
    check(case, staff_headers)
