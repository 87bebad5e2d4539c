"""Optional entity backend: GiNZA's statistical named-entity recognizer (ja_ginza).

    pip install "ja-transcript[ginza]"

GiNZA labels spans with the Extended Named Entity hierarchy (ENE: Person, Company,
Province, Station ...). `ENE_LABELS` maps the named-entity kinds among them to this
project's labels (OntoNotes-like, as the lexicon uses); numbers, dates, amounts, job titles,
living things, diseases and other non-names are left out: amounts have their own stage.

`find_entities(text, morphemes, aliases, backend=GinzaEntities())` merges GiNZA's spans with
the lexicon and part-of-speech spans (`merge_entities`, re-exported here): lexicon matches
always win; GiNZA replaces the part-of-speech spans whose kind is a guess (MISC, and GPE / LOC
read from 地名) and adds the spans nothing else found; a part-of-speech PERSON or a kind said
by a head word (株式会社, 駅, 大会) stays, as it is the more precise of the two there.

GiNZA is slow (a few thousand characters a second, about 2 GB resident) and its model
is loaded once per process, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..nlp.analyzer import chunk_spans
from .entities import BACKEND_REPLACES, EntitySpan, merge_entities

__all__ = ["ENE_LABELS", "GinzaEntities", "load_ginza", "is_available", "merge_entities", "BACKEND_REPLACES"]

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "ja_ginza"
# Only the recognizer and what it listens to are needed: the parser, morphologizer and
# bunsetu components do not change the entities and would cost time.
_EXCLUDE = ("parser", "morphologizer", "compound_splitter", "bunsetu_recognizer")
_INSTALL_HINT = ('GiNZA is not installed: pip install "ja-transcript[ginza]" '
                 '(or pip install "ginza>=5.3,<6" "ja-ginza>=5.3,<6"), or do not ask for the GiNZA backend.')

# ENE label (as ja_ginza 5.x emits it) -> project label. Groups follow GiNZA's own ENE ->
# OntoNotes table, with these differences: Location_Other is LOC (a place that is not a
# political unit), Character is PERSON (a named character), Name_Other is MISC (a name of
# unknown kind, like part-of-speech 固有名詞-一般), and Plan / Movement / doctrines / numbers
# are not entities here.
ENE_LABELS: dict[str, str] = {
    # people
    "Person": "PERSON", "God": "PERSON", "Character": "PERSON",
    # organisations: companies, public bodies, parties, armies, teams and leagues
    "Company": "ORG", "Company_Group": "ORG", "Corporation_Other": "ORG", "Organization_Other": "ORG",
    "International_Organization": "ORG", "Political_Organization_Other": "ORG", "Political_Party": "ORG",
    "Government": "ORG", "Cabinet": "ORG", "Military": "ORG", "Family": "ORG", "Show_Organization": "ORG",
    "Sports_Organization_Other": "ORG", "Pro_Sports_Organization": "ORG", "Sports_League": "ORG",
    # political units
    "Country": "GPE", "Province": "GPE", "City": "GPE", "County": "GPE", "GPE_Other": "GPE",
    "Postal_Address": "GPE",
    # other places
    "Location_Other": "LOC", "Region_Other": "LOC", "Continental_Region": "LOC", "Domestic_Region": "LOC",
    "Geological_Region_Other": "LOC", "Mountain": "LOC", "Island": "LOC", "River": "LOC", "Lake": "LOC",
    "Sea": "LOC", "Bay": "LOC", "Spa": "LOC", "Astral_Body_Other": "LOC", "Planet": "LOC",
    # facilities, including ENE's organisation-like facilities (schools, institutes, offices)
    "Facility_Other": "FAC", "Facility_Part": "FAC", "GOE_Other": "FAC", "Public_Institution": "FAC",
    "School": "FAC", "Research_Institute": "FAC", "Museum": "FAC", "Zoo": "FAC", "Amusement_Park": "FAC",
    "Theater": "FAC", "Worship_Place": "FAC", "Park": "FAC", "Sports_Facility": "FAC",
    "Archaeological_Place_Other": "FAC", "Tumulus": "FAC", "Car_Stop": "FAC", "Station": "FAC",
    "Airport": "FAC", "Port": "FAC", "Line_Other": "FAC", "Railroad": "FAC", "Road": "FAC", "Canal": "FAC",
    "Water_Route": "FAC", "Tunnel": "FAC", "Bridge": "FAC",
    # products
    "Product_Other": "PRODUCT", "Car": "PRODUCT", "Train": "PRODUCT", "Aircraft": "PRODUCT",
    "Spaceship": "PRODUCT", "Ship": "PRODUCT", "Vehicle_Other": "PRODUCT", "Weapon": "PRODUCT",
    "Drug": "PRODUCT", "Clothing": "PRODUCT", "Award": "PRODUCT",
    # works (titles of books, films, programmes, papers)
    "Book": "WORK_OF_ART", "Movie": "WORK_OF_ART", "Music": "WORK_OF_ART", "Show": "WORK_OF_ART",
    "Broadcast_Program": "WORK_OF_ART", "Art_Other": "WORK_OF_ART", "Printing_Other": "WORK_OF_ART",
    "Newspaper": "WORK_OF_ART", "Magazine": "WORK_OF_ART",
    # laws and treaties
    "Law": "LAW", "Treaty": "LAW", "Rule_Other": "LAW",
    # events ("Game" is a competition in the ENE version GiNZA uses)
    "Event_Other": "EVENT", "Occasion_Other": "EVENT", "Religious_Festival": "EVENT", "Game": "EVENT",
    "Conference": "EVENT", "Incident_Other": "EVENT", "War": "EVENT", "Natural_Disaster": "EVENT",
    "Earthquake": "EVENT",
    # groups of people by nationality, ethnicity or religion
    "Nationality": "NORP", "Ethnic_Group_Other": "NORP", "Religion": "NORP",
    # a name of unknown kind
    "Name_Other": "MISC",
}


def load_ginza(model: str = MODEL) -> "Language":
    """The GiNZA pipeline (recognizer only), loaded once per process and model name."""
    return _load(model)  # one cache key however it is called (load_ginza() is load_ginza(MODEL))


@lru_cache(maxsize=None)
def _load(model: str) -> "Language":
    try:
        import spacy

        return spacy.load(model, exclude=list(_EXCLUDE))
    except (ImportError, OSError) as e:  # spaCy raises OSError for a model package it cannot find
        raise ImportError(f"{_INSTALL_HINT} ({e})") from e


def is_available(model: str = MODEL) -> bool:
    """Whether the model package can be imported (without loading it)."""
    from importlib.util import find_spec

    return find_spec(model) is not None


class GinzaEntities:
    """Entity backend for `find_entities(..., backend=GinzaEntities())`.

    Nothing is loaded until the first `find`; every instance of a process shares one model.
    """

    source = "ginza"

    def __init__(self, model: str = MODEL, labels: dict[str, str] | None = None):
        self.model = model
        self.labels = ENE_LABELS if labels is None else labels

    @property
    def nlp(self) -> "Language":
        return load_ginza(self.model)

    def find(self, text: str) -> list[EntitySpan]:
        """GiNZA's named entities in `text` (offsets into it), sorted by start, mapped labels only."""
        out: list[EntitySpan] = []
        for start, end in chunk_spans(text):  # SudachiPy rejects long inputs (spaCy #13207)
            out.extend(self._find(text[start:end], start))
        return out

    def _find(self, text: str, offset: int) -> list[EntitySpan]:
        out = []
        for ent in self.nlp(text).ents:
            label = self.labels.get(ent.label_)
            if label is None:
                continue
            canonical = "".join(t.norm_ for t in ent)  # GiNZA's norm_ is SudachiPy's normalized form
            out.append(EntitySpan(ent.start_char + offset, ent.end_char + offset, ent.text, canonical, label,
                                  self.source))
        return out
