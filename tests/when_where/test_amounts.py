import pytest

from eventwire.when_where.amounts import amounts


@pytest.mark.parametrize(("text", "kind", "value", "currency"), [
    ("aim for $5 billion in trade", "money", 5e9, "USD"),
    ("a $5bn deal", "money", 5e9, "USD"),
    ("Rs 2.55 trillion in loans", "money", 2.55e12, "INR"),
    ("120 million euros in aid", "money", 1.2e8, "EUR"),
    ("£40m for schools", "money", 4e7, "GBP"),
    ("killing 19 soldiers", "killed", 19, None),
    ("at least 20 people were killed", "killed", 20, None),
    ("30 injured", "injured", 30, None),
    ("police arrested dozens of protesters", "arrested", 24, None),
    ("inflation rose 3.5 percent", "percent", 3.5, None),
])
def test_amounts(text: str, kind: str, value: float, currency: str | None) -> None:
    (found,) = amounts(text)
    assert (found["kind"], found["value"], found.get("currency")) == (kind, value, currency)


def test_no_amount_in_plain_text() -> None:
    assert amounts("Turkey and Pakistan held talks in Ankara.") == []


@pytest.mark.parametrize(("text", "killed"), [
    ("The strike killed 12 soldiers near the border.", 12),
    ("At least 30 people died when the shells hit the market.", 30),
    ("Twelve were killed, including 3 children, and 40 wounded.", 12),  # the largest, not a sum
    ("Police arrested 15 protesters and injured 4.", None),  # no one killed
    ("The ministers met in Geneva on Monday.", None),
])
def test_fatalities_is_the_largest_count_of_people_killed(text: str, killed: int | None) -> None:
    from eventwire.when_where.amounts import fatalities

    assert fatalities(amounts(text)) == killed
