"""`python -m msaada` is the console script: a machine without the script on its PATH still runs the commands."""

import subprocess
import sys


def test_python_dash_m_msaada_runs_a_command():
    done = subprocess.run(
        [sys.executable, "-m", "msaada", "help", "brief"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "usage: msaada brief" in done.stdout and "--mission" in done.stdout
