import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from chengnuan.employment.choices import PostingStatus
from tests.employment.factories import EmployerUserFactory, PendingEmployerFactory, WorkerFactory
from tests.employment.views_support import signed_in
from tests.factories import PostingFactory

pytestmark = pytest.mark.django_db


def test_anonymous_sees_posting_but_not_phone_and_is_offered_login_with_next(client):
    posting = PostingFactory(title="电焊工", benefits=["meals", "housing"], open_to_older=True)
    url = reverse("employment:posting_detail", args=[posting.pk])

    response = client.get(url)

    page = response.content.decode()
    assert response.status_code == 200
    assert "电焊工" in page
    assert "4000–6000 元/月" in page
    assert "包吃" in page and "包住" in page
    assert "欢迎大龄" in page
    assert posting.contact_phone not in page
    assert "登录后查看联系电话" in page
    assert f"{reverse('accounts:login')}?next=%2Fjobs%2F{posting.pk}%2F" in page


def test_signed_in_worker_sees_contact_name_and_phone(client):
    posting = PostingFactory(contact_name="李主管")

    response = signed_in(client, WorkerFactory()).get(
        reverse("employment:posting_detail", args=[posting.pk])
    )

    page = response.content.decode()
    assert "李主管" in page
    assert posting.contact_phone in page


def test_signed_in_employer_does_not_see_another_employers_phone(client):
    posting = PostingFactory()

    response = signed_in(client, EmployerUserFactory()).get(
        reverse("employment:posting_detail", args=[posting.pk])
    )

    assert posting.contact_phone not in response.content.decode()


@pytest.mark.parametrize(
    "make",
    [
        lambda: PostingFactory(status=PostingStatus.DRAFT, published_at=None),
        lambda: PostingFactory(status=PostingStatus.PENDING, published_at=None),
        lambda: PostingFactory(status=PostingStatus.CLOSED),
        lambda: PostingFactory(valid_until=timezone.localdate() - datetime.timedelta(days=1)),
        lambda: PostingFactory(employer=PendingEmployerFactory()),
    ],
    ids=["draft", "pending", "closed", "past_end_date", "unverified_employer"],
)
def test_posting_not_public_is_404(client, make):
    posting = make()

    response = client.get(reverse("employment:posting_detail", args=[posting.pk]))

    assert response.status_code == 404


def test_old_posting_list_address_leads_to_the_search_page_with_the_words(client):
    response = client.get(reverse("employment:posting_list"), {"q": "电焊"})

    assert response.status_code == 301
    assert response["Location"] == reverse("employment:jobs") + "?q=%E7%94%B5%E7%84%8A"
