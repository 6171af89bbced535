"""Wall time, CPU time and peak memory of one child process and everything it starts.

CPU is `getrusage(RUSAGE_CHILDREN)` before and after, user + sys. A build's
card workers run under multiprocessing's forkserver, which the build process
never waits for (Python 3.11): without help their CPU time would be lost with
the orphaned forkserver (measured: a 1.1 s pool counted as 0.06 s). So the
bench makes itself a child subreaper (Linux prctl), and after each child
reaps every orphan it inherited; their times then count too.

Peak memory is ru_maxrss, per process: the child's own (from wait4, which
includes the children it waited for) and each reaped orphan's. `peak_mib` is
the largest single process; `peak_sum_mib` adds the per-process peaks, an
upper bound of what ran at the same time (the main build and its workers
overlap, but their peaks need not coincide). Neither counts shared pages once.
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
_subreaper = False


def become_subreaper() -> bool:
    """Adopt orphaned descendants (Linux); False where that is not possible."""
    global _subreaper
    if _subreaper:
        return True
    if sys.platform.startswith("linux"):
        try:
            _subreaper = ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
        except (OSError, AttributeError):
            _subreaper = False
    return _subreaper


@dataclass
class Measurement:
    wall: float
    cpu: float  # user + sys of the whole tree, seconds
    peak_mib: float
    peak_sum_mib: float
    returncode: int
    stderr: str = ""
    orphans: int = 0
    extra: dict = field(default_factory=dict)


def _cpu(usage) -> float:
    return usage.ru_utime + usage.ru_stime


def reap_orphans(keep: set[int] = frozenset(), deadline_s: float = 20.0) -> list:
    """Wait for adopted orphans (a forkserver, its workers) until none is left; their rusages.

    `keep`: children of our own still meant to run (the serve loop); waiting stops
    when only they are left.
    """
    usages = []
    deadline = time.monotonic() + deadline_s
    while True:
        try:
            pid, _status, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return usages
        if pid == 0:
            if _only(keep) or time.monotonic() > deadline:
                return usages
            time.sleep(0.005)
            continue
        usages.append(usage)


def _only(keep: set[int]) -> bool:
    """True when every remaining child of this process is in `keep`."""
    if not keep:
        return False
    me = os.getpid()
    try:
        children = Path(f"/proc/{me}/task/{me}/children").read_text().split()
    except OSError:
        return True
    return {int(c) for c in children} <= keep


def run(command: list[str], cwd: Path, keep: set[int] = frozenset()) -> Measurement:
    """Run one child to its end; measure it and every process it left behind."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    stderr_text = child.stderr.read()  # drains the pipe while it runs (warnings can be long)
    _pid, status, own = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    orphans = reap_orphans(keep)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peaks = [own.ru_maxrss] + [u.ru_maxrss for u in orphans]
    return Measurement(
        wall=wall,
        cpu=_cpu(after) - _cpu(before),
        peak_mib=max(peaks) / 1024,
        peak_sum_mib=sum(peaks) / 1024,
        returncode=child.returncode,
        stderr=stderr_text,
        orphans=len(orphans),
    )


def tree_cpu(root: int) -> float:
    """CPU seconds (user + sys, with reaped children) of a running process and its descendants."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = sum(int(v) for v in fields[11:15]) / tick  # utime stime cutime cstime
    total = 0.0
    for pid, cpu in times.items():
        walker, seen = pid, 0
        while walker and walker != root and seen < 64:
            walker, seen = parents.get(walker, 0), seen + 1
        if walker == root:
            total += cpu
    return total


def reset_high_water(pid: int) -> bool:
    """Start a running process's VmHWM again from its resident set now (Linux clear_refs 5)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def high_water_mib(pid: int) -> float:
    """VmHWM (peak resident set) of a running process, MiB; 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def html_pages(output: Path, since_ns: int = 0) -> tuple[int, int]:
    """HTML files in the output, and how many of them were written at or after `since_ns`."""
    total = written = 0
    for folder, _dirs, files in os.walk(output):
        for name in files:
            if name.endswith(".html"):
                total += 1
                if os.stat(os.path.join(folder, name)).st_mtime_ns >= since_ns:
                    written += 1
    return total, written
