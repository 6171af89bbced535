"""Test builds in processes forked from one that has already imported the build runner.

Each test build runs the runner's command line (`python -m plugins._shared.build ...`) in
a process of its own, as staff and CI run it. A new Python process imports about 750
modules (Pelican, the plugins, Pillow, icalendar: 0.6-0.7 s of CPU) before it reads a
file, and the suite builds over a hundred times. So each test process starts a server
here that imports all of that once and then forks a child for each build. The child takes
the caller's folder, environment and arguments, its own stdin, stdout and stderr, runs
the runner as `python -m` does (runpy, as __main__) and exits with its code.

Kept as a fresh process would be:
- no threads in the server, so a child cannot inherit a lock another thread held at the
  fork (why the card pools use forkserver);
- nothing from a build survives into the next: each is a new child of the server, which
  never builds; the settings files are not imported there (publishconf.py imports
  pelicanconf by name, and a test's own copy must find its neighbour);
- three servers take turns, each with its own string hash seed, so any three builds in a
  row (a build, one after a change, a clean one compared with it byte for byte) iterate
  sets of strings in different orders, as new processes would;
- a build's stdout and stderr are pipes, read until every process holding them has
  closed them, as subprocess.run reads them: a pool worker left running holds them too;
- what a process reads as it starts (PYTHON* variables, the locale, the time zone, what
  rich reads of the terminal) is the caller's: a build whose environment differs from
  the server's in more than the variables read live runs as a new process instead, and so
  does every build when SERAMBI_TEST_FRESH_BUILDS=1.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNNER = "plugins._shared.build"
FRESH_ENV = "SERAMBI_TEST_FRESH_BUILDS"


# Read each time they are used, not as the process starts (rich reads COLUMNS per line).
LIVE_VARIABLES = ("COLUMNS", "LINES", "PYTEST_CURRENT_TEST")
LIVE_PREFIX = "SERAMBI_"


def _read_at_start(env: dict[str, str]) -> dict[str, str]:
    """The variables a process may have read before it builds: all but the live ones."""
    return {
        name: value
        for name, value in env.items()
        if name not in LIVE_VARIABLES and not name.startswith(LIVE_PREFIX)
    }


class _Server:
    def __init__(self):
        # Without the live ones: rich's console, made on import, would keep a COLUMNS for good.
        self.env = _read_at_start(os.environ)
        self.process = subprocess.Popen(
            [sys.executable, __file__],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,  # its own failures reach the test's output
            env=self.env,
        )
        self._pending = b""
        self.ready: bool | None = None  # known once its first line is read (usable())

    def run(self, args: list[str], cwd: Path, env: dict, out: Path, err: Path, timeout: float) -> int:
        """The build's exit code; a server that fails or times out is ended, never used again."""
        request = {"args": args, "cwd": str(cwd), "env": env, "stdout": str(out), "stderr": str(err)}
        child = None
        try:
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
            child = int(self._reply(timeout=30)["pid"])
            return int(self._reply(timeout)["returncode"])
        except BaseException:
            if child is not None:
                with contextlib.suppress(ProcessLookupError):  # it may have ended meanwhile
                    os.kill(child, signal.SIGKILL)
            self.end()
            raise

    def usable(self) -> bool:
        """Whether it serves; the first call waits for it to have imported everything (the
        servers start side by side, each waited for only when first used)."""
        if self.ready is None:
            try:
                self.ready = self._reply(timeout=120) == {"ready": True}
            except (subprocess.TimeoutExpired, RuntimeError):
                self.ready = False
        return self.ready and self.process.poll() is None

    def end(self) -> None:
        self.ready = False
        self.process.kill()
        self.process.wait()

    def _reply(self, timeout: float) -> dict:
        """The server's next line, read from its pipe unbuffered (select sees the pipe only)."""
        fd = self.process.stdout.fileno()
        while b"\n" not in self._pending:
            readable, _, _ = select.select([fd], [], [], timeout)
            if not readable:
                raise subprocess.TimeoutExpired(RUNNER, timeout)
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError(f"the build server ended (exit {self.process.wait()})")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return json.loads(line)


class Builds:
    """The runner's command line, run in forked children of the servers in turn."""

    def __init__(self, servers: int = 3):
        self._count = servers
        self._servers: list[_Server] = []
        self._turn = 0
        self.forked = 0  # builds run in a forked child so far
        self._lock = threading.Lock()  # one build at a time through the servers

    def run(self, args: list[str], env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
        """Run `python -m plugins._shared.build ARGS` from the repo root, stdin empty."""
        if env.get(FRESH_ENV) or not self._lock.acquire(blocking=False):
            return self._fresh(args, env, timeout)
        try:
            server = self._next_server()
            if server is None or server.env != _read_at_start(env):
                return self._fresh(args, env, timeout)
            with tempfile.TemporaryDirectory(prefix="forked-build-") as folder:
                out, err = Path(folder) / "stdout", Path(folder) / "stderr"
                try:
                    code = server.run(args, ROOT, env, out, err, timeout)
                except (OSError, RuntimeError, ValueError):  # the server broke: a new process
                    return self._fresh(args, env, timeout)
                self.forked += 1
                return subprocess.CompletedProcess(args, code, _read(out), _read(err))
        finally:
            self._lock.release()

    def _next_server(self) -> _Server | None:
        if not self._servers:
            self._servers = [_Server() for _ in range(self._count)]
        self._turn = (self._turn + 1) % len(self._servers)
        if not self._servers[self._turn].usable():  # it failed or timed out: a new one
            self._servers[self._turn] = _Server()
        server = self._servers[self._turn]
        return server if server.usable() else None

    @staticmethod
    def _fresh(args: list[str], env: dict, timeout: float) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", RUNNER, *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
        )


def _read(path: Path) -> str:
    # As subprocess.run(text=True) decodes a child's output.
    return path.read_bytes().decode(errors="strict").replace("\r\n", "\n").replace("\r", "\n")


# --- the server -------------------------------------------------------------


def _preload() -> None:
    """Import the runner and every plugin pelicanconf.py lists, without importing it."""
    import ast
    import importlib

    importlib.import_module(RUNNER)
    # What it imports stays; the runner itself runs as __main__ alone, as under `python -m`.
    package, _, name = RUNNER.rpartition(".")
    del sys.modules[RUNNER]
    delattr(sys.modules[package], name)
    tree = ast.parse((ROOT / "pelicanconf.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "PLUGINS" for t in node.targets):
            for name in ast.literal_eval(node.value):
                importlib.import_module(name)


def _child(request: dict, stdout: int, stderr: int) -> None:
    """Become `python -m plugins._shared.build ARGS` in the request's folder, writing to
    the pipes stdout and stderr; never returns."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for fd, source in ((0, os.open(os.devnull, os.O_RDONLY)), (1, stdout), (2, stderr)):
            os.dup2(source, fd)
            os.close(source)
        import importlib
        import runpy

        importlib.invalidate_caches()  # a module written since the server started is found
        sys.path[0] = os.getcwd()  # as `python -m` puts it
        sys.argv = ["-m", *request["args"]]
        try:
            runpy.run_module(RUNNER, run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as stop:
            code = _exit_code(stop)
        except BaseException:  # noqa: BLE001 - as Python reports an uncaught exception
            sys.excepthook(*sys.exc_info())
        # What interpreter exit does first: wait for threads, then atexit (the card pools).
        threading._shutdown()
        import atexit

        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001 - a child that cannot start says why
        # On the build's stderr; on the server's (the test's output) if it failed before.
        sys.excepthook(*sys.exc_info())
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):  # the child ends either way
                stream.flush()
        os._exit(code)


def _copy_until_closed(pipes: dict[int, str]) -> None:
    """Write what comes through each pipe to its file, until no process holds it open."""
    files = {fd: open(path, "wb") for fd, path in pipes.items()}  # noqa: SIM115 - closed below
    try:
        while files:
            readable, _, _ = select.select(list(files), [], [])
            for fd in readable:
                chunk = os.read(fd, 65536)
                if chunk:
                    files[fd].write(chunk)
                else:
                    files.pop(fd).close()
                    os.close(fd)
    finally:
        for file in files.values():
            file.close()


def _exit_code(stop: SystemExit) -> int:
    if stop.code is None:
        return 0
    if isinstance(stop.code, int):
        return stop.code
    print(stop.code, file=sys.stderr)
    return 1


def serve() -> None:
    # Requests come on stdin and replies go on stdout: keep them off fds 0 and 1, which
    # each child takes over.
    requests = os.fdopen(os.dup(0), "r")
    replies = os.fdopen(os.dup(1), "w")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    sys.path[0] = str(ROOT)
    _preload()
    print(json.dumps({"ready": True}), file=replies, flush=True)
    for line in requests:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        (out, child_out), (err, child_err) = os.pipe(), os.pipe()
        pid = os.fork()
        if pid == 0:
            requests.close()
            replies.close()
            os.close(out)
            os.close(err)
            _child(request, child_out, child_err)
        os.close(child_out)
        os.close(child_err)
        print(json.dumps({"pid": pid}), file=replies, flush=True)
        _copy_until_closed({out: request["stdout"], err: request["stderr"]})
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}), file=replies, flush=True)


if __name__ == "__main__":
    serve()
