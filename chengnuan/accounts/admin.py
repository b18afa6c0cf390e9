"""The Django admin (at /django-admin/) is for a few administrators. It accepts only sessions
that passed the second factor, and its own password-only login page is replaced by the staff
sign-in (with its lockout)."""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django_otp.admin import OTPAdminSite

from chengnuan.accounts.models import ApiToken, SignInEnd, User
from chengnuan.accounts.services.sign_ins import api_token_revoke
from chengnuan.core.http import client_ip


class StaffAdminSite(OTPAdminSite):
    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        target = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return HttpResponseRedirect(
            f"{reverse('accounts:staff_login')}?{urlencode({'next': target})}"
        )


# Swapping the class keeps every app's @admin.register working on the default site.
admin.site.__class__ = StaffAdminSite


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = [
        "username",
        "kind",
        "display_name",
        "phone_masked",
        "role",
        "area",
        "department",
        "is_active",
        "closed_at",
    ]
    list_filter = ["kind", "role", "department", "is_active"]
    search_fields = ["username", "display_name", "area__code", "area__name"]
    readonly_fields = ["phone_masked", "closed_at", "last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["username", "password", "kind", "display_name", "phone_masked"]}),
        (
            "工作人员",
            {
                "fields": [
                    "role",
                    "area",
                    "department",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        ("状态", {"fields": ["is_active", "closed_at", "last_login", "date_joined"]}),
    ]
    raw_id_fields = ["area"]


@admin.action(description="作废所选令牌")
def revoke_tokens(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet[ApiToken]
) -> None:
    assert isinstance(request.user, User)
    for token in queryset.filter(revoked_at__isnull=True):
        api_token_revoke(
            token=token, actor=request.user, why=SignInEnd.BY_ADMIN, ip=client_ip(request)
        )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are listed and revoked here; new ones come from manage.py staff_api_token,
    which shows the key once."""

    list_display = ["name", "user", "created_at", "last_used_at", "expires_at", "revoked_at"]
    list_filter = ["revoked_at", "expires_at"]
    search_fields = ["name", "user__username"]
    readonly_fields = ["user", "name", "created_at", "last_used_at", "expires_at", "revoked_at"]
    actions = [revoke_tokens]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
