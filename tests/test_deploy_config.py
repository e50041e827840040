"""deploy/ agrees with itself and with the app: compose's replicas are nginx's upstream, nginx
accepts the uploads Streamlit accepts, the image runs the app as a non-root user with a health
check, and nginx itself accepts the configuration (when installed; CI installs it).

The end-to-end test (tests/e2e/test_deploy_e2e.py) runs the same nginx.conf in front of two replicas.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.deploy_utils import (
    COMPOSE, DOCKERFILE, NGINX_CONF, client_max_body_mb, listen_address, nginx_binary, nginx_test,
    render_nginx_conf, streamlit_max_upload_mb, upstream_ports,
)


def _compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def _replicas(compose: dict) -> dict[str, dict]:
    return {name: s for name, s in compose["services"].items() if "STREAMLIT_SERVER_PORT" in s.get("environment", {})}


def test_compose_replicas_are_the_nginx_upstream():
    compose = _compose()
    replicas = _replicas(compose)
    assert len(replicas) >= 2, "compose.yaml should start several replicas"
    ports = sorted(int(s["environment"]["STREAMLIT_SERVER_PORT"]) for s in replicas.values())
    assert ports == sorted(upstream_ports(NGINX_CONF.read_text()))
    assert len(set(ports)) == len(ports)
    for name, service in replicas.items():
        # Host network and loopback: nginx reaches them at 127.0.0.1, nobody else does.
        assert service["network_mode"] == "host", name
        assert service["environment"]["STREAMLIT_SERVER_ADDRESS"] == "127.0.0.1", name
        assert service["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}, name
        assert "PLAYGROUND_TRAINING_PROCESSES" in service["environment"], name


def test_compose_nginx_uses_the_shipped_config_after_the_replicas_are_healthy():
    compose = _compose()
    nginx = compose["services"]["nginx"]
    assert nginx["network_mode"] == "host"
    mounts = {v.split(":")[0]: v.split(":")[1] for v in nginx["volumes"]}
    assert mounts["./nginx.conf"] == "/etc/nginx/nginx.conf"
    assert (COMPOSE.parent / "nginx.conf") == NGINX_CONF
    assert nginx["depends_on"] == {name: {"condition": "service_healthy"} for name in _replicas(compose)}
    # nginx's own port must not be one of the replicas' on the shared host network.
    port = int(listen_address(NGINX_CONF.read_text()).rsplit(":", 1)[-1])
    assert port not in upstream_ports(NGINX_CONF.read_text())


def test_nginx_accepts_the_uploads_streamlit_accepts():
    # Streamlit refuses an upload body past maxUploadSize plus 1 MiB of multipart framing
    # (_MAX_UPLOAD_MULTIPART_OVERHEAD_BYTES in its upload route): nginx allows exactly that.
    assert client_max_body_mb(NGINX_CONF.read_text()) == streamlit_max_upload_mb() + 1


def test_nginx_conf_has_affinity_websocket_and_passive_health_checks():
    conf = NGINX_CONF.read_text()
    assert re.search(r"^\s*hash\s+\$playground_affinity\s+consistent;", conf, re.M)
    assert "ip_hash" not in re.sub(r"#.*", "", conf), "one school's NAT address would put a class on one replica"
    stream = re.search(r"location /_stcore/stream \{(.*?)\n        \}", conf, re.S).group(1)
    for directive in ("proxy_http_version 1.1;", "proxy_set_header Upgrade $http_upgrade;",
                      "proxy_set_header Connection $connection_upgrade;", "proxy_set_header Host $http_host;"):
        assert directive in stream
    assert re.search(r"proxy_read_timeout\s+\d+h;", stream)
    # An upload is useless on a replica that does not hold its session: never retried elsewhere.
    upload = re.search(r"location /_stcore/upload_file/ \{(.*?)\n        \}", conf, re.S).group(1)
    assert "proxy_next_upstream off;" in upload
    for block in re.findall(r"location [^{]+\{(.*?)\n        \}", conf, re.S):
        assert "proxy_set_header Host $http_host;" in block  # with its port: see the e2e hostname test
    for line in re.findall(r"^\s*server 127\.0\.0\.1:\d+.*$", conf, re.M):
        assert "max_fails=" in line and "fail_timeout=" in line, line


def test_dockerfile_runs_the_app_as_a_non_root_user_with_a_health_check():
    joined = re.sub(r"\\\n", " ", DOCKERFILE.read_text())  # continuation lines joined
    instructions = [line.split(None, 1) for line in joined.splitlines()
                    if line.strip() and not line.lstrip().startswith("#")]
    order = [op.upper() for op, _ in instructions]
    args = {}
    for op, rest in instructions:
        args.setdefault(op.upper(), []).append(rest.strip())
    assert args["FROM"] == ["python:3.11-slim"]
    assert any("pip install" in run and "-r requirements.txt" in run for run in args["RUN"])
    assert any("STREAMLIT_SERVER_ADDRESS=0.0.0.0" in env for env in args["ENV"])
    assert args["CMD"] == ['["streamlit", "run", "streamlit_app.py"]']
    assert len(args["HEALTHCHECK"]) == 1 and "/_stcore/health" in args["HEALTHCHECK"][0]
    # A non-root user, switched to before the app starts.
    assert args["USER"] and args["USER"][-1] not in ("root", "0")
    assert order.index("USER") < order.index("CMD")


@pytest.mark.parametrize("rendered", [False, True], ids=["shipped", "as-the-e2e-test-runs-it"])
def test_nginx_accepts_the_configuration(tmp_path, rendered):
    nginx = nginx_binary()
    if nginx is None:
        pytest.skip("nginx is not installed (apt-get install -y nginx; .ci/run installs it)")
    conf_path = NGINX_CONF
    if rendered:
        conf_path = tmp_path / "nginx.conf"
        conf_path.write_text(render_nginx_conf([18501, 18502], "127.0.0.1:18080", tmp_path))
    result = nginx_test(nginx, conf_path, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
