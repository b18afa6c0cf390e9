"""Response bodies of the notifications API. Titles and bodies are plain text here (the inbox
stores them HTML-escaped for the pages)."""

import datetime
import html

from ninja import Field, Schema

from chengnuan.notifications.models import Notification
from chengnuan.notifications.topics import Topic, get_topic


class NotificationOut(Schema):
    id: int
    topic: str
    topic_label: str
    title: str
    body: str
    link: str = Field(description="打开后要看的站内地址，可能为空")
    created_at: datetime.datetime
    read_at: datetime.datetime | None
    opened_at: datetime.datetime | None
    can_unsubscribe: bool = Field(description="这类消息能不能退订（推送类的能）")

    @staticmethod
    def resolve_topic_label(obj: Notification) -> str:
        return _topic(obj.topic).label

    @staticmethod
    def resolve_title(obj: Notification) -> str:
        return html.unescape(obj.title)

    @staticmethod
    def resolve_body(obj: Notification) -> str:
        return html.unescape(obj.body)

    @staticmethod
    def resolve_can_unsubscribe(obj: Notification) -> bool:
        return _topic(obj.topic).promotional


class TopicOut(Schema):
    code: str
    label: str
    promotional: bool = Field(description="推送类：可以退订，每天有条数上限")
    subscribed: bool = Field(description="本人现在是否接收")


class CountOut(Schema):
    count: int


def _topic(code: str) -> Topic:
    try:
        return get_topic(code)
    except LookupError:  # a topic whose app was removed: its old messages still show
        return Topic(code=code, label="消息", title="", body="", sms="")


def topic_label(code: str) -> str:
    return _topic(code).label


def topic_out(topic: Topic, subscribed: bool) -> TopicOut:
    return TopicOut(
        code=topic.code, label=topic.label, promotional=topic.promotional, subscribed=subscribed
    )
