"""Kernels forked from one warm process (analysis.report.forkserver).

What users rely on: a report is the same bytes whichever way its kernels started; a kernel the
server cannot give (another environment) still starts, the ordinary way; the server can be
turned off; a run killed outright leaves nothing running.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbformat.v4 import new_code_cell, new_markdown_cell
from report_helpers import kernel_processes, notebook, parameters_cell, snapshot, write

from analysis import report
from analysis.report import forkserver, worker

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_81c44d20d7573865.txt"


def _recording(monkeypatch, log: Path) -> None:
    """Note in ``log`` how each kernel started (the workers are forked from this process, so
    they inherit the patch)."""
    launch = forkserver.ForkProvisioner.launch_kernel

    async def recorded(self, cmd, **kwargs):
        info = await launch(self, cmd, **kwargs)
        with open(log, "a", encoding="utf-8") as f:
            f.write("forked\n" if self.forked else "fresh\n")
        return info

    monkeypatch.setattr(forkserver.ForkProvisioner, "launch_kernel", recorded)


def test_reports_are_the_same_bytes_from_forked_and_fresh_kernels(tmp_path, monkeypatch):
    log = tmp_path / "kernels.log"
    _recording(monkeypatch, log)
    out = tmp_path / "reports"
    forked = report.build_reports(SEED, out, jobs=2, progress=False)
    assert log.read_text().split() == ["forked"] * len(forked.executed) != []
    kept = tmp_path / "forked"
    shutil.copytree(out, kept)
    monkeypatch.setenv(forkserver.FORKS_ENV, "0")
    log.unlink()
    fresh = report.build_reports(SEED, out, jobs=2, progress=False, force=True)
    assert fresh.executed == forked.executed
    assert not log.exists()  # no fork server: kernels started by jupyter_client itself
    slug = forked.folder.name
    before = {k: v[0] for k, v in snapshot(kept / slug).items()}
    after = {k: v[0] for k, v in snapshot(out / slug).items()}
    assert before.keys() == after.keys()
    for name in before:
        assert after[name] == before[name], name
    assert (kept / "index.html").read_bytes() == (out / "index.html").read_bytes()


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _run(km: AsyncKernelManager, code: str) -> str:
    kc = km.client()
    kc.start_channels()
    try:
        run_sync(kc.wait_for_ready)(timeout=60)
        msg_id = kc.execute(code)
        text = []
        while True:
            msg = run_sync(kc.get_iopub_msg)(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                text.append(msg["content"]["text"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return "".join(text)
    finally:
        kc.stop_channels()


def _kernel(tmp_path: Path, server: str | None, env: dict[str, str]) -> AsyncKernelManager:
    km = AsyncKernelManager(kernel_name=report.KERNEL_NAME,
                            connection_file=str(tmp_path / f"{uuid.uuid4()}.json"))
    km.kernel_id = str(uuid.uuid4())
    km.provisioner = forkserver.ForkProvisioner(kernel_id=km.kernel_id,
                                                kernel_spec=km.kernel_spec, parent=km)
    km.provisioner.server = server
    run_sync(km.start_kernel)(cwd=str(tmp_path), env=env)
    return km


def test_a_kernel_in_another_environment_starts_the_ordinary_way(tmp_path):
    env = worker.kernel_env()
    with forkserver.running(report.KERNEL_NAME, env) as server:
        assert server is not None
        answers = {}
        for label, kernel_env in (("same", env), ("other", {**env, "NEWS_TEST_VALUE": "42"})):
            km = _kernel(tmp_path, server, kernel_env)
            pid = km.provisioner.pid
            try:
                answers[label] = (km.provisioner.forked, _run(
                    km, "import os; print(os.getcwd(), os.environ.get('NEWS_TEST_VALUE'), "
                        "hash('seed'))"))
            finally:
                run_sync(km.shutdown_kernel)(now=True)
            assert not _alive(pid)  # shut down (and reaped by the server)
    same_hash = answers["same"][1].split()[-1]
    assert answers["same"] == (True, f"{tmp_path} None {same_hash}\n")
    assert answers["other"] == (False, f"{tmp_path} 42 {same_hash}\n")  # PYTHONHASHSEED=0


def test_the_server_can_be_turned_off_and_stops_with_the_run(monkeypatch):
    monkeypatch.setenv(forkserver.FORKS_ENV, "0")
    with forkserver.running(report.KERNEL_NAME, worker.kernel_env()) as server:
        assert server is None
    monkeypatch.setenv(forkserver.FORKS_ENV, "1")
    with forkserver.running(report.KERNEL_NAME, worker.kernel_env()) as server:
        folder = Path(server).parent
        assert folder.is_dir()
    assert not folder.exists()
    with forkserver.running("no-such-kernel", worker.kernel_env()) as server:
        assert server is None


@pytest.mark.parametrize("argv, prefix", [
    (["/v/bin/python", "-m", "ipykernel_launcher", "-f", "c.json"], ["/v/bin/python"]),
    (["python", "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "c"],
     ["python", "-Xfrozen_modules=off"]),
    (["python", "-m", "other_kernel", "-f", "c"], None),
    (["ir", "--slave"], None),
    ([], None),
])
def test_only_an_ipykernel_command_is_forked(argv, prefix):
    assert forkserver.launch_prefix(argv) == prefix


def _run_processes(marker: str) -> list[int]:
    """Every process of a report run writing into ``marker``: the command, its workers, the
    fork server's kernels (found by their log files)."""
    pids = set(kernel_processes(marker))
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker.encode() in (proc / "cmdline").read_bytes():
                    pids.add(int(proc.name))
            except OSError:
                continue
    return sorted(pids)


def test_a_run_killed_outright_leaves_no_process_and_the_next_run_works(tmp_path):
    """SIGKILL (the out-of-memory killer, ``kill -9``) gives the command no chance to clean up:
    its workers, the fork server and the kernels must notice and end by themselves, or they
    would hold the output folder's lock (and memory) for ever."""
    write(notebook([new_markdown_cell("# Slow"), parameters_cell(),
                    new_code_cell("import time\ntime.sleep(60)")]),
          tmp_path / "notebooks" / "01_slow.ipynb")
    (tmp_path / "article.txt").write_text("Three short words.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = [sys.executable, "-m", "analysis", "report", str(tmp_path / "article.txt"),
            "--out", str(out), "--notebooks", str(tmp_path / "notebooks"), "--quiet"]
    servers = set(Path(tempfile.gettempdir()).glob("nta-kernels-*"))
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not kernel_processes(str(out), "01_slow.") and time.monotonic() < deadline:
        assert proc.poll() is None
        time.sleep(0.05)
    assert kernel_processes(str(out), "01_slow."), "no kernel started"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 15
    while _run_processes(str(out)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = _run_processes(str(out))
    for pid in left:  # a failure here must not leave them running either
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    assert left == []
    assert set(Path(tempfile.gettempdir()).glob("nta-kernels-*")) <= servers  # its socket
    write(notebook([new_markdown_cell("# Quick"), parameters_cell(),
                    new_code_cell("print('done')")]), tmp_path / "notebooks" / "01_slow.ipynb")
    done = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
