"""A loopback trap server: counts every connection made to it, answers none of them."""

from __future__ import annotations

import socket
import threading
import time


class Trap:
    """A TCP listener on 127.0.0.1 that counts connections; use as a context manager."""

    def __init__(self) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.contacts = 0
        self._running = True
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> Trap:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._running = False
        self._thread.join()
        self._listener.close()

    def wait_for_contact(self, seconds: float = 5.0) -> bool:
        """Whether a connection came within ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not self.contacts:
            time.sleep(0.05)
        return self.contacts > 0

    def _accept(self) -> None:
        while self._running:
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            self.contacts += 1
            connection.close()
