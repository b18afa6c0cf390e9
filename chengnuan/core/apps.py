from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "chengnuan.core"
    label = "core"
    verbose_name = "基础"

    def ready(self) -> None:
        from chengnuan.core import checks  # noqa: F401 (registers the deployment check)
