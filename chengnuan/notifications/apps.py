from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "chengnuan.notifications"
    label = "notifications"
    verbose_name = "消息"
