"""Text to typed records: the extraction pipeline.

:func:`graph.extract.pipeline.read_doc` runs the stages in order, entering each once through its entry:

    parse/    clean text (offsets kept), the spaCy pipeline with its phrase ruler, sentence numbers
    places/   read_places(doc, ...) -> Places: PlaceMentions and one Location record per place
    actors/   read_actors(doc, places, ...) -> Actors: the complete ActorTable, Actor records, Relations
    events/   read_events(article, doc, table, places) -> EventsRead: events (typing, roles, place, date,
              counts) and the generic actors they imply

No stage changes what an earlier one returned. countries.py and datafiles.py are vocabulary that any
stage may read; the open-ended word lists live in graph/data/.
"""

from graph.extract.pipeline import Extractor

__all__ = ["Extractor"]
