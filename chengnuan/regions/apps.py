from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "chengnuan.regions"
    label = "regions"
