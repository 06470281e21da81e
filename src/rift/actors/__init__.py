"""Actors: states, parties and leaders, with aliases that change meaning over time."""

from rift.actors.component import ActorTagger, annotate_actors
from rift.actors.kb import ActorKB, load_actor_kb
from rift.actors.timeline import clause_timespan, mention_date

__all__ = ["ActorKB", "ActorTagger", "annotate_actors", "clause_timespan", "load_actor_kb", "mention_date"]
