"""The toll of an incident told in several mentions (graph/extract/events/absorb.py, ``_merged_toll``): ACLED's
rule picks it. Conflicting reports of the same dead give the lowest figure; a later update of the toll gives the
update's total; a single victim told beside a count of several is one of them and never lowers the total."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.records import Article
from tests.test_coref import mention, merge_mentions

GROUP, ARMY = "Al-Shabaab", "Military Forces of Kenya"


@pytest.mark.parametrize(
    ("later", "toll"),
    [
        # another source's lower figure of the same dead: the lowest
        (mention("The army said the raid killed six soldiers.", actors=(None, ARMY), toll=6, told="raid"), 6),
        # a higher figure from another source is a conflicting report too: the lowest stays
        (mention("A local official said the raid killed eleven soldiers.", actors=(None, ARMY), toll=11,
                 told="raid"), 9),
        # the toll updated: its new total
        (mention("The death toll from the raid rose to 13 on Thursday.", toll=13, date="2024-03-21"), 13),
        # one victim singled out is one of the dead, not a report of one dead
        (mention("The camp's commander, a major, was among the dead.", actors=(None, ARMY), toll=1), 9),
    ],
)
def test_a_later_mention_s_toll_by_acled_s_rule(later, toll):
    merged = merge_mentions([
        mention("Al-Shabaab fighters raided an army camp near Lamu, killing nine soldiers.", actors=(GROUP, ARMY),
                place="Lamu", toll=9),
        later,
    ])
    assert [e.fatalities for e in merged] == [toll]


def test_a_single_victim_told_first_does_not_cap_the_total_told_after():
    merged = merge_mentions([
        mention("A district officer was shot dead when gunmen raided an army camp near Lamu.", actors=(GROUP, ARMY),
                place="Lamu", toll=1),
        mention("The raid killed seven soldiers and the officer, the army said.", actors=(None, ARMY), toll=8,
                told="raid"),
    ])
    assert [e.fatalities for e in merged] == [8]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Militants ambushed a police convoy near Garissa on Monday, killing four officers. The death toll from the "
         "ambush rose to seven on Tuesday, police said.", 7),
        ("Gunmen opened fire on a bus near Mandera on Friday, killing three passengers. The toll from the attack has "
         "risen to five, police said.", 5),
        ("At least 14 soldiers were killed when militants attacked a military post in the Tillaberi region on Monday. "
         "The attackers killed the post's commander, a captain, the army said.", 14),
        ("Fighters attacked an army base near Gao on Friday, killing twelve soldiers, a local official said. The "
         "army said the attack killed eight soldiers.", 8),
    ],
)
def test_the_toll_of_a_short_story_told_in_several_sentences(extractor, text, toll):
    result = extractor.extract(Article(id="story", text=text, published=dt.date(2024, 3, 20)))
    assert [(len(e.more_evidence), e.fatalities) for e in result.events] == [(1, toll)]
