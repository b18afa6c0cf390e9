from django.contrib import admin

from chengnuan.core.models import WorkdayOverride


@admin.register(WorkdayOverride)
class WorkdayOverrideAdmin(admin.ModelAdmin):
    """Staff keep the working-day calendar here: each row wins over the built-in calendar."""

    list_display = ["date", "is_workday", "note", "updated_at"]
    list_filter = ["is_workday"]
    date_hierarchy = "date"
    search_fields = ["note"]
