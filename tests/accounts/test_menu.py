"""我的: one header entry for a worker, a page of every personal page the apps register."""

import pytest

from chengnuan.accounts.menu import MyLink, my_links, register_my_link
from chengnuan.accounts.models import UserKind
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_app_s_personal_page_is_on_the_worker_s_page(client):
    client.force_login(UserFactory())

    page = client.get("/me/").content.decode()

    for label, address in (
        ("我的求职登记", "/me/registration/"),
        ("我的申请", "/me/applications/"),
        ("我的招聘会", "/me/fairs/"),
        ("收藏的岗位", "/me/saved/"),
        ("消息", "/me/messages/"),
        ("我的信息", "/accounts/me/"),
    ):
        assert label in page and f'href="{address}"' in page


def test_links_come_in_their_order_and_a_second_registration_replaces_the_first():
    register_my_link(MyLink("我的求职登记", "employment:my_registration", "改过的说明", 10))

    links = [link for link, _ in my_links()]

    assert [link.order for link in links] == sorted(link.order for link in links)
    assert [link.hint for link in links if link.url_name == "employment:my_registration"] == [
        "改过的说明"
    ]
    register_my_link(
        MyLink("我的求职登记", "employment:my_registration", "想做什么工作、在哪里", 10)
    )


def test_the_header_leads_a_worker_to_the_page_in_one_entry(client):
    client.force_login(UserFactory())

    header = client.get("/jobs/").content.decode().split("</header>")[0]

    assert 'href="/me/"' in header and 'href="/me/applications/"' not in header


def test_an_employer_is_refused_and_a_visitor_is_asked_to_sign_in(client):
    client.force_login(UserFactory(kind=UserKind.EMPLOYER))
    assert client.get("/me/").status_code == 403

    client.logout()
    response = client.get("/me/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
