"""poll-once's startup runs without garbage collection, and what it made is frozen before collection resumes."""

import gc

from newsmon.cli.commands.service import collection_paused


def test_startup_objects_are_frozen_and_collection_resumes():
    assert gc.isenabled()
    frozen_before = gc.get_freeze_count()
    try:
        with collection_paused():
            assert not gc.isenabled()
            made = [[index] for index in range(1000)]  # a thousand tracked objects that live on
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen_before + len(made)  # the next collection walks none of them
    finally:
        gc.unfreeze()  # this test process goes on collecting as before


def test_collection_left_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
