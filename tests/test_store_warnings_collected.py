"""A page that shows what its own reads skipped collects their warnings (store.warnings_collected):
they are its alone, and a read on another thread at the same time keeps its warning in the store
for take_warnings(), as the command line takes them."""

from __future__ import annotations

import threading

from mockint.app.review import load_session
from mockint.app.store_warnings import with_warnings
from mockint.paths import app_paths
from mockint.store import Store
from tests.test_store_damaged_feedback import _damage, _friend_practice


def test_warnings_collected_are_the_callers_alone_and_other_threads_keep_theirs_in_the_store():
    ids = _friend_practice()
    _damage("UPDATE ratings SET confidence = 9 WHERE answer_id = ?", ids["broken"])
    rating = f"rating of answer {ids['broken']}"

    with Store.open(app_paths()) as store:
        other_thread = threading.Thread(target=store.ratings_for_session, args=(ids["session"],))
        with store.warnings_collected() as collected:
            other_thread.start()
            other_thread.join()  # its read is not this block's
            assert store.rating_for(ids["broken"]) is None
        assert [w.split(" was skipped")[0] for w in collected] == [rating]
        assert [w.split(" was skipped")[0] for w in store.take_warnings()] == [rating]  # the other thread's
        assert store.take_warnings() == []

        loaded = with_warnings(store, load_session, ids["session"])
        assert [a.id for a in loaded.value.answers] == [ids["kept"], ids["broken"]]
        assert [w.split(" was skipped")[0] for w in loaded.warnings] == [rating]
        assert store.take_warnings() == []


def test_a_damaged_row_read_again_without_collecting_is_in_the_shared_list_once():
    """Reads that do not collect (a page's side read, a command) cannot grow the list on every reload."""
    ids = _friend_practice()
    _damage("UPDATE ratings SET confidence = 9 WHERE answer_id = ?", ids["broken"])
    with Store.open(app_paths()) as store:
        for _ in range(3):
            store.ratings_for_session(ids["session"])
        assert [w.split(" was skipped")[0] for w in store.take_warnings()] == [f"rating of answer {ids['broken']}"]
        store.ratings_for_session(ids["session"])  # taken: the next read tells it again
        assert len(store.take_warnings()) == 1
