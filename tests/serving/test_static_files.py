"""The static files as `msaada serve` prepares them: hashed, compressed, and every reference resolved."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.environment import command_env

pytestmark = pytest.mark.slow


def test_collectstatic_hashes_and_compresses_every_asset(tmp_path: Path) -> None:
    env = command_env(MSAADA_VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", "from msaada.cli import main; main()", "collectstatic", "--noinput", "-v", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    static = tmp_path / "static"
    names = {path.name for path in static.rglob("*")}
    assert any(name.startswith("site.") and name.endswith(".css.gz") for name in names)
    assert any(name.startswith("leaflet.") and name.endswith(".js.gz") for name in names)
    assert any(name.startswith("htmx.min.") and name.endswith(".js.gz") for name in names)
    assert (static / "staticfiles.json").exists()
