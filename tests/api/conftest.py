from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server import build_demo_db, running_server


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_db(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="session")
def base_url(demo_db: Path) -> Iterator[str]:
    with running_server(demo_db) as url:
        yield url

