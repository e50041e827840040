"""Helpers for the tests of deploy/: read the shipped nginx configuration and run it on free ports.

The tests run deploy/nginx.conf itself, changed only where a test must: the replicas' ports, the
listening address, and nginx's temporary folders (moved into a temp dir so that nginx need not
write to /var/lib/nginx).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
NGINX_CONF = DEPLOY / "nginx.conf"
COMPOSE = DEPLOY / "compose.yaml"
DOCKERFILE = DEPLOY / "Dockerfile"
STREAMLIT_CONFIG = ROOT / ".streamlit" / "config.toml"
STREAMLIT_DEFAULT_MAX_UPLOAD_MB = 200  # Streamlit's default for server.maxUploadSize
AFFINITY_COOKIE = "playground_replica"

# `server 127.0.0.1:8501 max_fails=3 fail_timeout=30s;` inside the upstream block.
UPSTREAM_SERVER = re.compile(r"^(?P<indent>[ \t]*)server[ \t]+127\.0\.0\.1:(?P<port>\d+)(?P<rest>[^;\n]*);[ \t]*\n", re.M)
LISTEN = re.compile(r"^(?P<indent>[ \t]*)listen[ \t]+(?P<address>[^;\s]+)[ \t]*;", re.M)
BODY_SIZE = re.compile(r"^\s*client_max_body_size\s+(\d+)m\s*;", re.M)
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def nginx_binary() -> str | None:
    """Path of nginx (Debian puts it in /usr/sbin, which a non-root PATH may lack), or None."""
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None


def upstream_ports(conf: str) -> list[int]:
    """The replica ports of the upstream block, in order."""
    return [int(m["port"]) for m in UPSTREAM_SERVER.finditer(conf)]


def listen_address(conf: str) -> str:
    """What the server block listens on (`8080`, `127.0.0.1:8080`)."""
    addresses = [m["address"] for m in LISTEN.finditer(conf)]
    assert len(addresses) == 1, f"expected one listen directive, found {addresses}"
    return addresses[0]


def client_max_body_mb(conf: str) -> int:
    match = BODY_SIZE.search(conf)
    assert match, "nginx.conf sets no client_max_body_size in megabytes"
    return int(match.group(1))


def streamlit_max_upload_mb() -> int:
    """server.maxUploadSize from .streamlit/config.toml, or Streamlit's default."""
    with open(STREAMLIT_CONFIG, "rb") as handle:
        config = tomllib.load(handle)
    return int(config.get("server", {}).get("maxUploadSize", STREAMLIT_DEFAULT_MAX_UPLOAD_MB))


def render_nginx_conf(ports: list[int], listen: str, prefix: Path) -> str:
    """deploy/nginx.conf with `ports` as its replicas, listening on `listen`, temp folders in `prefix`."""
    conf = NGINX_CONF.read_text()
    servers = list(UPSTREAM_SERVER.finditer(conf))
    assert servers, "deploy/nginx.conf has no `server 127.0.0.1:PORT` lines"
    first, last = servers[0], servers[-1]
    assert conf[first.start():last.end()].count("server") == len(servers), "server lines must be adjacent"
    lines = "".join(f"{first['indent']}server 127.0.0.1:{port}{first['rest']};\n" for port in ports)
    conf = conf[:first.start()] + lines + conf[last.end():]
    conf, count = LISTEN.subn(lambda m: f"{m['indent']}listen {listen};", conf)
    assert count == 1
    temps = "".join(f"    {name}_temp_path {prefix / (name + '_temp')};\n" for name in TEMP_PATHS)
    conf, count = re.subn(r"^http\s*\{\n", lambda m: m.group(0) + temps, conf, flags=re.M)
    assert count == 1
    return conf


def nginx_test(nginx: str, conf_path: Path, prefix: Path) -> subprocess.CompletedProcess:
    """`nginx -t` on a configuration, with its pid file in `prefix`."""
    return subprocess.run(
        [nginx, "-t", "-e", "stderr", "-p", str(prefix), "-c", str(conf_path), "-g", f"pid {prefix / 'nginx.pid'};"],
        capture_output=True, text=True, timeout=60,
    )
