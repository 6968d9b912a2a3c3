"""Readers: plain text with a "date YYYY-MM-DD" header, JSONL, directories and stdin."""

from eventwire.ingest.readers import (
    MAX_TEXT_BYTES,
    ReadError,
    clean_text,
    parse_text_article,
    read_inputs,
)

__all__ = ["MAX_TEXT_BYTES", "ReadError", "clean_text", "parse_text_article", "read_inputs"]
