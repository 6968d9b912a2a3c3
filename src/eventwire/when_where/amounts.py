"""Amounts in an event's sentence: money (with currency and magnitude), counts of people killed,
injured or arrested, and percentages."""

from __future__ import annotations

import re
from typing import Any

_MAGNITUDE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
              "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5}
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "rs": "INR",
                   "rs.": "INR", "₹": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP",
                   "inr": "INR", "c$": "CAD", "a$": "AUD"}
_CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
                   "pounds": "GBP", "rupees": "INR", "rupee": "INR", "yen": "JPY", "yuan": "CNY",
                   "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "liras": "TRY",
                   "krone": "DKK", "kroner": "DKK", "shekels": "ILS", "riyals": "SAR"}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_MAG = r"(thousand|million|billion|trillion|crore|lakh|mn|bn|tn|m|b|k)\b"
_SIGN = r"(US\$|C\$|A\$|\$|€|£|¥|₹|Rs\.?|USD|EUR|GBP|INR)"
MONEY_SIGN = re.compile(rf"{_SIGN}\s?{_NUM}\s?(?:{_MAG})?", re.IGNORECASE)
MONEY_WORD = re.compile(rf"{_NUM}\s?(?:{_MAG})?\s?({'|'.join(_CURRENCY_WORDS)})\b", re.IGNORECASE)
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
          "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000, "scores": 40}
_COUNT = rf"({_NUM}|{'|'.join(sorted(_WORDS, key=len, reverse=True))})"
_OUTCOME = {"kill": "killed", "dead": "killed", "die": "killed", "death": "killed",
            "wound": "injured", "injur": "injured", "hurt": "injured", "arrest": "arrested",
            "detain": "arrested", "abduct": "abducted", "kidnap": "abducted",
            "displac": "displaced"}
_OUTCOME_RE = (r"(kill\w*|dead|died|deaths?|wound\w*|injur\w*|hurt|arrest\w*|detain\w*|abduct\w*"
               r"|kidnap\w*|displac\w*)")
COUNT_AFTER = re.compile(
    rf"{_OUTCOME_RE}\s+(?:at least |more than |some |about |nearly |over |up to )?{_COUNT}",
    re.IGNORECASE)
COUNT_BEFORE = re.compile(
    rf"(?:at least |more than |some |about |nearly |over |up to )?{_COUNT}\s+(?:[a-z-]+\s+){{0,3}}?"
    rf"(?:were |have been |had been |are |was )?{_OUTCOME_RE}", re.IGNORECASE)
PERCENT = re.compile(rf"{_NUM}\s?(%|percent|per cent)", re.IGNORECASE)


def _number(text: str) -> float:
    low = text.lower()
    return float(_WORDS[low]) if low in _WORDS else float(low.replace(",", ""))


def _outcome(word: str) -> str:
    low = word.lower()
    return next((v for k, v in _OUTCOME.items() if low.startswith(k)), low)


def fatalities(found: list[dict[str, Any]]) -> int | None:
    """The event's deaths from its sentence's counts of people killed (``amounts``): the
    largest one, None when the sentence gives none. The largest, not the sum: reports count
    the same dead twice ("12 killed, including 3 children"; "killed 30 ... the 30 dead"), and
    like ACLED's figure this is a conservative count, never an added-up guess."""
    killed = [int(a["value"]) for a in found if a.get("kind") == "killed"]
    return max(killed) if killed else None


def amounts(text: str) -> list[dict[str, Any]]:
    """Money, casualty/arrest counts and percentages found in a sentence, in text order."""
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], item: dict[str, Any]) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append({**item, "text": m.group(0).strip(), "start": m.start()})

    for m in MONEY_SIGN.finditer(text):
        sign, num, mag = m.group(1), m.group(2), m.group(3)
        value = _number(num) * _MAGNITUDE.get((mag or "").lower(), 1.0)
        add(m, {"kind": "money", "value": value, "currency": _CURRENCY_SIGNS[sign.lower()]})
    for m in MONEY_WORD.finditer(text):
        num, mag, word = m.group(1), m.group(2), m.group(3)
        value = _number(num) * _MAGNITUDE.get((mag or "").lower(), 1.0)
        add(m, {"kind": "money", "value": value, "currency": _CURRENCY_WORDS[word.lower()]})
    for m in PERCENT.finditer(text):
        add(m, {"kind": "percent", "value": _number(m.group(1))})
    for m in COUNT_AFTER.finditer(text):
        add(m, {"kind": _outcome(m.group(1)), "value": _number(m.group(2))})
    for m in COUNT_BEFORE.finditer(text):
        add(m, {"kind": _outcome(m.group(3)), "value": _number(m.group(1))})
    return [{k: v for k, v in item.items() if k != "start"}
            for item in sorted(found, key=lambda x: x["start"])]
