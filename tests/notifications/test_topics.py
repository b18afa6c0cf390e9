import dataclasses

import pytest

from chengnuan.notifications.rendering import TemplateError
from chengnuan.notifications.topics import Topic, all_topics, get_topic, register_topic
from tests.notifications.support import PUSH

pytestmark = pytest.mark.django_db  # the cache every test clears lives in the database


def test_a_registered_topic_is_found_by_its_code():
    assert get_topic(PUSH.code) is PUSH and PUSH in all_topics()


def test_registering_the_same_topic_again_is_harmless():
    register_topic(PUSH)
    assert get_topic(PUSH.code) is PUSH


def test_a_different_topic_under_a_taken_code_is_refused():
    with pytest.raises(ValueError, match="registered twice"):
        register_topic(dataclasses.replace(PUSH, label="别的"))


def test_a_topic_whose_template_leaves_the_sandbox_is_refused():
    with pytest.raises(TemplateError):
        register_topic(Topic(code="tests.bad", label="x", title="{% load i18n %}", body="", sms=""))


def test_an_unknown_code_is_a_lookup_error():
    with pytest.raises(LookupError):
        get_topic("tests.unknown")
