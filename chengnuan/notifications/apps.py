from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "chengnuan.notifications"
    label = "notifications"
    verbose_name = "消息"

    def ready(self) -> None:
        from chengnuan.notifications import channels  # noqa: F401 (registers its system check)
