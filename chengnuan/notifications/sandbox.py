"""The only tags and filters message templates may use: Django's built-in ones that read the
context and format it. Nothing that loads or includes a file, reaches a URL, prints debug
information or turns autoescaping off (autoescape tag, safe filters, filters that write HTML)."""

from django.template import Library, defaultfilters, defaulttags

ALLOWED_TAGS = {"comment", "cycle", "firstof", "for", "if", "ifchanged", "now", "with"}
REFUSED_FILTERS = {
    "safe",
    "safeseq",
    "json_script",
    "urlize",
    "urlizetrunc",
    "linebreaks",
    "linebreaksbr",
    "pprint",
    "unordered_list",
}

register = Library()
register.tags = {k: v for k, v in defaulttags.register.tags.items() if k in ALLOWED_TAGS}
register.filters = {
    k: v for k, v in defaultfilters.register.filters.items() if k not in REFUSED_FILTERS
}
