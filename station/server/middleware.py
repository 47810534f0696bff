"""ASGI middleware of the town server: request bodies (gzip, size limits), access log,
and the per-station rate limiter used by the auth dependency."""

from __future__ import annotations

import json
import logging
import math
import threading
import time
import zlib

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from station.server.errors import ApiError

access_log = logging.getLogger("station.server.access")


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps(
        {"error": {"code": code, "message": message, "field": None}}, ensure_ascii=False
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestBodyMiddleware:
    """Reads the request body once: refuses it past ``max_body`` bytes (compressed or not),
    and inflates ``Content-Encoding: gzip`` with the same cap, so a small "zip bomb" cannot
    balloon in memory. Handlers see a plain body."""

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = {k.lower(): v for k, v in scope["headers"]}
        encoding = headers.get(b"content-encoding", b"identity").decode("latin-1").strip()
        if encoding not in ("identity", "gzip", ""):
            await _send_error(send, 415, "unsupported_media_type", "只支持 gzip 压缩的请求")
            return
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await _send_error(send, 413, "too_large", "请求太大，请分批上传")
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await _send_error(send, 413, "too_large", "请求太大，请分批上传")
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        if encoding == "gzip":
            try:
                inflater = zlib.decompressobj(wbits=31)
                body = inflater.decompress(body, self.max_body)
                if inflater.unconsumed_tail or not inflater.eof:
                    raise ValueError("too large or truncated")
            except (zlib.error, ValueError):
                status = 413 if len(body) >= self.max_body else 400
                await _send_error(send, status, "bad_body", "请求内容无法解压或超过大小限制")
                return
        dropped = (b"content-encoding", b"content-length")
        new_headers = [(k, v) for k, v in scope["headers"] if k.lower() not in dropped]
        new_headers.append((b"content-length", str(len(body)).encode()))
        scope = {**scope, "headers": new_headers}
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


class AccessLogMiddleware:
    """One line per request: station, method, path, status, bytes out, milliseconds.

    No query strings, bodies or tokens: nothing personal reaches the log."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        sent = 0

        async def watch(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            station = scope.get("state", {}).get("station_code", "-")
            access_log.info(
                "%s %s %s %d %dB %.1fms",
                station,
                scope["method"],
                scope["path"],
                status,
                sent,
                (time.perf_counter() - started) * 1000,
            )


class RateLimiter:
    """Token bucket per station (per worker process): ``rate`` requests a second on
    average, bursts up to ``burst``. Over the limit → 429 with ``Retry-After``."""

    def __init__(self, *, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> None:
        if self.rate <= 0:
            return
        now = time.monotonic()
        with self._lock:
            tokens, stamp = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - stamp) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                wait = math.ceil((1 - tokens) / self.rate)
                raise ApiError(
                    429,
                    "rate_limited",
                    "请求过于频繁，请稍后再试",
                    headers={"Retry-After": str(wait)},
                )
            self._buckets[key] = (tokens - 1, now)
