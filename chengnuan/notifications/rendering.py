"""Message templates rendered by Django's template engine, sandboxed: no template loaders, only
the tags and filters of sandbox.py, nothing but the message's context. The inbox texts are
rendered with autoescaping, so a value from the context (an employer's posting title) can
never become markup; the template's own text may hold no markup either (check_template), so
the result is safe to show as it is. SMS texts are plain text and rendered without escaping."""

import re
from functools import lru_cache
from typing import Any

from django.template import Context, Engine, Template, TemplateSyntaxError
from django.template.base import TextNode


class _SandboxEngine(Engine):
    default_builtins = ["chengnuan.notifications.sandbox"]


_HTML = _SandboxEngine(loaders=[], libraries={}, autoescape=True, string_if_invalid="")
_PLAIN = _SandboxEngine(loaders=[], libraries={}, autoescape=False, string_if_invalid="")
_SPACES = re.compile(r"\s+")


class TemplateError(ValueError):
    """A template that cannot be used; the message is for the person who wrote it."""


@lru_cache(maxsize=512)
def _compiled(source: str, html: bool) -> Template:
    try:
        return (_HTML if html else _PLAIN).from_string(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"模板写法有误：{exc}") from exc


def check_template(source: str) -> None:
    """Raise TemplateError if the template does not compile in the sandbox or writes markup."""
    template = _compiled(source, True)
    for node in template.nodelist.get_nodes_by_type(TextNode):
        assert isinstance(node, TextNode)
        if "<" in node.s or ">" in node.s:
            raise TemplateError("模板里不能写网页标记（< 和 >）。")


def render_html(source: str, context: dict[str, Any]) -> str:
    """The inbox text: context values escaped; safe to show without escaping again."""
    return _compiled(source, True).render(Context(context, autoescape=True)).strip()


def render_sms(source: str, context: dict[str, Any]) -> str:
    """The SMS text: plain, on one line."""
    text = _compiled(source, False).render(Context(context, autoescape=False))
    return _SPACES.sub(" ", text).strip()


def preview(*, title: str, body: str, sms: str, context: dict[str, Any]) -> dict[str, str]:
    """What a message of these templates looks like with `context` (a topic's sample)."""
    return {
        "title": render_html(title, context),
        "body": render_html(body, context),
        "sms": render_sms(sms, context),
    }
