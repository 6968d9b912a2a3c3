from eventwire.parallel import chunked, map_chunks


def square_all(chunk):  # type: ignore[no-untyped-def]
    return [x * x for x in chunk]


def test_map_chunks_keeps_order_in_and_out_of_process() -> None:
    items = list(range(50))
    assert list(map_chunks(square_all, items, workers=1, chunk_size=7)) == [x * x for x in items]
    assert list(map_chunks(square_all, items, workers=2, chunk_size=7)) == [x * x for x in items]
    assert [len(c) for c in chunked(items, 20)] == [20, 20, 10]
