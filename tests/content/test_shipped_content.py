"""The shipped role files as a learner meets them: each checklist item in the phase where it is learned, and
links beside the topics they teach.

The six files in `content/` carried their checklist after all phases ("Success Checklist", grouped as
"Foundations (1-2 months)" and so on), so `/today` had no open items of the phase for a shipped path, and their
only resources were a "Key Resources" list without links. The items moved into the phases unchanged, and each
phase links official documentation and well-known free courses.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot.content.loader import ContentIndex
from bot.domain.today import extract_links, slice_resources, week_slice
from bot.handlers.learning import phase_body
from tests.conftest import CONTENT_DIR

# The IDs learners' progress is stored under, with each item's text: `waymark content check --json` on the
# shipped content before the items moved into the phases (main at b7bbea6). An ID comes from the item's words
# only (bot/content/ids.py), so moving an item keeps it; rewording one loses every learner's tick on it. These
# must never change: a real rename keeps the old ID with a `{#old-id}` suffix (README, "Checklist").
PROGRESS_IDS: dict[str, dict[str, str]] = {
    "backend-engineer": {
        "item-c2d1447fe8": "Write clean, well-documented code in chosen language",
        "item-6f049f1770": "Design normalized database schemas",
        "item-efa82eba61": "Build basic API endpoints",
        "item-2a023dcc8b": "Use git professionally",
        "item-af928a1580": "Understand HTTP and web protocols",
        "item-23ce737b3b": "Build complete REST API with authentication",
        "item-8b0eccd906": "Optimize database queries",
        "item-021abdffae": "Implement caching layers",
        "item-5133b5abe4": "Write comprehensive tests",
        "item-471718fbf0": "Deploy to cloud platform",
        "item-c612b7d403": "Design microservices architecture",
        "item-ab0069d888": "Build real-time features with WebSockets",
        "item-cbaf95676c": "Implement distributed systems",
        "item-3b6bcfb2f7": "Design for high availability",
        "item-48fb93e034": "Master system design interviews",
    },
    "data-engineer": {
        "item-75c6f53bf4": "Answer reporting questions with window functions and CTEs",
        "item-847271695d": "Speed up a slow query using EXPLAIN and an index",
        "item-3c9946a404": "Extract data from a paginated API with tested Python",
        "item-3e0fa532bc": "Convert raw CSV and JSON into partitioned Parquet",
        "item-7f7ed5062d": "Run an extract-and-load job in Docker",
        "item-065b5ad322": "Design a star schema with a declared grain and an SCD Type 2 dimension",
        "item-1088170c4e": "Build a dbt project with staging and mart layers and tests",
        "item-88c3fa0c1c": "Load data incrementally into Snowflake or BigQuery",
        "item-ad68dd2b2c": "Schedule a pipeline in Airflow or Dagster with retries and alerts",
        "item-4210ba11c8": "Process a multi-gigabyte dataset with PySpark",
        "item-6125caea85": "Build an Iceberg or Delta Lake table with schema evolution",
        "item-a15cbf4287": "Stream database changes through Kafka with Debezium",
        "item-56676b76bd": "Add quality checks and freshness alerts to a production pipeline",
        "item-680f097212": "Provision your platform with Terraform and deploy via CI/CD",
        "item-2e201720f0": "Explain batch vs streaming trade-offs in a system design interview",
    },
    "devops-sre-engineer": {
        "item-492c97b683": "Debug a failing systemd service with journalctl",
        "item-718bf3227a": "Explain step by step what happens when a browser loads an HTTPS URL",
        "item-edd07f1d1c": "Write a Bash script that passes ShellCheck with no warnings",
        "item-c6c80b30e0": "Automate a server's setup end-to-end with an Ansible playbook",
        "item-baf2d3bd7d": "Resolve a merge conflict and rebase a feature branch cleanly",
        "item-a6589b860a": "Build a CI pipeline that tests, scans, and pushes an image on every commit",
        "item-553e6af1df": "Shrink an image with a multi-stage, non-root Dockerfile",
        "item-e3d02f0f1e": "Deploy a multi-service app to Kubernetes with a Helm chart",
        "item-50d6096484": "Provision a VPC and cluster with OpenTofu or Terraform and remote state",
        "item-4fb0ad1c4c": "Earn the CKA or a cloud associate-level certification",
        "item-b7f388ab20": "Deliver every cluster change through Argo CD or Flux instead of kubectl",
        "item-201f7b31e1": "Trace a request across services instrumented with OpenTelemetry",
        "item-2b73dd6421": "Define SLOs with burn-rate alerts and publish an error budget policy",
        "item-0e3874fb69": "Run a game day that injects a failure and verifies recovery",
        "item-53c6576337": "Write a blameless postmortem with owned, tracked action items",
    },
    "frontend-engineer": {
        "item-fa87ecc913": "Build a multi-page site with semantic HTML and plain CSS",
        "item-0c239c92ec": "Create responsive layouts with Flexbox and Grid",
        "item-ca72d1aad1": "Operate every page you build using only the keyboard",
        "item-97886c84a2": "Fetch and render API data with vanilla JavaScript",
        "item-a50a8b712c": "Deploy a static site from a GitHub repository",
        "item-aeca7a7b51": "Build a React + TypeScript app with routing and forms",
        "item-d046fdc940": "Manage server state with TanStack Query",
        "item-2c19b35155": "Write component tests with Vitest and Testing Library",
        "item-18cde95cf4": "Pass an axe audit with zero critical issues",
        "item-2d0196ef15": "Run linting and type checks in CI",
        "item-f0b6c5c657": "Ship a Next.js app using Server Components",
        "item-e749f395e8": "Hit good Core Web Vitals on a deployed app",
        "item-944d2bc52a": "Cover key user journeys with Playwright tests",
        "item-f2d0bc6359": "Publish a documented component library in Storybook",
        "item-6e801f65d1": "Explain frontend architecture trade-offs in interviews",
    },
    "ml-engineer": {
        "item-ff8c6ff737": "Implement linear regression with gradient descent in NumPy",
        "item-0fabd55512": "Clean and explore a messy real-world dataset with pandas or Polars",
        "item-e136e32df9": "Explain the bias-variance trade-off with a concrete example",
        "item-0e5e7d071c": "Train a scikit-learn pipeline evaluated with proper cross-validation",
        "item-0a70fc56a4": "Find and fix a data leakage bug in a model's validation setup",
        "item-975af57549": "Beat a logistic regression baseline with tuned gradient boosting",
        "item-61b7e07970": "Train a CNN on GPU with a hand-written PyTorch training loop",
        "item-cca615ced1": "Fine-tune a small open-weight LLM with LoRA on a custom dataset",
        "item-3a8f869377": "Build a RAG app and measure retrieval quality on a golden set",
        "item-ce531f7ceb": "Log every experiment's parameters, metrics, and artifacts in MLflow",
        "item-751148b8d2": "Serve a model behind a containerized API with a latency budget",
        "item-cdb7fe3da0": "Automate retraining and registry promotion in a CI/CD pipeline",
        "item-7b66da70ad": "Set up drift monitoring with alerts on a live model",
        "item-193edef2bb": "Run a canary or shadow deployment comparing two model versions",
        "item-5b5675df78": "Complete an ML system design for a recommender, end to end",
    },
    "security-engineer": {
        "item-5e991d88ff": "Explain how TLS protects a connection, including certificate validation",
        "item-6199715d50": "Hash and verify passwords correctly with Argon2 or bcrypt",
        "item-d826e78777": "Capture and read an HTTP exchange in Wireshark",
        "item-cabf85cc73": "Score a published CVE with CVSS and judge its real-world impact",
        "item-c8bdac70c4": "Scan a lab network with Nmap and interpret every open service",
        "item-30cc0a3ea2": "Solve 50 PortSwigger Web Security Academy labs across several topics",
        "item-46c64c9a8e": "Exploit and then patch an IDOR and a SQL injection in a demo app",
        "item-5665977b10": "Produce a STRIDE threat model with a data flow diagram",
        "item-928544ec71": "Add Semgrep, dependency scanning, and secret scanning to a CI pipeline",
        "item-b58eec15d4": "Write a custom Semgrep rule that catches an insecure pattern",
        "item-7556e156e9": "Replace long-lived cloud access keys with OIDC federation",
        "item-e61a5e2e92": "Complete the flAWS.cloud or CloudGoat challenges",
        "item-0c33ba502b": "Generate an SBOM and sign a container image with cosign",
        "item-61794e6d44": "Write detection rules mapped to MITRE ATT&CK and test them",
        "item-e3fc237556": "Lead a tabletop incident exercise and write up the findings",
    },
}

# Phases no checklist item belongs to. Items are moved, never invented: none of the ML Engineer's fifteen
# items is learned in Phase 5 (Data Pipelines & Feature Stores); MLflow tracking, serving and retraining are
# Phase 6's. Every other phase of every shipped role has at least one item.
PHASES_WITHOUT_ITEMS = {("ml-engineer", 5)}

SHORTENERS = {"bit.ly", "t.co", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "lnkd.in"}
URL = re.compile(r"\]\(([^)\s]+)\)|<([a-z]+://[^>\s]+)>|\b((?:https?|ftp)://[^\s)>\]]+)")


def test_every_checklist_item_keeps_the_id_and_text_progress_is_stored_under(shipped_index: ContentIndex) -> None:
    assert set(shipped_index.roles) == set(PROGRESS_IDS)
    for name, items in PROGRESS_IDS.items():
        checklist = shipped_index.roles[name].checklist
        assert {item.id: item.text for item in checklist} == items, name
        assert len(checklist) == len(items), name  # none written twice


def test_every_item_is_in_a_phase_and_every_phase_but_one_has_items(shipped_index: ContentIndex) -> None:
    without = set()
    for name, role in shipped_index.roles.items():
        assert [item.text for item in role.checklist if item.phase is None] == [], name
        for phase in role.phases:
            items = [item for item in role.checklist if item.phase == phase.number]
            if not items:
                without.add((name, phase.number))
            assert {item.group for item in items} <= {f"Phase {phase.number}: {phase.title}"}  # its heading, no span
    assert without == PHASES_WITHOUT_ITEMS


def test_every_phase_shows_two_to_four_links_in_phase_and_each_in_some_week_of_today(
    shipped_index: ContentIndex,
) -> None:
    for name, role in shipped_index.roles.items():
        for phase in role.phases:
            where = f"{name} phase {phase.number}"
            shown = {r.url for r in extract_links(phase_body(phase))}  # what /phase shows
            assert 2 <= len(shown) <= 4, (where, shown)
            weeks = phase.last_week - phase.first_week + 1
            today = {r.url for w in range(1, weeks + 1) for r in slice_resources(week_slice(phase, weeks, w))}
            assert today == shown, where  # each link is beside a topic, in the week that topic comes up


def test_every_link_in_the_shipped_files_is_https_and_no_shortener(shipped_index: ContentIndex) -> None:
    found = 0
    for path in sorted(CONTENT_DIR.glob("*.md")):
        for match in URL.finditer(path.read_text(encoding="utf-8")):
            url = next(group for group in match.groups() if group)
            parts = urlsplit(url)
            assert parts.scheme == "https", (path.name, url)
            assert parts.hostname not in SHORTENERS, (path.name, url)
            found += 1
    assert found >= 2 * sum(len(role.phases) for role in shipped_index.roles.values())
