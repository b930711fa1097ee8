"""The store is its repositories: `Store` offers every protocol of `bot.store.protocols`, on each backend."""

import inspect

import pytest

from bot.store import Store
from bot.store.database import Database
from bot.store.protocols import Enrollments, Groups, Learners, Meta, Reminders, Reviews, UserData

PROTOCOLS = (Learners, Enrollments, Reminders, Groups, Reviews, UserData, Meta)


@pytest.mark.parametrize("protocol", PROTOCOLS, ids=lambda p: p.__name__)
def test_store_has_each_protocols_methods_with_its_signatures(protocol: type) -> None:
    for name, member in vars(protocol).items():
        if name.startswith("_") or not callable(member):
            continue
        ours = getattr(Store, name)
        assert list(inspect.signature(ours).parameters) == list(inspect.signature(member).parameters), name
        assert inspect.iscoroutinefunction(ours) == inspect.iscoroutinefunction(member), name


async def test_an_open_store_is_each_protocol(store: Store) -> None:
    for protocol in PROTOCOLS:
        assert isinstance(store, protocol)
    assert isinstance(store.database, Database)
