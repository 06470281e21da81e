"""Actors: states, parties and leaders, with aliases that change meaning over time."""

from rift.actors.component import annotate_actors

__all__ = ["annotate_actors"]
