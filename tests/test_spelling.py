"""English spelling variants fold to one form in the search index (generator/site/spelling.py)."""

from __future__ import annotations

import pytest

from generator.site.spelling import fold

SAME = [
    ("fertilizer", "fertiliser"),
    ("fertilizers", "fertilisers"),
    ("organization", "organisation"),
    ("pasteurized", "pasteurised"),
    ("analyze", "analyse"),
    ("color", "colour"),
    ("colorfast", "colourfast"),
    ("flavored", "flavoured"),
    ("center", "centre"),
    ("liters", "litres"),
    ("fiber", "fibre"),
    ("catalog", "catalogue"),
    ("traveled", "travelled"),
    ("labeling", "labelling"),
    ("mold", "mould"),
    ("sulfate", "sulphate"),
    ("aluminum", "aluminium"),
    ("gray", "grey"),
    ("program", "programme"),
    ("license", "licence"),
    ("tires", "tyres"),
    ("aging", "ageing"),
    ("dryer", "drier"),
    ("practiced", "practised"),
    ("plowing", "ploughing"),
    ("yogurt", "yoghurt"),
    ("chilies", "chillies"),
]
# Words that must keep their own form: short words the rules leave alone, and words that only look like a variant.
KEPT = [
    "hour",
    "four",
    "your",
    "tour",
    "size",
    "prize",
    "seize",
    "citizen",
    "there",
    "more",
    "store",
    "structure",
    "water",
    "vogue",
    "tellers",
    "gmp",
    "otop",
    "2024",
    "เชียงใหม่",
]


@pytest.mark.parametrize(("american", "british"), SAME)
def test_both_spellings_fold_to_one_word(american: str, british: str) -> None:
    assert fold(american) == fold(british)


@pytest.mark.parametrize("word", KEPT)
def test_other_words_are_left_alone(word: str) -> None:
    assert fold(word) == word


def test_a_half_typed_word_folds_as_the_whole_one_begins() -> None:
    assert fold("fertilise").startswith(fold("fertiliz")) and fold("analyse").startswith(fold("analyz"))
