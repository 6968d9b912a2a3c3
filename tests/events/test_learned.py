from __future__ import annotations

from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import Doc

import eventwire.nlp  # noqa: F401  (registers the Doc and Span extensions)
from eventwire.events.classify import Decision
from eventwire.events.learned import LearnedTyper, LinearModel, pair_features, rule_parts

VOCAB = spacy.blank("en").vocab


def _model(classes: list[str], weights: dict[str, list[float]], bias: list[float] | None = None
           ) -> LinearModel:
    vocab = {f: i for i, f in enumerate(weights)}
    w = np.array([*weights.values(), bias or [0.0] * len(classes)], dtype=np.float32)
    return LinearModel(classes, vocab, w)


def test_probabilities_follow_the_weights_of_present_features() -> None:
    m = _model(["AID", "ASSAULT"], {"w=medicine": [2.0, -2.0], "w=shell": [-2.0, 2.0]})
    assert m.predict(["w=medicine", "w=unknown"])[0] == "AID"
    assert m.predict(["w=shell"])[0] == "ASSAULT"
    assert abs(sum(m.proba(["w=unknown"]).values()) - 1.0) < 1e-6
    assert m.proba([])["AID"] == 0.5  # only the bias: undecided
    # A feature counts once however often it is listed.
    assert m.proba(["w=shell", "w=shell"]) == m.proba(["w=shell"])


def test_temperature_softens_without_changing_the_choice() -> None:
    m = _model(["AID", "ASSAULT"], {"w=medicine": [1.0, -1.0]})
    sharp = m.predict(["w=medicine"])
    m.temperature = 2.0
    soft = m.predict(["w=medicine"])
    assert sharp[0] == soft[0] == "AID" and 0.5 < soft[1] < sharp[1]


def test_yield_is_split_by_the_rules_first_then_by_the_split_model() -> None:
    types = _model(["ACCUSE", "YIELD"], {"w=withdraw": [-3.0, 3.0]})
    split = _model(["CONCEDE", "RETREAT"], {"w=withdraw": [-3.0, 3.0]})
    typer = LearnedTyper(types, split)
    assert typer.predict(["w=withdraw"])[0] == "RETREAT"
    assert typer.predict(["w=withdraw"], rule_type="CONCEDE")[0] == "CONCEDE"
    assert typer.predict(["w=other"])[0] in ("ACCUSE", "YIELD", "CONCEDE", "RETREAT")
    assert LearnedTyper(types).predict(["w=withdraw"])[0] == "CONCEDE"  # no split model


def test_save_and_read_keep_both_models(tmp_path: Path) -> None:
    typer = LearnedTyper(_model(["ACCUSE", "YIELD"], {"w=withdraw": [-3.0, 3.0]}),
                         _model(["CONCEDE", "RETREAT"], {"w=release": [3.0, -3.0]}))
    typer.types.temperature = 1.5
    path = tmp_path / "m.npz"
    typer.save(path)
    again = LearnedTyper.read(path)
    assert again.classes == ["ACCUSE", "YIELD"] and again.types.temperature == 1.5
    assert again.split is not None and again.predict(["w=withdraw", "w=release"])[0] == "CONCEDE"


def test_the_shipped_model_loads_and_knows_every_type() -> None:
    model = LearnedTyper.load()
    assert len(model.classes) == 15 and "YIELD" in model.classes
    assert model.split is not None and model.split.classes == ["CONCEDE", "RETREAT"]
    assert len(model.types.vocab) > 1000 and 0.5 <= model.types.temperature <= 3.0


def test_rule_parts_drop_digits_and_split_alternatives() -> None:
    def parts(*rules: str) -> list[str]:
        return rule_parts(Decision("X", None, "event", rules, None, 0.0))

    assert parts("verb:condemn", "absorbs:march") == ["verb:condemn", "absorbs:march"]
    assert parts("future:RETREAT>AGREE", "cameo:0351") == ["future:RETREAT>AGREE", "cameo:"]
    assert parts("verb:file [lawsuit|suit]") == ["verb:file [lawsuit", "suit]"]
    assert parts() == []
    assert Decision("X", None, "fallback", (), None, 0.0).rule == "fallback"
    assert Decision("X", None, "path", ("verb:a", "b"), None, 0.0).rule == "path:verb:a|b"


def test_pair_features_read_the_path_the_trigger_window_and_the_actors() -> None:
    doc = Doc(VOCAB, words=["Russia", "did", "not", "send", "weapons", "to", "Syria"],
              heads=[3, 3, 3, 3, 3, 3, 5], deps=["nsubj", "aux", "neg", "ROOT", "dobj", "prep",
                                                 "pobj"],
              pos=["PROPN", "AUX", "PART", "VERB", "NOUN", "ADP", "PROPN"],
              lemmas=["Russia", "do", "not", "send", "weapon", "to", "Syria"])
    doc._.triggers = []
    doc._.actors = []
    decision = Decision("REJECT", None, "event", ("verb:send [weapon]", "negated"), "send", 100.0,
                        3)
    feats = pair_features(doc, doc[0:1], doc[6:7], decision)
    assert {"rule=REJECT", "how=event", "trig=send", "rp=negated", "neg", "path=send",
            "path=to", "pdep=ROOT", "pdep=prep", "w=weapon", "sdep=nsubj", "tdep=pobj",
            "wbi=not_send", "wbi=send_weapon", "ssec=NA"} <= set(feats)
    assert not any(f.startswith("w=russia") or f == "path=russia" for f in feats)
