"""Real services for fault tests, started by the test and stopped by it.

A fault test never touches the shared Redis on 6379: it starts its own redis-server on a
free port, or a TCP listener that accepts connections and never answers (a hung broker).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def needs(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI needs {program} on the PATH")
        pytest.skip(f"{program} is not installed")
    return path


class RedisServer:
    """A redis-server of the test's own, which the test may stop and start again."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [needs("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2),
            ):
                return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


@contextlib.contextmanager
def redis_server():
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def hung_listener():
    """A port that accepts TCP connections and never says a word: a hung broker."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    accepted: list[socket.socket] = []
    stopping = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stopping.is_set():
            try:
                connection, _address = listener.accept()
            except OSError:
                continue
            accepted.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    finally:
        stopping.set()
        thread.join(timeout=5)
        for connection in accepted:
            connection.close()
        listener.close()


@contextlib.contextmanager
def celery_on(url: str, *, own_prefix: bool = True):
    """The project's Celery app sending to ``url`` (not in-process) for the block.

    ``own_prefix`` keeps our keys apart from another run on the same Redis; a worker in
    another process needs the plain keys (the test's own redis-server is ours alone).
    """
    import uuid

    from config.celery import app

    keys = ("broker_url", "task_always_eager", "broker_transport_options")
    saved = {key: app.conf[key] for key in keys}
    options = dict(saved["broker_transport_options"])
    if own_prefix:
        options["global_keyprefix"] = f"{uuid.uuid4().hex}:"
    app.conf.update(broker_url=url, task_always_eager=False, broker_transport_options=options)
    celery_connections_reset(app)
    try:
        yield app
    finally:
        app.conf.update(saved)
        celery_connections_reset(app)


def celery_connections_reset(app) -> None:
    """Forget the connections made for the broker used so far.

    The app's connection and producer pools live in kombu's registry, keyed by broker: a
    pool closed but left there is handed out again for the same broker and answers
    "Acquire on closed pool" to the next test that sends a task, so the registry is
    emptied with them.
    """
    from kombu import pools

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def wait_until(condition, *, seconds: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
