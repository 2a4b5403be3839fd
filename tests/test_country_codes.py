"""Country codes given by users are read without importing pandas, as country_converter reads them."""

from __future__ import annotations


def test_a_country_code_is_resolved_as_country_converter_resolves_it():
    """resolve() checks a three-letter code against country_converter's data file (no pandas import): the same codes
    as country_converter's own conversion of each code of its file, and lower case too."""
    import country_converter as coco

    from multipolar.countries import _iso3_codes, resolve

    data = coco.CountryConverter().data
    for code in sorted({c for c in data["ISO3"] if isinstance(c, str) and len(c) == 3})[::7]:
        own = coco.convert(code, to="ISO3", not_found=None)
        if own == code:
            assert resolve(code.lower()) == code
        assert (code in _iso3_codes()) == (own == code), code
