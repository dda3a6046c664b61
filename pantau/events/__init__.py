"""The parts of the `events` stage, one job per module.

- `triggers`: the trigger lexicon (`data/event-triggers.tsv`) and its matcher;
- `happening`: whether a trigger reports something that took place (not planned, negated or generic);
- `arguments`: actors and targets (ISO3), participants and the location of one event;
- `timing`: the date of one event from its sentence or the sentences before it;
- `series`: the numbered mechanism an event belongs to ("ke-13", "the 3rd ... Meeting");
- `merge`: one event per real-world happening within a document.
"""
