from django.apps import AppConfig


class EmploymentConfig(AppConfig):
    name = "chengnuan.employment"
    label = "employment"
