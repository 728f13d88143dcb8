"""Serve a built site on 127.0.0.1 the way a real static host does: gzip for text; and run
`mkdocs serve` on a project, as a maintainer previews it.

Tests and the benchmark measure transferred bytes and Lighthouse scores against the first;
Python's plain ``http.server`` sends everything uncompressed, which no host does.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed (level 6, as common hosts use) when the client accepts it."""

    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript"}

    def send_head(self):
        path = self.translate_path(self.path)
        if Path(path).is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the standard redirect to the address with a slash
            path = str(Path(path) / "index.html")
        content_type = self.guess_type(path)
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and content_type.startswith(COMPRESSED_TYPES) and Path(path).is_file()):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free port of 127.0.0.1; yields its address with a trailing slash."""
    handler = functools.partial(CompressingHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def mkdocs_serving(project: Path, first_page: str = "", seconds: float = 90) -> Iterator[str]:
    """Run `mkdocs serve` on ``project`` at a free port of 127.0.0.1 until ``first_page`` answers; yields
    its address with a trailing slash, which is also the site's ``site_url``."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        host = f"127.0.0.1:{probe.getsockname()[1]}"
    address = f"http://{host}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": address}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", host], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + seconds
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"mkdocs serve stopped: {server.stderr.read()}")
            try:
                urllib.request.urlopen(address + first_page, timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"mkdocs serve did not answer at {address}") from None
                time.sleep(0.5)
        yield address
    finally:
        server.terminate()
        server.wait()
