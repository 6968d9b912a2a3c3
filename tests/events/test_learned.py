from __future__ import annotations

from pathlib import Path

from eventwire.events.learned import LearnedTyper, fit


def test_fit_predict_save_and_load(tmp_path: Path) -> None:
    data = [(["w=aid", "w=medicine", "rule=ACCUSE", "how=fallback"], "AID")] * 20 + \
           [(["w=shell", "w=village", "rule=ACCUSE", "how=fallback"], "ASSAULT")] * 20
    model = fit(data, epochs=150)
    assert model.predict(["w=medicine", "rule=ACCUSE"])[0] == "AID"
    assert model.predict(["w=village"])[0] == "ASSAULT"
    path = tmp_path / "m.npz"
    model.save(path)
    again = LearnedTyper.read(path)
    assert again.predict(["w=medicine"])[0] == "AID"
    probs = again.proba(["w=unknown-feature"])
    assert abs(sum(probs.values()) - 1.0) < 1e-5


def test_the_shipped_model_loads_and_knows_every_type() -> None:
    model = LearnedTyper.load()
    assert len(model.classes) == 16 and len(model.vocab) > 500
