"""Events: who did what to whom, coded in PLOVER categories with intensity and mode."""

from rift.events.component import EventCoder, annotate_events
from rift.events.evaluate import load_gold, load_predictions, score_events
from rift.events.extract import EventExtractor
from rift.events.lexicon import load_lexicon
from rift.events.run import extract_events

__all__ = ["EventCoder", "EventExtractor", "annotate_events", "extract_events", "load_gold", "load_lexicon", "load_predictions", "score_events"]
