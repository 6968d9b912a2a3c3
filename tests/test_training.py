from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.events.learned import LearnedTyper
from eventwire.pipeline import Coder
from eventwire.training import Example, fit_linear, fit_typer, fold_of, read_ids, train

REAL = [
    ("Germany accused Russia of spying on its parliament.", "Germany", "Russia", "ACCUSE"),
    ("France condemned Iran over the arrest of two tourists.", "France", "Iran", "ACCUSE"),
    ("Japan criticised China for sending ships near the islands.", "Japan", "China", "ACCUSE"),
    ("Egypt sent food and medicine to Sudan.", "Egypt", "Sudan", "AID"),
    ("Norway gave emergency funds to Yemen.", "Norway", "Yemen", "AID"),
    ("Canada delivered tents and blankets to Turkey.", "Canada", "Turkey", "AID"),
    ("Israel withdrew its troops from Lebanon.", "Israel", "Lebanon", "YIELD"),
    ("Russia pulled its forces out of Georgia.", "Russia", "Georgia", "YIELD"),
    ("Serbia released the prisoners held by Kosovo.", "Serbia", "Kosovo", "YIELD"),
    ("India shelled positions held by Pakistan.", "India", "Pakistan", "ASSAULT"),
]
EXAMPLES = [
    ("Chile withdrew its soldiers from Peru.", "Chile", "Peru", "RETREAT", "retreat-0-0"),
    ("Ghana withdrew its soldiers from Mali.", "Ghana", "Mali", "RETREAT", "retreat-0-1"),
    ("Chile apologised to Peru.", "Chile", "Peru", "CONCEDE", "concede-0-0"),
    ("Ghana apologised to Mali.", "Ghana", "Mali", "CONCEDE", "concede-0-1"),
]


def _gold(path: Path, rows: list[tuple[str, ...]], prefix: str) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for n, (text, src, tgt, type_, *rid) in enumerate(rows):
            actors = {k: {"text": a, "spans": [[text.index(a), text.index(a) + len(a)]]}
                      for k, a in (("source", src), ("target", tgt))}
            fh.write(json.dumps({"id": f"{prefix}-{rid[0] if rid else n}", "text": text,
                                 "events": [{"type": type_, **actors}]}) + "\n")
    return path


def _ex(group: str, real: bool, feats: list[str], label: str) -> Example:
    return Example(group, real, feats, label, "ACCUSE", "event")


def test_fit_linear_learns_weighted_separable_data() -> None:
    data = [(["w=aid", "w=medicine"], "AID", 1.0)] * 10 + [(["w=shell"], "ASSAULT", 1.0)] * 10 \
        + [(["w=medicine"], "ASSAULT", 0.0)] * 50  # weight 0: left out
    model = fit_linear(data, epochs=150)
    assert model.predict(["w=medicine"])[0] == "AID"
    assert model.predict(["w=shell"])[0] == "ASSAULT"


def test_folds_keep_templates_together_and_are_fixed_by_the_seed() -> None:
    examples = [_ex(f"r{n}", True, [], "AID") for n in range(10)] + \
               [_ex(f"t{n // 3}", False, [], "AID") for n in range(12)]
    folds = fold_of(examples, folds=5, seed=7)
    assert folds == fold_of(examples, folds=5, seed=7)
    assert sorted(folds[:10]) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]  # real records dealt evenly
    for t in range(4):
        assert len({f for e, f in zip(examples, folds, strict=True) if e.group == f"t{t}"}) == 1


def test_real_sets_say_yield_and_the_examples_split_it() -> None:
    examples = [_ex(f"r{n}", True, ["w=withdraw"], "YIELD") for n in range(6)] + \
               [_ex(f"r{n}x", True, ["w=accuse"], "ACCUSE") for n in range(6)] + \
               [_ex(f"t{n}", False, ["w=withdraw", "w=troop"], "RETREAT") for n in range(4)] + \
               [_ex(f"u{n}", False, ["w=withdraw", "w=apology"], "CONCEDE") for n in range(4)]
    typer = fit_typer(examples, examples_weight=0.0)
    assert "YIELD" in typer.classes and "RETREAT" not in typer.classes
    assert typer.predict(["w=withdraw", "w=troop"])[0] == "RETREAT"
    assert typer.predict(["w=withdraw", "w=apology"])[0] == "CONCEDE"


@pytest.mark.slow
def test_train_end_to_end_on_a_few_examples(tmp_path: Path, coder: Coder) -> None:
    real = _gold(tmp_path / "real.jsonl", REAL, "real")
    own = _gold(tmp_path / "own.jsonl", EXAMPLES, "ew")
    out = tmp_path / "model.npz"
    report = train([real], [own], out, cv=True, cv_extract=True, coder=Coder(nlp=coder.nlp,
                                                                             prefilter=False))
    assert report["real_records"] == 10 and report["pairs"] == 14
    cv = report["cv"]
    assert cv["real_pairs"] == 10 and cv["example_pairs"] == 4
    assert len(cv["learned"]["fold_macro_f1"]) == 5
    assert 0.0 <= cv["learned"]["macro_f1"] <= 1.0 and 0.5 <= cv["temperature"] <= 3.0
    assert set(report["cv_extract"]) == {"rules", "learned"}
    model = LearnedTyper.read(out)
    assert set(model.classes) == {"ACCUSE", "AID", "YIELD", "ASSAULT"}
    assert model.split is not None
    # The shipped model is back on the pipeline after the extract folds.
    assert coder.nlp.get_pipe("eventwire_typer").model is LearnedTyper.load()
    again = tmp_path / "again.npz"
    train([real], [own], again, cv=True, coder=Coder(nlp=coder.nlp, prefilter=False))
    assert again.read_bytes() == out.read_bytes()  # same inputs, same bytes


@pytest.mark.slow
def test_train_refuses_files_without_events(tmp_path: Path, coder: Coder) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text(json.dumps({"id": "x", "text": "Nothing happened.", "events": []}) + "\n",
                     encoding="utf-8")
    with pytest.raises(ValueError, match="no gold events"):
        train([empty], [], tmp_path / "m.npz", coder=Coder(nlp=coder.nlp, prefilter=False))
    assert not (tmp_path / "m.npz").exists()


def test_blind_records_are_left_out_of_training_and_scored_on_request(tmp_path: Path,
                                                                        coder: Coder) -> None:
    real = _gold(tmp_path / "real.jsonl", REAL, "real")
    ids = tmp_path / "blind.txt"
    ids.write_text("# held out\nreal-0\nreal-3\n", encoding="utf-8")
    held = read_ids(ids)
    assert held == {"real-0", "real-3"}
    report = train([real], [], tmp_path / "m.npz", cv=False, blind=held, score_blind=True,
                   coder=Coder(nlp=coder.nlp, prefilter=False))
    assert report["real_records"] == 8 and report["pairs"] == 8
    assert report["blind_records_left_out"] == 2
    blind = report["blind"]
    assert blind["records"] == 2 and blind["pairs"] == 2
    assert set(blind) == {"records", "pairs", "learned", "rules"}  # figures only, no pair
    assert 0.0 <= blind["learned"]["macro_f1"] <= 1.0
