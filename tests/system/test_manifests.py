"""The container image and the Kubernetes manifests, checked offline by checkov.

checkov runs from its own venv (``.venv-checkov``, made by ``make setup-dev``: its pins clash
with pytest's). Every failed check fails the test unless ``checkov_skips.json`` names it with
the reason it cannot pass here. Missing checkov: skipped locally, a failure in CI.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHECKOV = REPO_ROOT / ".venv-checkov" / "bin" / "checkov"
SKIPS = json.loads(Path(__file__).with_name("checkov_skips.json").read_text())
MANIFESTS = ("deployment", "service", "ingress", "pdb", "networkpolicy")
TARGETS = {"kubernetes": ["-d", "deploy"], "dockerfile": ["-f", "Dockerfile"]}


def test_image_and_manifests_exist() -> None:
    assert (REPO_ROOT / "Dockerfile").is_file()
    kustomization = (REPO_ROOT / "deploy" / "kustomization.yaml").read_text()
    for name in MANIFESTS:
        assert (REPO_ROOT / "deploy" / f"{name}.yaml").is_file()
        assert f"- {name}.yaml" in kustomization


def test_every_skip_has_a_reason() -> None:
    assert all(isinstance(reason, str) and len(reason) > 40 for reason in SKIPS.values())


def _failed_checks(framework: str) -> tuple[int, list[str]]:
    """(checks passed, 'ID resource file' of each failed check) for one framework."""
    out = subprocess.run(
        [str(CHECKOV), *TARGETS[framework], "--framework", framework, "-o", "json",
         "--compact", "--skip-download"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=180,
        env={**os.environ, "BC_SKIP_MAPPING": "TRUE"})  # no Bridgecrew look-up: offline
    assert out.stdout.strip(), f"checkov printed nothing: {out.stderr[-2000:]}"
    report = json.loads(out.stdout)
    reports = report if isinstance(report, list) else [report]
    passed, failed = 0, []
    for part in reports:
        assert part["summary"]["parsing_errors"] == 0, part["summary"]
        passed += part["summary"]["passed"]
        results = part.get("results", {})
        failed += [f"{c['check_id']} {c['resource']} {c['file_path']}: {c['check_name']}"
                   for c in results.get("failed_checks", []) if c["check_id"] not in SKIPS]
    return passed, failed


@pytest.mark.parametrize("framework", sorted(TARGETS))
def test_checkov_passes(framework: str) -> None:
    if not CHECKOV.exists():
        message = f"{CHECKOV.relative_to(REPO_ROOT)} is missing (run make setup-dev)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI must check the manifests", pytrace=False)
        pytest.skip(message)
    passed, failed = _failed_checks(framework)
    assert passed > 0, "checkov ran no checks"
    assert not failed, "\n".join(failed)
