"""Shared test helpers: where ../shared lives, and skipping cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Shared CI machines are noisy: no per-example deadlines (speed is measured in bench/, not here).
settings.register_profile(
    "newsprism", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100
)
# CI gates a landing: the same examples every run, so a red build always reproduces. Local runs
# keep drawing new examples, which is where property tests find new bugs.
settings.register_profile("ci", parent=settings.get_profile("newsprism"), derandomize=True)
settings.load_profile(os.environ.get("NEWSPRISM_HYPOTHESIS_PROFILE", "newsprism"))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
SEED_PAIR = SHARED / "examples" / "seed-pair"
SEED_A = SEED_PAIR / "000_6221e265d413b335.txt"
SEED_B = SEED_PAIR / "001_50139ac039511f30.txt"
ECBPLUS_DEV = SHARED / "data" / "ecbplus" / "dev.jsonl"
SEMEVAL_DEV = SHARED / "data" / "semeval2022-task8" / "dev.jsonl"


def need_shared(path: Path) -> Path:
    """Skip the calling test, with a reason, when a ../shared file is not there."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared dev data sits beside the project only in CI")
    return path


@pytest.fixture
def seed_pair() -> tuple[Path, Path]:
    return need_shared(SEED_A), need_shared(SEED_B)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
