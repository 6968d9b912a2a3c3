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
