"""``serve --workers N``: the app in N worker processes sharing one listening socket.

One process reads in Python one request at a time (the GIL), so concurrent readers need
processes. uvicorn starts those from an import string, so each worker opens the store by the
address it finds in the environment (``app.app_from_environment``).
"""

from __future__ import annotations

import os
import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

from newsweave.api.app import SERVED_STORE_VARIABLE


def serve_in_processes(store_url: str, host: str, port: int, workers: int) -> None:
    """Serve the store at ``store_url`` with ``workers`` processes until interrupted."""
    os.environ[SERVED_STORE_VARIABLE] = store_url
    config = uvicorn.Config("newsweave.api.app:app_from_environment", factory=True, workers=workers,
                            host=host, port=port, log_level="warning")
    listening = config.bind_socket()
    # asyncio turns Nagle's algorithm off only on connections of a server socket it made; on one
    # handed to worker processes it does not, and each small response then waits for the
    # client's delayed ACK. Linux passes the option from the listening socket to each connection.
    listening.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    Multiprocess(config, sockets=[listening]).run()
