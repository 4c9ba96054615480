"""A private JupyterLab server on a copy of the notebooks, and a headless Chromium to drive it.

The server listens on 127.0.0.1 only, on a free port, with token authentication on (a fresh random
token). Its settings, workspaces and runtime files live in a temporary folder, so neither the
user's Jupyter configuration nor the committed notebooks are touched. The browser is Debian's
``chromium`` (``tools/ensure_chromium.sh`` installs it), driven by Playwright.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOG_COPY = ROOT / "test-output" / "browser" / "jupyterlab.log"
SERVER_START_TIMEOUT = 90  # seconds until /api/status answers
SERVER_STOP_TIMEOUT = 20  # seconds for a clean shutdown before SIGTERM, then SIGKILL

# User settings for the test server: no news or update checks (no network, no toast over the
# screenshot), and every cell attached to the page so that the checks and the full-page screenshot
# see the whole notebook.
USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


@dataclass
class Lab:
    url: str  # http://127.0.0.1:<port>
    token: str
    root: Path  # the served copy of notebooks/
    log: Path

    def api(self, method: str, path: str, timeout: float = 10) -> object:
        """Call the server's REST API with the token; returns the decoded JSON body (or None)."""
        request = urllib.request.Request(
            self.url + path,
            method=method,
            headers={"Authorization": f"token {self.token}"},
            data=b"" if method in ("POST", "PUT") else None,
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(lab: Lab, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"JupyterLab exited with code {process.returncode}:\n{lab.log_tail()}"
            )
        try:
            lab.api("GET", "/api/status", timeout=5)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise RuntimeError(f"JupyterLab did not answer in {SERVER_START_TIMEOUT} s:\n{lab.log_tail()}")


def stop(lab: Lab, process: subprocess.Popen) -> None:
    """Ask the server to shut down (it stops its kernels); escalate only if it does not."""
    if process.poll() is None:
        with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError):
            lab.api("POST", "/api/shutdown")
    for escalate in (None, process.terminate, process.kill):
        if escalate is not None and process.poll() is None:
            escalate()
        try:
            process.wait(timeout=SERVER_STOP_TIMEOUT)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def workdir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="nzdprk-browser-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def lab(workdir: Path) -> Iterator[Lab]:
    root = workdir / "notebooks"
    shutil.copytree(ROOT / "notebooks", root)
    shutil.copytree(ROOT / "seeds", workdir / "seeds")  # the lessons read "../seeds"
    settings = workdir / "user-settings"
    for name, values in USER_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values), encoding="utf-8")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(workdir / "config"),
        "JUPYTER_DATA_DIR": str(workdir / "data"),
        "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
    }
    token = secrets.token_hex(24)
    for attempt in range(3):  # a free port can be taken between choosing and binding it
        port = free_port()
        log = workdir / f"jupyterlab-{attempt}.log"
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={workdir / 'workspaces'}",
            "--LabApp.extension_manager=readonly",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--ServerApp.allow_root=True")
        with log.open("w", encoding="utf-8") as out:
            process = subprocess.Popen(
                command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        server = Lab(url=f"http://127.0.0.1:{port}", token=token, root=root, log=log)
        try:
            wait_until_up(server, process)
        except RuntimeError:
            stop(server, process)
            if attempt == 2 or "already in use" not in server.log_tail():
                raise
            continue
        try:
            yield server
        finally:
            stop(server, process)
            LOG_COPY.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(log, LOG_COPY)  # next to the screenshots, for failures in CI
        return


@pytest.fixture(scope="session")
def browser(workdir: Path):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash tools/ensure_chromium.sh` (as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright passes the (fresh, temporary) profile as --user-data-dir itself.
        context = playwright.chromium.launch_persistent_context(
            workdir / "chromium-profile",
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()
