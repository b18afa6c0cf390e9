import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from chengnuan.employment.choices import PostingStatus
from tests.employment.factories import EmployerUserFactory, PendingEmployerFactory, WorkerFactory
from tests.employment.views_support import signed_in
from tests.factories import DALIAN_GANJINGZI, PostingFactory

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


def test_posting_list_shows_published_newest_first_and_filters_by_city(client):
    old = PostingFactory(title="保洁员", published_at=timezone.now() - datetime.timedelta(days=2))
    new = PostingFactory(title="叉车司机")
    dalian = PostingFactory(title="厨师", county_id=DALIAN_GANJINGZI)
    PostingFactory(title="草稿岗位", status=PostingStatus.DRAFT, published_at=None)

    everything = client.get(reverse("employment:posting_list"))
    shenyang = client.get(reverse("employment:posting_list"), {"city": "2101"})

    listed = [p.pk for p in everything.context["page"].object_list]
    assert listed.index(dalian.pk) < listed.index(new.pk) < listed.index(old.pk)
    assert "草稿岗位" not in everything.content.decode()
    assert {p.pk for p in shenyang.context["page"].object_list} == {old.pk, new.pk}


def test_posting_list_older_filter_keeps_only_postings_that_welcome_older_workers(client):
    welcoming = PostingFactory(open_to_older=True)
    PostingFactory(open_to_older=False)

    response = client.get(reverse("employment:posting_list"), {"older": "on"})

    assert [p.pk for p in response.context["page"].object_list] == [welcoming.pk]


def test_posting_list_pages_without_a_query_per_posting(client, django_assert_max_num_queries):
    PostingFactory.create_batch(25, benefits=["meals"])

    with django_assert_max_num_queries(8):
        response = client.get(reverse("employment:posting_list"), {"page": "2"})

    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 5


def test_posting_list_ignores_a_city_that_does_not_exist(client):
    PostingFactory()

    response = client.get(reverse("employment:posting_list"), {"city": "9999"})

    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 1


def test_posting_list_keeps_the_home_page_search_words_working(client):
    welder = PostingFactory(title="电焊工")
    PostingFactory(title="保洁员")

    response = client.get(reverse("employment:posting_list"), {"q": "电焊"})

    assert [p.pk for p in response.context["page"].object_list] == [welder.pk]
    assert 'value="电焊"' in response.content.decode()
