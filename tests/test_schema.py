from datetime import date

from eventwire.schema import EVENT_KEYS, Article
from tests.conftest import make_event


def test_event_dict_has_every_documented_key_and_actor_fields() -> None:
    d = make_event().to_dict()
    assert tuple(d) == EVENT_KEYS
    assert set(d["source"]) == {"text", "start", "end", "country", "sector", "name", "code"}
    assert d["location"] is None
    assert d["date"] == "2025-05-01"


def test_article_id_is_stable_and_prefers_given_id_then_url() -> None:
    a = Article(text="Turkey met Pakistan.", date=date(2025, 1, 1))
    assert a.with_id().id == a.with_id().id
    assert Article(text="x", id="given").with_id().id == "given"
    by_url = Article(text="one", url="https://example.org/1").with_id().id
    assert by_url == Article(text="two", url="https://example.org/1").with_id().id


def test_content_hash_changes_with_text_title_and_date() -> None:
    base = Article(text="Turkey met Pakistan.", date=date(2025, 1, 1))
    assert base.content_hash != Article(text="Turkey met India.", date=date(2025, 1, 1)).content_hash
    assert base.content_hash != Article(text=base.text, date=date(2025, 1, 2)).content_hash
    assert base.content_hash != Article(text=base.text, date=base.date, title="t").content_hash
