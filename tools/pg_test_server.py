"""A throwaway local PostgreSQL server for the tests: Debian's packages, a temporary data directory.

    python tools/pg_test_server.py install       # apt-get install -y postgresql, when it is missing (root)
    python tools/pg_test_server.py start DIR     # initdb + start on 127.0.0.1, a free port; prints the URL
    python tools/pg_test_server.py stop DIR

The tests read the server's URL from CROSSWIRE_TEST_POSTGRES; when it is unset they start one with
`start_server` themselves (tests/conftest.py), and skip the PostgreSQL cases, saying why, only when
no server binaries can be found or started. As root the server runs as the `postgres` user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
from pathlib import Path

PG_USER = "postgres"


def server_bindir() -> Path | None:
    """The directory holding initdb and pg_ctl: Debian's newest /usr/lib/postgresql/N/bin, else PATH."""
    for bindir in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True):
        if (Path(bindir) / "initdb").exists() and (Path(bindir) / "pg_ctl").exists():
            return Path(bindir)
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def _version(bindir: str) -> int:
    part = Path(bindir).parent.name
    return int(part) if part.isdigit() else 0


def install() -> int:
    """Install Debian's PostgreSQL server when no server binaries are present (needs root)."""
    if server_bindir():
        return 0
    if os.geteuid() != 0:
        print("PostgreSQL is not installed and this is not root: the PostgreSQL tests will skip",
              file=sys.stderr)
        return 0
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=False, env=env)
    done = subprocess.run(["apt-get", "install", "-y", "-q", "postgresql"], check=False, env=env)
    if done.returncode != 0:  # not fatal: the PostgreSQL tests then skip, saying why
        print("apt-get install postgresql failed: the PostgreSQL tests will skip", file=sys.stderr)
    return 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", PG_USER, "--", *cmd]


def start_server(base: Path) -> str:
    """initdb into `base`/data and start a server on 127.0.0.1; returns its URL. Raises RuntimeError."""
    bindir = server_bindir()
    if bindir is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl); run "
                           "`python tools/pg_test_server.py install` as root (apt-get install postgresql)")
    base.mkdir(parents=True, exist_ok=True)
    data = base / "data"
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam(PG_USER)
        except KeyError as err:
            raise RuntimeError(f"running as root but there is no {PG_USER!r} user to run the server") from err
        base.chmod(0o755)
        os.chown(base, user.pw_uid, user.pw_gid)
    user_name = PG_USER if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
    _run(_as_server_user([str(bindir / "initdb"), "-D", str(data), "-U", user_name, "--auth=trust",
                          "--locale=C", "-E", "UTF8", "--no-sync"]), "initdb")
    port = _free_port()
    options = f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off -c full_page_writes=off"
    _run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"),
                          "-w", "-t", "60", "start"]), "pg_ctl start")
    (base / "url").write_text(f"postgresql://{user_name}@127.0.0.1:{port}/postgres", encoding="utf-8")
    return (base / "url").read_text(encoding="utf-8")


def stop_server(base: Path) -> None:
    bindir = server_bindir()
    if bindir and (base / "data" / "postmaster.pid").exists():
        subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(base / "data"), "-m", "fast",
                                        "-w", "stop"]), check=False, capture_output=True)


def _run(cmd: list[str], what: str) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {(done.stderr or done.stdout).strip()[-400:]}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["install"]:
        return install()
    if len(argv) == 2 and argv[0] in ("start", "stop"):
        if argv[0] == "start":
            print(start_server(Path(argv[1])))
        else:
            stop_server(Path(argv[1]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
