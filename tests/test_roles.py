"""Reversed roles (checks/roles.py): same action, same parties, opposite direction."""

from __future__ import annotations

import pytest

from wirecheck.pipeline import compare

SOURCE = ("Ukrainian forces repelled a Russian assault near Kupiansk on Monday, the General Staff said.\n"
          "The mayor thanked the rescuers for their work.\n"
          "Police detained the driver after the crash.")


def reversals(story: str) -> list[tuple[str | None, str | None]]:
    return [(f.before, f.after) for f in compare(story, SOURCE).findings if f.rule == "roles.reversed"]


def test_nationalities_traded_between_attacker_and_defender() -> None:
    found = reversals("Russian forces repelled a Ukrainian assault near Kupiansk on Monday.")
    assert found == [("Ukrainian forces repelled a Russian assault", "Russian forces repelled a Ukrainian assault")]


def test_parties_traded_places() -> None:
    assert reversals("The rescuers thanked the mayor for their work.") == [
        ("The mayor thanked the rescuers", "The rescuers thanked the mayor")]


def test_a_passive_is_read_the_right_way_round() -> None:
    assert reversals("Police were detained by the driver after the crash.") == [
        ("Police detained the driver", "Police were detained by the driver")]


@pytest.mark.parametrize("story", [
    "Ukrainian forces repelled a Russian assault near Kupiansk on Monday.",  # as the source says it
    "The driver was detained by police after the crash.",  # a passive with the same direction
    "The mayor met the rescuers.",  # no such clause in the source
])
def test_same_direction_is_not_reported(story: str) -> None:
    assert reversals(story) == []
