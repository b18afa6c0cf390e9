"""The worker's own 求职登记 on a phone: what it refuses, said next to the field, and the
户籍地 list, read as a person reads it."""

import datetime
import re

import pytest

from tests.browser.test_journeys import choose_region, sign_in_by_sms
from tests.factories import make_id_number

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAVE = re.compile("保存|提交|登记")


def test_the_hukou_county_list_says_which_city_each_county_is_in(new_page, sms_outbox):
    page = new_page()
    sign_in_by_sms(page, sms_outbox, phone="13912345678", role_label="我是求职者")
    page.goto("/me/registration/")
    options = page.locator("select[name=hukou_area_code] option").all_inner_texts()
    counties = [text for text in options if text not in {"不选", "请先选省份"}]
    assert len(counties) > 90
    assert len(set(counties)) == len(counties)  # 铁西区 no longer twice
    assert "沈阳市 铁西区" in counties and "鞍山市 铁西区" in counties
    page.locator("select[name=hukou_area_code]").select_option(label="鞍山市 铁西区")
    assert page.locator("select[name=hukou_area_code]").input_value() == "210303"


def test_an_implausible_birth_date_start_date_and_name_are_refused_plainly(new_page, sms_outbox):
    page = new_page()
    sign_in_by_sms(page, sms_outbox, phone="13912345678", role_label="我是求职者")
    page.goto("/me/registration/")
    page.get_by_label("姓名").fill("<b>李建国</b>😀")
    page.get_by_label("身份证号").fill(make_id_number(birth=datetime.date(1900, 3, 9)))
    page.get_by_label("手机号").fill("13912345678")
    choose_region(page, city="沈阳市", county="铁西区", township="昆明湖街道", prefix="residence")
    page.get_by_label("最早哪天能上岗").fill("1900-01-01")
    page.get_by_label("我已阅读并同意").check()
    page.get_by_role("button", name=SAVE).first.click()

    page.get_by_text("姓名只能是汉字").first.wait_for()
    main = page.locator("main").inner_text()
    assert "这不太可能" in main and "第7到14位" in main
    assert "已经过去很久了" in main
    assert page.get_by_label("姓名").input_value() == "<b>李建国</b>😀"  # kept to correct

    page.get_by_label("姓名").fill("买买提·艾力")
    page.get_by_label("身份证号").fill(make_id_number(birth=datetime.date(1972, 3, 9)))
    page.get_by_label("最早哪天能上岗").fill("")
    page.get_by_label("我已阅读并同意").check()
    page.get_by_role("button", name=SAVE).first.click()
    page.get_by_text("买买提·艾力").first.wait_for()

    page.goto("/me/registration/edit/")
    id_field = page.get_by_label("身份证号")
    assert id_field.is_disabled() and "*" in id_field.input_value()
    assert "服务站" in page.locator("main").inner_text()
