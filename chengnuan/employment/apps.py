from django.apps import AppConfig


class EmploymentConfig(AppConfig):
    name = "chengnuan.employment"
    label = "employment"

    def ready(self) -> None:
        """Plug into the shared apps' registries: postings are a search document type."""
        from chengnuan.employment.search import POSTING_SOURCE
        from chengnuan.search.sources import register

        register(POSTING_SOURCE)
