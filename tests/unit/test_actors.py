"""The country resolver shared by events, commitments and figures (our own sentences)."""

from __future__ import annotations

from pantau.actors import ActorIndex
from pantau.model import Document, Entity, Mention


def _doc(text: str, spans: list[tuple[str, str, str, str | None]]) -> Document:
    """A document whose entity stage output is given: (surface, entity id, type, country)."""
    doc = Document(id="t", raw=text, text=text)
    seen: dict[str, Entity] = {}
    pos = 0
    for surface, eid, etype, country in spans:
        start = text.index(surface, pos)
        pos = start + len(surface)
        doc.mentions.append(Mention(start, pos, surface, etype, entity_id=eid))  # type: ignore[arg-type]
        seen.setdefault(eid, Entity(eid, etype, surface, country))  # type: ignore[arg-type]
    doc.entities = list(seen.values())
    return doc


def test_countries_people_and_orgs_resolve_in_text_order() -> None:
    text = "Menteri Ardana dari Borduria bertemu Jenderal Kessel dari Tentara Syldavia di kota Klow."
    doc = _doc(text, [
        ("Ardana", "person:ardana", "PERSON", "BRD"),
        ("Borduria", "country:BRD", "COUNTRY", "BRD"),
        ("Kessel", "person:kessel", "PERSON", None),
        ("Tentara Syldavia", "org:tentara-syldavia", "ORG", "SYL"),
        ("Klow", "location:klow", "LOCATION", "SYL"),
    ])
    ix = ActorIndex.of(doc)
    assert ix.countries_in(0, len(text)) == ["BRD", "SYL"]
    # the venue's country is not a party unless asked for
    assert ix.countries_in(text.index("di kota"), len(text)) == []
    assert ix.countries_in(0, len(text), via=frozenset({"location"})) == ["SYL"]


def test_group_reference_takes_the_most_mentioned_countries() -> None:
    text = "Borduria dan Syldavia berunding. Utusan Borduria pulang. Zembla diam. Kedua negara sepakat."
    doc = _doc(text, [
        ("Borduria", "country:BRD", "COUNTRY", "BRD"),
        ("Syldavia", "country:SYL", "COUNTRY", "SYL"),
        ("Borduria", "country:BRD", "COUNTRY", "BRD"),
        ("Zembla", "country:ZMB", "COUNTRY", "ZMB"),
    ])
    ix = ActorIndex.of(doc)
    assert ix.in_play == ["BRD", "SYL", "ZMB"]
    last = text.index("Kedua")
    assert ix.countries_in(last, len(text)) == ["BRD", "SYL"]


def test_english_group_and_three_sides() -> None:
    text = "Borduria, Syldavia and Zembla met. The three countries agreed; both sides smiled."
    doc = _doc(text, [
        ("Borduria", "country:BRD", "COUNTRY", "BRD"),
        ("Syldavia", "country:SYL", "COUNTRY", "SYL"),
        ("Zembla", "country:ZMB", "COUNTRY", "ZMB"),
    ])
    ix = ActorIndex.of(doc)
    three = text.index("The three")
    assert ix.countries_in(three, text.index(";")) == ["BRD", "SYL", "ZMB"]
    assert ix.countries_in(text.index("both"), len(text)) == ["BRD", "SYL"]


def test_span_boundaries_are_respected() -> None:
    text = "Borduria. Syldavia."
    doc = _doc(text, [("Borduria", "country:BRD", "COUNTRY", "BRD"), ("Syldavia", "country:SYL", "COUNTRY", "SYL")])
    ix = ActorIndex.of(doc)
    assert ix.countries_in(0, 9) == ["BRD"]
    assert ix.countries_in(9, len(text)) == ["SYL"]
    assert [r.via for r in ix.refs_in(0, len(text))] == ["country", "country"]


def test_leaders_ministers_and_armies_speak_for_the_countries_in_play() -> None:
    text = "Borduria dan Syldavia bertemu. Kedua pemimpin sepakat; both armies withdrew; ketiga menteri hadir."
    doc = _doc(text, [("Borduria", "country:BRD", "COUNTRY", "BRD"), ("Syldavia", "country:SYL", "COUNTRY", "SYL")])
    ix = ActorIndex.of(doc)
    for phrase in ("Kedua pemimpin", "both armies", "ketiga menteri"):
        at = text.index(phrase)
        assert ix.countries_in(at, at + len(phrase)) == ["BRD", "SYL"]
    assert ix.countries_in(text.index("sepakat"), text.index("sepakat") + 7) == []
