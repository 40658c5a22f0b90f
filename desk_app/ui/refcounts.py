"""Reference counts of ``True``, ``False`` and ``None``: the check that a Qt binding does not
drop them.

On CPython 3.11 these objects are not immortal (they are from 3.12 on, PEP 683): a binding
that releases one reference too many on each signal emission, as PySide6 6.12.0 does, brings
the count to zero after some hours of a running window, and the program aborts with
``Fatal Python error: bool_dealloc``. The regression test drives the window's own signal
paths with this; the bundle's smoke test runs ``emit_drift`` in the frozen program.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

Counts = tuple[int, int, int]


def counts() -> Counts:
    return sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)


def drift(action: Callable[[], object], times: int, *, limit: int = 50, chunk: int = 2000) -> Counts:
    """Run ``action`` ``times`` times and return how far the three counts moved.

    Checked every ``chunk`` runs, so a binding that loses references fails with a number
    before the count reaches zero and aborts the process. Garbage is collected before each
    reading: what earlier work left for the collector must not count as a change."""
    _settle()
    before = counts()
    done = 0
    while done < times:
        for _ in range(min(chunk, times - done)):
            action()
        done += min(chunk, times - done)
        _settle()
        moved = tuple(after - start for after, start in zip(counts(), before, strict=True))
        if any(abs(m) > limit for m in moved):
            break
    return moved  # type: ignore[return-value]


def _settle() -> None:
    """Let go of what is already on its way out: objects waiting for the event loop to
    delete them (``deleteLater``) and garbage waiting for the collector."""
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    gc.collect()


class _Probe(QObject):
    ping = Signal()
    value = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.seen = 0
        self.ping.connect(self._on_ping)
        self.value.connect(self._on_value)

    def _on_ping(self) -> None:
        self.seen += 1

    def _on_value(self, flag: bool) -> None:
        self.seen += int(flag)


def emit_drift(times: int = 2000) -> Counts:
    """The minimal check: a Python-side emit to a method slot, ``times`` times."""
    if QCoreApplication.instance() is None:
        raise RuntimeError("no QCoreApplication")
    probe = _Probe()

    def emit() -> None:
        probe.ping.emit()
        probe.value.emit(True)

    return drift(emit, times)
