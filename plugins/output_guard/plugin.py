"""Pelican hooks of the output guard."""

from __future__ import annotations

from pelican import signals

from . import ledger, lock, statics
from .writer import AtomicWriter


def _lock_for_pelican(pelican) -> None:
    lock.acquire(pelican.output_path, lock.wait_seconds())


def _lock_for_generator(generator) -> None:
    # Generators are made before Pelican cleans the output, on every run:
    # `pelican --autoreload` runs one Pelican again without a new `initialized`.
    lock.acquire(generator.output_path, lock.wait_seconds())


def _release(pelican) -> None:
    lock.release(pelican.output_path)


def _writer(pelican):
    return AtomicWriter


def register() -> None:
    signals.initialized.connect(_lock_for_pelican)
    signals.article_generator_init.connect(_lock_for_generator)
    signals.article_generator_init.connect(ledger.start)
    signals.static_generator_finalized.connect(statics.guard)
    signals.static_generator_finalized.connect(ledger.hold_statics)
    signals.get_writer.connect(_writer)
    signals.finalized.connect(ledger.finish)  # before the lock goes: no other build writes here
    signals.finalized.connect(_release)
