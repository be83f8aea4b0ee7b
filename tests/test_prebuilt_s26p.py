"""The prebuilt file's load (stop 26, p2): what it leaves out, and that the matchers loaded
still find what the ones built from the vocabularies find."""

from __future__ import annotations

import pickle

from scr_timeline import _prebuilt
from scr_timeline.classify import _text as T
from scr_timeline.classify import events


def test_stored_events_matcher_holds_no_phrase_trie() -> None:
    # the trie serves only to write a pattern for some phrases; a stored matcher has
    # every full pattern, so the file leaves it out (a third of loading the matchers)
    with _prebuilt.disabled():
        built = events.build_default()
        events.complete(built)
        assert "trie" in built.__dict__  # writing the slots' patterns built it
        stored = _prebuilt._lazy_fields(built)
    assert "trie" not in stored.__dict__
    loaded = pickle.loads(pickle.dumps(stored))
    assert "trie" not in loaded.__dict__
    # asked for after all, it is built again, the same
    with _prebuilt.disabled():
        fresh = events.build_default()
    assert loaded.trie.render(3) == fresh.trie.render(3)
    texts = ["home visit by hv1", "strategy discussion held"]
    assert loaded.slot_pattern(3, texts).pattern == fresh.slot_pattern(3, texts).pattern


def test_unneeded_names_only_cached_tries() -> None:
    class Holder:
        def __init__(self) -> None:
            self.kept = T.PhraseTrie(["hv"], T.np.ones((1, 1), dtype=bool))

    # a trie in a plain attribute (not a cached property) is the object's own: kept
    assert _prebuilt._unneeded(Holder()) == []
