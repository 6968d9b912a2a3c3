"""Actors: the gazetteer the project owns and the component that finds actor mentions in a Doc."""

from eventwire.actors.gazetteer import ActorInfo, Gazetteer, load_gazetteer
from eventwire.actors.resolver import actor_for_token, sector_of

__all__ = ["ActorInfo", "Gazetteer", "actor_for_token", "load_gazetteer", "sector_of"]
