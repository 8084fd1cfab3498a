"""Known misses, kept visible: each must fail until the pipeline learns it (strict xfail)."""

import pytest

from pipeline import extract


@pytest.mark.xfail(strict=True, reason="a 'p' suffix ('40p') is read as pence only in a story that names Britain or "
                                       "writes pounds ('1080p' is a resolution); a company alone does not say so")
def test_pence_suffix(nlp):
    article = extract("Shares in Tesco rose 40p to 310p.")
    assert ("0.4", "GBP") in [(m.amount, m.currency) for m in article.money]


@pytest.mark.xfail(strict=True, reason="'points of sale' is read as the measure 'points'")
def test_points_of_sale(nlp):
    article = extract("The chain runs nearly 7,500 points of sale in Asia.")
    assert [(c.value, c.item) for c in article.counts] == [(7500, "point")]
