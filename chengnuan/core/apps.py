from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "chengnuan.core"
    label = "core"
    verbose_name = "基础"
