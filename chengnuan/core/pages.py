"""Helpers every app's pages share: one way to bind a form (blank, redrawn, or submitted),
one way to run a service and put its refusal on the form, one way to page a list, one page
that holds a form (templates/core/form_page.html)."""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chengnuan.core.forms import apply_service_errors, initial_from_post, is_refresh

FormT = TypeVar("FormT", bound=forms.Form)
ResultT = TypeVar("ResultT")

PAGE_SIZE = 20


def bind_form(
    request: HttpRequest,
    form_class: type[FormT],
    *,
    initial: dict[str, Any] | None = None,
    **kwargs: Any,
) -> tuple[FormT, bool]:
    """The form for this request and whether it was submitted for saving. A POST from a
    refresh button (next region level, occupation search) redraws what was typed, with no
    error messages, and saves nothing."""
    if request.method != "POST":
        return form_class(initial=initial, **kwargs), False
    if is_refresh(request.POST):
        return form_class(initial=initial_from_post(form_class, request.POST), **kwargs), False
    return form_class(request.POST, **kwargs), True


def run_service(form: forms.BaseForm, call: Callable[[], ResultT]) -> ResultT | None:
    """Call a service; on refusal, put its messages on the form and return None."""
    try:
        return call()
    except ValidationError as error:
        apply_service_errors(form, error)
        return None


def page_of(request: HttpRequest, queryset: QuerySet[Any], per_page: int = PAGE_SIZE) -> Page[Any]:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def render_list(
    request: HttpRequest, template: str, queryset: QuerySet[Any], **context: Any
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "page": page_of(request, queryset),
            "query_without_page": query_without_page(request),
            **context,
        },
    )


def render_form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    *,
    heading: str,
    buttons: list[dict[str, Any]],
    **context: Any,
) -> HttpResponse:
    """A page holding one form (form_page.html). `buttons`: [{"value", "label", "secondary"}],
    the first is the one Enter presses."""
    return render(
        request,
        "core/form_page.html",
        {"form": form, "heading": heading, "buttons": buttons, **context},
    )


SAVE = [{"value": "save", "label": "保存"}]
