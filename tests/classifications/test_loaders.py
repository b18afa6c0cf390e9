import pytest

from chengnuan.classifications.loaders import occupation_parent_code, split_markers
from chengnuan.classifications.models import Industry, Occupation

pytestmark = pytest.mark.django_db


def test_cleaner_has_markers_stripped_into_their_own_field():
    cleaner = Occupation.objects.get(code="4-09-08-01")
    assert cleaner.name == "保洁员"
    assert cleaner.markers == "L"
    assert cleaner.level == 4
    assert cleaner.parent_id == "4-09-08-00"
    assert cleaner.alias_list()[:2] == ["保洁员", "清洁服务人员"]
    assert "清洁工" in cleaner.alias_list()


def test_green_and_digital_marker_both_kept():
    surveyor = Occupation.objects.get(code="2-02-02-01")
    assert surveyor.markers == "L/S"
    assert not surveyor.name.endswith(("L", "S"))


def test_no_loaded_name_keeps_a_marker():
    assert not Occupation.objects.filter(name__regex=r"(L|S)$").exists()


def test_parent_chain_follows_the_code_structure():
    welder = Occupation.objects.get(code="6-18-02-04")
    assert [welder.parent_id, welder.parent.parent_id, welder.parent.parent.parent_id] == [
        "6-18-02-00",
        "6-18-00-00",
        "6-00-00-00",
    ]
    assert welder.parent.parent.parent.parent_id is None


def test_occupation_whose_small_group_is_missing_from_the_file_has_no_parent():
    assert not Occupation.objects.filter(code="1-06-01-00").exists()
    assert Occupation.objects.get(code="1-06-01-01").parent_id is None


def test_detailed_occupation_printed_in_small_group_slot_hangs_on_middle_group():
    lawyer = Occupation.objects.get(code="2-07-04-00")
    assert (lawyer.level, lawyer.parent_id) == (4, "2-07-00-00")


def test_code_printed_twice_keeps_most_detailed_row():
    soil = Occupation.objects.get(code="2-03-01-00")
    assert soil.level == 4
    assert soil.definition


def test_manufacturing_section_and_its_chain():
    assert Industry.objects.get(code="C").name == "制造业"
    rice = Industry.objects.get(code="1311")
    assert (rice.level, rice.parent_id, rice.parent.parent_id, rice.parent.parent.parent_id) == (
        4,
        "131",
        "13",
        "C",
    )


def test_industry_class_without_its_group_row_hangs_on_the_division():
    assert not Industry.objects.filter(code="061").exists()
    assert Industry.objects.get(code="0610").parent_id == "06"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("保洁员L", ("保洁员", "L")),
        ("金融科技师S", ("金融科技师", "S")),
        ("地理信息系统工程技术人员L/S", ("地理信息系统工程技术人员", "L/S")),
        ("焊工", ("焊工", "")),
        ("SEO/SEM", ("SEO/SEM", "")),
    ],
)
def test_split_markers(raw, expected):
    assert split_markers(raw) == expected


def test_occupation_parent_code():
    assert occupation_parent_code("4-09-08-01") == "4-09-08-00"
    assert occupation_parent_code("4-09-08-00") == "4-09-00-00"
    assert occupation_parent_code("4-09-00-00") == "4-00-00-00"
    assert occupation_parent_code("4-00-00-00") is None
