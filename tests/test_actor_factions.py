"""Factions of an umbrella militia are coded as ACLED names them, the umbrella with the faction in brackets; a
place named with the umbrella is where its men act, no faction."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # the faction after the umbrella's name
        ("Mai-Mai Chui fighters attacked a FARDC position near Lubero on Tuesday, killing two soldiers.",
         "Military Forces of Democratic Republic of Congo", "Mayi Mayi Militia (Chui)"),
        ("Soldiers clashed with Raia Mutomboki Kazimoto fighters near Shabunda, DR Congo, on Wednesday.",
         "Military Forces of Democratic Republic of Congo", "Raia Mutomboki Militia (Kazimoto)"),
        # the faction before it
        ("Kifaru Mayi Mayi fighters torched houses near Bunia on Monday.", "Mayi Mayi Militia (Kifaru)",
         "Civilians (Democratic Republic of Congo)"),
        # several factions before it, each its own actor: two of them fight each other
        ("Fighters of the Kaboya and Lemera Mai-Mai clashed near Uvira on Sunday.", "Mayi Mayi Militia (Kaboya)",
         "Mayi Mayi Militia (Lemera)"),
        # a place before the umbrella's name is where its men act: the umbrella itself
        ("Lubero Mayi Mayi militiamen attacked a FARDC position on Monday, killing two soldiers.",
         "Military Forces of Democratic Republic of Congo", "Mayi Mayi Militia"),
        ("Beni Mai-Mai militiamen raided a cattle farm in North Kivu on Thursday.", "Mayi Mayi Militia",
         "Civilians (Democratic Republic of Congo)"),
        # no faction named: the umbrella itself
        ("A school was looted by Mai-Mai militiamen near Uvira on Monday.", "Mayi Mayi Militia",
         "Civilians (Democratic Republic of Congo)"),
    ],
)
def test_factions_of_an_umbrella_militia(first_event, text, actor1, actor2):
    event, actors = first_event(text)
    assert (event.actor1, event.actor2) == (actor1, actor2)
    assert all(a.kind == "militia" for name, a in actors.items() if "Militia" in name)


def test_a_faction_is_no_actor_of_the_umbrella_too(first_event):
    _, actors = first_event("Raia Mutomboki Wemba fighters shot three traders dead near Shabunda on Sunday.")
    assert "Raia Mutomboki Militia (Wemba)" in actors
    assert "Raia Mutomboki Militia" not in actors


@pytest.mark.parametrize(
    ("text", "factions"),
    [
        # a list of names before the umbrella's: each a faction, with a comma before "and" or without
        ("Local officials said Tshamba, Lwanzi and Mukamba Mai-Mai militiamen abducted six women near Fizi on "
         "Tuesday.", {"Tshamba", "Lwanzi", "Mukamba"}),
        ("Witnesses said fighters of the Bwenda, Tshamba, and Lwanzi Mai-Mai torched a school near Fizi on Tuesday.",
         {"Bwenda", "Tshamba", "Lwanzi"}),
        # a place in the list is where the men act, and ends it; a list of villages names no faction
        ("Soldiers repelled Goma and Lemera Mai-Mai fighters on Friday.", {"Lemera"}),
        ("In the villages of Kilumbe, Nzovu and Sabuni Mai-Mai fighters torched houses on Friday.", set()),
    ],
)
def test_each_faction_of_a_list_is_its_own_actor(first_event, text, factions):
    _, actors = first_event(text)
    found = {name[len("Mayi Mayi Militia (") : -1] for name in actors if name.startswith("Mayi Mayi Militia (")}
    assert found == factions
