from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "chengnuan.applications"
    label = "applications"
    verbose_name = "求职申请与面试"

    def ready(self) -> None:
        """Plug into the shared apps: the messages each step sends are notification topics."""
        from chengnuan.applications.notify import register_topics

        register_topics()
