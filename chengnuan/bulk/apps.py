from django.apps import AppConfig


class BulkConfig(AppConfig):
    name = "chengnuan.bulk"
    label = "bulk"
