"""The wheel and the sdist as built from the repository: license metadata, notice files, and a
build that prints no warning (a setuptools deprecation today is a broken install later)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The project's own licence and the MIT notice of the OEDA dictionaries shipped as actor data.
NOTICES = ("LICENSE", "src/eventwire/actors/data/oeda/LICENSE")
# What a checkout has but a build must not see (the git-ignored names), so that the build runs
# on a copy and leaves no build/ or *.egg-info in the working tree.
_NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "out", "*.egg-info",
                                     "__pycache__", ".*_cache", ".hypothesis", ".schemathesis", "*.duckdb*")
# pip's notes about this machine's local package indexes (scripts/setup.sh drops them too).
_LOCATION_NOTE = "is ignored: "


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path
    output: str  # what the builds printed, minus pip's location notes


def _run(cmd: list[str], cwd: Path) -> str:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{cmd[2:4]} failed:\n{done.stdout}\n{done.stderr}"
    return "\n".join(line for line in (done.stdout + done.stderr).splitlines()
                     if _LOCATION_NOTE not in line)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    src = tmp_path_factory.mktemp("checkout") / "eventwire"
    shutil.copytree(ROOT, src, ignore=_NOT_SOURCE)
    out = tmp_path_factory.mktemp("dist")
    # No network and no isolation: the build backend is the locked setuptools in this venv.
    wheel_log = _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                      "--disable-pip-version-check", "-w", str(out), "."], src)
    sdist_log = _run([sys.executable, "-c", "import sys, setuptools.build_meta as b; "
                      "print(b.build_sdist(sys.argv[1]))", str(out)], src)
    (wheel,) = out.glob("eventwire-*.whl")
    (sdist,) = out.glob("eventwire-*.tar.gz")
    return Built(wheel, sdist, wheel_log + "\n" + sdist_log)


def _wheel_files(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as z:
        return {name: z.read(name) for name in z.namelist() if not name.endswith("/")}


def _sdist_files(sdist: Path) -> dict[str, bytes]:
    with tarfile.open(sdist) as t:
        found = {}
        for member in t.getmembers():
            data = t.extractfile(member) if member.isfile() else None
            if data is not None:
                # Drop the top directory (eventwire-0.1.0/) so names are repository paths.
                found[member.name.split("/", 1)[1]] = data.read()
        return found


def _license_headers(metadata: bytes) -> tuple[list[str], list[str]]:
    headers = HeaderParser().parsestr(metadata.decode("utf-8"))
    return headers.get_all("License-Expression", []), headers.get_all("License-File", [])


@pytest.mark.slow
def test_the_wheel_declares_its_license_and_carries_the_notices(built: Built) -> None:
    files = _wheel_files(built.wheel)
    (info,) = {name.split("/", 1)[0] for name in files if ".dist-info/" in name}
    expression, license_files = _license_headers(files[f"{info}/METADATA"])
    assert expression == ["Apache-2.0"]
    assert sorted(license_files) == sorted(NOTICES)
    for notice in NOTICES:
        assert files[f"{info}/licenses/{notice}"] == (ROOT / notice).read_bytes(), notice
    assert b"Apache License" in files[f"{info}/licenses/LICENSE"]
    assert files[f"{info}/licenses/{NOTICES[1]}"].startswith(b"The MIT License")


@pytest.mark.slow
def test_the_sdist_declares_its_license_and_carries_the_notices(built: Built) -> None:
    files = _sdist_files(built.sdist)
    expression, license_files = _license_headers(files["PKG-INFO"])
    assert expression == ["Apache-2.0"]
    assert sorted(license_files) == sorted(NOTICES)
    for notice in NOTICES:
        assert files[notice] == (ROOT / notice).read_bytes(), notice


@pytest.mark.slow
def test_building_prints_no_warning(built: Built) -> None:
    # A setuptools or pip deprecation here (the old license table printed one) is a build that
    # stops working on a later setuptools; scripts/setup.sh fails on the same notices.
    noisy = [line for line in built.output.splitlines()
             if "warning" in line.lower() or "deprecat" in line.lower()]
    assert not noisy, "the build printed:\n" + "\n".join(noisy)
