"""/api/v1/notifications: the signed-in person's messages (paged), marking them read, the
topics with their on/off switch."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from chengnuan.accounts.api_auth import ApiAuth
from chengnuan.core.pagination import Pagination
from chengnuan.notifications.access import (
    get_own_notification_or_404,
    get_topic_or_404,
    recipient_required,
)
from chengnuan.notifications.models import Notification
from chengnuan.notifications.schemas import CountOut, NotificationOut, TopicOut, topic_out
from chengnuan.notifications.selectors import inbox_of, topics_with_choice, unread_count
from chengnuan.notifications.services.inbox import (
    notification_mark_read,
    notification_open,
    notifications_mark_all_read,
    topic_resubscribe,
    topic_unsubscribe,
)

router = Router(tags=["消息"], auth=ApiAuth)


@router.get("/", response=list[NotificationOut], summary="我的消息（新的在前）")
@paginate(Pagination)
def inbox(request: HttpRequest) -> Any:
    return inbox_of(recipient_required(request))


@router.get("/unread", response=CountOut, summary="未读消息条数")
def unread(request: HttpRequest) -> dict[str, int]:
    return {"count": unread_count(recipient_required(request))}


@router.post("/read-all", response=CountOut, summary="全部标为已读")
def read_all(request: HttpRequest) -> dict[str, int]:
    return {"count": notifications_mark_all_read(user=recipient_required(request))}


@router.post("/{notification_id}/read", response=NotificationOut, summary="标为已读")
def read(request: HttpRequest, notification_id: int) -> Notification:
    notification = get_own_notification_or_404(recipient_required(request), notification_id)
    return notification_mark_read(notification=notification)


@router.post(
    "/{notification_id}/open", response=NotificationOut, summary="打开（计为已读、已打开）"
)
def open_(request: HttpRequest, notification_id: int) -> Notification:
    notification = get_own_notification_or_404(recipient_required(request), notification_id)
    return notification_open(notification=notification)


@router.get("/topics", response=list[TopicOut], summary="消息类别和我是否接收")
def topics(request: HttpRequest) -> list[TopicOut]:
    return [topic_out(t, on) for t, on in topics_with_choice(recipient_required(request))]


@router.post("/topics/{code}/unsubscribe", response=TopicOut, summary="退订一类推送")
def unsubscribe(request: HttpRequest, code: str) -> TopicOut:
    user = recipient_required(request)
    topic = get_topic_or_404(code)
    topic_unsubscribe(user=user, topic=topic.code)
    return topic_out(topic, False)


@router.post("/topics/{code}/subscribe", response=TopicOut, summary="重新接收一类推送")
def subscribe(request: HttpRequest, code: str) -> TopicOut:
    user = recipient_required(request)
    topic = get_topic_or_404(code)
    topic_resubscribe(user=user, topic=topic.code)
    return topic_out(topic, True)
