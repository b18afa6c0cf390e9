"""The pages of the key journeys, in one place: the elder-mode and axe checks
(test_elder_mode.py) open every page listed here, as the person who uses it. A new app adds its
pages to KEY_PAGES (and, if it needs data, a field to KeyWorld and a line to make_key_world)."""

import dataclasses
from collections.abc import Callable

from django.test import Client

from chengnuan.accounts.models import User, UserKind
from chengnuan.employment.models import Posting
from chengnuan.employment.services.saved import saved_posting_add
from tests.employment.factories import EmployerUserFactory, WorkerFactory
from tests.employment.views_support import signed_in, staff_signed_in
from tests.factories import EmployerFactory, JobSeekerFactory, PostingFactory, StaffFactory

PUBLIC, WORKER, NEW_WORKER, EMPLOYER, STAFF = "public", "worker", "new_worker", "employer", "staff"


@dataclasses.dataclass(frozen=True)
class KeyWorld:
    posting: Posting
    people: dict[str, User]


@dataclasses.dataclass(frozen=True)
class KeyPage:
    name: str
    person: str
    path: Callable[[KeyWorld], str]


KEY_PAGES = [
    KeyPage("首页", PUBLIC, lambda w: "/"),
    KeyPage("找工作", PUBLIC, lambda w: "/jobs/"),
    KeyPage("找工作（搜索结果）", PUBLIC, lambda w: "/jobs/?q=普工"),
    KeyPage("岗位页", PUBLIC, lambda w: f"/jobs/{w.posting.pk}/"),
    KeyPage("登录", PUBLIC, lambda w: "/accounts/login/"),
    KeyPage("工作人员登录", PUBLIC, lambda w: "/accounts/staff/login/"),
    KeyPage("求职登记（填写）", NEW_WORKER, lambda w: "/me/registration/"),
    KeyPage("我的求职", WORKER, lambda w: "/me/registration/"),
    KeyPage("修改求职登记", WORKER, lambda w: "/me/registration/edit/"),
    KeyPage("我的", WORKER, lambda w: "/me/"),
    KeyPage("我的消息", WORKER, lambda w: "/me/messages/"),
    KeyPage("我的申请", WORKER, lambda w: "/me/applications/"),
    KeyPage("我的招聘会", WORKER, lambda w: "/me/fairs/"),
    KeyPage("招聘会", PUBLIC, lambda w: "/fairs/"),
    KeyPage("我的信息", WORKER, lambda w: "/accounts/me/"),
    KeyPage("我的收藏", WORKER, lambda w: "/me/saved/"),
    KeyPage("岗位页（求职者）", WORKER, lambda w: f"/jobs/{w.posting.pk}/"),
    KeyPage("我的招聘", EMPLOYER, lambda w: "/employer/"),
    KeyPage("发布岗位", EMPLOYER, lambda w: "/employer/postings/new/"),
    KeyPage("工作台", STAFF, lambda w: "/office/"),
    KeyPage("求职登记名单", STAFF, lambda w: "/office/seekers/"),
    KeyPage("待审核岗位", STAFF, lambda w: "/office/review/"),
]


def make_key_world() -> KeyWorld:
    """One of each person, and the records their pages show."""
    posting = PostingFactory(
        title="汽车配件装配普工",
        description="负责汽车配件的装配和检查，有师傅带，不会可以学。长白班，包午饭。",
        open_to_older=True,
    )
    worker = JobSeekerFactory(user=WorkerFactory()).user
    saved_posting_add(user=worker, posting=posting)
    employer_user = EmployerUserFactory()
    PostingFactory(
        employer=EmployerFactory(owner=employer_user),
        status="pending",
        published_at=None,
        title="叉车司机",
    )
    staff = StaffFactory()
    people = {
        WORKER: worker,
        NEW_WORKER: WorkerFactory(),
        EMPLOYER: employer_user,
        STAFF: staff,
    }
    return KeyWorld(posting=posting, people=people)


def session_cookie(user: User, base_url: str) -> dict[str, object]:
    """A signed-in session for `user` as a browser cookie, without walking the sign-in pages
    (the journeys test those): the checks here are about what the pages look like."""
    signing_in = staff_signed_in if user.kind == UserKind.STAFF else signed_in
    client = signing_in(Client(), user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}
