from django.db import models


class SearchDocument(models.Model):
    """One searchable thing (a posting now; gigs, courses, policies later), keyed by doc_type
    and doc_id. Its tokens live outside the ORM, per database (migration 0002):
    SQLite keeps them in title_tokens / body_tokens, indexed by the FTS5 table search_fts
    that triggers keep in step; PostgreSQL keeps them in a tsv column with a GIN index.
    On SQLite, change this table only with RunSQL: a Django table remake drops the triggers.

    The primary key is an ordering key, not a counter (see keys.py): doc type in the top
    digits, then the publication time, so "newest first" and "posted within N days" are rowid
    order and a rowid range inside the full-text index itself."""

    id = models.BigIntegerField(primary_key=True)
    doc_type = models.CharField(max_length=16)
    doc_id = models.BigIntegerField()
    published_at = models.DateTimeField()
    # Monthly figure for filters and sorting; null when there is none (piece rates).
    wage_min = models.PositiveIntegerField(null=True, blank=True)
    lng = models.FloatField(null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    # Space-joined tokens. Read by SQLite's FTS5 (external content); PostgreSQL leaves them
    # empty and keeps the same tokens in tsv.
    title_tokens = models.TextField(blank=True, default="")
    body_tokens = models.TextField(blank=True, default="")

    class Meta:
        db_table = "search_document"
        constraints = [
            models.UniqueConstraint(
                fields=["doc_type", "doc_id"], name="search_document_unique_doc"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.doc_type}#{self.doc_id}"
