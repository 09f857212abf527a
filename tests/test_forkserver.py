"""Kernels forked from one warm process (analysis.report.forkserver).

What users rely on: a report is the same bytes whichever way its kernels started; a kernel the
server cannot give (another environment) still starts, the ordinary way; the server can be
turned off.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from report_helpers import snapshot

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
            try:
                answers[label] = (km.provisioner.forked, _run(
                    km, "import os; print(os.getcwd(), os.environ.get('NEWS_TEST_VALUE'), "
                        "hash('seed'))"))
            finally:
                run_sync(km.shutdown_kernel)(now=True)
            assert km.provisioner.process is None or km.provisioner.process.poll() is not None
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
