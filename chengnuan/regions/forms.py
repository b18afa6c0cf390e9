"""Dependent region selects (市 → 县区 → 乡镇街道) that work without JavaScript: the form
redraws with the next level's options through the refresh button, or htmx in place."""

from django import forms

from chengnuan.core.forms import choice_errors, current_value
from chengnuan.regions.choices import city_choices, county_choices, township_choices


def region_select(label: str, *, required: bool, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, required=required, help_text=help_text, error_messages=choice_errors(label)
    )


def setup_region_fields(
    form: forms.BaseForm, *, city: str, county: str, township: str | None = None
) -> None:
    """Fill the choices of a 市 → 县区 (→ 乡镇街道) trio from what is chosen now. Choosing a
    county implies its city; townships appear once a county is chosen (the page redraws
    through the refresh button, or htmx when JavaScript is on)."""
    chosen_county = current_value(form, county)
    chosen_city = current_value(form, city) or chosen_county[:4]
    if not chosen_county and township:
        chosen_county = current_value(form, township)[:6]
    if not form.is_bound:
        form.initial.setdefault(city, chosen_city)
        form.initial.setdefault(county, chosen_county)
    city_field = form.fields[city]
    county_field = form.fields[county]
    assert isinstance(city_field, forms.ChoiceField)
    assert isinstance(county_field, forms.ChoiceField)
    city_field.choices = [("", "全部城市"), *city_choices()]
    county_field.choices = [("", "请选择县区"), *county_choices(chosen_city)]
    if township:
        township_field = form.fields[township]
        assert isinstance(township_field, forms.ChoiceField)
        options = township_choices(chosen_county)
        placeholder = "请选择乡镇街道" if options else "请先选县区"
        township_field.choices = [("", placeholder), *options]
