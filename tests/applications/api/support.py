from django.test import Client

from chengnuan.accounts.services.sign_ins import api_token_create

API = "/api/v1/applications"


def client_for(user) -> Client:
    _token, key = api_token_create(user=user, name="测试")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def post(client: Client, url: str, data: dict):
    return client.post(url, data, content_type="application/json")


def messages(response) -> list[str]:
    return [d["msg"] for d in response.json()["detail"]]
