import pytest

from chengnuan.notifications.rendering import TemplateError, check_template, render_message

pytestmark = pytest.mark.django_db  # the cache every test clears lives in the database


def render(title="", body="", sms="", **context):
    return render_message(title=title, body=body, sms=sms, context=context)


def test_context_values_are_escaped_in_the_inbox_texts_and_plain_in_the_sms():
    out = render("{{ a }}", "{{ a }}!", "{{ a }}", a="<i>&</i>")
    assert out.title == "&lt;i&gt;&amp;&lt;/i&gt;" and out.body == "&lt;i&gt;&amp;&lt;/i&gt;!"
    assert out.sms == "<i>&</i>"


def test_the_sms_is_one_line_and_numbers_are_not_localised():
    assert render("t", sms="月薪\n  {{ wage }} 元", wage=12000).sms == "月薪 12000 元"


def test_missing_values_render_empty():
    assert render("有{{ count }}个").title == "有个"


def test_conditions_loops_and_filters_work():
    out = render(
        "{% if n > 1 %}{{ n }}个{% endif %}{% for x in xs %}{{ x|upper }}{% endfor %}",
        n=2,
        xs=["a", "b"],
    )
    assert out.title == "2个AB"


@pytest.mark.parametrize(
    "source",
    [
        "{% load static %}",
        '{% include "base.html" %}',
        '{% extends "base.html" %}',
        "{% url 'home' %}",
        "{% debug %}",
        "{% csrf_token %}",
        "{% autoescape off %}x{% endautoescape %}",
        "{{ x|safe }}",
        "{{ x|safeseq }}",
        "{{ x|urlize }}",
        "{{ x|json_script:'a' }}",
        "{% if x %}",
    ],
)
def test_tags_and_filters_outside_the_sandbox_are_refused(source):
    with pytest.raises(TemplateError):
        check_template(source)


@pytest.mark.parametrize("source", ["<b>粗</b>", "a > b", '<a href="http://x">'])
def test_markup_in_the_template_text_is_refused(source):
    with pytest.raises(TemplateError, match="网页标记"):
        check_template(source)


def test_a_comparison_inside_a_tag_is_not_markup():
    check_template("{% if count > 3 %}很多{% endif %}")
