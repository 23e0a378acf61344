"""The toll of an incident told in several mentions (graph/extract/events/absorb.py, ``_merged_toll``): ACLED's
rule picks it. Conflicting reports of the same dead give the lowest figure; a later update of the toll gives the
update's total unless it tallies a period; a victim singled out beside a count of several ("among the dead", "the
camp's commander") is one of them and never lowers the total, while a source's count of one is a conflicting report."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

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
        # the toll updated (updates.toll_update): its new total
        (replace(mention("The death toll from the raid rose to 13 on Thursday.", toll=13, date="2024-03-21"),
                 update=True), 13),
        # a running total over a period is no update of the raid's toll
        (replace(mention("The toll from the attacks this year rose to 40.", toll=40), update=True, tallied=True), 9),
        # a party's toll of the war, which toll_update does not read as an update: a conflicting figure, the lowest
        (mention("The army's death toll in the war has risen to 400.", toll=400), 9),
        # one victim singled out is one of the dead, not a report of one dead
        (mention("The camp's commander, a major, was among the dead.", actors=(None, ARMY), toll=1), 9),
        # a source's count of one is a conflicting report of the same dead: the lowest
        (mention("The army said one soldier was killed in the raid.", actors=(None, ARMY), toll=1, told="raid"), 1),
        (mention("Reports said either nine soldiers or a single officer were killed in the raid.", toll=1,
                 told="raid"), 1),
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
        ("Rebels overran a police station in Kora on Saturday and killed 11 officers, the governor said. The "
         "station's chief, an inspector, was shot dead as the rebels set the building on fire.", 11),
        ("Police said one protester was killed when officers fired on a march in Nairobi on Monday. Rights groups "
         "said the shooting killed six protesters.", 1),
        ("Fighters attacked an army base near Gao on Friday, killing twelve soldiers, a local official said. The "
         "army said the attack killed eight soldiers.", 8),
    ],
)
def test_the_toll_of_a_short_story_told_in_several_sentences(extractor, text, toll):
    result = extractor.extract(Article(id="story", text=text, published=dt.date(2024, 3, 20)))
    assert [(len(e.more_evidence), e.fatalities) for e in result.events] == [(1, toll)]
