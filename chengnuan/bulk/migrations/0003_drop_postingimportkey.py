# The dedupe key of imported postings moves from bulk's own table onto the posting
# (employment.Posting.import_key, written by employment's bulk services). The keys already
# recorded are copied first, so a sheet imported before this still adds nothing when
# uploaded again. PostingImportKey.job was never read; it is not kept.

from django.db import migrations
from django.db.models import OuterRef, Subquery


def copy_keys_to_postings(apps, schema_editor):
    Posting = apps.get_model("employment", "Posting")
    PostingImportKey = apps.get_model("bulk", "PostingImportKey")
    keys = PostingImportKey.objects.filter(posting_id=OuterRef("pk")).values("key_hash")[:1]
    Posting.objects.filter(pk__in=PostingImportKey.objects.values("posting_id")).update(
        import_key=Subquery(keys)
    )


def copy_keys_back(apps, schema_editor):
    Posting = apps.get_model("employment", "Posting")
    PostingImportKey = apps.get_model("bulk", "PostingImportKey")
    imported = Posting.objects.exclude(import_key=None).values_list("pk", "import_key")
    PostingImportKey.objects.bulk_create(
        (PostingImportKey(posting_id=pk, key_hash=key) for pk, key in imported.iterator()),
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("bulk", "0002_importjob_lease"),
        ("employment", "0004_posting_import_key"),
    ]

    operations = [
        migrations.RunPython(copy_keys_to_postings, copy_keys_back, elidable=True),
        migrations.DeleteModel(
            name="PostingImportKey",
        ),
    ]
