"""python manage.py classify_titles < titles.txt > codes.tsv

One job title per input line -> one `code<TAB>name` line, in the same order, for clerks who
classify a survey's titles in bulk. A title we cannot place, and a blank line, give `-` and
an empty name, so the output lines up with the input line for line."""

import sys
from typing import Any, TextIO

from django.core.management.base import BaseCommand

from chengnuan.search.classify import suggest_occupation

UNCLASSIFIED = "-\t"


class Command(BaseCommand):
    help = "从标准输入逐行读职位名称，逐行输出「职业代码<TAB>职业名称」；认不出的输出「-」。"
    # call_command(..., stdin=...) in tests; the shell pipes into sys.stdin.
    stealth_options = ("stdin",)

    def handle(self, *args: Any, **options: Any) -> None:
        source: TextIO = options.get("stdin") or sys.stdin
        for raw in source:
            self.stdout.write(classified_line(raw.rstrip("\r\n")))


def classified_line(title: str) -> str:
    suggestion = suggest_occupation(title) if title.strip() else None
    if suggestion is None:
        return UNCLASSIFIED
    return f"{suggestion.code}\t{suggestion.name}"
