"""Message templates rendered by Django's template engine, sandboxed: no template loaders, only
the tags and filters of sandbox.py, nothing but the message's context. The inbox texts are
rendered with autoescaping, so a value from the context (an employer's posting title) can
never become markup; the template's own text may hold no markup either (check_template), so
the result is safe to show as it is. SMS texts are plain text and rendered without escaping."""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.template import Context, Engine, Template, TemplateSyntaxError
from django.template.base import TextNode


class _SandboxEngine(Engine):
    default_builtins = ["chengnuan.notifications.sandbox"]


# Escaping is the Context's to decide (Template.render reads context.autoescape).
_ENGINE = _SandboxEngine(loaders=[], libraries={}, autoescape=True, string_if_invalid="")
_SPACES = re.compile(r"\s+")


class TemplateError(ValueError):
    """A template that cannot be used; the message is for the person who wrote it."""


@dataclass(frozen=True)
class Rendered:
    title: str  # HTML-escaped
    body: str  # HTML-escaped
    sms: str  # plain text on one line


@lru_cache(maxsize=512)
def _compiled(source: str) -> Template:
    try:
        return _ENGINE.from_string(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(f"模板写法有误：{exc}") from exc


def check_template(source: str) -> None:
    """Raise TemplateError if the template does not compile in the sandbox or writes markup."""
    template = _compiled(source)
    for node in template.nodelist.get_nodes_by_type(TextNode):
        assert isinstance(node, TextNode)
        if "<" in node.s or ">" in node.s:
            raise TemplateError("模板里不能写网页标记（< 和 >）。")


def render_message(*, title: str, body: str, sms: str, context: dict[str, Any]) -> Rendered:
    """A message's texts from its templates and context: the inbox's with context values
    escaped (safe to show as they are), the SMS plain. Numbers are not localised (a wage
    reads 4000, as people write it); one Context serves the three texts."""
    values = Context(context, autoescape=True, use_l10n=False)
    rendered_title = _compiled(title).render(values).strip()
    rendered_body = _compiled(body).render(values).strip() if body else ""
    values.autoescape = False
    rendered_sms = _SPACES.sub(" ", _compiled(sms).render(values)).strip() if sms else ""
    return Rendered(rendered_title, rendered_body, rendered_sms)
