"""Segmentation, noise words, synonyms and the tokens index and query share."""

import pytest

from chengnuan.search.text import (
    Any,
    Term,
    alternatives,
    index_tokens,
    parse_query,
    query_words,
    word_expr,
)

# The shared cache-clearing fixture needs the database; these tests do not touch it otherwise.
pytestmark = pytest.mark.django_db


def test_job_ad_noise_words_are_dropped_from_the_query():
    assert query_words("急招普工长白班包吃住") == ["普工", "长白班", "包吃住"]


def test_noise_words_that_workers_search_for_are_kept():
    # 长白班 and 社保 are in the title-noise list, but the synonym table marks them as search words.
    assert query_words("长白班") == ["长白班"]
    assert query_words("社保") == ["社保"]


def test_stopwords_around_the_job_are_dropped():
    assert query_words("找个保洁的活") == ["保洁"]


def test_occupation_dictionary_keeps_job_titles_whole():
    assert query_words("叉车司机") == ["叉车司机"]
    assert query_words("沈阳日结") == ["沈阳", "日结"]


def test_unknown_single_characters_stay_together_as_one_word():
    assert query_words("普公") == ["普公"]
    assert query_words("普工 男") == ["普工", "男"]


def test_full_width_and_case_are_folded():
    assert query_words("ＣＮＣ") == ["cnc"]


def test_synonyms_expand_to_the_whole_group():
    words = parse_query("清洁工")
    assert "保洁" in words[0].alternatives
    assert "驾驶员" in alternatives("司机")


def test_synonyms_that_contain_a_shorter_synonym_add_nothing():
    # Every posting with 保洁员 also contains 保洁, so only 保洁 is looked up.
    assert "保洁员" not in alternatives("保洁")
    assert "保洁" in alternatives("保洁员")


def test_index_tokens_hold_characters_bigrams_and_longer_words():
    tokens = set(index_tokens("急招电焊工"))
    assert {"电", "焊", "工", "电焊", "焊工", "电焊工", "招电"} <= tokens


def test_noise_words_are_not_indexed_as_words_but_their_characters_are():
    tokens = set(index_tokens("生熟手均可"))
    assert "生熟手均可" not in tokens
    assert {"生熟", "均可"} <= tokens


def test_phone_numbers_are_not_indexed_but_short_numbers_are():
    tokens = index_tokens("电话13912345678 月薪5000")
    assert "13912345678" not in tokens
    assert "5000" in tokens


def test_a_long_word_matches_itself_or_all_of_its_bigrams():
    expr = word_expr("物流园")
    assert isinstance(expr, Any)
    assert Term("物流园") in expr.parts
    assert word_expr("普工") == Term("普工")
