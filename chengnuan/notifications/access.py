"""Who may open which message: its recipient, signed in, or whoever holds its short link
(which shows only what the message itself said). Staff have no access to inboxes."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from chengnuan.accounts.access import staff_required
from chengnuan.accounts.models import User
from chengnuan.notifications.links import notification_id_from
from chengnuan.notifications.models import Notification
from chengnuan.notifications.services.templates import may_edit_templates
from chengnuan.notifications.topics import Topic, get_topic


def get_own_notification_or_404(user: User, pk: int) -> Notification:
    found = Notification.objects.filter(pk=pk, recipient=user).first()
    if found is None:
        raise Http404("没有这条消息。")
    return found


def get_notification_for_link_or_404(token: str) -> Notification:
    """The message a short link grants; 404 when the link was altered, has expired or its
    message is gone."""
    pk = notification_id_from(token)
    found = Notification.objects.filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise Http404("这个链接已经失效了。")
    return found


def get_topic_or_404(code: str) -> Topic:
    try:
        return get_topic(code)
    except LookupError:
        raise Http404("没有这类消息。") from None


def template_editor_required(request: HttpRequest) -> User:
    """Province staff (password + TOTP): only they word the province's messages."""
    user = staff_required(request)
    if not may_edit_templates(user):
        raise PermissionDenied("只有省级工作人员可以修改消息模板。")
    return user
