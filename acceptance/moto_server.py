"""A moto server on loopback for the deploy checks: started on a free port, stopped by its PID.

Use it as a context manager; `stop()` also runs at interpreter exit, so a crash or a
SIGTERM in the runner does not leave a server behind. Only 127.0.0.1 is ever used.
"""

from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from acceptance.common import aws_env, tail, tool

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class MotoServer:
    def __init__(self, log_path: Path, command: list[str] | None = None):
        self.log_path = log_path
        # What to run instead of `moto_server` (the nested-stack shim), same arguments.
        self.command = command
        self.proc: subprocess.Popen | None = None
        self.port = 0

    @property
    def endpoint(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 60) -> "MotoServer":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        # A port we just saw free can be taken before moto binds it: try a few.
        for _attempt in range(3):
            self.port = free_port()
            log = open(self.log_path, "ab")  # noqa: SIM115 - closed with the process
            self.proc = subprocess.Popen(
                [*(self.command or [tool("moto_server")]), "-H", HOST, "-p", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env=aws_env(), start_new_session=True,
            )
            log.close()
            atexit.register(self.stop)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    break
                try:
                    with urllib.request.urlopen(f"{self.endpoint}/moto-api/", timeout=2) as r:
                        if r.status == 200:
                            return self
                except OSError:
                    time.sleep(0.2)
            self.stop()
        raise RuntimeError(f"moto_server did not start on {HOST}: "
                           + " | ".join(tail(self.log_path.read_text(errors="replace"), 10)))

    def reset(self) -> None:
        """Forget every resource: each template is deployed into an empty account."""
        req = urllib.request.Request(f"{self.endpoint}/moto-api/reset", method="POST")
        with urllib.request.urlopen(req, timeout=30) as r:
            r.read()

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        # Our own child, by its PID; it runs in its own session so nothing else is hit.
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)

    def __enter__(self) -> "MotoServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
