"""Province staff word the messages of each topic, with a preview from the topic's sample."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from chengnuan.core.pages import bind_form, run_service
from chengnuan.notifications.access import get_topic_or_404, template_editor_required
from chengnuan.notifications.forms import MessageTemplateForm
from chengnuan.notifications.rendering import TemplateError, preview
from chengnuan.notifications.selectors import templates_by_topic
from chengnuan.notifications.services.templates import (
    message_template_reset,
    message_template_save,
)
from chengnuan.notifications.topics import all_topics


def template_list(request: HttpRequest) -> HttpResponse:
    template_editor_required(request)
    edited = templates_by_topic()
    rows = [(topic, edited.get(topic.code)) for topic in all_topics()]
    return render(request, "notifications/office/template_list.html", {"rows": rows})


def template_edit(request: HttpRequest, code: str) -> HttpResponse:
    user = template_editor_required(request)
    topic = get_topic_or_404(code)
    current = templates_by_topic().get(topic.code)
    source = current or topic
    initial = {"title": source.title, "body": source.body, "sms": source.sms}
    form, submitted = bind_form(request, MessageTemplateForm, initial=initial)
    action = request.POST.get("action", "")
    shown = None
    if submitted and action == "reset":
        message_template_reset(actor=user, topic=topic.code)
        messages.success(request, "已恢复为系统默认的写法。")
        return redirect("notifications:template_edit", code=topic.code)
    if submitted and form.is_valid():
        data = form.cleaned_data
        if action == "save":
            saved = run_service(
                form, lambda: message_template_save(actor=user, topic=topic.code, **data)
            )
            if saved is not None:
                messages.success(request, "已保存。以后发出的消息用新的写法。")
                return redirect("notifications:template_edit", code=topic.code)
        else:
            try:
                shown = preview(**data, context=topic.sample_context())
            except TemplateError as exc:
                form.add_error(None, str(exc))
    elif not submitted:
        shown = preview(**initial, context=topic.sample_context())
    return render(
        request,
        "notifications/office/template_edit.html",
        {"form": form, "topic": topic, "current": current, "preview": shown},
    )
