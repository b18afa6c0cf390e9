"""The job-title classifier on the real CSCO 2022 table (tests/conftest.py loads it)."""

import io
import itertools

import pytest
from django.core.management import call_command

from chengnuan.classifications.models import Occupation
from chengnuan.search.classify import (
    classify,
    reset_classifier,
    suggest_occupation,
)
from chengnuan.search.classify.cleaning import noise_words, title_phrases

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_model():
    """Each test sees a model built from the database as the test left it."""
    reset_classifier()
    yield
    reset_classifier()


def _code(title: str) -> str | None:
    suggestion = suggest_occupation(title)
    return suggestion.code if suggestion else None


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("保洁", "4-09-08-01"),
        ("电焊工", "6-18-02-04"),
        ("叉车司机", "6-30-05-01"),
        ("货车司机", "4-02-02-02"),
        ("厨师", "4-03-02-01"),
        ("保安员", "4-07-05-01"),
        ("育婴员", "4-10-01-03"),
        ("家政服务员", "4-10-01-06"),
        ("月嫂", "4-10-01-06"),
        ("快递员", "4-02-07-08"),
        ("钢筋工", "6-29-01-04"),
    ],
)
def test_common_blue_collar_titles_map_to_their_2022_occupation(title, code):
    assert _code(title) == code


@pytest.mark.parametrize("title", ["普工", "操作工", "作业员", "流水线工人"])
def test_general_factory_titles_map_to_the_production_group_not_a_guessed_trade(title):
    suggestion = suggest_occupation(title)
    assert suggestion is not None
    assert suggestion.code == "6-00-00-00"
    assert suggestion.name == "生产制造及有关人员"
    assert not suggestion.is_detailed


def test_ad_noise_around_the_job_word_is_ignored():
    assert _code("急招普工长白班包吃住") == "6-00-00-00"
    assert _code("物流园叉车司机日结") == "6-30-05-01"
    assert _code("【急招】保洁阿姨 月薪3500 包吃住 做六休一") == "4-09-08-01"
    assert _code("沈阳 电焊工 300元/天 日结") == "6-18-02-04"


def test_the_suggestion_says_which_words_it_rests_on():
    suggestion = suggest_occupation("急招电焊工包吃住")
    assert suggestion is not None
    assert suggestion.matched == "电焊工"
    assert suggestion.is_detailed
    assert suggestion.score > 0


def test_noise_words_and_figures_are_stripped_and_separators_split_jobs():
    suggestion_model_words = {"普工", "包装工", "长白班"}
    phrases = title_phrases(
        "急招普工/包装工（长白班）6-9K包吃住",
        noise=noise_words(),
        is_job_word=lambda text: text in suggestion_model_words - {"长白班"},
        longest=3,
    )
    assert phrases == ["普工", "包装工"]


def test_a_noise_word_inside_a_job_word_is_kept():
    phrases = title_phrases(
        "长期护理员", noise=noise_words(), is_job_word={"护理员"}.__contains__, longest=3
    )
    assert phrases == ["护理员"]
    phrases = title_phrases(
        "小时工", noise=noise_words(), is_job_word={"小时工"}.__contains__, longest=3
    )
    assert phrases == ["小时工"]


def test_spaces_typed_inside_a_word_do_not_split_it():
    assert _code("操 作 工") == "6-00-00-00"


def test_a_title_naming_several_jobs_suggests_the_first():
    assert _code("理货员、叉车司机") == "4-02-06-02"
    codes = [c.code for c in classify("理货员、叉车司机")]
    assert "6-30-05-01" in codes


@pytest.mark.parametrize(
    "title",
    ["", "   ", "asdfgh", "上山打老虎", "今天天气不错", "123456", "包吃住 日结", "有限公司"],
)
def test_empty_gibberish_and_pure_noise_are_unclassified(title):
    assert suggest_occupation(title) is None
    assert classify(title) == []


def test_classify_ranks_at_most_top_k_best_first():
    candidates = classify("司机", top_k=2)
    assert [c.code for c in candidates][:1] == ["4-02-02-01"]
    assert len(candidates) <= 2
    assert all(a.score >= b.score for a, b in itertools.pairwise(candidates))
    assert all(c.name for c in candidates)


def test_an_ambiguous_trade_word_falls_back_to_its_group():
    suggestion = suggest_occupation("装配工")
    assert suggestion is not None
    assert suggestion.code == "6-00-00-00"


def test_what_a_title_assembles_must_show_in_a_guess_made_by_resemblance():
    # 手机装配工 resembles 飞机装配工 letter by letter; what it says is only "an assembler".
    assert _code("手机装配工") == "6-00-00-00"
    assert "6-23-03-01" not in [c.code for c in classify("手机装配工")]


def test_model_is_built_from_the_occupation_table():
    assert suggest_occupation("扫马路") is None
    occupation = Occupation.objects.get(code="4-09-08-01")
    occupation.aliases += ",扫马路"
    occupation.save()
    assert suggest_occupation("扫马路") is None  # cached until reset
    reset_classifier()
    assert _code("扫马路") == "4-09-08-01"


def test_an_empty_occupation_table_is_reported_not_guessed():
    Occupation.objects.update(parent=None)  # the parent link is protected
    Occupation.objects.all().delete()
    with pytest.raises(RuntimeError, match="load_reference"):
        suggest_occupation("普工")


def _run_command(text: str) -> list[str]:
    out = io.StringIO()
    call_command("classify_titles", stdin=io.StringIO(text), stdout=out)
    return out.getvalue().split("\n")


def test_command_writes_one_code_and_name_line_per_input_line():
    lines = _run_command("急招普工长白班包吃住\n物流园叉车司机日结\n保洁\n")
    assert lines == [
        "6-00-00-00\t生产制造及有关人员",
        "6-30-05-01\t起重装卸机械操作工",
        "4-09-08-01\t保洁员",
        "",
    ]


def test_command_keeps_blank_and_unknown_lines_in_place():
    lines = _run_command("保洁\n\nasdf\n   \n电焊工")
    assert lines == ["4-09-08-01\t保洁员", "-\t", "-\t", "-\t", "6-18-02-04\t焊工", ""]


def test_command_accepts_windows_line_endings():
    assert _run_command("保洁\r\n\r\n") == ["4-09-08-01\t保洁员", "-\t", ""]


def test_command_on_empty_input_writes_nothing():
    assert _run_command("") == [""]
