"""A person's own messages: the inbox, one message, its topic turned off, message settings.
Workers and employers both receive messages; staff have none."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from chengnuan.accounts.models import User
from chengnuan.core.offline import offline_copy
from chengnuan.core.pages import render_list
from chengnuan.notifications.access import (
    get_own_notification_or_404,
    get_topic_or_404,
    recipient_required,
)
from chengnuan.notifications.selectors import inbox_of, topics_with_choice, unread_count
from chengnuan.notifications.services.inbox import (
    notification_open,
    notifications_mark_all_read,
    topic_resubscribe,
    topic_unsubscribe,
)
from chengnuan.notifications.topics import get_topic


# A worker's messages stay readable offline (the service worker keeps marked pages).
@offline_copy
def inbox(request: HttpRequest) -> HttpResponse:
    user = recipient_required(request)
    return render_list(
        request, "notifications/inbox.html", inbox_of(user), unread=unread_count(user)
    )


@require_POST
def inbox_mark_all_read(request: HttpRequest) -> HttpResponse:
    user = recipient_required(request)
    notifications_mark_all_read(user=user)
    return redirect("notifications:inbox")


@offline_copy
def message(request: HttpRequest, pk: int) -> HttpResponse:
    user = recipient_required(request)
    notification = notification_open(notification=get_own_notification_or_404(user, pk))
    return render(
        request,
        "notifications/message.html",
        {"notification": notification, "topic": get_topic(notification.topic)},
    )


@require_http_methods(["GET", "POST"])
def topic_unsubscribe_view(request: HttpRequest, code: str) -> HttpResponse:
    """The button on each message: a page that says what will stop, then stops it."""
    user = recipient_required(request)
    topic = get_topic_or_404(code)
    if request.method == "POST":
        _switch(request, user, topic.code, on=False)
        return redirect("notifications:settings")
    action = reverse("notifications:topic_unsubscribe", args=[topic.code])
    return render(request, "notifications/unsubscribe.html", {"topic": topic, "action": action})


@require_http_methods(["GET", "POST"])
def message_settings(request: HttpRequest) -> HttpResponse:
    """Every topic, on or off; a promotional one can be switched here."""
    user = recipient_required(request)
    if request.method == "POST":
        topic = get_topic_or_404(request.POST.get("topic", ""))
        _switch(request, user, topic.code, on=request.POST.get("on") == "1")
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"topics": topics_with_choice(user)})


def _switch(request: HttpRequest, user: User, code: str, *, on: bool) -> None:
    label = get_topic(code).label
    try:
        if on:
            topic_resubscribe(user=user, topic=code)
        else:
            topic_unsubscribe(user=user, topic=code)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"已{'打开' if on else '退订'}“{label}”。")
