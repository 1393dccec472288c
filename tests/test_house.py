"""The house explains itself: code and docs cite files in this repository or public URLs only.

Labels such as ``DESIGN §3``, "(seed: …)", ``reference/….md §2`` or ``shared/reference/…`` point
at documents the repository does not contain, so a reader (or a user reading an error message)
cannot follow them. The facts they stood for are in docs/design.md, with public sources.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("provider", "docs", "examples", "policy", "bench", "README.md")

FORBIDDEN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bDESIGN(\s*§|\.md\b)"), "the original design document"),
    (re.compile(r"\bshared/(reference|seed|DESIGN)|/work/shared\b"), "a path outside the repository"),
    (re.compile(r"(?<![\w/.-])reference/[\w.-]+\.md"), "a reference note outside the repository"),
    (re.compile(r"\b(tencent-cloud-api|dns-cname|pulumi-dynamic-providers)\.md\b"), "a reference note"),
    (re.compile(r"\(seed\b|\bseed:\s*[\u4e00-\u9fff]"), "a '(seed: …)' label"),
    (re.compile(r"(?i)\bseed's\b|\b(the|this|whole) seed\b(?!\s+of\s+(their|its)\s+random)"), "'the seed'"),
)
"""What may not appear, and what it is (shown in the failure)."""

_RFC_BEFORE_SECTION = re.compile(r"RFC ?\d{3,4} ?$")


def problems_in(text: str) -> list[str]:
    """Every forbidden label in ``text``: pattern matches, and '§' not preceded by 'RFC <number>'."""
    found = [f"{what}: {match.group(0)!r}" for pattern, what in FORBIDDEN for match in pattern.finditer(text)]
    for match in re.finditer("§", text):
        if not _RFC_BEFORE_SECTION.search(text[max(0, match.start() - 12) : match.start()]):
            found.append(
                f"a section sign without 'RFC <number>' before it: {text[max(0, match.start() - 20) : match.end() + 6]!r}"
            )
    return found


def _tracked_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--", *SCANNED], cwd=ROOT, capture_output=True, check=True, text=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: walk the same places
        paths: list[Path] = []
        for name in SCANNED:
            top = ROOT / name
            paths.extend([top] if top.is_file() else [p for p in top.rglob("*") if p.is_file()])
        return [p for p in paths if not {"__pycache__", ".tclive"} & set(p.parts) and ".egg-info" not in str(p)]
    return [ROOT / name for name in listed.split("\0") if name]


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, FileNotFoundError):  # binary, or deleted in the working tree
        return
    yield from enumerate(text.splitlines(), start=1)


def test_code_and_docs_cite_only_repository_files_and_public_urls() -> None:
    files = _tracked_files()
    assert any(path.name == "design.md" for path in files), "docs/design.md, which the references point to, is missing"
    violations = [
        f"{path.relative_to(ROOT)}:{number}: {problem}"
        for path in files
        for number, line in _lines(path)
        for problem in problems_in(line)
    ]
    assert not violations, (
        "Cite a file in this repository (e.g. docs/design.md#anchor) or a public URL instead:\n" + "\n".join(violations)
    )


_ANCHOR_LINK = re.compile(r"([\w./-]*?)([\w-]+\.md)#([\w-]+)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower-case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.replace("`", "").lower())
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    return {github_anchor(match.group(1)) for _, line in _lines(path) if (match := _HEADING.match(line))}


def test_every_cited_anchor_exists() -> None:
    """``docs/design.md#product-rules`` and the like lead to a heading that is there.

    A target is looked up next to the file that cites it, then from the repository root (code cites
    ``docs/design.md`` from anywhere).
    """
    files = _tracked_files()
    anchors = {path.resolve(): _anchors(path) for path in files if path.suffix == ".md"}
    missing = []
    checked = 0
    for path in files:
        for number, line in _lines(path):
            for match in _ANCHOR_LINK.finditer(line):
                target = match.group(1) + match.group(2)
                candidates = [(path.parent / target).resolve(), (ROOT / target).resolve()]
                known = next((anchors[c] for c in candidates if c in anchors), None)
                checked += known is not None
                if known is not None and match.group(3) not in known:
                    missing.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)}")
    assert checked >= 20, f"only {checked} links to Markdown headings found: is the pattern still right?"
    assert not missing, "These links name a heading that does not exist:\n" + "\n".join(missing)


def test_github_anchor() -> None:
    assert github_anchor("API 3.0 protocol") == "api-30-protocol"
    assert github_anchor("Choices where Tencent's behaviour is unconfirmed") == (
        "choices-where-tencents-behaviour-is-unconfirmed"
    )
    assert github_anchor("`tclive:emulatorZones` and `make demo`") == "tcliveemulatorzones-and-make-demo"


@pytest.mark.parametrize(
    "text",
    [
        "Provider settings: stack config first, then environment (DESIGN §3).",
        "see /work/shared/DESIGN.md",
        "facts from `shared/reference/pulumi-dynamic-providers.md` §3–§6",
        "following ``reference/dns-cname.md`` §3",
        "(reference ``tencent-cloud-api.md`` §2.3)",
        "cannot be deleted (seed: 添加小程序直播的播放域名后，暂不支持删除解绑).",
        "R8, seed: 添加小程序直播的播放域名后",
        "Table-driven tests of the seed's rules",
        "The whole seed as one component",
        "IsDelayLive defaults to 0 (reference §2.6)",
        "must match byte for byte (§1.5)",
    ],
)
def test_the_labels_users_cannot_look_up_are_caught(text: str) -> None:
    assert problems_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "a domain name has at most 253 (RFC 1035 §2.3.4).",
        "a CNAME owner holds no other data (RFC 1034 §3.6.2)",
        "random.seed(SEED)  # the client's backoff jitter",
        "The fault rules set with ``SetFaults``, the seed of their random draws",
        "    seed: int",
        "the provider is pickled by reference into every resource",
        "https://docs.python.org/3/reference/datamodel.html",
        "R8 (docs/design.md#product-rules), Tencent Cloud docs: https://cloud.tencent.com/document/product/1148/39191",
    ],
)
def test_ordinary_text_passes(text: str) -> None:
    assert problems_in(text) == []
