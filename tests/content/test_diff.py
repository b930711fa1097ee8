"""What a reload reports: roles, phases and checklist items added, removed, changed or reworded."""

from __future__ import annotations

import random
from dataclasses import replace

from rapidfuzz import fuzz

from bot.content.holder import EXACT_PAIRS, PhaseChange, PhaseFacts, diff_indexes, pair_renames
from bot.content.loader import ContentIndex
from bot.content.models import ChecklistItem, Phase, Role

WORDS = [
    "build",
    "deploy",
    "test",
    "design",
    "review",
    "secure",
    "monitor",
    "scale",
    "cache",
    "index",
    "query",
    "stream",
    "batch",
    "api",
    "service",
    "queue",
    "schema",
    "migration",
    "container",
    "cluster",
    "pipeline",
    "dashboard",
    "alert",
    "token",
    "session",
    "replica",
    "shard",
    "backup",
]


def item(n: int, text: str, group: str = "Basics") -> ChecklistItem:
    return ChecklistItem(f"item-{n}", group, text, n + 1)


def phase(number: int, title: str, first: int, last: int, objective: str | None = "Learn it") -> Phase:
    return Phase(number, title, first, last, line=number * 10, section_id=f"phase-{number}", objective=objective)


def role(name: str, items: tuple[ChecklistItem, ...] = (), phases: tuple[Phase, ...] = ()) -> Role:
    return Role(name, name.title(), "A path.", f"{name}.md", phases=phases, checklist=items)


def index(*roles: Role) -> ContentIndex:
    return ContentIndex(roles={r.name: r for r in roles})


def quadratic_renames(gone: list[ChecklistItem], came: list[ChecklistItem]) -> list[tuple[int, int]]:
    """Every pair scored, best first, each item once: what a reload reported before it was made linear."""
    pairs = sorted(
        ((fuzz.token_set_ratio(o.text, c.text), i, j) for i, o in enumerate(gone) for j, c in enumerate(came)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    taken_old: dict[int, int] = {}
    taken_new: set[int] = set()
    for score, i, j in pairs:
        if score < 60:
            break
        if i not in taken_old and j not in taken_new:
            taken_old[i] = j
            taken_new.add(j)
    return sorted(taken_old.items())


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def unique_word(n: int) -> str:
    """A made-up word per number ("bab", "bac", ...), as real items each name their own tools and topics."""
    letters = "bcdfghjklmnpqrstvwxz"
    word = ""
    while True:
        word += letters[n % len(letters)] + "aeiou"[n % 5]
        n //= len(letters)
        if n == 0:
            return word


# ---------------------------------------------------------------- renames


def test_reworded_item_is_paired_with_the_one_it_replaces() -> None:
    before = role("backend", (item(0, "Use git professionally"), item(1, "Write unit tests")))
    after = role("backend", (item(2, "Use git and GitHub professionally"), item(1, "Write unit tests")))

    diff = diff_indexes(index(before), index(after))

    assert [(r.role, r.old.id, r.new.id) for r in diff.renamed] == [("backend", "item-0", "item-2")]
    assert diff.items_removed == (("backend", before.checklist[0]),)
    assert diff.items_added == (("backend", after.checklist[0]),)
    assert not diff.empty


def test_two_items_merged_into_one_give_the_closer_one() -> None:
    gone = [item(0, "Use git professionally"), item(1, "Optimize database queries")]
    came = [item(2, "Use git professionally and optimize database queries")]
    assert pair_renames(gone, came) == quadratic_renames(gone, came)
    assert len(pair_renames(gone, came)) == 1


def test_an_unrelated_item_is_not_a_rename() -> None:
    assert pair_renames([item(0, "Use git professionally")], [item(1, "Deploy to Kubernetes")]) == []


def test_renames_are_the_same_as_scoring_every_pair_on_small_roles() -> None:
    rng = random.Random(7)
    for _ in range(200):
        gone = [item(k, sentence(rng, rng.randint(2, 6))) for k in range(rng.randint(0, 12))]
        came = [item(100 + k, sentence(rng, rng.randint(2, 6))) for k in range(rng.randint(0, 12))]
        assert pair_renames(gone, came) == quadratic_renames(gone, came), (gone, came)


def test_a_role_too_big_to_score_every_pair_still_pairs_items_reworded_in_place() -> None:
    # 300 × 300 pairs: past EXACT_PAIRS, so each added item is scored against a few likely old ones only.
    rng = random.Random(3)
    texts = [f"{sentence(rng, 3)} {unique_word(k)} {sentence(rng, 2)}" for k in range(300)]
    gone = [item(k, t) for k, t in enumerate(texts)]
    came = [item(1000 + k, f"Really {t} well") for k, t in enumerate(texts)]
    assert len(gone) * len(came) > EXACT_PAIRS

    assert pair_renames(gone, came) == quadratic_renames(gone, came) == [(k, k) for k in range(300)]


def test_thousands_of_items_reworded_in_one_role_are_all_paired() -> None:
    # Scoring every pair would be 16 million scores (about half a minute); this is a few per item.
    rng = random.Random(5)
    texts = [f"{sentence(rng, 4)} {unique_word(k)} with {unique_word(k + 7919)}" for k in range(4000)]
    before = role("big", tuple(item(k, t, f"Group {k // 5}") for k, t in enumerate(texts)))
    after = role("big", tuple(item(10_000 + k, f"{t}, tested", f"Group {k // 5}") for k, t in enumerate(texts)))

    diff = diff_indexes(index(before), index(after))

    assert len(diff.items_removed) == len(diff.items_added) == 4000
    assert [(r.old.id, r.new.id) for r in diff.renamed] == [(f"item-{k}", f"item-{10_000 + k}") for k in range(4000)]


def test_each_old_item_goes_to_at_most_one_new_one_in_big_roles() -> None:
    # Many near-identical items: every pair scores high, and the candidate sets overlap.
    gone = [item(k, f"Build the service number {k % 7}") for k in range(250)]
    came = [item(1000 + k, f"Build the service number {k % 7} again") for k in range(250)]
    pairs = pair_renames(gone, came)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs) > 0
    assert all(fuzz.token_set_ratio(gone[i].text, came[j].text) >= 60 for i, j in pairs)


# ---------------------------------------------------------------- phases


PHASES = (
    phase(1, "Foundations", 1, 4, "Understand the web"),
    phase(2, "Databases", 5, 10, "Master SQL"),
    phase(3, "APIs", 11, 14, "Build APIs"),
)


def test_phase_weeks_title_and_objective_changes_are_reported() -> None:
    before = role("backend", phases=PHASES)
    after = role(
        "backend",
        phases=(
            PHASES[0],
            phase(2, "Data Stores", 5, 12, "Master SQL"),
            phase(3, "APIs", 13, 16, "Build and document APIs"),
        ),
    )

    diff = diff_indexes(index(before), index(after))

    assert [(c.number, c.changed) for c in diff.phases] == [(2, ("weeks", "title")), (3, ("weeks", "objective"))]
    assert diff.phases[0] == PhaseChange(
        "backend", 2, PhaseFacts(2, "Databases", 5, 10, "Master SQL"), PhaseFacts(2, "Data Stores", 5, 12, "Master SQL")
    )
    assert not diff.empty
    assert not diff.items_added and not diff.items_removed


def test_phases_added_and_removed_are_reported() -> None:
    before = role("backend", phases=PHASES)
    after = role("backend", phases=(*PHASES[:2], phase(4, "Capstone", 11, 16)))

    diff = diff_indexes(index(before), index(after))

    assert [(c.number, c.old is None, c.new is None, c.changed) for c in diff.phases] == [
        (3, False, True, ()),
        (4, True, False, ()),
    ]
    assert diff.phases[1].new == PhaseFacts(4, "Capstone", 11, 16, "Learn it")


def test_only_the_compared_facts_of_a_phase_count() -> None:
    before = role("backend", phases=PHASES)
    moved = tuple(replace(p, line=p.line + 3, section_id=p.section_id + "-x") for p in PHASES)
    diff = diff_indexes(index(before), index(role("backend", phases=moved)))
    assert diff.phases == ()
    assert diff.empty


def test_phases_of_roles_added_or_removed_are_not_listed_one_by_one() -> None:
    diff = diff_indexes(index(role("old", phases=PHASES)), index(role("new", phases=PHASES)))
    assert diff.roles_added == ("new",)
    assert diff.roles_removed == ("old",)
    assert diff.phases == ()
