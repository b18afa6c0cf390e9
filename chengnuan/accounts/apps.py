from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "chengnuan.accounts"
    label = "accounts"
