"""Test settings shared by the whole suite."""

import os

from hypothesis import settings

# CI runs the property tests with a fixed seed, so a red run is reproducible; locally they
# explore new examples every run.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
