from decimal import Decimal

import pytest
from django.urls import reverse

from chengnuan.employment.choices import EmployerStatus, PostingStatus, Source
from chengnuan.employment.models import Employer, Posting
from tests.employment.factories import EmployerUserFactory, WorkerFactory
from tests.employment.views_support import employer_data, posting_data, signed_in
from tests.factories import (
    SHENYANG_TIEXI_TOWNSHIP,
    EmployerFactory,
    PostingFactory,
)

pytestmark = pytest.mark.django_db

HOME = "/employer/"
NEW = "/employer/postings/new/"


@pytest.fixture
def owner():
    return EmployerUserFactory()


@pytest.fixture
def employer(owner):
    return EmployerFactory(owner=owner)


def test_url_names_resolve():
    assert reverse("employment:employer_home") == HOME
    assert reverse("employment:posting_new") == NEW


def test_anonymous_is_sent_to_login(client):
    response = client.get(NEW)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_worker_account_cannot_open_employer_pages(client):
    response = signed_in(client, WorkerFactory()).get(HOME)

    assert response.status_code == 403


def test_new_employer_account_registers_its_company_and_waits_for_verification(client, owner):
    response = signed_in(client, owner).post(HOME, employer_data())

    assert response.status_code == 302
    employer = Employer.objects.get(owner=owner)
    assert employer.status == EmployerStatus.PENDING
    page = client.get(HOME).content.decode()
    assert "待核验" in page and "发布新岗位" in page


def test_bad_uscc_is_explained_and_typed_values_kept(client, owner):
    data = employer_data(uscc="91210106MA0XXXXXX1", name="铁西机械厂")

    response = signed_in(client, owner).post(HOME, data)

    page = response.content.decode()
    assert "统一社会信用代码" in page and "核对" in page
    assert 'value="铁西机械厂"' in page
    assert not Employer.objects.exists()


def test_posting_without_employer_redirects_to_registration(client, owner):
    response = signed_in(client, owner).get(NEW)

    assert response.status_code == 302
    assert response["Location"] == HOME


def test_employer_submits_posting_for_review(client, owner, employer):
    response = signed_in(client, owner).post(NEW, posting_data())

    assert response.status_code == 302
    posting = Posting.objects.get(employer=employer)
    assert posting.status == PostingStatus.PENDING
    assert posting.source == Source.EMPLOYER
    assert posting.benefits == ["meals", "housing"]
    assert "待审核" in client.get(HOME).content.decode()


def test_employer_posts_a_piece_rate_in_jiao_and_a_thirteenth_month(client, owner, employer):
    data = posting_data() | {"wage_min": "0.5", "wage_max": "0.8", "wage_unit": "piece"}
    response = signed_in(client, owner).post(NEW, data | {"wage_months": "13"})
    assert response.status_code == 302
    posting = Posting.objects.get(employer=employer)
    assert (posting.wage_min, posting.wage_max, posting.wage_months) == (
        Decimal("0.5"),
        Decimal("0.8"),
        13,
    )
    assert "0.5–0.8 元/件·13薪" in client.get(HOME).content.decode()


def test_employer_saves_a_draft_then_edits_and_submits_it(client, owner, employer):
    signed_in(client, owner).post(NEW, posting_data(action="draft", title="普工"))
    posting = Posting.objects.get(employer=employer)
    assert posting.status == PostingStatus.DRAFT

    edit_url = reverse("employment:posting_edit", args=[posting.pk])
    assert 'value="普工"' in client.get(edit_url).content.decode()
    response = client.post(edit_url, posting_data(title="装配普工", action="submit"))

    assert response.status_code == 302
    posting.refresh_from_db()
    assert posting.title == "装配普工"
    assert posting.status == PostingStatus.PENDING


def test_discriminatory_posting_is_refused_next_to_the_field_and_keeps_everything(
    client, owner, employer
):
    data = posting_data(
        description="限男性，身体健康，能吃苦。", title="搬运工", address="仓库3号门"
    )

    response = signed_in(client, owner).post(NEW, data)

    page = response.content.decode()
    assert response.status_code == 200
    description_errors = response.context["form"].errors["description"]
    assert any("性别歧视" in message for message in description_errors)
    assert 'class="error-summary"' in page
    assert "限男性，身体健康，能吃苦。" in page
    assert 'value="搬运工"' in page and 'value="仓库3号门"' in page
    assert response.context["form"]["benefits"].value() == ["meals", "housing"]
    assert response.context["form"]["township_code"].value() == SHENYANG_TIEXI_TOWNSHIP
    assert not Posting.objects.exists()


def test_wage_range_upside_down_is_explained(client, owner, employer):
    response = signed_in(client, owner).post(NEW, posting_data(wage_min="8000", wage_max="6000"))

    assert "最高工资不能比最低工资少" in response.content.decode()
    assert not Posting.objects.exists()


def test_employer_closes_a_published_posting_after_confirming(client, owner, employer):
    posting = PostingFactory(employer=employer, title="装配工")
    url = reverse("employment:posting_close", args=[posting.pk])
    signed_in(client, owner)

    home = client.get(HOME).content.decode()
    assert f'href="{url}"' in home  # a link to the question, not a button that ends it
    question = client.get(url).content.decode()
    assert "确定结束招聘吗" in question and "装配工" in question
    assert 'name="confirm" value="yes"' in question and 'href="/employer/"' in question
    client.post(url)  # a POST without the confirmation only asks again
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PUBLISHED

    response = client.post(url, {"confirm": "yes"})

    assert response.status_code == 302
    posting.refresh_from_db()
    assert posting.status == PostingStatus.CLOSED


def test_employer_cannot_touch_another_employers_posting(client, owner, employer):
    other = PostingFactory(status=PostingStatus.DRAFT, published_at=None)
    signed_in(client, owner)

    assert client.get(reverse("employment:posting_edit", args=[other.pk])).status_code == 404
    close = reverse("employment:posting_close", args=[other.pk])
    assert client.get(close).status_code == 404
    assert client.post(close, {"confirm": "yes"}).status_code == 404
    assert client.post(reverse("employment:posting_submit", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.status == PostingStatus.DRAFT


def test_employer_home_lists_postings_without_a_query_each(
    client, owner, employer, django_assert_max_num_queries
):
    PostingFactory.create_batch(15, employer=employer)
    signed_in(client, owner)

    with django_assert_max_num_queries(8):
        response = client.get(HOME)

    assert response.content.decode().count("招满了，结束招聘") == 15
