"""Search over real index tables (FTS5 on SQLite, tsvector on PostgreSQL): words, filters,
sorts, index updates and suggestions."""

import datetime
import random

import pytest
from django.utils import timezone

from chengnuan.employment.choices import ContractType, EmployerStatus, PostingStatus
from chengnuan.employment.search import postings_changed
from chengnuan.search import index
from chengnuan.search.query import Query, Sort, search
from tests.factories import (
    DALIAN_GANJINGZI,
    SHENYANG_TIEXI,
    SHENYANG_TIEXI_TOWNSHIP,
    EmployerFactory,
)
from tests.search.factories import found, indexed_posting, posting_filters

pytestmark = pytest.mark.django_db

SHENYANG_POINT = (123.35, 41.80)


# --- words ------------------------------------------------------------------------------------


def test_a_word_finds_the_posting_that_has_it_and_not_the_others():
    welder = indexed_posting(title="电焊工", description="持证上岗")
    indexed_posting(title="保洁员", description="小区保洁")
    assert found("电焊工") == [welder.id]


def test_a_two_character_word_is_found_however_the_segmenter_cut_the_posting():
    # The segmenter cuts 「急招普工长白班」 around 普工; 「工长」 is only a pair of characters.
    posting = indexed_posting(title="急招普工长白班", description="")
    assert found("普工") == [posting.id]
    assert found("工长") == [posting.id]


def test_every_two_character_substring_finds_its_postings():
    """Recall against a substring scan, on postings made of random job-ad characters."""
    rng = random.Random(3)
    alphabet = "普工保洁司机电焊叉车厨师包住日结沈阳大连长白班服务员快递"
    postings = [
        indexed_posting(
            title="".join(rng.choice(alphabet) for _ in range(6)),
            description="".join(rng.choice(alphabet) for _ in range(12)),
        )
        for _ in range(12)
    ]
    pairs = {p.title[i : i + 2] for p in postings for i in range(len(p.title) - 1)}
    for pair in sorted(pairs)[:40]:
        expected = {p.id for p in postings if pair in p.title + " " + p.description}
        got = {h.doc_id for h in search("posting", Query(text=pair, per_page=50)).hits}
        assert expected <= got, pair


def test_a_one_character_word_works():
    posting = indexed_posting(title="电焊工", description="")
    assert found("焊") == [posting.id]


def test_a_longer_word_the_posting_never_had_as_a_word_still_matches_by_its_characters():
    posting = indexed_posting(title="仓库管理", description="物流园区内工作")
    assert found("物流园") == [posting.id]


def test_every_query_word_must_match():
    driver_with_housing = indexed_posting(title="货车司机", benefits=["housing"])
    indexed_posting(title="货车司机", benefits=[])
    indexed_posting(title="保洁员", benefits=["housing"])
    assert found("司机 包住") == [driver_with_housing.id]


def test_synonyms_find_postings_that_use_another_word():
    cleaner = indexed_posting(title="清洁工", description="")
    assert found("保洁") == [cleaner.id]
    assert found("保洁员") == [cleaner.id]


def test_noise_words_in_the_query_do_not_have_to_match():
    posting = indexed_posting(title="普工", description="电子厂")
    assert found("急招普工") == [posting.id]


def test_place_names_are_searchable_words():
    shenyang = indexed_posting(title="装卸工", county_id=SHENYANG_TIEXI, benefits=["daily_pay"])
    indexed_posting(
        title="装卸工",
        county_id=DALIAN_GANJINGZI,
        benefits=["daily_pay"],
        employer=EmployerFactory(name="大连港务公司", county_id=DALIAN_GANJINGZI),
    )
    assert found("沈阳 日结") == [shenyang.id]


def test_a_word_no_posting_has_finds_nothing():
    indexed_posting(title="普工")
    assert found("飞行员") == []


# --- filters ----------------------------------------------------------------------------------


def test_area_filter_by_city_county_and_township():
    tiexi = indexed_posting(
        title="普工", county_id=SHENYANG_TIEXI, township_id=SHENYANG_TIEXI_TOWNSHIP
    )
    dalian = indexed_posting(title="普工", county_id=DALIAN_GANJINGZI)
    assert found("普工", filters=posting_filters(area="2101")) == [tiexi.id]
    assert found("普工", filters=posting_filters(area="210211")) == [dalian.id]
    assert found("普工", filters=posting_filters(area=SHENYANG_TIEXI_TOWNSHIP)) == [tiexi.id]
    assert set(found("普工", filters=posting_filters(area="21"))) == {tiexi.id, dalian.id}


def test_occupation_filter_by_major_group_and_code():
    welder = indexed_posting(title="电焊工", occupation_id="6-18-02-04")
    cleaner = indexed_posting(title="保洁员", occupation_id="4-09-08-01")
    assert found(filters=posting_filters(occupation="6")) == [welder.id]
    assert found(filters=posting_filters(occupation="4-09")) == [cleaner.id]


def test_minimum_wage_filter_is_exact_between_indexed_steps():
    low = indexed_posting(title="普工", monthly_wage_min=5000, wage_min=5000, wage_max=6000)
    high = indexed_posting(title="普工", monthly_wage_min=5300, wage_min=5300, wage_max=6000)
    assert found("普工", filters=posting_filters(min_wage=5000)) == [high.id, low.id]
    assert found("普工", filters=posting_filters(min_wage=5200)) == [high.id]
    assert found(filters=posting_filters(min_wage=5500)) == []


def test_benefit_filters_must_all_hold():
    both = indexed_posting(title="普工", benefits=["meals", "housing"])
    indexed_posting(title="普工", benefits=["housing"])
    assert found(filters=posting_filters(benefits=("meals", "housing"))) == [both.id]


def test_open_to_older_workers_filter():
    older = indexed_posting(title="保安", open_to_older=True)
    indexed_posting(title="保安", open_to_older=False)
    assert found("保安", filters=posting_filters(older=True)) == [older.id]


def test_contract_type_filter():
    part_time = indexed_posting(title="服务员", contract_type=ContractType.PART_TIME)
    indexed_posting(title="服务员", contract_type=ContractType.FULL_TIME)
    assert found("服务员", filters=posting_filters(contract=ContractType.PART_TIME)) == [
        part_time.id
    ]


def test_posted_within_days_filter():
    recent = indexed_posting(title="厨师", published_at=timezone.now() - datetime.timedelta(days=2))
    indexed_posting(title="厨师", published_at=timezone.now() - datetime.timedelta(days=20))
    assert found("厨师", filters=posting_filters(days=7)) == [recent.id]


# --- sorts ------------------------------------------------------------------------------------


def test_newest_first():
    now = timezone.now()
    old = indexed_posting(title="普工", published_at=now - datetime.timedelta(days=9))
    new = indexed_posting(title="普工", published_at=now - datetime.timedelta(hours=1))
    middle = indexed_posting(title="普工", published_at=now - datetime.timedelta(days=3))
    assert found("普工", sort=Sort.NEWEST) == [new.id, middle.id, old.id]


def test_a_synonym_does_not_chain_through_a_longer_word_of_another_job():
    """普工 ~ 操作工, and the forklift driver's occupation is 起重装卸机械操作工: that is a
    forklift job, not a 普工 one. The word typed itself still finds it."""
    line_worker = indexed_posting(title="电子厂操作工", description="")
    forklift = indexed_posting(
        title="叉车司机", description="开叉车装卸货物", occupation_id="6-30-05-01"
    )
    assert found("普工") == [line_worker.id]
    assert found("操作工", sort=Sort.NEWEST) == [forklift.id, line_worker.id]


def test_a_synonym_does_not_chain_into_another_synonym_group():
    helper = indexed_posting(title="厨房杂工", description="")  # 帮厨's word
    odd_jobs = indexed_posting(title="杂工", description="工地")
    assert found("小工") == [odd_jobs.id]  # 小工 ~ 杂工, but 厨房杂工 is 帮厨
    assert helper.id in found("帮厨")


def test_relevance_puts_the_word_in_the_title_before_a_mention_in_the_text():
    mention = indexed_posting(title="仓库管理员", description="也可以做普工")
    title = indexed_posting(title="普工", description="电子厂")
    assert found("普工", sort=Sort.RELEVANCE) == [title.id, mention.id]


def test_relevance_puts_the_word_typed_before_a_synonym():
    for title in ("保洁员", "厨师", "保安", "司机"):  # a corpus, so BM25 has something to weigh
        indexed_posting(title=title)
    synonym = indexed_posting(title="操作工", description="")
    exact = indexed_posting(
        title="普工", description="", published_at=timezone.now() - datetime.timedelta(days=5)
    )
    assert found("普工") == [exact.id, synonym.id]


def test_relevance_prefers_fresh_postings_when_the_match_is_equal():
    old = indexed_posting(title="保安", published_at=timezone.now() - datetime.timedelta(days=40))
    new = indexed_posting(title="保安", published_at=timezone.now() - datetime.timedelta(days=1))
    assert found("保安") == [new.id, old.id]


def test_by_wage_the_word_typed_comes_before_a_synonym_then_best_paid_first():
    synonym = indexed_posting(title="操作工", monthly_wage_min=9000)
    low = indexed_posting(title="普工", monthly_wage_min=4000)
    high = indexed_posting(title="普工", monthly_wage_min=6000)
    assert found("普工", sort=Sort.WAGE) == [high.id, low.id, synonym.id]
    assert found("普工", sort=Sort.WAGE, per_page=1, page=3) == [synonym.id]


def test_highest_wage_first_with_piece_rates_last():
    piece = indexed_posting(
        title="缝纫工",
        wage_unit="piece",
        monthly_wage_min=None,
        monthly_wage_max=None,
        wage_min=1,
        wage_max=2,
    )
    mid = indexed_posting(title="缝纫工", monthly_wage_min=5200, wage_min=5200, wage_max=5400)
    top = indexed_posting(title="缝纫工", monthly_wage_min=9100, wage_min=9100, wage_max=9900)
    low = indexed_posting(title="缝纫工", monthly_wage_min=5100, wage_min=5100, wage_max=5400)
    assert found("缝纫工", sort=Sort.WAGE) == [top.id, mid.id, low.id, piece.id]


def test_nearest_first_with_distance():
    far = indexed_posting(title="普工", county_id=DALIAN_GANJINGZI, lng=121.56, lat=38.95)
    near = indexed_posting(title="普工", lng=123.36, lat=41.80)
    middle = indexed_posting(title="普工", lng=123.60, lat=41.90)
    result = search("posting", Query(text="普工", sort=Sort.DISTANCE, origin=SHENYANG_POINT))
    assert [h.doc_id for h in result.hits] == [near.id, middle.id, far.id]
    assert result.hits[0].distance_km is not None and result.hits[0].distance_km < 2
    assert 300 < (result.hits[2].distance_km or 0) < 450


def test_posting_without_a_pin_is_placed_at_its_township():
    posting = indexed_posting(title="普工", lng=None, lat=None, township_id=SHENYANG_TIEXI_TOWNSHIP)
    result = search("posting", Query(text="普工", sort=Sort.DISTANCE, origin=SHENYANG_POINT))
    assert result.hits[0].doc_id == posting.id
    assert result.hits[0].distance_km is not None


def test_pages_do_not_repeat_or_skip():
    postings = [
        indexed_posting(title="普工", published_at=timezone.now() - datetime.timedelta(minutes=i))
        for i in range(5)
    ]
    first = search("posting", Query(text="普工", sort=Sort.NEWEST, per_page=2))
    second = search("posting", Query(text="普工", sort=Sort.NEWEST, per_page=2, page=2))
    third = search("posting", Query(text="普工", sort=Sort.NEWEST, per_page=2, page=3))
    assert first.has_more and second.has_more and not third.has_more
    ids = [h.doc_id for r in (first, second, third) for h in r.hits]
    assert ids == [p.id for p in postings]


# --- index updates ----------------------------------------------------------------------------


def test_a_closed_posting_no_longer_shows():
    posting = indexed_posting(title="叉车司机")
    assert found("叉车") == [posting.id]
    posting.status = PostingStatus.CLOSED
    posting.closed_at = timezone.now()
    posting.save()
    postings_changed([posting.id])
    assert found("叉车") == []


def test_a_new_posting_shows_and_an_edit_changes_what_finds_it():
    assert found("瓦工") == []
    posting = indexed_posting(title="瓦工")
    assert found("瓦工") == [posting.id]
    posting.title = "木工"
    posting.save()
    postings_changed([posting.id])
    assert found("瓦工") == []
    assert found("木匠") == [posting.id]


def test_postings_of_a_suspended_employer_vanish():
    posting = indexed_posting(title="保安")
    posting.employer.status = EmployerStatus.SUSPENDED
    posting.employer.save()
    postings_changed([posting.id])
    assert found("保安") == []


def test_a_pending_posting_is_not_indexed():
    indexed_posting(title="保安", status=PostingStatus.PENDING, published_at=None)
    assert found("保安") == []


def test_rebuild_all_indexes_every_public_posting_and_nothing_else():
    public = indexed_posting(title="电工")
    hidden = indexed_posting(title="电工")
    hidden.status = PostingStatus.CLOSED
    hidden.save()  # no postings_changed: the rebuild must still leave it out
    report = index.rebuild_all(workers=1)
    assert report.documents >= 1
    assert found("电工") == [public.id]


def test_two_postings_published_in_the_same_millisecond_both_show():
    moment = timezone.now()
    first = indexed_posting(title="焊工", published_at=moment)
    second = indexed_posting(title="焊工", published_at=moment, id=first.id + 1000)
    assert set(found("焊工")) == {first.id, second.id}


# --- suggestions ------------------------------------------------------------------------------


def test_pinyin_initials_suggest_the_word():
    indexed_posting(title="普工")
    result = search("posting", Query(text="pg"))
    assert result.hits == []
    assert [s.text for s in result.suggestions][:1] == ["普工"]


def test_a_homophone_typo_suggests_the_right_word():
    indexed_posting(title="保洁员")
    result = search("posting", Query(text="保结"))
    assert result.hits == []
    assert "保洁" in [s.text for s in result.suggestions]


def test_a_word_that_spoils_the_query_is_suggested_for_dropping():
    indexed_posting(title="普工")
    result = search("posting", Query(text="普工 飞行员"))
    assert [(s.text, s.reason) for s in result.suggestions] == [("普工", "去掉「飞行员」试试")]


def test_filters_that_leave_nothing_are_suggested_for_dropping():
    indexed_posting(title="普工", county_id=SHENYANG_TIEXI)
    result = search("posting", Query(text="普工", filters=posting_filters(area="2102")))
    assert [s.drop_filters for s in result.suggestions] == [True]


# --- through the employment services (their on-commit hook is the real trigger) ---------------


def test_closing_through_the_service_removes_the_posting_at_commit(
    django_capture_on_commit_callbacks,
):
    from chengnuan.employment.services.postings import posting_close

    posting = indexed_posting(title="钢筋工")
    with django_capture_on_commit_callbacks(execute=True):
        posting_close(posting=posting, actor=None)
    assert found("钢筋工") == []


def test_approving_through_the_service_makes_the_posting_show_at_commit(
    django_capture_on_commit_callbacks,
):
    from chengnuan.employment.services.postings import posting_review
    from tests.factories import StaffFactory

    posting = indexed_posting(title="架子工", status=PostingStatus.PENDING, published_at=None)
    assert found("架子工") == []
    with django_capture_on_commit_callbacks(execute=True):
        posting_review(posting=posting, actor=StaffFactory(), approve=True)
    assert found("架子工") == [posting.id]


def test_relevance_pages_go_on_past_the_ranked_window(monkeypatch):
    from chengnuan.search import query

    monkeypatch.setattr(query, "WINDOW", 2)
    postings = [
        indexed_posting(title="普工", published_at=timezone.now() - datetime.timedelta(hours=i))
        for i in range(5)
    ]
    pages = [search("posting", Query(text="普工", per_page=2, page=n)) for n in (1, 2, 3)]
    ids = [h.doc_id for page in pages for h in page.hits]
    assert sorted(ids) == sorted(p.id for p in postings)
    assert [page.has_more for page in pages] == [True, True, False]


def test_other_doc_types_share_the_index_and_survive_a_posting_rebuild(monkeypatch):
    from chengnuan.search import sources
    from chengnuan.search.backends import backend
    from chengnuan.search.documents import SourceDoc, to_row

    gig = SourceDoc(
        doc_type="gig", doc_id=7, published_at=timezone.now(), title="搬家小工", body=["今天日结"]
    )
    gig_source = sources.DocumentSource(
        doc_type="gig", code=2, documents=lambda ids: [], id_chunks=list
    )
    monkeypatch.setitem(sources._sources, "gig", gig_source)  # as a gigs app would register
    backend().insert([to_row(gig)])
    posting = indexed_posting(title="搬家公司司机")
    index.rebuild_all(workers=1, doc_types=["posting"])
    assert [h.doc_id for h in search("gig", Query(text="搬家")).hits] == [7]
    assert found("搬家") == [posting.id]


# --- places typed ------------------------------------------------------------------------------


def test_a_city_typed_is_an_area_not_a_word():
    """「沈阳 日结」: a 大连 posting whose text mentions 沈阳 is not a job in 沈阳."""
    in_shenyang = indexed_posting(title="日结普工", county_id=SHENYANG_TIEXI)
    indexed_posting(title="日结普工", description="沈阳老板", county_id=DALIAN_GANJINGZI)
    result = search("posting", Query(text="沈阳 日结"))
    assert [h.doc_id for h in result.hits] == [in_shenyang.id]
    assert [(p.word, p.codes) for p in result.places] == [("沈阳", ("2101",))]
    assert [w.word for w in result.words] == ["日结"]


def test_a_county_typed_without_its_suffix_is_an_area():
    jinzhou = indexed_posting(title="保洁", county_id="210213")  # 大连市金州区
    indexed_posting(title="保洁", county_id=DALIAN_GANJINGZI)
    assert found("金州 保洁") == [jinzhou.id]


def test_a_county_name_two_cities_share_means_both_unless_the_city_is_typed():
    shenyang = indexed_posting(title="普工", county_id=SHENYANG_TIEXI)
    anshan = indexed_posting(title="普工", county_id="210303")  # 鞍山市铁西区
    indexed_posting(title="普工", county_id=DALIAN_GANJINGZI)
    result = search("posting", Query(text="铁西区 普工", sort=Sort.NEWEST))
    assert [h.doc_id for h in result.hits] == [anshan.id, shenyang.id]
    assert result.places[0].labels == ("沈阳市铁西区", "鞍山市铁西区")
    assert found("沈阳 铁西区 普工") == [shenyang.id]
