"""Fatality and quantity counts with ACLED's lowest-figure rule."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from graph.extract.events.count_words import full_value
from graph.extract.events.numbers import Counts, added_dead, read_counts


def counts(nlp, text: str) -> Counts:
    return read_counts(next(nlp(text).sents))


@pytest.mark.parametrize(
    ("text", "fatalities", "quantity"),
    [
        ("Gunmen killed 12 villagers in the attack.", 12, None),
        ("The raid left more than 250 people dead.", 250, None),
        ("At least 17 soldiers were killed in the ambush.", 17, None),
        ("Dozens of civilians were killed in the strikes.", 12, None),
        ("Scores of fighters died in the battle.", 20, None),
        ("Hundreds of people were killed in the massacre.", 100, None),
        ("A dozen policemen were killed at the checkpoint.", 12, None),
        ("Three children died when the shell hit their house.", 3, None),
        ("Militants killed 1,200 people over the year.", 1200, None),
        ("Rescuers recovered the bodies of 14 migrants.", 14, None),
        ("Nearly forty people were killed in the clashes.", 40, None),
        ("The rebels killed nine soldiers and wounded 20 others.", 9, 20),
        ("Gunmen kidnapped 30 students from the school.", None, 30),
        ("The group released 30 hostages.", None, 30),
        ("Around 100 fighters were evacuated with their families.", None, 100),
        ("Police arrested 45 protesters.", None, 45),
        ("Seven people were wounded in the blast.", None, 7),
        ("No casualties were reported.", None, None),
        ("The bombing claimed the lives of 30 people.", 30, None),
        ("Thirty people lost their lives in the attack.", 30, None),
        ("At least 7 people were reported to have been killed.", 7, None),
        ("More than two dozen civilians were killed.", 24, None),
        ("Five people were feared dead after the raid.", 5, None),
        ("One person was killed and four were wounded.", 1, 4),
        ("A landmine exploded under a truck, killing the driver.", 1, None),
        ("A soldier was killed at the checkpoint.", 1, None),
        ("Fighters set fire to several vehicles and 20 houses.", None, None),  # things are not quantities
        ("Militants fired 150 mortar rounds at the base.", None, None),
        ("Soldiers shot 6 protesters dead in the capital.", 6, None),
        ("Gunmen stabbed three villagers to death in their homes.", 3, None),
        ("A knifeman stabbed to death a traffic warden at a roundabout.", 1, None),
        ("Troops fired nine mortar rounds at a residential area, killing one civilian.", 1, None),
        ("Gunmen gunned down a priest outside his church.", 1, None),
        ("A peacekeeper was killed by unknown gunmen.", 1, None),
        ("The air raids killed both fighters and civilians, residents said.", 10, None),
        ("The shelling killed an unstated number of fishermen.", 10, None),
        # each side's dead of one event add up; a subset ("including") does not
        ("Six soldiers and 8 assailants were killed in the fighting.", 14, None),
        ("At least 10 rebels were killed in the battle and 4 soldiers were killed.", 14, None),
        ("Gunmen killed 12 people, including 5 children.", 12, 5),
        # lone victims count one each: "shot dead X", a second verb's victim, "died", coordinated singles
        ("Police shot dead a union organiser in Kassala.", 1, None),
        ("A teacher was kidnapped and killed by a militia in Zawiya on Monday.", 1, None),
        ("A border guard died of stab wounds he received in a raid.", 1, None),
        ("An attack on army positions near Bunia left a soldier and a militiaman dead.", 2, None),
        ("Two guards and a trader were killed when troops fought looters in Kano.", 3, None),
        ("Gunmen shot dead two farmers and a herder near Jos.", 3, None),
        # ... before the count as well as after it
        ("A guard and two traders were killed when gunmen stormed the market in Kano.", 3, None),
        ("Bandits shot dead a herder and four farmers near Jos.", 5, None),
        ("A nurse and her three children died when a shell hit their house.", 4, None),
        # a bare count before its death word, however the parser attaches it
        ("An alliance of militias fought ex-Seleka fighters near Kaga-Bandoro, resulting in 5 killed and 12 wounded.",
         5, 12),
        ("Six dead in clan fighting near Dhusamareb, Galgaduud.", 6, None),
        ("14 dead, 20 injured as rival clans clashed over a well in Galkayo.", 14, None),
        # a lone victim in a participle ("X killed") or in a clause the parser makes of "shot X dead"
        ("A militia raid on a police post near Kalehe ended with a policeman and a militiaman killed.", 2, None),
        # a plural right after "a" is one person with a slip in the word; "a" before a quantity word is not
        ("A guard and a rebels were killed when fighters overran the outpost.", 2, None),
        ("Bandits shot dead a farmers and two traders at the wells.", 3, None),
        ("Gunmen killed a further two traders at the market.", 2, None),
        ("Gunmen killed a dozen traders at the market.", 12, None),
        # a death verb with a letter written thrice is still one
        ("Bandits stopped a bus on the highway, killlling 14 passengers.", 14, None),
        # an object that is no person, and a description of someone who died before, count nobody
        ("An explosive attack executed against a patrol wounded three soldiers.", None, 3),
        ("Mourners carried photos of Amina Musa, a teacher killed in 2019, through the streets.", None, None),
        # the subject of an active killing did the killing: its count (or a unit's number) is no toll
        ("Five gunmen killed three villagers near the river.", 3, 5),
        ("Soldiers of the 12 Battalion killed four insurgents in the forest.", 4, None),
        ("The two suicide bombers killed themselves at the gate.", 2, None),
        # a list of counts, the parser hanging its items as appositions; a description adds nobody
        ("Three prison guards, one teacher and one trader were killed in the clashes.", 5, None),
        ("Two men, a father and his son, were killed.", 2, None),
        # the victim of a passive the parser hangs on another verb; a bomber who kills himself
        ("A smuggler seen near the fence was shot and killed by patrol officers.", 1, None),
        ("A bomber blew himself up at the gate, killing himself.", 1, None),
        # the injured of a second clause the parser hangs on the killing verb are counted by their own word
        ("Police said a driver was killed and five passengers injured when gunmen fired on the bus.", 1, 5),
        # a range of people that the tagger takes for a date still counts them: the lowest figure
        ("Between 1 and 3 herders were shot dead near the wells on Friday.", 1, None),
        # attackers whose own attack kills them are the dead, however the parser hangs the count
        ("Three raiders rammed a truck loaded with explosives into the barracks wall, killing themselves but no "
         "soldiers.", 3, None),
        ("Four gunmen killed themselves when troops surrounded the house.", 4, None),
        # shot summarily is put to death; shot alone is not
        ("Militiamen summarily shot two suspected cattle thieves at a checkpoint.", 2, None),
        ("Rebels summarily shot a village chief in front of his family.", 1, None),
        ("Two prisoners were shot by guards after the escape.", None, 2),
        # the other side's dead joined to the toll with their own "dead", however the parser hangs it: both sides
        ("Radio Okapi said 20 herders were killed in the fight with the Kamajor and 6 Kamajor's dead, on 2 May.", 26,
         None),
        ("The army said 15 soldiers died in the battle against the rebels and 9 Mai-Mai dead.", 24, None),
        ("Local media said 30 young men were killed in the fight with the militia and 12 militiamen dead.", 42, None),
        ("Troops reported seven Boko Haram dead after the raid on the camp.", 7, None),
        # "dead" after a list is the whole list's; before a noun only that noun's
        ("The clash on the ridge left four gendarmes and nine raiders dead.", 13, None),
        ("After the raid, police found two injured guards and six dead bandits in the compound.", 6, 2),
        # a second clause's dead told as more ("also", "more") add to the first clause's
        ("Bandits stormed the hamlet, killing five herders; three bandits were also killed.", 8, None),
        ("Rebels killed 11 policemen at the depot; two rebels also died in the exchange.", 13, None),
        ("Raiders killed four guards in Kano; two more guards were also killed in Kano.", 6, None),
        ("Bandits killed five herders at the well; then three more herders were killed as they fled.", 8, None),
        ("Gunmen killed 12 villagers in the raid; eight women were killed, the chief said.", 12, None),  # not "more"
        # ... unless the second clause tells another incident: by its words, "nearby", or its own place or day
        ("Bandits raided the camp, killing five herders; three more were also killed in a separate attack.", 5, None),
        ("Gunmen killed seven traders at the market; two more were killed in another raid on Sunday.", 7, None),
        ("Militants killed six farmers near Kano on Monday; earlier, four more were killed near Zaria.", 6, None),
        ("Bandits raided the camp, killing five herders; three more were also killed in a nearby village.", 5, None),
        ("Rebels shot dead ten villagers in Lagos; three more were also killed in Abuja.", 10, None),
        ("Rebels shot dead ten villagers on Monday; three more were also killed on Friday.", 10, None),
        ("Six of the raiders were killed in the exchange and several others hurt.", 6, 10),
        # a range written with a hyphen: its lowest figure, as the codebook takes it; a hyphen in a word is no range
        ("Raiders burned the hamlet, killing 6-8 herders.", 6, None),
        ("Some 30-40 fishermen were killed when the boats were shelled.", 30, None),
        ("A 13-year-old girl was killed when the shell hit the school.", 1, None),
        ("Thirty people died in three raids last week, one in the hills and two others near the lake.", 30, None),
        # everyone in a place killed, without a number: the codebook's 10; "all three" is three
        ("Troops stormed the compound and killed all those who were inside.", 10, None),
        ("The militia took over the camp and killed everyone inside.", 10, None),
        ("Gunmen killed all three guards at the gate.", 3, None),
        # a bomber who blows himself up is the dead when no one else is; the others are when they are
        ("A bomber in a stolen van blew himself up outside the barracks, police said.", 1, None),
        ("Two suicide bombers blew themselves up at the gate of the base.", 2, None),
        ("A suicide bomber blew himself up at a checkpoint, killing five soldiers.", 5, None),
        # a victim who died later, told in a relative clause; not a body of someone killed before
        ("A roadside bomb wounded at least six people including a policeman who later died, officials said.", 1, 6),
        ("Mourners carried the body of a neighbour that was shot dead in a raid last year.", None, None),
        # the dead of an earlier incident a relative clause recalls are not this event's
        ("The clash was the first since a previous attack that killed two guards.", None, None),
        ("Residents fled the camp, recalling an earlier ambush that killed a teacher.", None, None),
        ("Gunmen opened fire in a raid that killed two guards.", 2, None),
        # deeds imputed to the one the sentence tells of are another incident's
        ("Police detained a herder accused of killing two farmers near Jos.", None, None),
        ("Soldiers arrested two men responsible for the killing of four chiefs last year.", None, 2),
        # the nouns of killing count their dead as "the deaths of" does
        ("Fighting near the dam ended with the killing of nine raiders.", 9, None),
        ("Witnesses described the execution of four prisoners by the militia.", 4, None),
        ("The group claimed the assassination of two local councillors.", 2, None),
    ],
)
def test_counts(nlp, text, fatalities, quantity):
    assert counts(nlp, text) == Counts(fatalities, quantity)


@pytest.mark.parametrize(
    "text",
    [
        "The attack happened at 9:30 on 12 March 2019.",
        "A 13-year-old boy was among the crowd.",
        "The truce lasted 48 hours.",
        "The dam is 30 km from the city.",
    ],
)
def test_dates_times_ages_and_distances_are_not_counts(nlp, text):
    assert counts(nlp, text) == Counts(None, None)


def test_a_victim_the_parser_makes_the_subject_of_dead_counts_one(nlp):
    """"shoot the driver dead" parsed as a clause "the driver dead" (the tagger's reading of some notes)."""
    words = ["Bandits", "shoot", "the", "driver", "dead", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 3, 4, 1, 1],
              deps=["nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "ADJ", "PUNCT"], tags=["NNS", "VBP", "DT", "NN", "JJ", "."],
              lemmas=["bandit", "shoot", "the", "driver", "dead", "."])
    assert read_counts(doc[:]) == Counts(1, None)


def test_a_second_subject_the_parser_gives_a_killing_is_no_second_victim(nlp):
    """"The guard of the depot was hacked to death" with "depot" parsed as a second passive subject."""
    words = ["The", "guard", "of", "the", "depot", "was", "hacked", "to", "death", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 6, 1, 4, 6, 6, 6, 6, 7, 6],
              deps=["det", "nsubjpass", "prep", "det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
              pos=["DET", "NOUN", "ADP", "DET", "NOUN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
              tags=["DT", "NN", "IN", "DT", "NN", "VBD", "VBN", "IN", "NN", "."],
              lemmas=["the", "guard", "of", "the", "depot", "be", "hack", "to", "death", "."])
    assert read_counts(doc[:]) == Counts(1, None)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # casualties said to have happened without a number: the codebook's 10
        ("Both sides suffered casualties in the ambush, a local chief said.", 10),
        ("Causalities were reported after the rebels withdrew from the market.", 10),
        ("Casualties of an unknown number were counted in the two villages.", 10),
        ("Heavy casualties were reported on both sides, a district officer said.", 10),
        ("The shelling caused many casualties in the camp.", 10),
        # unknown whether there were any, denied, or counted: not the untold figure
        ("Casualties were not yet confirmed by the hospital.", None),
        ("No casualties were reported.", None),
        ("The fighting ended without casualties.", None),
        ("It is not clear whether there were casualties.", None),
        ("The army did not report casualties.", None),
    ],
)
def test_casualties_without_a_number_are_the_codebooks_ten(nlp, text, fatalities):
    assert counts(nlp, text).fatalities == fatalities



@pytest.mark.parametrize(
    ("text", "added"),
    [
        # dead told as more than those counted before: "also", "other(s)", "more"
        ("Two herders were also killed, the governor said.", 2),
        ("The army said 40 rebels were also killed.", 40),
        ("Three other villagers died of their wounds.", 3),
        ("Two more soldiers died later in hospital.", 2),
        ("Three others were shot dead near the well.", 3),
        # a lowest figure, the rest of a toll, a new total, a source's "also", or no dead are no more dead
        ("More than 20 people were killed.", None),
        ("The other four died in hospital.", None),
        ("The toll later rose to 9.", None),
        ("Police also said five people were killed.", None),
        ("Two others were also wounded.", None),
    ],
)
def test_dead_told_as_more_add_to_the_toll_before(nlp, text, added):
    assert added_dead(next(nlp(text).sents)) == added


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("About 1.2 million people fled.", "1.2", 1_200_000),
        ("Two hundred fighters surrendered.", "Two", 200),
        # a sign or a word that float() reads is no count of people
        ("The score was -1 at the end.", "-1", None),
        ("Gunmen killed inf people.", "inf", None),
        ("Gunmen killed nan villagers.", "nan", None),
    ],
)
def test_full_value(nlp, text, word, value):
    token = next(t for t in nlp(text) if t.text == word)
    assert full_value(token) == value
