"""Generate a deterministic corpus of realistic role files, and learner queries against it.

The files follow the format of `content/*.md`: YAML front-matter (name, displayName, description, expertise,
salaryRange, timelineMonths, sometimes aliases), an H1 title, an overview, a learning path of 5-8 phases with
contiguous week spans and an `**Objective:**` line, bullets (some nested), bold-label subsections, a technology
stack and a checklist of 3 groups x 5 items.

The words come from the shipped role files (their phrases and tech names) plus a few thousand generated
product names, so the index sees a vocabulary of several thousand words, not a handful repeated.

    python bench/corpus.py OUT_DIR [--roles 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from bot.content.ids import checklist_item_id, slugify

CONTENT_DIR = Path(__file__).resolve().parents[1] / "content"

# --- vocabulary ---------------------------------------------------------------------------------

_SPLIT = re.compile(r"\s*(?:[:,;()]|\s[-–—→+&]\s|\band\b|\bor\b|\bvs\.?\b)\s*")
_MARKUP = re.compile(r"\*\*|__|`|\[[ xX]\]|^[-*+]\s+|^\d+[.)]\s+")
_OK_PHRASE = re.compile(r"^[A-Za-z][A-Za-z0-9.+#/' -]*[A-Za-z0-9+#]$")
_TECHY = re.compile(r"[A-Z].*[A-Z]|[0-9.+#]|^[A-Z][a-z]+[A-Z]")

_NOT_NOUN = frozenset(
    {
        "build", "design", "deploy", "implement", "write", "optimize", "master", "understand", "ship", "automate",
        "profile", "secure", "monitor", "test", "debug", "document", "migrate", "benchmark", "refactor", "scale",
        "operate", "evaluate", "instrument", "harden", "prototype", "review", "tune", "explain", "audit", "learn",
        "use", "choose", "get", "keep", "go", "make", "set", "add", "run", "start", "begin", "interview", "complete",
        "study", "practice", "read", "join", "pick", "find", "contribute", "turn", "work", "solve", "train", "know",
        "prefer", "define", "drive", "lead", "mentor",
    }
)  # fmt: skip
_ROLEISH = re.compile(r"Engineer|Developer|Path|Architect|Level|Lead|Manager|Analyst")
FALLBACK_PHRASES = (
    "caching strategies",
    "query optimization",
    "event-driven architectures",
    "distributed tracing",
    "schema design",
    "load balancing",
    "unit testing",
    "feature engineering",
    "model serving",
    "threat modeling",
)
FALLBACK_TECH = ("PostgreSQL", "Kubernetes", "Docker", "Redis", "Kafka", "Terraform", "React", "PyTorch", "Go")

DOMAINS = (
    "Backend", "Frontend", "Full-Stack", "Data", "Analytics", "Machine Learning", "MLOps", "AI", "Platform",
    "Cloud", "DevOps", "Site Reliability", "Security", "Application Security", "Cloud Security", "Mobile",
    "iOS", "Android", "Embedded", "Firmware", "Game", "Graphics", "Quant", "Robotics", "Fintech", "Payments",
    "Healthcare", "Edge", "IoT", "Blockchain", "Smart Contract", "AR/VR", "Search", "Recommendation",
    "Infrastructure", "Observability", "Compiler", "Database", "Network", "QA Automation", "Test",
    "Developer Experience", "API", "Streaming", "Computer Vision", "NLP", "Bioinformatics", "Geospatial",
    "Audio", "Video", "Identity", "Privacy", "Release", "Build", "Performance", "Integration", "ERP", "CRM",
    "E-commerce", "Ad Tech", "Supply Chain", "Energy", "Automotive", "Aerospace", "Simulation", "HPC",
    "Storage", "Kernel", "Accessibility", "Localization", "Growth", "Experimentation", "Data Quality",
)  # fmt: skip
FOCUSES = (
    "", "", "", "Platform", "Systems", "Reliability", "Tooling", "Infrastructure", "Product", "Solutions",
    "Research", "Applied", "Operations", "Automation", "Integration", "Performance", "Governance",
)  # fmt: skip
TITLES = (
    "Engineer", "Engineer", "Engineer", "Developer", "Developer", "Architect", "Analyst", "Specialist",
    "Scientist", "Lead", "Consultant", "Administrator",
)  # fmt: skip
_SYLLABLE_A = (
    "kube", "data", "stream", "cloud", "flux", "quant", "hyper", "graph", "vector", "edge", "nano", "meta",
    "open", "deep", "spark", "terra", "neo", "astro", "zen", "rust", "py", "lumen", "orbit", "vault", "pulse",
    "atlas", "nimbus", "helix", "cobalt", "ember", "frost", "iron", "jade", "kraken", "lynx", "mosaic",
    "nova", "onyx", "pixel", "quartz", "raven", "sierra", "tidal", "umbra", "vertex", "willow", "xeno",
    "yarn", "zephyr", "argon", "boron", "cinder", "delta", "echo", "falcon", "granite", "harbor", "indigo",
)  # fmt: skip
_SYLLABLE_B = (
    "flow", "base", "forge", "stack", "hub", "lake", "mesh", "grid", "ops", "ql", "db", "io", "ly", "ify",
    "kit", "scope", "wave", "shift", "craft", "nest", "sync", "beam", "core", "lens", "dash", "gate", "link",
    "loop", "mint", "port", "rail", "sight", "tide", "works", "yard", "bolt", "cast", "deck", "fuse",
)  # fmt: skip
_PRODUCT_SUFFIX = ("", "", "", "", " DB", ".js", " Cloud", " Studio", " CI", " ML", "QL", " Engine", " Lite")
VERBS = (
    "Build", "Design", "Deploy", "Implement", "Write", "Optimize", "Master", "Understand", "Ship", "Automate",
    "Profile", "Secure", "Monitor", "Test", "Debug", "Document", "Migrate", "Benchmark", "Refactor", "Scale",
    "Operate", "Evaluate", "Instrument", "Harden", "Prototype", "Review", "Model", "Tune", "Explain", "Audit",
)  # fmt: skip
ADJECTIVES = (
    "reliable", "scalable", "secure", "observable", "fast", "maintainable", "production-grade", "resilient",
    "cost-efficient", "well-tested", "accessible", "real-time", "data-driven", "fault-tolerant", "modern",
)  # fmt: skip
NOUNS = (
    "systems", "services", "pipelines", "platforms", "applications", "APIs", "products", "models",
    "workflows", "tools", "dashboards", "integrations", "infrastructure", "experiences", "architectures",
)  # fmt: skip
EMOJI = ("🚀", "📋", "📚", "🔧", "✅", "🎯", "📈", "🤖", "🛡️", "⚙️", "🧪", "🌐", "💡", "")
SUFFIXES = ("Complete Mastery Path", "Learning Path", "Career Roadmap", "From Zero to Senior", "Field Guide")
GROUPS = (
    ("Foundations (1-2 months)", "Intermediate (3-6 months)", "Advanced (6-12 months)"),
    ("Getting Started", "Building Depth", "Expert Level"),
    ("Month 1-3", "Month 4-6", "Month 7-12"),
)


@dataclass
class Vocabulary:
    """Phrases (lower-case concepts) and tech names (products, languages, tools) to build text from."""

    phrases: list[str]
    tech: list[str]
    phase_titles: list[str]
    labels: list[str]
    words: list[str] = field(default_factory=list)


def _harvest(content_dir: Path) -> tuple[set[str], set[str], set[str], set[str]]:
    phrases: set[str] = set()
    tech: set[str] = set()
    phase_titles: set[str] = set()
    labels: set[str] = set()
    for path in sorted(content_dir.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[-1]
        for raw in body.splitlines():
            line = raw.strip()
            phase = re.match(r"^#+\s*Phase \d+:\s*(.+?)\s*\(", line)
            if phase:
                phase_titles.add(phase.group(1))
                continue
            label = re.match(r"^\*\*([^*]{3,40}?):?\*\*", line)
            if label and not line.startswith(("- ", "* ")):
                labels.add(label.group(1).rstrip(":"))
            line = _MARKUP.sub("", line)
            for part in _SPLIT.split(line):
                for piece in part.split("/") if part.count("/") == 1 and " " not in part else [part]:
                    piece = piece.strip(" .!?\"'")
                    if not (2 <= len(piece) <= 40) or not _OK_PHRASE.match(piece) or len(piece.split()) > 4:
                        continue
                    if piece.split()[0].lower() in {"you", "the", "a", "an", "to", "is", "it", "your"}:
                        continue
                    if len(piece.split()) <= 2 and _TECHY.search(piece):
                        tech.add(piece)
                    elif len(piece.split()) >= 2 or len(piece) >= 6:
                        phrases.add(piece.lower() if not _TECHY.search(piece) else piece)
    return phrases, tech, phase_titles, labels


def _product_names(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        if rng.random() < 0.6:
            stem = rng.choice(_SYLLABLE_A) + rng.choice(_SYLLABLE_B)
        else:  # pronounceable made-up words: "Zorvane", "Quillet"
            cons, vows = "bcdfghklmnprstvz", "aeiou"
            stem = "".join(rng.choice(cons) + rng.choice(vows) for _ in range(rng.randint(2, 3)))
            stem += rng.choice(("", "x", "n", "r", "ly", "io", "ra", "et"))
        names.add(stem.capitalize() + rng.choice(_PRODUCT_SUFFIX))
    return sorted(names)


def build_vocabulary(rng: random.Random, content_dir: Path = CONTENT_DIR, products: int = 2500) -> Vocabulary:
    """Harvest phrases and tech names from the shipped role files and add generated product names."""
    phrases, tech, phase_titles, labels = (
        _harvest(content_dir) if content_dir.is_dir() else (set(), set(), set(), set())
    )
    # Keep noun phrases ("window functions"), not instructions ("use git professionally") or role titles.
    phrases = {p for p in phrases if p.split()[0].lower() not in _NOT_NOUN and not _ROLEISH.search(p)}
    phrases |= set(FALLBACK_PHRASES)
    tech = {t for t in tech if not _ROLEISH.search(t)} | set(FALLBACK_TECH)
    tech_list = sorted(tech) + _product_names(rng, products)
    phrase_list = sorted(phrases)
    # Concept phrases combined with tech names widen the phrase pool: "caching strategies in Helixdb".
    titles = sorted(phase_titles) or ["Foundations", "Core Skills", "Advanced Topics"]
    vocab = Vocabulary(phrases=phrase_list, tech=tech_list, phase_titles=titles, labels=sorted(labels))
    words = {w for p in phrase_list for w in re.findall(r"[a-z][a-z0-9+#]{3,}", p.lower())}
    words |= {w for t in tech_list for w in re.findall(r"[a-z][a-z0-9+#]{3,}", t.lower())}
    vocab.words = sorted(words)
    return vocab


# --- role files ---------------------------------------------------------------------------------


@dataclass
class GeneratedRole:
    name: str
    display_name: str
    file: Path
    topics: list[str]  # bullet texts, for drawing queries from


class _Writer:
    def __init__(self, rng: random.Random, vocab: Vocabulary) -> None:
        self.rng = rng
        self.v = vocab

    def tech(self, k: int = 1) -> list[str]:
        return self.rng.sample(self.v.tech, k)

    def phrase(self, k: int = 1) -> list[str]:
        return self.rng.sample(self.v.phrases, k)

    def sentence(self) -> str:
        r = self.rng
        a, b = self.phrase(2)
        t1, t2 = self.tech(2)
        return r.choice(
            (
                f"{r.choice(VERBS)} {r.choice(ADJECTIVES)} {r.choice(NOUNS)} with {t1} and {t2}.",
                f"Learn {a} and {b} through hands-on projects in {t1}.",
                f"Go from {a} to {b}, using {t1} where it fits and {t2} where it does not.",
                f"{r.choice(VERBS)} {a} for {r.choice(ADJECTIVES)} {r.choice(NOUNS)}.",
            )
        )

    def topic(self) -> str:
        r = self.rng
        kind = r.random()
        if kind < 0.45:
            head = r.choice(self.v.tech if r.random() < 0.5 else self.v.phrases)
            head = head[0].upper() + head[1:]
            items = self.phrase(r.randint(2, 4))
            if r.random() < 0.4:
                items[-1] = self.tech()[0]
            return f"{head}: {', '.join(items)}"
        if kind < 0.75:
            a, b = self.phrase(2)
            return f"{a[0].upper() + a[1:]} and {b} with {self.tech()[0]}"
        if kind < 0.9:
            return f"{r.choice(VERBS)} {self.phrase()[0]} using {', '.join(self.tech(r.randint(1, 3)))}"
        return f"**{self.tech()[0]}:** {', '.join(self.phrase(3))}"

    def checklist(self) -> list[str]:
        items: list[str] = []
        ids: set[str] = set()
        while len(items) < 15:
            r = self.rng
            text = r.choice(
                (
                    f"{r.choice(VERBS)} {self.phrase()[0]} with {self.tech()[0]}",
                    f"{r.choice(VERBS)} a {r.choice(ADJECTIVES)} {self.phrase()[0]} project",
                    f"{r.choice(VERBS)} {self.phrase()[0]} and {self.phrase()[0]}",
                )
            )
            item_id = checklist_item_id(text)
            if item_id not in ids:
                ids.add(item_id)
                items.append(text)
        return items


def _salary(rng: random.Random) -> dict[str, str]:
    base = rng.randrange(55, 120, 5)
    levels = ("entry", "mid", "senior", "staff")[: rng.randint(3, 4)]
    out, low = {}, base
    for level in levels:
        high = low + rng.randrange(20, 70, 5)
        out[level] = f"${low}K-${high}K" + ("+" if level == "staff" else "")
        low = high
    return out


def _display_names(rng: random.Random, count: int, vocab: Vocabulary) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        if rng.random() < 0.12:
            display = f"{rng.choice(vocab.tech)} {rng.choice(TITLES)}"
        else:
            focus = rng.choice(FOCUSES)
            display = " ".join(x for x in (rng.choice(DOMAINS), focus, rng.choice(TITLES)) if x)
        slug = slugify(display, 64)
        if slug in seen or not re.match(r"^[a-z0-9][a-z0-9-]{0,63}$", slug):
            continue
        seen.add(slug)
        names.append(display)
    return names


def render_role(rng: random.Random, vocab: Vocabulary, display: str, aliases: list[str]) -> tuple[str, list[str]]:
    """Return one role file's text and its bullet texts."""
    w = _Writer(rng, vocab)
    name = slugify(display, 64)
    topics: list[str] = []
    out: list[str] = ["---", f"name: {name}", f"displayName: {display}"]
    out.append(f"description: {w.sentence()} {w.sentence()}")
    out.append("expertise:")
    out.extend(f"  - {e[0].upper() + e[1:]}" for e in w.phrase(rng.randint(3, 6)))
    out.append("salaryRange:")
    out.extend(f'  {k}: "{v}"' for k, v in _salary(rng).items())
    low = rng.randint(3, 9)
    out.append("timelineMonths:")
    out.append(f'  complete_beginner: "{low + 3}-{low + 6}"')
    out.append(f'  programming_background: "{low}-{low + 3}"')
    if aliases:
        out.append("aliases:")
        out.extend(f"  - {a}" for a in aliases)
    out.append("---")
    out.append("")
    out.append(f"# {rng.choice(EMOJI)} {display} - {rng.choice(SUFFIXES)}".replace("#  ", "# "))
    out += ["", f"{w.sentence()} {w.sentence()} {w.sentence()}", ""]
    out += [f"## {rng.choice(EMOJI)} Executive Overview".replace("##  ", "## "), ""]
    first = w.sentence()
    out += [f"{display}s {first[0].lower()}{first[1:]} {w.sentence()}", ""]
    if rng.random() < 0.3:
        out += [f"**Market Demand:** {'⭐' * rng.randint(3, 5)} ({w.phrase()[0]})", ""]

    n_phases = rng.randint(5, 8)
    spans: list[tuple[int, int]] = []
    week = 1
    for _ in range(n_phases):
        length = rng.randint(2, 8)
        spans.append((week, week + length - 1))
        week += length
    out += [f"## 📚 Complete {week - 1}-Week Learning Path", ""]
    titles = rng.sample(vocab.phase_titles, min(n_phases, len(vocab.phase_titles)))
    for i, (first, last) in enumerate(spans, 1):
        title = titles[i - 1] if i - 1 < len(titles) and rng.random() < 0.5 else None
        if title is None:
            p = w.phrase()[0]
            title = rng.choice((f"{p[0].upper() + p[1:]}", f"{w.tech()[0]} Deep Dive", f"Advanced {p}"))
        weeks = f"Week {first}" if first == last else f"Weeks {first}-{last}"
        out += [f"### Phase {i}: {title} ({weeks})", f"**Objective:** {w.sentence().rstrip('.')}", ""]
        if rng.random() < 0.5:
            out += [w.sentence(), ""]
        if rng.random() < 0.3:
            label = rng.choice(vocab.labels) if vocab.labels and rng.random() < 0.5 else w.tech()[0]
            out.append(f"**{label}:**")
            for _ in range(rng.randint(1, 2)):
                t = w.topic()
                topics.append(t)
                out.append(f"- {t}")
            out.append("")
        else:
            for _ in range(rng.randint(1, 3)):
                t = w.topic()
                topics.append(t)
                out.append(f"- {t}")
                if rng.random() < 0.15:
                    child = f"{w.phrase()[0]} with {w.tech()[0]}"
                    topics.append(child)
                    out.append(f"  - {child}")
            out.append("")
    out += ["## 🔧 Technology Stack", ""]
    for _ in range(rng.randint(1, 3)):
        t = f"{w.phrase()[0][0].upper()}{w.phrase()[0][1:]}: {', '.join(w.tech(rng.randint(2, 4)))}"
        topics.append(t)
        out.append(f"- {t}")
    out += ["", "## ✅ Success Checklist", ""]
    items = w.checklist()
    for g, group in enumerate(rng.choice(GROUPS)):
        out += [f"### {group}"]
        out += [f"- [ ] {item}" for item in items[g * 5 : g * 5 + 5]]
        out.append("")
    out += ["---", "", f"**Ready to start?** {w.sentence()}", ""]
    return "\n".join(out), topics


def generate(out_dir: Path, roles: int = 1000, seed: int = 1) -> tuple[list[GeneratedRole], Vocabulary]:
    """Write `roles` role files to `out_dir`; the same seed always gives the same bytes."""
    rng = random.Random(seed)
    vocab = build_vocabulary(rng)
    out_dir.mkdir(parents=True, exist_ok=True)
    displays = _display_names(rng, roles, vocab)
    claimed = {slugify(d, 100) for d in displays}
    generated: list[GeneratedRole] = []
    for display in displays:
        aliases: list[str] = []
        if rng.random() < 0.4:
            initials = "".join(word[0] for word in re.findall(r"[A-Za-z]+", display)).lower()
            for candidate in (initials, f"{display.rsplit(' ', 1)[0]} dev", f"{initials}-{rng.randint(2, 99)}"):
                key = slugify(candidate, 100)
                if len(candidate) >= 2 and key not in claimed:
                    claimed.add(key)
                    aliases.append(candidate)
                    break
        text, topics = render_role(rng, vocab, display, aliases)
        path = out_dir / f"{slugify(display, 64)}.md"
        path.write_text(text, encoding="utf-8")
        generated.append(GeneratedRole(slugify(display, 64), display, path, topics))
    return generated, vocab


# --- queries ------------------------------------------------------------------------------------


def typo(rng: random.Random, word: str) -> str:
    """Apply one random edit to a word: drop, swap, insert or replace a letter."""
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word) - 1)  # learners rarely get the first letter wrong
    op = rng.choice(("drop", "swap", "insert", "replace"))
    letter = rng.choice(string.ascii_lowercase)
    if op == "drop":
        return word[:i] + word[i + 1 :]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :] if i + 1 < len(word) else word[:i] + letter
    if op == "insert":
        return word[:i] + letter + word[i:]
    return word[:i] + letter + word[i + 1 :]


def _with_typos(rng: random.Random, text: str, rate: float) -> tuple[str, bool]:
    if rng.random() >= rate:
        return text, False
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) >= 4]
    if not long:
        return text, False
    for i in rng.sample(long, 1 if len(long) < 3 or rng.random() < 0.7 else 2):
        words[i] = typo(rng, words[i])
    return " ".join(words), True


@dataclass(frozen=True)
class Query:
    text: str
    role: str | None = None
    typo: bool = False


_FRAMES = ("{}", "{}", "{}", "how to learn {}", "what is {}", "{} tutorial", "{} basics", "best way to learn {}")


def make_queries(
    rng: random.Random, roles: list[GeneratedRole], vocab: Vocabulary, count: int, typo_rate: float = 0.5
) -> list[Query]:
    """Learner-style queries: single words, phrases and questions; about half with a typo; some role-filtered."""
    queries: list[Query] = []
    for _ in range(count):
        r = rng.random()
        role = rng.choice(roles)
        if r < 0.3:  # one word
            base = rng.choice(vocab.words) if rng.random() < 0.5 else rng.choice(vocab.tech).split()[0].lower()
        elif r < 0.6:  # a phrase
            base = rng.choice(vocab.phrases).lower()
        elif r < 0.8:  # a few words from a real bullet
            words = re.findall(r"[A-Za-z][A-Za-z0-9+#.-]*", rng.choice(role.topics))
            start = rng.randrange(max(1, len(words) - 1))
            base = " ".join(words[start : start + rng.randint(2, 3)]).lower()
        else:  # tech + concept
            base = f"{rng.choice(vocab.tech).lower()} {rng.choice(vocab.phrases).lower()}"
        text, had_typo = _with_typos(rng, base, typo_rate)
        text = rng.choice(_FRAMES).format(text)
        filtered = rng.random() < 0.2
        queries.append(Query(text, role.name if filtered else None, had_typo))
    return queries


def make_prefixes(rng: random.Random, roles: list[GeneratedRole], count: int) -> list[str]:
    """Partly typed text, as the autocomplete sees it: 'kubernetes netw', 'postgr'."""
    out: list[str] = []
    for _ in range(count):
        words = re.findall(r"[A-Za-z][A-Za-z0-9+#]*", rng.choice(rng.choice(roles).topics))
        take = words[: rng.randint(1, min(3, len(words)))] if words else ["data"]
        last = take[-1]
        take[-1] = last[: rng.randint(min(2, len(last)), len(last))]
        out.append(" ".join(take).lower())
    return out


def make_role_queries(rng: random.Random, roles: list[GeneratedRole], count: int) -> list[str]:
    """Role look-ups as typed in the role picker: 'backend eng', 'data platfrom', 'sre'."""
    out: list[str] = []
    for _ in range(count):
        words = rng.choice(roles).display_name.lower().split()
        text = " ".join(words[: rng.randint(1, len(words))])
        if rng.random() < 0.3:
            text = text[: max(2, len(text) - rng.randint(0, 5))]
        out.append(_with_typos(rng, text, 0.3)[0])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    roles, vocab = generate(args.out_dir, args.roles, args.seed)
    print(
        f"wrote {len(roles)} role files to {args.out_dir}: {len(vocab.phrases)} phrases, {len(vocab.tech)} tech names"
    )


if __name__ == "__main__":
    main()
