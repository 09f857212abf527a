"""Kernels forked from one warm process: the imports and lexicons loaded once per report run.

Every notebook starts with the same ~3 s of work before its first result: an IPython kernel
(IPython, zmq, tornado), then pandas, matplotlib, seaborn (which imports scipy.stats) and the
package's lexicons. Seven notebooks in fresh kernels paid it seven times. The fork server is
one process, started with the kernels' environment, that does this once and then forks a
kernel for each request: the child becomes an ordinary IPython kernel (its own session,
working folder, environment and connection file) that already has everything imported.

:class:`ForkProvisioner` is the jupyter_client kernel provisioner the report's workers use
(``km.provisioner``): it asks the server for a kernel and falls back to launching the kernel
command like :class:`~jupyter_client.provisioning.LocalProvisioner` whenever the server cannot
give one (not running, a different Python, a different kernel command, an environment that
differs in anything but jupyter_client's per-launch ``JPY_*`` variables). The outputs do not
depend on which way a kernel started (tested byte for byte). ``NEWS_ANALYSIS_KERNEL_FORKS=0``
turns the server off.

Method: the "fork server" of :mod:`multiprocessing` (``forkserver`` start method), applied to
IPython kernels; ``gc.freeze`` before forking keeps the preloaded objects' pages shared.

Protocol (Unix socket): one JSON line in, ``{"argv", "cwd", "env", "log"}``; one JSON line out,
``{"pid": N}`` or ``{"error": "..."}``.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

__all__ = ["FORKS_ENV", "ForkProvisioner", "enabled", "request", "running"]

FORKS_ENV = "NEWS_ANALYSIS_KERNEL_FORKS"
_READY_TIMEOUT = 60.0  # seconds a request waits for the server to finish its imports
_LAUNCHER = "ipykernel_launcher"
_START = ("import importlib.util as u, sys; s = u.spec_from_file_location('forkserver', "
          "sys.argv[1]); m = u.module_from_spec(s); s.loader.exec_module(m); "
          "m.serve(sys.argv[2], sys.argv[3:])")

# What the notebooks import (their first cells): loaded once in the server.
_PRELOAD = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "numpy", "pandas", "pyarrow", "pyarrow.parquet",
    "matplotlib", "matplotlib.pyplot", "seaborn", "analysis.store", "analysis.tables",
    "analysis.corpus", "analysis.entities", "analysis.sentiment", "analysis.frequency",
    "analysis.groups", "analysis.trends", "analysis.topics", "analysis.concordance",
    "analysis.dispersion", "analysis.methods", "analysis.readability",
    "scipy.sparse", "sklearn.decomposition", "sklearn.feature_extraction.text", "networkx",
    "wordcloud", "wordfreq",
)  # not analysis.present: importing it sets matplotlib's backend (agg), a kernel's own choice;
#    not ipywidgets: imported without a kernel, it registers no comm target


def enabled() -> bool:
    """True unless ``NEWS_ANALYSIS_KERNEL_FORKS`` is ``0`` (or the platform cannot fork)."""
    return hasattr(os, "fork") and os.environ.get(FORKS_ENV, "1").strip() not in ("0", "")


# ---------------------------------------------------------------- the server process


def _preload() -> None:
    """Import what the notebooks import and load the lexicons, as a kernel would later."""
    import importlib

    for name in _PRELOAD:
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    with contextlib.suppress(Exception):  # lexicons, given names, lemmas: loaded on first use
        from analysis.corpus import Document
        from analysis.store.specs import PASS

        doc = Document("warm", "warm", "warm",
                       'President Barack Obama visited Paris on Monday. "It was good," he said.')
        for spec in PASS:  # every per-document table, as the notebooks' first cells compute
            list(spec.rows(doc))
        from analysis.frequency import keywords

        keywords.english_frequency("war")  # the English reference of keyness


def launch_prefix(argv: list[str]) -> list[str] | None:
    """The interpreter part of a kernel command (``[python, *options]``), when the command
    runs ``-m ipykernel_launcher``; else None.

    >>> launch_prefix(["/venv/bin/python", "-Xfrozen_modules=off", "-m", "ipykernel_launcher",
    ...                "-f", "{connection_file}"])
    ['/venv/bin/python', '-Xfrozen_modules=off']
    >>> launch_prefix(["R", "--slave"]) is None
    True
    """
    for i in range(1, len(argv) - 1):
        if argv[i] == "-m":
            return list(argv[:i]) if argv[i + 1] == _LAUNCHER else None
    return None


def _refusal(req: Mapping[str, Any], prefix: list[str], env: Mapping[str, str]) -> str | None:
    """Why the server (started as ``prefix``, with ``env``) cannot start this kernel itself
    (None: it can)."""
    if launch_prefix(list(req.get("argv") or [])) != prefix:
        return "a kernel command other than the server's: " + " ".join(req.get("argv") or [])
    wanted = {k: v for k, v in (req.get("env") or {}).items() if not k.startswith("JPY_")}
    have = {k: v for k, v in env.items() if not k.startswith("JPY_")}
    if wanted != have:
        changed = sorted(set(wanted.items()) ^ set(have.items()))
        return "a different environment: " + ", ".join(sorted({k for k, _ in changed})[:5])
    return None


def _child(req: Mapping[str, Any], prefix: list[str], added: Mapping[str, str]) -> int:
    """In the forked process: become the kernel described by ``req``; its exit status.
    ``added``: the variables the server's imports set, kept unless ``req`` sets them."""
    os.setsid()  # its own session and process group, as jupyter_client starts kernels
    for sig in (signal.SIGCHLD, signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, signal.SIG_DFL)
    os.chdir(req["cwd"])
    os.environ.clear()
    os.environ.update({**added, **req["env"]})
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    if req.get("log"):
        log = os.open(req["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
    gc.unfreeze()
    from ipykernel import kernelapp

    # the kernel ends when the server does (ipykernel's parent poller; the server ends with
    # the run that started it)
    parent = f"--IPKernelApp.parent_handle={os.getppid()}"
    kernelapp.launch_new_instance(argv=[*req["argv"][len(prefix) + 2:], parent])
    return 0


def _fork(req: Mapping[str, Any], prefix: list[str], added: Mapping[str, str],
          listener: socket.socket, conn: socket.socket) -> int:
    """Fork a kernel for ``req``; the child's pid (in the server)."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        listener.close()
        conn.close()
        code = _child(req, prefix, added)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _stop(*_: Any) -> None:
    """SIGTERM: leave the loop (the folder is removed on the way out)."""
    raise SystemExit(0)


def _reap(*_: Any) -> None:
    """Collect every kernel that has exited (the SIGCHLD handler)."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def serve(path: str, prefix: list[str]) -> None:
    """The server's main loop: preload, then fork a kernel per request on the Unix socket
    ``path`` until the process that started the server is gone (or SIGTERM). ``prefix`` is
    the kernel command's interpreter part, the server's own command."""
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does; the kernel puts '' back
    parent = os.getppid()
    env = dict(os.environ)  # what kernels must be asked with
    _preload()
    added = {k: v for k, v in os.environ.items() if k not in env}  # set by imports (sklearn:
    # KMP_DUPLICATE_LIB_OK), as they would set them in a fresh kernel
    gc.collect()
    gc.freeze()  # the preloaded objects stay in pages the kernels share
    signal.signal(signal.SIGCHLD, _reap)  # reaped at once (waited for: their peak memory
    # counts in the server's children's usage, which the benchmarks read)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path + ".tmp")
    os.rename(path + ".tmp", path)  # clients connect only once the imports are done
    listener.listen(16)
    listener.settimeout(1.0)
    try:
        _loop(listener, parent, prefix, env, added)
    finally:  # also when the run that started the server was killed (SIGKILL) and never could
        shutil.rmtree(os.path.dirname(path), ignore_errors=True)


def _loop(listener: socket.socket, parent: int, prefix: list[str], env: Mapping[str, str],
          added: Mapping[str, str]) -> None:
    """Accept requests until the parent is gone (SIGTERM: the exception ends it too)."""
    signal.signal(signal.SIGTERM, _stop)
    while os.getppid() == parent:
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        with conn:
            conn.settimeout(10.0)
            try:
                req = json.loads(conn.makefile("rb").readline())
                why = _refusal(req, prefix, env)
                reply = {"error": why} if why else {
                    "pid": _fork(req, prefix, added, listener, conn)}
            except Exception as exc:  # a bad request: say so, keep serving
                reply = {"error": f"{type(exc).__name__}: {exc}"}
            with contextlib.suppress(OSError):
                conn.sendall(json.dumps(reply).encode() + b"\n")


# ---------------------------------------------------------------- the report's side


@contextlib.contextmanager
def running(kernel: str, env: Mapping[str, str]) -> Iterator[str | None]:
    """Start a fork server for the kernel named ``kernel`` with the kernels' environment
    ``env``; yields its socket path (None when forks are off or the kernel is not an
    ipykernel) and stops it on exit."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        prefix = launch_prefix(KernelSpecManager().get_kernel_spec(kernel).argv)
    except NoSuchKernel:
        prefix = None
    if not enabled() or prefix is None:
        yield None
        return
    folder = tempfile.mkdtemp(prefix="nta-kernels-")  # short: socket paths are <108 bytes
    path = os.path.join(folder, "server.sock")
    process = subprocess.Popen(  # this file alone: the report package imports nbformat (2 s)
        [*prefix, "-c", _START, __file__, path, *prefix],
        env=dict(env), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True, cwd=folder,
    )
    try:
        yield path
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def request(path: str, argv: list[str], cwd: str, env: Mapping[str, str], log: str | None,
            *, timeout: float = _READY_TIMEOUT) -> int:
    """Ask the server at ``path`` for a kernel; its pid. Raises OSError when there is no
    server (after waiting ``timeout`` seconds for it to be ready) and RuntimeError when it
    refuses."""
    deadline = time.monotonic() + timeout
    while True:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(path)
            break
        except (FileNotFoundError, ConnectionRefusedError):
            sock.close()
            if time.monotonic() > deadline or not os.path.isdir(os.path.dirname(path)):
                raise
            time.sleep(0.05)
    with sock:
        sock.settimeout(30.0)
        sock.sendall(json.dumps({"argv": argv, "cwd": cwd, "env": dict(env),
                                 "log": log}).encode() + b"\n")
        reply = json.loads(sock.makefile("rb").readline() or b"{}")
    if "pid" not in reply:
        raise RuntimeError(reply.get("error", "no reply from the kernel fork server"))
    return int(reply["pid"])


class _Forked:
    """The :class:`subprocess.Popen` surface LocalProvisioner uses, for a kernel forked by the
    server (not our child: its exit status is not ours to collect)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
            except PermissionError:  # the pid was reused by someone else's process
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout or 0)
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkProvisioner(LocalProvisioner):  # type: ignore[misc]
    """A LocalProvisioner whose kernels come from the fork server at :attr:`server` when it can
    give one; ``forked`` says whether the last launch did."""

    server: str | None = None
    forked: bool = False
    refused: str = ""  # why the last launch was not forked

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        self.refused = "no fork server"
        if self.server:
            log = getattr(kwargs.get("stdout"), "name", None)
            try:
                pid = request(self.server, list(cmd), str(kwargs.get("cwd") or os.getcwd()),
                              kwargs.get("env") or os.environ,
                              log if isinstance(log, str) else None)
            except (OSError, RuntimeError, ValueError) as exc:
                pid, self.refused = None, f"{type(exc).__name__}: {exc}"
            if pid is not None:
                self.process = _Forked(pid)
                self.pid = self.pgid = pid
                self.cwd = kwargs.get("cwd", Path.cwd())
                self.forked = True
                return self.connection_info
        self.forked = False
        return await super().launch_kernel(cmd, **kwargs)

