from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "chengnuan.matching"
    label = "matching"

    def ready(self) -> None:
        """Plug into the shared apps: the push message is a notifications topic."""
        from chengnuan.matching.push_topic import register

        register()
