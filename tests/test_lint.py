"""The code passes ruff with the project's configuration (pyproject.toml), in CI as everywhere."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest
from conftest import PROJECT


def test_ruff_finds_nothing():
    if importlib.util.find_spec("ruff") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs ruff: pip install -e '.[test]'")
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "scripts", "tests"], cwd=PROJECT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
