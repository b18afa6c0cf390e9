import pytest
from django.urls import reverse

from tests.matching.support import posting

pytestmark = pytest.mark.django_db


def test_the_older_workers_page_lists_postings_welcoming_them_or_without_an_upper_age(client):
    posting(title="门卫欢迎大龄", open_to_older=True, age_max=60)
    posting(title="保洁不限年龄", age_max=None)
    posting(title="快递员四十五岁以下", age_max=45)
    text = client.get(reverse("matching:older_jobs")).content.decode()
    assert "门卫欢迎大龄" in text and "保洁不限年龄" in text
    assert "快递员四十五岁以下" not in text


def test_the_older_workers_page_filters_by_city_and_ignores_an_unknown_one(client):
    posting(title="大连门卫", county="210211", open_to_older=True)
    assert (
        "大连门卫"
        not in client.get(reverse("matching:older_jobs"), {"city": "2101"}).content.decode()
    )
    assert "大连门卫" in client.get(reverse("matching:older_jobs"), {"city": "99"}).content.decode()
