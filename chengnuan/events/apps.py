from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "chengnuan.events"
    label = "events"
    verbose_name = "招聘会"

    def ready(self) -> None:
        """Plug into the shared apps' registries: the messages of job fairs are topics."""
        from chengnuan.events.notify import register_topics

        register_topics()
