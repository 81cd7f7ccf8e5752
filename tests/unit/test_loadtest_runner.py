"""The load test's event loop works from a thread that already runs one (a test process that
also drove a browser through Playwright's sync API)."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from loadtest.runner import run_coroutine


async def _answer() -> int:
    await asyncio.sleep(0)
    return 42


async def _fail() -> None:
    raise ValueError("inside")


def test_without_a_running_loop():
    assert run_coroutine(_answer) == 42


def _run_in_own_thread(coroutine):
    """asyncio.run in a fresh thread: this worker may have driven a browser (a loop runs here)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_inside_a_running_loop():
    async def outer():
        return run_coroutine(_answer)  # a plain asyncio.run here would raise RuntimeError

    assert _run_in_own_thread(outer()) == 42


def test_errors_reach_the_caller_inside_a_running_loop():
    async def outer():
        run_coroutine(_fail)

    with pytest.raises(ValueError, match="inside"):
        _run_in_own_thread(outer())
