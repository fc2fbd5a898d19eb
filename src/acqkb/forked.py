"""Run one function in a forked child process while the caller works on.

`concurrent.futures.ProcessPoolExecutor` does the same, but starting it (its
imports, queues and feeder thread) took 0.1 s of the 0.35 s that loading the
real data on two cores takes; a fork and a pipe cost about a millisecond.
Only for callers without threads (a fork copies one thread only).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any


def start(function: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    """Fork a child that runs function(*args); the returned callable waits for its result (or raises its error)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer through the pipe, then leave without running the parent's exit handlers
        os.close(read_end)
        try:
            answer = pickle.dumps((True, function(*args)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # any failure goes back to the parent as text
            import traceback

            answer = pickle.dumps((False, traceback.format_exc()))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(answer)
        os._exit(0)
    os.close(write_end)

    def result() -> Any:
        with os.fdopen(read_end, "rb") as pipe:
            answer = pipe.read()
        _, status = os.waitpid(pid, 0)
        if not answer:
            raise RuntimeError(f"the forked process ended without an answer (wait status {status})")
        ok, value = pickle.loads(answer)
        if not ok:
            raise RuntimeError(f"the forked process failed:\n{value}")
        return value

    return result
