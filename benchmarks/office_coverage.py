"""How completely the office tables cover each office since 2000.

For every country and office in ``actors/data/ministers.tsv`` (FM foreign, DEF defence, INT
interior or police ministry) or ``leaders.tsv`` (HOS head of state, HOG head of government), the
share of days from 2000-01-01 to today on which some holder is on record. Gaps are caretaker
periods, vacancies or offices created later (US Homeland Security in 2003, Japan's internal
affairs ministry in 2001, Armenia's interior ministry in 2023).

    .venv/bin/python benchmarks/office_coverage.py [--table leaders.tsv] [--worst 15]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from datetime import date

from eventwire.actors.gazetteer import OfficeTerm, office_terms

ROLES = {"ministers.tsv": ("FM", "DEF", "INT"), "leaders.tsv": ("HOS", "HOG")}
SINCE = date(2000, 1, 1)


def covered_days(terms: list[OfficeTerm], today: date) -> int:
    """Days in [SINCE, today) that fall in at least one term."""
    days = 0
    cursor = SINCE
    for term in sorted(terms, key=lambda t: t.start):
        start = max(term.start, cursor)
        end = min(term.end or today, today)
        if end > start:
            days += (end - start).days
            cursor = end
    return days


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", choices=sorted(ROLES), default="ministers.tsv")
    parser.add_argument("--worst", type=int, default=15, help="list this many least-covered offices")
    args = parser.parse_args()
    roles = ROLES[args.table]
    today = date.today()
    span = (today - SINCE).days
    offices: dict[tuple[str, str], list[OfficeTerm]] = defaultdict(list)
    for term in office_terms(args.table):
        if term.role in roles:
            offices[(term.country, term.role)].append(term)
    countries = sorted({c for c, _ in offices})
    complete = [c for c in countries if all((c, r) in offices for r in roles)]
    shares = {key: covered_days(terms, today) / span for key, terms in offices.items()}
    print(f"{sum(len(t) for t in offices.values())} terms, {len(countries)} countries, "
          f"{len(complete)} with all of {', '.join(roles)}")
    for role in roles:
        vals = [s for (_, r), s in shares.items() if r == role]
        print(f"{role:4s} {len(vals)} countries, mean coverage since 2000 {sum(vals) / len(vals):.3f}")
    print(f"all  mean coverage {sum(shares.values()) / len(shares):.3f}; "
          f"offices covered >= 90%: {sum(s >= 0.9 for s in shares.values())}/{len(shares)}")
    print("least covered:")
    for (country, role), share in sorted(shares.items(), key=lambda kv: kv[1])[:args.worst]:
        print(f"  {country} {role:4s} {share:.3f}")


if __name__ == "__main__":
    main()
