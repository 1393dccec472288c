"""Benchmarks: scripts that measure and print, never assert (`python -m bench.<name>`)."""
