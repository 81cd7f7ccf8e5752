"""The proxy's configuration and the replicas' command, as nplv_serving writes them (no
processes: tests/system/test_serving.py runs the set)."""

from __future__ import annotations

from nplv_serving.config import haproxy_config, replica_command


def test_haproxy_config_has_stickiness_websockets_and_health_checks() -> None:
    text = haproxy_config("127.0.0.1", 8501, [9001, 9002])
    for line in ("bind 127.0.0.1:8501", "cookie NPLV_REPLICA insert indirect nocache",
                 "timeout tunnel", "option httpchk GET /_stcore/health", "option redispatch",
                 "http-response set-header X-NPLV-Replica %s",
                 "server r1 127.0.0.1:9001 check inter 1s fall 2 rise 1 cookie r1",
                 "server r2 127.0.0.1:9002 check inter 1s fall 2 rise 1 cookie r2"):
        assert line in text
    assert "$" not in text  # every placeholder filled


def test_replicas_listen_on_loopback_with_streamlits_protections_on() -> None:
    command = " ".join(replica_command(9001))
    for part in ("--server.address 127.0.0.1", "--server.port 9001", "--server.headless true",
                 "--server.enableCORS true", "--server.enableXsrfProtection true"):
        assert part in command
