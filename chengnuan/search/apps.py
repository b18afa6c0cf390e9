from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "chengnuan.search"
    label = "search"
