"""Generated conflict articles for the reliability tests (varied, deterministic, no real data)."""

from __future__ import annotations

import random
from pathlib import Path

PLACES = ["Aleppo", "Mosul", "Taiz", "Sirte", "Gao", "Mogadishu", "Kandahar", "Bakhmut", "Sittwe", "Maiduguri"]
ACTORS = ["Islamic State", "al-Shabaab", "Houthi rebels", "Taliban", "Boko Haram", "Wagner Group",
          "the army", "police", "Arakan Army", "government forces"]
VERBS = ["attacked", "shelled", "clashed with", "ambushed", "bombed", "besieged"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def write_articles(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` short news articles into ``folder`` and return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        a, b = rng.sample(ACTORS, 2)
        place = rng.choice(PLACES)
        sentences = [
            f"Fighting near {place}\n",
            f"{a[0].upper()}{a[1:]} {rng.choice(VERBS)} {b} near {place} on {rng.choice(DAYS)}, "
            f"killing at least {rng.randint(2, 90)} people, officials said.",
            f"Residents of {rng.choice(PLACES)} reported heavy gunfire and {rng.randint(3, 40)} families fled.",
        ]
        path = folder / f"article_{number:04d}.txt"
        path.write_text("\n".join(sentences), encoding="utf-8")
        paths.append(path)
    return paths
