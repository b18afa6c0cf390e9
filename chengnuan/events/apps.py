from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "chengnuan.events"
    label = "events"
    verbose_name = "招聘会"
