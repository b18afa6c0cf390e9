"""The short link of an SMS, /n/<token>/: it opens that one message for whoever holds it, with
no password. Not signed in as its recipient, one sees only what the SMS itself said and the
way to sign in for the rest; the link also lets them turn the message's topic off."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from chengnuan.notifications.access import get_notification_for_link_or_404
from chengnuan.notifications.services.inbox import notification_open, topic_unsubscribe
from chengnuan.notifications.topics import get_topic


def link_open(request: HttpRequest, token: str) -> HttpResponse:
    notification = get_notification_for_link_or_404(token)
    notification_open(notification=notification)
    if request.user.is_authenticated and request.user.pk == notification.recipient_id:
        return redirect(reverse("notifications:message", args=[notification.pk]))
    return render(
        request,
        "notifications/link.html",
        {"notification": notification, "topic": get_topic(notification.topic), "token": token},
    )


@require_http_methods(["GET", "POST"])
def link_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One tap from the SMS: a page that says what will stop, and a button that stops it."""
    notification = get_notification_for_link_or_404(token)
    topic = get_topic(notification.topic)
    if request.method == "POST" and topic.promotional:
        topic_unsubscribe(user=notification.recipient, topic=topic.code)
        messages.success(request, f"已退订“{topic.label}”，以后不再给您发这类消息。")
        return redirect(reverse("notifications:link_open", args=[token]))
    return render(
        request,
        "notifications/unsubscribe.html",
        {"topic": topic, "action": reverse("notifications:link_unsubscribe", args=[token])},
    )
