"""A throwaway PostgreSQL cluster for tests and benchmarks, from the system's packages.

:class:`Cluster` runs ``initdb`` and ``pg_ctl`` from the newest ``/usr/lib/postgresql/*/bin``
(or ``$PG_BIN``), as the ``postgres`` user when we are root (``pg_ctl`` refuses root), with
its socket in a temporary folder and no TCP port. It is stopped, and its folder removed, by
:meth:`Cluster.stop`, which the tests' fixture calls however the tests ended. Run it by hand
to keep one going for a session of development::

    .venv/bin/python -m tests.pgcluster   # prints the socket folder; Ctrl-C stops it
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path


def server_bin() -> Path | None:
    """The folder holding initdb and pg_ctl, or None if PostgreSQL is not installed."""
    chosen = os.environ.get("PG_BIN")
    candidates = [Path(chosen)] if chosen else []
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: [int(x) for x in p.parent.name.split(".") if x.isdigit()],
    )
    for folder in candidates + versions[::-1]:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def missing_reason() -> str | None:
    """Why a cluster cannot be started here, or None if it can."""
    if server_bin() is None:
        return (
            "PostgreSQL's server programs are not installed (no /usr/lib/postgresql/*/bin/initdb); "
            "install them with: apt-get install postgresql"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, but there is no 'postgres' user to run the server as"
    return None


class Cluster:
    """One PostgreSQL server in a temporary folder, reachable only through its socket."""

    def __init__(self, *, fsync: bool = False) -> None:
        folder = server_bin()
        if folder is None:
            raise RuntimeError(missing_reason())
        self.bin = folder
        self.dir = Path(tempfile.mkdtemp(prefix="spa-pg-"))
        self.fsync = fsync
        self.superuser = "postgres"
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, user="postgres")
            self._as_user = ["runuser", "-u", "postgres", "--"]
        else:
            self.superuser = pwd.getpwuid(os.geteuid()).pw_name
        self.running = False

    @property
    def socket_dir(self) -> str:
        """The folder holding the server's Unix socket (libpq's ``host``)."""
        return str(self.dir)

    def url(self, dbname: str, user: str | None = None) -> str:
        """A libpq URI for ``dbname`` through the socket."""
        return f"postgresql://{user or self.superuser}@/{dbname}?host={self.dir}"

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self._as_user, str(self.bin / program), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def start(self) -> Cluster:
        """initdb and start the server (about a second); returns self."""
        data = self.dir / "data"
        self._run("initdb", "-A", "trust", "-U", self.superuser, "-D", str(data), "-E", "UTF8")
        settings = {
            "listen_addresses": "''",
            "unix_socket_directories": f"'{self.dir}'",
            "max_connections": "300",
            "shared_buffers": "'64MB'",
            # In the configuration file, not on the command line, so that ALTER SYSTEM
            # (see set_fsync) can turn it on for the durability tests.
            "fsync": "on" if self.fsync else "off",
        }
        with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
        self._pg_ctl_start()
        self.running = True
        return self

    def _pg_ctl_start(self) -> None:
        data, log = str(self.dir / "data"), str(self.dir / "log")
        self._run("pg_ctl", "-D", data, "-w", "-l", log, "start")

    def set_fsync(self, on: bool) -> None:
        """Turn fsync on (durability tests) or back off, without restarting."""
        setting = "ALTER SYSTEM SET fsync = on" if on else "ALTER SYSTEM RESET fsync"
        self.psql("postgres", setting)
        self.psql("postgres", "SELECT pg_reload_conf()")

    def psql(self, dbname: str, sql: str, user: str | None = None) -> str:
        """Run SQL with psql as ``user`` (default the superuser); its output."""
        done = subprocess.run(
            [
                str(self.bin / "psql"),
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                self.url(dbname, user),
            ]
            + ["-c", sql],
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URI (for the superuser)."""
        self.psql("postgres", f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder."""
        if self.running:
            data = str(self.dir / "data")
            try:
                self._run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
            except subprocess.CalledProcessError:
                pass
            self.running = False
        shutil.rmtree(self.dir, ignore_errors=True)

    def restart(self) -> None:
        """Stop and start the same cluster, its data kept."""
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")
        self._pg_ctl_start()

    def kill_server(self) -> None:
        """Stop the server at once, as if the machine it runs on went away."""
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")


if __name__ == "__main__":
    cluster = Cluster().start()
    print(cluster.socket_dir, flush=True)
    try:
        import time

        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        cluster.stop()
