"""Shared fixtures: the emulator (tests/fixtures/emulator.py) and a real BIND 9 (tests/fixtures/bind.py)."""

pytest_plugins = ["tests.fixtures.emulator", "tests.fixtures.bind"]
