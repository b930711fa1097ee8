"""A thread of its own for one connection: calls handed over from the event loop run there one at a time, in order.

It does what a one-thread `ThreadPoolExecutor` with `loop.run_in_executor` does, with less in between: a call
is one tuple put on a `queue.SimpleQueue`, and its outcome reaches the awaiting task through one
`loop.call_soon_threadsafe`, without a `concurrent.futures.Future` (its lock and condition, and the callbacks
`asyncio.wrap_future` chains to it). On a store write, a commit with its fsync, that hand-off is a fair share
of the whole (`bench/bench_handlers.py`, the ticks).

Like the executor: a call whose future is cancelled before the thread picks it up never runs, and once picked
up it runs to its end (its outcome is then dropped); the thread ends when told to stop, after the calls
already handed over, or once the `WorkerThread` is garbage, and at interpreter exit it finishes the calls
handed over before the interpreter goes.
"""

from __future__ import annotations

import asyncio
import atexit
import queue
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_Call = tuple[asyncio.AbstractEventLoop, asyncio.Future[Any], Callable[..., Any] | None, tuple[Any, ...]]
"""What the thread is handed: the awaiting loop, the future to settle, the function (None: end) and its args."""

_running: weakref.WeakKeyDictionary[threading.Thread, queue.SimpleQueue[_Call | None]] = weakref.WeakKeyDictionary()
"""Every thread still running, with its queue: joined at interpreter exit."""


class WorkerThread:
    """One thread that runs the calls handed to it one at a time, in the order they came, until stopped."""

    def __init__(self, name: str) -> None:
        """Start the thread, named `name`."""
        self._calls: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self._stopping = False
        # The thread holds the queue only, not this object: once this is garbage, the finalizer ends it.
        self._wake_to_end = weakref.finalize(self, self._calls.put, None)
        self._wake_to_end.atexit = False  # at exit, _finish_at_exit ends and joins every thread instead
        self._thread = threading.Thread(target=_serve, args=(self._calls,), name=name, daemon=True)
        self._thread.start()
        _running[self._thread] = self._calls

    @property
    def thread(self) -> threading.Thread:
        """The thread the calls run in."""
        return self._thread

    def call(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        """Hand `fn(*args)` to the thread; the returned future, of the running loop, gets its result or exception."""
        if self._stopping:
            raise RuntimeError(f"worker thread {self._thread.name} is stopped")
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._calls.put((loop, future, fn, args))
        return future

    def stop(self) -> None:
        """End the thread once the calls already handed over have run, without waiting (idempotent)."""
        self._stopping = True
        self._wake_to_end()

    async def shutdown(self) -> None:
        """Let the calls already handed over run, end the thread, and return once it has ended (idempotent)."""
        if self._stopping:
            return
        self._stopping = True
        self._wake_to_end.detach()
        loop = asyncio.get_running_loop()
        ended: asyncio.Future[None] = loop.create_future()
        self._calls.put((loop, ended, None, ()))
        await ended  # cancelled, the thread still ends after the calls handed over
        # The thread settles `ended` as its last act: it is already on its way out.
        self._thread.join()


def _serve(calls: queue.SimpleQueue[_Call | None]) -> None:
    """Run the calls handed over, in order, until told to end."""
    while True:
        item = calls.get()
        if item is None:
            return
        loop, future, fn, args = item
        del item
        if fn is None:
            _deliver(loop, _succeed, future, None)
            return
        # Read across threads on purpose: a future cancelled before this point skips its call; one cancelled
        # later finds its call under way, which runs to its end (as a ThreadPoolExecutor's work item does).
        if not future.cancelled():
            try:
                result = fn(*args)
            except BaseException as exc:
                _deliver(loop, _fail, future, exc)
            else:
                _deliver(loop, _succeed, future, result)
                del result
        # Hold no reference to a finished call (its arguments, result or traceback) while waiting for the next.
        del loop, future, fn, args


def _deliver(
    loop: asyncio.AbstractEventLoop,
    settle: Callable[[asyncio.Future[Any], Any], None],
    future: asyncio.Future[Any],
    value: Any,
) -> None:
    """Have the loop settle `future` with `value`; nothing when the loop is closed (nobody is awaiting any more)."""
    try:
        loop.call_soon_threadsafe(settle, future, value)
    except RuntimeError:
        if not loop.is_closed():
            raise


def _succeed(future: asyncio.Future[Any], result: Any) -> None:
    """Set the result unless the future was cancelled meanwhile."""
    if not future.done():
        future.set_result(result)


def _fail(future: asyncio.Future[Any], exc: BaseException) -> None:
    """Set the exception unless the future was cancelled meanwhile."""
    if not future.done():
        future.set_exception(exc)


@atexit.register
def _finish_at_exit() -> None:
    """At interpreter exit, let every running thread run the calls handed to it, then end (as executors do)."""
    running = list(_running.items())
    for _, calls in running:
        calls.put(None)
    for thread, _ in running:
        thread.join()
