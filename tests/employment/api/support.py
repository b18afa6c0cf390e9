"""What the employment API tests share: a client signed in with a token, payloads, the index."""

import datetime

from django.test import Client

from chengnuan.accounts.services.sign_ins import api_token_create
from chengnuan.employment.search import postings_changed

API = "/api/v1"


def indexed(*postings):
    postings_changed([p.pk for p in postings])


def client_for(user=None):
    if user is None:
        return Client()
    _token, key = api_token_create(user=user, name="测试")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def body(data):
    values = dict(data.__dict__)
    for name, value in values.items():
        if isinstance(value, datetime.date | datetime.time):
            values[name] = value.isoformat()
    return values


def messages(response, field):
    return [d["msg"] for d in response.json()["detail"] if d["loc"][-1] == field]
