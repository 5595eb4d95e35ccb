#!/usr/bin/env python3
"""CTest entry point: run pytest on the given files; exit 77 (skipped) without pytest."""
import sys

try:
    import pytest
except ImportError:
    print("pytest is not installed (Debian: python3-pytest; scripts/setup.sh installs it): skipped")
    sys.exit(77)

sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", "-rs", *sys.argv[1:]]))
