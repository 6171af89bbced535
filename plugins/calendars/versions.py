"""Each event's version: SEQUENCE, LAST-MODIFIED and DTSTAMP, changed when the event changes, and only then.

"The event changed" means: what its calendar says changed (build.digest_of: times, title,
status, place, text, rule, exceptions). A ledger under CACHE_PATH keeps, per UID, the digest
the last build wrote with its version:

- same digest: the same version, whatever else was edited (a typo in the body) and
  whenever the build runs, so a rebuild writes the same bytes;
- a new digest: SEQUENCE rises by at least one, and LAST-MODIFIED (and DTSTAMP) becomes
  the post's `modified` when staff set a newer one, else the moment of the build that first
  saw the change. So a time changed without touching `modified` still reaches calendars;
- no entry (the first build, a new event, or a lost cache): the post's own `modified`
  (its `date` when never modified), SEQUENCE its minutes since SEQUENCE_EPOCH.

Why a ledger and not git or the build clock alone: no field of a post says that its time
changed, git history counts edits of the body too, and a SEQUENCE from the clock would
change every hour. Losing the ledger is safe: a version from `modified` is never above
one the ledger gave the same content, and the next real change is again dated by the
build clock, above every earlier one; subscribers never see a change with a lower SEQUENCE.
The publish workflow keeps CACHE_PATH between runs (actions/cache).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from plugins._shared.files import write_atomically

logger = logging.getLogger(__name__)

LEDGER = Path("kalender") / "versi.json"  # under CACHE_PATH
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def sequence_at(moment: dt.datetime) -> int:
    """The SEQUENCE of a version made at `moment`: higher for every later minute."""
    return max(0, int((moment - SEQUENCE_EPOCH).total_seconds()) // 60)


@dataclass(frozen=True)
class Version:
    digest: str  # of the event's calendar text without its version (build.digest_of)
    sequence: int
    changed: dt.datetime  # UTC, whole seconds: LAST-MODIFIED and DTSTAMP

    def as_json(self) -> dict:
        return {"digest": self.digest, "sequence": self.sequence, "changed": self.changed.isoformat()}

    @classmethod
    def from_json(cls, data: dict) -> Version:
        return cls(str(data["digest"]), int(data["sequence"]), dt.datetime.fromisoformat(data["changed"]))


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(microsecond=0)


class Ledger:
    """The versions the last build wrote, read from CACHE_PATH and written back after this one."""

    def __init__(self, cache_path: str | Path):
        self.path = Path(cache_path) / LEDGER
        self.known = self._read()
        self.current: dict[str, Version] = {}

    def _read(self) -> dict[str, Version]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {uid: Version.from_json(item) for uid, item in data.items()}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
            # A cache heals: versions start again from each post's `modified` (safe, see above).
            logger.warning("Catatan versi kalender %s tidak terbaca (%s); dibuat ulang.", self.path, error)
            return {}

    def version(self, uid: str, digest: str, modified: dt.datetime, now: dt.datetime) -> Version:
        """The version of the event `uid` whose calendar text has this digest, in this build."""
        modified = _utc(modified)
        known = self.known.get(uid)
        if known is not None and known.digest == digest:
            found = known
        elif known is None:
            found = Version(digest, sequence_at(modified), modified)
        else:  # only here does the build's moment become the event's (clock.py notes it)
            changed = modified if modified > known.changed else max(_utc(now), known.changed)
            found = Version(digest, max(sequence_at(changed), known.sequence + 1), changed)
        self.current[uid] = found
        return found

    def save(self) -> None:
        """Keep this build's versions, and those of events it did not write (a post left out for a day)."""
        versions = {**self.known, **self.current}
        if versions == self.known:  # nothing new: the file already says it
            return
        data = {uid: versions[uid].as_json() for uid in sorted(versions)}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
        except OSError as error:  # the calendars are written; the next build starts from `modified`
            logger.warning("Catatan versi kalender %s tidak bisa disimpan (%s).", self.path, error)
