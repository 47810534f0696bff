"""A small fault-injecting HTTP/1.1 proxy on loopback, for the wire-fault and crash tests.

It sits between a real client and a real uvicorn, relays one request and its response at a
time (framed by ``Content-Length``; our server sends no chunked bodies) and, when the plan
says so, breaks that exchange:

* ``delay``: wait before passing the response on (long enough for a client timeout);
* ``drop_request``: close the client's connection without forwarding the request;
* ``drop_response``: forward the request (the server does the work), answer nothing;
* ``reset``: send half the response, then a TCP reset;
* ``truncate``: send the headers and half the body, then close cleanly;
* ``hold``: forward the request, keep the answer until :meth:`FaultProxy.release` (the
  crash tests kill the client meanwhile).

``plan(method, path, n)`` picks the fault for the n-th request (from 1); :attr:`log` keeps
what happened, so tests can check the faults really occurred.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

FAULTS = ("delay", "drop_request", "drop_response", "reset", "truncate")
Plan = Callable[[str, str, int], "str | None"]


def _read_message(sock: socket.socket, buffer: bytearray) -> bytes | None:
    """One HTTP message (head + Content-Length body) from ``sock``; None at EOF."""
    while b"\r\n\r\n" not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    head_end = buffer.index(b"\r\n\r\n") + 4
    length = 0
    for line in bytes(buffer[:head_end]).split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() == b"transfer-encoding":
            raise RuntimeError("chunked bodies are not supported by the fault proxy")
    while len(buffer) < head_end + length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    message = bytes(buffer[: head_end + length])
    del buffer[: head_end + length]
    return message


def _hard_close(sock: socket.socket) -> None:
    """Close with a TCP reset instead of a clean FIN."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


@dataclass
class FaultProxy:
    upstream_port: int
    plan: Plan = lambda _method, _path, _n: None
    delay: float = 2.0
    log: list[tuple[int, str, str, str]] = field(default_factory=list)  # n, method, path, fault
    sent: list[int] = field(default_factory=list)  # requests whose whole answer went out

    def __post_init__(self) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._count = 0
        self._lock = threading.Lock()
        self._released = threading.Event()
        self.holding = threading.Event()  # set while a response is held
        self._closed = False
        self._threads: list[threading.Thread] = []
        accept = threading.Thread(target=self._accept, daemon=True, name="fault-proxy")
        accept.start()

    # ----------------------------------------------------------------- control

    def release(self) -> None:
        self._released.set()

    def close(self) -> None:
        self._closed = True
        self._released.set()
        self._listener.close()

    def faults(self) -> list[str]:
        return [entry[3] for entry in self.log if entry[3] != "ok"]

    # ----------------------------------------------------------------- relay

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _addr = self._listener.accept()
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        from_client, from_server = bytearray(), bytearray()
        try:
            while True:
                request = _read_message(client, from_client)
                if request is None:
                    return
                method, path = request.split(b" ", 2)[:2]
                with self._lock:
                    self._count += 1
                    n = self._count
                fault = self.plan(method.decode(), path.decode().split("?")[0], n)
                self.log.append((n, method.decode(), path.decode(), fault or "ok"))
                if fault == "drop_request":
                    client.close()
                    return
                upstream.sendall(request)
                response = _read_message(upstream, from_server)
                if response is None:
                    client.close()
                    return
                if fault == "delay":
                    time.sleep(self.delay)
                elif fault == "drop_response":
                    client.close()
                    return
                elif fault == "hold":
                    self.holding.set()
                    self._released.wait()
                    self.holding.clear()
                elif fault in ("reset", "truncate"):
                    head_end = response.index(b"\r\n\r\n") + 4
                    half = head_end + (len(response) - head_end) // 2
                    if fault == "reset":
                        client.sendall(response[: max(half, head_end // 2)])
                        _hard_close(client)
                    else:
                        client.sendall(response[:half])
                        client.shutdown(socket.SHUT_RDWR)
                        client.close()
                    return
                client.sendall(response)
                self.sent.append(n)
        except OSError:
            return
        finally:
            for sock in (client, upstream):
                with contextlib.suppress(OSError):
                    sock.close()
