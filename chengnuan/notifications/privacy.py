"""The notifications app's part of a person's own data (PIPL), through the accounts app's
privacy hooks (accounts/privacy.py): the messages they received and the topics they turned
off; erased when the account is closed. Staff never read inboxes, so there is no audited
record to list."""

import html

from chengnuan.accounts.models import User
from chengnuan.accounts.privacy import Item, Section, shown
from chengnuan.notifications.models import Notification
from chengnuan.notifications.schemas import topic_label
from chengnuan.notifications.selectors import inbox_of, unsubscribed_topics
from chengnuan.notifications.services.inbox import notifications_erase


def personal_data(user: User) -> list[Section]:
    messages = [_message_items(n) for n in inbox_of(user)]
    off = [
        [Item("topic", "类别", code, topic_label(code))]
        for code in sorted(unsubscribed_topics(user))
    ]
    return [
        Section("notifications", "我收到的消息", messages, tabular=True, empty_text="没有消息。"),
        Section("unsubscriptions", "我退订的消息", off, tabular=True, empty_text="没有退订过。"),
    ]


def erase_personal_data(user: User) -> dict[str, int]:
    return {kind: n for kind, n in notifications_erase(user=user).items() if n}


def _message_items(notification: Notification) -> list[Item]:
    title, body = html.unescape(notification.title), html.unescape(notification.body)
    return [
        Item("created_at", "时间", notification.created_at, shown(notification.created_at)),
        Item("topic", "类别", notification.topic, topic_label(notification.topic)),
        Item("title", "标题", title, title),
        Item("body", "内容", body, body),
        Item("read_at", "读过", notification.read_at, shown(notification.read_at)),
        Item("opened_at", "打开过", notification.opened_at, shown(notification.opened_at)),
    ]
