from django.apps import AppConfig


class EmploymentConfig(AppConfig):
    name = "chengnuan.employment"
    label = "employment"

    def ready(self) -> None:
        """Plug into the shared apps' registries: postings are a search document type; job
        seekers' choices decide how notifications reach them."""
        from chengnuan.employment.notify import seeker_preferences, seekers_preferences
        from chengnuan.employment.search import POSTING_SOURCE
        from chengnuan.notifications.preferences import register_preferences
        from chengnuan.search.sources import register

        register(POSTING_SOURCE)
        register_preferences(seeker_preferences, bulk=seekers_preferences)
