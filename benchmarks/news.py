"""Generated news text for the benchmarks: articles that mix event sentences with the background
sentences real reports are full of (context, figures, quotes about plans, weather, markets).
Deterministic for a given seed. Written by the project."""

from __future__ import annotations

import random

ACTORS = ["Turkey", "Pakistan", "India", "China", "Russia", "Ukraine", "Iran", "Israel", "Egypt",
          "Japan", "Germany", "France", "Brazil", "Kenya", "Nigeria", "the European Union",
          "the United Nations", "President Erdogan", "Prime Minister Sharif", "rebel fighters",
          "police", "protesters", "the army"]
EVENTS = [
    "{a} held talks with {b} on {d}.", "{a} accused {b} of violating the ceasefire.",
    "{a} sent humanitarian aid to {b}.", "{a} imposed sanctions on {b}.",
    "{a} condemned the attack on {b}.", "{a} and {b} agreed to expand trade.",
    "{a} deployed troops near the border with {b}.", "{a} released prisoners held by {b}.",
    "{a} urged {b} to return to negotiations.", "{a} threatened to cut ties with {b}.",
    "{a} rejected the proposal from {b}.", "{a} praised {b} for its help after the floods.",
    "{a} shelled positions held by {b} overnight.", "{a} arrested supporters of {b}.",
]
BACKGROUND = [
    "The region has a population of about {n} million people.",
    "Temperatures are expected to reach {n} degrees later this week.",
    "The figures are preliminary and may be revised next month.",
    "Markets were mixed in early trading, with energy shares slightly higher.",
    "The report runs to more than {n}0 pages.",
    "It was not immediately clear how many people were affected.",
    "The meeting was the first of its kind in {n} years.",
    "Inflation slowed to {n} percent in the year to March.",
    "The statement came hours after the announcement.",
    "Officials did not give further details.",
    "The airport remained open throughout the day.",
    "The decision is expected to take effect at the start of next year.",
    "Local media showed long queues outside petrol stations.",
    "Analysts say the economy has struggled since the pandemic.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(n_articles: int, seed: int = 7, sentences: int = 12, event_share: float = 0.5
             ) -> list[str]:
    """``n_articles`` texts of ``sentences`` sentences, about ``event_share`` of them events."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n_articles):
        parts = []
        for _ in range(sentences):
            if rng.random() < event_share:
                a, b = rng.sample(ACTORS, 2)
                s = rng.choice(EVENTS).format(a=a, b=b, d=rng.choice(DAYS))
            else:
                s = rng.choice(BACKGROUND).format(n=rng.randint(2, 9))
            parts.append(s[0].upper() + s[1:])
        texts.append(" ".join(parts))
    return texts


# Real-shaped long copy: what a wire roundup or a live page carries besides plain event
# sentences (datelines, places, quotations, coordinated actors, pronouns that refer back).
PLACES = ["Paris", "Geneva", "Moscow", "Kabul", "Karachi", "Hyderabad", "Cairo", "Nairobi",
          "Springfield", "Vienna", "Doha", "Ankara"]
DATELINES = ["MOSCOW, March 3 (Reuters) -- ", "ISLAMABAD, May 12 (AP) -- ",
             "Geneva, June 4 (AFP) -- ", "NAIROBI -- ", "CAIRO, Oct 9 (Reuters) - "]
PERSONS = ["President Erdogan", "Prime Minister Sharif", "the foreign minister",
           "a government spokesman", "the army chief"]
PLACED = [
    "{a} attacked {b} in {p}.", "{a} held talks with {b} in {p} on {d}.",
    "Police in {p} arrested dozens of protesters on {d}.",
    "{a} and {b} signed a trade agreement at a ceremony in {p}.",
    "Troops from {a} clashed with {b} near {p} overnight.",
]
QUOTED = [
    '"We will not accept this," {s} said in {p}.',
    '{s} said: "The talks with {b} were useful and will continue."',
    '"{b} must withdraw its forces," {s} told reporters on {d}.',
    'According to {s}, {a} had rejected the offer from {b}.',
]
COORDINATED = [
    "{a}, {b} and {c} condemned the attack on the convoy.",
    "{a} criticised {b} and {c} for delaying the vote.",
    "{a} met {b} on {d} and agreed to resume flights to {p}.",
]
REFERRING = [
    "He said {b} would be held responsible.", "They accused {b} of breaking the truce.",
    "It threatened to expel diplomats from {b}.", "She urged {b} to free the detainees.",
]


def long_article(size: int, seed: int = 7) -> str:
    """One article of about ``size`` characters (at least): a dateline, then paragraphs of
    three to five sentences mixing events (some placed, quoted, coordinated or referring back
    with a pronoun) with background; some paragraphs open with a dateline of their own, as a
    roundup's do. Deterministic for a given seed."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total = 0
    while total < size:
        parts = []
        for _ in range(rng.randint(3, 5)):
            a, b, c = rng.sample(ACTORS, 3)
            slots = {"a": a, "b": b, "c": c, "d": rng.choice(DAYS), "p": rng.choice(PLACES),
                     "s": rng.choice(PERSONS)}
            kind = rng.random()
            if kind < 0.35:
                s = rng.choice(BACKGROUND).format(n=rng.randint(2, 9))
            elif kind < 0.55:
                s = rng.choice(PLACED).format(**slots)
            elif kind < 0.7:
                s = rng.choice(QUOTED).format(**slots)
            elif kind < 0.8:
                s = rng.choice(COORDINATED).format(**slots)
            elif kind < 0.9 and parts:
                s = rng.choice(REFERRING).format(**slots)
            else:
                s = rng.choice(EVENTS).format(**slots)
            first = 1 if s[0] == '"' else 0  # (a quotation's first word, after its mark)
            parts.append(s[:first] + s[first].upper() + s[first + 1:])
        opening = rng.choice(DATELINES) if not paragraphs or rng.random() < 0.1 else ""
        paragraphs.append(opening + " ".join(parts))
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)
