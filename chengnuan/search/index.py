"""Placeholder until the search index lands (issue 3): the employment services call this after
commit with the ids of postings whose searchable content or status changed."""


def postings_changed(posting_ids: list[int]) -> None:
    return None
