"""Shared fixtures: real stores on temp files, and a real PostgreSQL server when installed.

``store`` is parametrised over ``sqlite`` and ``postgresql``, so every store test runs on
both. The PostgreSQL server is started once per test session in a temp dir (its binaries
come from the ``postgresql`` apt package, which ``.ci/run`` installs); each test gets a
database of its own. Without the binaries the ``postgresql`` cases skip and say why.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsweave.store import Store
from shared_data import require_shared

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "samples"
POSTGRES_BIN_GLOB = "/usr/lib/postgresql/*/bin"
# initdb refuses to run as root; the apt package creates this account for the server.
POSTGRES_SYSTEM_USER = "postgres"
POSTGRES_START_TIMEOUT_S = 60


@pytest.fixture(scope="session", autouse=True)
def _cache_in_a_temp_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Story index snapshots of PostgreSQL stores go to the user's cache folder: the tests'
    go to a temp one (also for the processes they start), not into ~/.cache for good."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@dataclass
class PostgresServer:
    """A throwaway PostgreSQL server: trust auth, no fsync, listening on 127.0.0.1 only."""

    bin_dir: Path
    root: Path
    port: int
    run_as: list[str]
    _names = itertools.count(1)

    @property
    def base_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"

    def url(self, database: str) -> str:
        return f"{self.base_url}/{database}"

    def command(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.run_as, str(self.bin_dir / tool), *args], capture_output=True, text=True, timeout=POSTGRES_START_TIMEOUT_S
        )

    def create_database(self) -> str:
        name = f"newsweave_test_{next(self._names)}"
        self._admin(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)


def _postgres_bin_dir() -> Path | None:
    """The newest installed server's bin folder, or None when PostgreSQL is not installed."""
    found = [Path(path) for path in glob.glob(POSTGRES_BIN_GLOB) if (Path(path) / "initdb").is_file()]
    if not found:
        return None
    return max(found, key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_postgres(bin_dir: Path) -> PostgresServer:
    # Not under pytest's tmp_path: its parents are private to root, and the server may run
    # as another user that must be able to reach its data folder.
    root = Path(tempfile.mkdtemp(prefix="newsweave-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, POSTGRES_SYSTEM_USER)
        run_as = ["runuser", "-u", POSTGRES_SYSTEM_USER, "--"]
    server = PostgresServer(bin_dir, root, _free_port(), run_as)
    steps = (
        ("initdb", "-D", str(root / "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"),
        (
            "pg_ctl", "-D", str(root / "data"), "-l", str(root / "server.log"), "-w", "-t", str(POSTGRES_START_TIMEOUT_S),
            "-o", f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off",
            "start",
        ),
    )
    for tool, *args in steps:
        done = server.command(tool, *args)
        if done.returncode != 0:
            log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr.strip()} {log[-2000:]}")
    return server


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole session; skips when the binaries are not installed."""
    bin_dir = _postgres_bin_dir()
    if bin_dir is None:
        pytest.skip(f"PostgreSQL not installed (no initdb in {POSTGRES_BIN_GLOB}); apt-get install postgresql to test it")
    try:
        server = _start_postgres(bin_dir)
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
        pytest.fail(f"PostgreSQL is installed but its test server did not start: {error}")
    yield server
    server.command("pg_ctl", "-D", str(server.root / "data"), "-m", "immediate", "stop")
    shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, empty database: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A fresh store, once on SQLite and once on PostgreSQL (see ``store_url``)."""
    opened = Store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store, for tests about something other than the database itself."""
    opened = Store(str(tmp_path / "test.db"))
    yield opened
    opened.close()


@pytest.fixture
def shared_dir() -> Path:
    return require_shared()


@pytest.fixture
def samples_dir() -> Path:
    """The sample corpus shipped with the package (``newsweave run`` with no input)."""
    return SAMPLES
