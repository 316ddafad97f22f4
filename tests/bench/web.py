"""Pages as a server serves them: gunicorn with one worker, loaded by wrk, beside a trivial view.

One sync worker makes throughput the inverse of the time Django spends on a request, so the
ratio to the trivial view says how much work a page costs beyond the framework itself.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# wrk's Lua hook: print the figures as one JSON line that the benchmark reads back.
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "errors": %d, "p50_ms": %f, "p95_ms": %f}\\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn serving the portal (with the trivial view) on the benchmark's database."""

    def __init__(self, env: dict, workers: int = 1):
        self.port = free_port()
        self.env = env
        self.workers = workers
        self.process: subprocess.Popen | None = None
        self.log_path = Path(tempfile.mkdtemp(prefix="bench-gunicorn-")) / "gunicorn.log"

    def __enter__(self) -> "Server":
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        self.process = subprocess.Popen(
            [
                gunicorn,
                "config.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={self.workers}",
                "--worker-class=sync",
                "--timeout=120",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env={**self.env, "DJANGO_SETTINGS_MODULE": "tests.bench.settings"},
            stdout=self.log_path.open("wb"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url("/bench/trivial/"), timeout=2).read()
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not start; see {self.log_path}")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def load(server: Server, path: str, *, seconds: int, connections: int = 2, headers=()) -> dict:
    """wrk against one address; throughput in requests per second, latencies in ms."""
    if not shutil.which("wrk"):
        raise SystemExit("make bench needs wrk (Debian: apt-get install wrk).")
    # A warm-up request: the first one compiles templates and opens the database.
    request = urllib.request.Request(server.url(path), headers=dict(headers))
    with urllib.request.urlopen(request, timeout=120) as response:
        sent = len(response.read())  # as sent: urllib decompresses nothing
        encoding = response.headers.get("Content-Encoding", "")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT)
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout=60s",
        "-s",
        script.name,
    ]
    for name, value in headers:
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, server.url(path)], capture_output=True, text=True, timeout=seconds + 90
    ).stdout
    os.unlink(script.name)
    figures = json.loads(output.strip().splitlines()[-1])
    figures["rps"] = round(figures["requests"] / figures["seconds"], 1)
    figures["p50_ms"] = round(figures["p50_ms"], 1)
    figures["p95_ms"] = round(figures["p95_ms"], 1)
    figures["bytes"] = sent
    figures["encoding"] = encoding
    return figures
