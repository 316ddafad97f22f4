"""Booklets: cold command time and memory, CPU per page, our overhead on WeasyPrint, and the
scale-out of one against two real Celery workers on Redis.

Every figure comes from a separate process, as a user or a worker would start it: the
command's wall time, CPU and peak memory are the kernel's accounting of that process
(``os.wait4``), never a timer inside the process being measured.
"""

import json
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def run_measured(command: list[str], env: dict) -> dict:
    """Run one process to its end; its wall seconds, CPU seconds and peak memory (MiB), as
    the kernel accounts them, through ``tests.bench.measure`` (which says why)."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as result:
        completed = subprocess.run(
            [PYTHON, "-m", "tests.bench.measure", result.name, *command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        output = completed.stdout.decode(errors="replace")
        figures = json.loads(result.read() or "{}")
    if completed.returncode != 0 or figures.get("exit_code") != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output}")
    return {
        "wall_s": figures["wall_s"],
        "cpu_s": figures["cpu_s"],
        "peak_mib": figures["peak_mib"],
        "output": output,
    }


def summary(values: list[float], digits: int = 3) -> dict:
    return {"min": round(min(values), digits), "median": round(statistics.median(values), digits)}


def cold_command(*, env: dict, slug: str, languages: str, paper: str, repeat: int) -> dict:
    """`manage.py render_booklet` from a cold start, as an organiser's script runs it."""
    workdir = Path(tempfile.mkdtemp(prefix="bench-booklet-"))
    runs = []
    for index in range(repeat):
        out = workdir / f"{index}.pdf"
        command = [PYTHON, "manage.py", "render_booklet", slug, "--lang", languages]
        command += ["--paper", paper, "--out", str(out), "--html", str(workdir / "print.html")]
        runs.append(run_measured(command, env))
    pages = len(PdfReader(workdir / "0.pdf").pages)
    return {
        "pages": pages,
        "wall_s": summary([run["wall_s"] for run in runs]),
        "cpu_s": summary([run["cpu_s"] for run in runs]),
        "peak_mib": round(max(run["peak_mib"] for run in runs)),
        "html": str(workdir / "print.html"),
    }


def typesetting(*, env: dict, slug: str, languages: str, paper: str, repeat: int) -> dict:
    """CPU of our whole render against WeasyPrint alone on the same HTML, in one process each.

    ``tests.bench.typeset`` renders ``repeat`` times after a warm-up (fonts, imports) and
    reports the CPU of each run; the overhead is ours divided by WeasyPrint's, run by run.
    """
    ours = json.loads(
        run_measured(
            [PYTHON, "-m", "tests.bench.typeset", "portal", slug, languages, paper, str(repeat)],
            env,
        )["output"]
        .strip()
        .splitlines()[-1]
    )
    alone = json.loads(
        run_measured(
            [PYTHON, "-m", "tests.bench.typeset", "weasyprint", ours["html"], str(repeat)], env
        )["output"]
        .strip()
        .splitlines()[-1]
    )
    pages = ours["pages"]
    ratios = [a / b for a, b in zip(ours["cpu_s"], alone["cpu_s"], strict=True)]
    return {
        "pages": pages,
        "portal_cpu_s": summary(ours["cpu_s"]),
        "weasyprint_cpu_s": summary(alone["cpu_s"]),
        # The target is the portal's (the whole render); WeasyPrint's alone is beside it.
        "portal_cpu_s_per_page": summary([cpu / pages for cpu in ours["cpu_s"]], 4),
        "weasyprint_cpu_s_per_page": summary([cpu / pages for cpu in alone["cpu_s"]], 4),
        "overhead": summary(ratios),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scale_out(*, env: dict, slug: str, booklets: int) -> dict:
    """The same batch of different booklets rendered by one, then two real Celery workers."""
    redis = shutil.which("redis-server")
    if not redis:
        raise SystemExit("make bench needs redis-server (Debian: apt-get install redis-server).")
    port = _free_port()
    server = subprocess.Popen(
        [redis, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    broker = {**env, "CELERY_BROKER_URL": f"redis://127.0.0.1:{port}/0"}
    results = {}
    try:
        time.sleep(0.5)
        for workers in (1, 2):
            processes = [
                subprocess.Popen(
                    [PYTHON, "-m", "celery", "-A", "config", "worker", "--concurrency=1"]
                    + ["--pool=prefork", "--loglevel=WARNING", f"--hostname=bench{n}@%h"]
                    + ["--without-gossip", "--without-mingle", "--without-heartbeat"],
                    cwd=ROOT,
                    env=broker,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for n in range(workers)
            ]
            try:
                dispatch = ["tests.bench.dispatch", slug, str(booklets), str(workers)]
                run = run_measured([PYTHON, "-m", *dispatch], broker)
                results[f"{workers}_worker_s"] = round(
                    json.loads(run["output"].strip().splitlines()[-1])["seconds"], 2
                )
            finally:
                for process in processes:
                    process.send_signal(signal.SIGTERM)
                for process in processes:
                    try:
                        process.wait(timeout=30)
                    except subprocess.TimeoutExpired:
                        process.kill()
    finally:
        server.terminate()
        server.wait(timeout=10)
    results["speed_up"] = round(results["1_worker_s"] / results["2_worker_s"], 2)
    return results
