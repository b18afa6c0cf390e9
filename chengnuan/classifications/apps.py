from django.apps import AppConfig


class ClassificationsConfig(AppConfig):
    name = "chengnuan.classifications"
    label = "classifications"
