"""Serve a built site on 127.0.0.1 the way a real static host does: gzip for text.

Tests and the benchmark measure transferred bytes and Lighthouse scores against it;
Python's plain ``http.server`` sends everything uncompressed, which no host does.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed (level 6, as common hosts use) when the client accepts it."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript"}

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
