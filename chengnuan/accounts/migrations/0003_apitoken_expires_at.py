import datetime

from django.db import migrations, models
from django.db.models import F, Q
from django.utils import timezone

# Tokens made before expiry existed get one idle period of grace from the day this runs:
# nobody is signed out at the upgrade, and no old key lives on for ever. Staff scripts
# need a newly issued token (manage.py staff_api_token) within these 30 days.
GRACE = datetime.timedelta(days=30)


def give_existing_tokens_an_expiry(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.filter(expires_at__isnull=True).update(expires_at=timezone.now() + GRACE)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_phone_code_api_token"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="有效期至"),
        ),
        migrations.RunPython(give_existing_tokens_an_expiry, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(db_index=True, verbose_name="有效期至"),
        ),
        migrations.AddConstraint(
            model_name="apitoken",
            constraint=models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")),
                name="apitoken_expires_after_creation",
            ),
        ),
    ]
