"""The full-text index of search_document, one per database (see chengnuan/search/backends).

SQLite: an FTS5 table over the pre-segmented tokens (unicode61 splits on the spaces; "_" is a
token character so filter tokens like b_housing stay whole), with search_document as its
external content and triggers that keep the two in step. detail=none: the index holds only
which documents have a token, which is all the queries ask.

PostgreSQL: a tsvector column with a GIN index. A high statistics target lets the planner see
how common each token is (a rare word is otherwise guessed at 0.5% of rows and "newest 20"
walks the whole table). fastupdate off: queries never scan a growing pending list."""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
         title_tokens, body_tokens, content='search_document', content_rowid='id',
         tokenize="unicode61 tokenchars '_'", detail=none)""",
    """CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN
         INSERT INTO search_fts(rowid, title_tokens, body_tokens) VALUES (new.id, new.title_tokens, new.body_tokens);
       END""",
    """CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN
         INSERT INTO search_fts(search_fts, rowid, title_tokens, body_tokens)
         VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
       END""",
    """CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN
         INSERT INTO search_fts(search_fts, rowid, title_tokens, body_tokens)
         VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
         INSERT INTO search_fts(rowid, title_tokens, body_tokens) VALUES (new.id, new.title_tokens, new.body_tokens);
       END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_document_ai",
    "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_au",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    "ALTER TABLE search_document ADD COLUMN tsv tsvector NOT NULL DEFAULT ''::tsvector",
    "ALTER TABLE search_document ALTER COLUMN tsv SET STATISTICS 10000",
    "CREATE INDEX search_document_tsv ON search_document USING gin (tsv) WITH (fastupdate = off)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_document_tsv",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS tsv",
]


def forward(apps, schema_editor):
    statements = POSTGRES_FORWARD if schema_editor.connection.vendor == "postgresql" else SQLITE_FORWARD
    for sql in statements:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    statements = POSTGRES_BACKWARD if schema_editor.connection.vendor == "postgresql" else SQLITE_BACKWARD
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
