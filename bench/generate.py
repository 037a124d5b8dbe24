"""Generate a deterministic synthetic debate of any size, in our format and as Argdown.

    python bench/generate.py --claims 10000 --files 58 --out /tmp/debate-10k [--argdown FILE]
    python bench/generate.py --shape wide --claims 10000 --files 58 --out /tmp/wide-10k

The debate has a thesis and `files` topic files. Claims form trees under the
thesis (nested `pro:`/`con:` as people write them), with about one claim in
twenty also pointing at a claim elsewhere (`supports:`/`attacks:`), and
realistic text, titles, sources and figures. Two shapes:

- `deep` (the default): trees up to `--depth` levels (25), each claim nested
  under one of the latest few, so chains run long; half the claims cite a
  source with a URL, one in five has a figure;
- `wide`: shallow, bushy trees (at most three levels, each claim under any
  earlier one of its file), and every tenth claim cites title-only sources (a
  work without a URL: title, author, year), the others none.

The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

WORDS = [
    "scaling",
    "data",
    "compute",
    "model",
    "training",
    "reasoning",
    "benchmark",
    "evidence",
    "physics",
    "memory",
    "bandwidth",
    "energy",
    "cost",
    "algorithm",
    "hardware",
    "sample",
    "efficiency",
    "synthetic",
    "self",
    "play",
    "world",
    "model",
    "insight",
    "transfer",
    "robotics",
    "timeline",
    "forecast",
    "limit",
    "progress",
    "trend",
]


@dataclass
class Node:
    id: str
    relation: str  # "pro" or "con" toward its parent
    children: list[Node] = field(default_factory=list)
    extra: tuple[str, str] | None = None  # (relation, target id) cross-link
    title: str = ""
    text: str = ""


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


SHAPES = ("deep", "wide")


def build_topic(
    rng: random.Random, prefix: str, count: int, depth: int, shape: str = "deep"
) -> list[Node]:
    """`count` claims as trees, at most `depth` levels deep."""
    roots: list[Node] = []
    frontier: list[tuple[Node, int]] = []
    for index in range(count):
        node = Node(f"{prefix}-{index}", rng.choice(("pro", "con")))
        node.title = sentence(rng, 4)[:-1]
        node.text = sentence(rng, rng.randint(12, 30))
        if not frontier or rng.random() < 0.08:
            roots.append(node)
            frontier.append((node, 1))
            continue
        # Deep: under one of the latest few claims, so chains grow; wide: under any.
        recent = max(0, len(frontier) - 8) if shape == "deep" else 0
        parent, level = frontier[rng.randrange(recent, len(frontier))]
        parent.children.append(node)
        if level + 1 < depth:
            frontier.append((node, level + 1))
    return roots


def claim_yaml(
    rng: random.Random, node: Node, indent: str, lines: list[str], shape: str = "deep"
) -> None:
    """Append one claim (and its nested children) as block YAML, iteratively."""
    stack: list[tuple[Node, str, str | None]] = [(node, indent, None)]
    while stack:
        current, pad, header = stack.pop()
        if header is not None:
            lines.append(header)
        lines.append(f"{pad}- id: {current.id}")
        inner = pad + "  "
        lines.append(f"{inner}title: {current.title}")
        lines.append(f"{inner}text: {current.text}")
        lines.append(f"{inner}by: Author {rng.randint(1, 40)}")
        if current.extra:
            lines.append(f"{inner}{current.extra[0]}: {current.extra[1]}")
        if rng.random() < 0.3:
            lines.append(f"{inner}weight: {rng.randint(1, 9) / 10}")
        if shape == "wide":
            if int(current.id.rsplit("-", 1)[1]) % 10 == 0:
                title_only_sources(rng, inner, lines)
        elif rng.random() < 0.5:
            lines.append(f"{inner}sources:")
            lines.append(f"{inner}  - title: {sentence(rng, 5)[:-1]}")
            lines.append(f"{inner}    url: https://example.org/{current.id}")
            lines.append(f"{inner}    year: {rng.randint(1990, 2025)}")
        if shape == "deep" and rng.random() < 0.2:
            lines.append(f"{inner}figures:")
            lines.append(f"{inner}  - {{value: {rng.randint(1, 1000)}, unit: x, what: a figure}}")
        for relation in ("con", "pro"):
            group = [c for c in current.children if c.relation == relation]
            for position, child in enumerate(reversed(group)):
                head = f"{inner}{relation}:" if position == len(group) - 1 else None
                stack.append((child, inner + "  ", head))


def title_only_sources(rng: random.Random, inner: str, lines: list[str]) -> None:
    """One or two works cited without a URL (a book, a report)."""
    lines.append(f"{inner}sources:")
    for _ in range(rng.randint(1, 2)):
        lines.append(f"{inner}  - title: {sentence(rng, 5)[:-1]}")
        lines.append(f"{inner}    author: Author {rng.randint(1, 400)}")
        lines.append(f"{inner}    year: {rng.randint(1990, 2025)}")


def generate(
    claims: int, files: int, depth: int, seed: int, shape: str = "deep"
) -> tuple[dict[str, str], str]:
    """The debate's files {name: text} and the same debate as Argdown (`shape`: see above)."""
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}; choose one of {', '.join(SHAPES)}")
    if shape == "wide":
        depth = min(depth, 3)
    rng = random.Random(seed)
    per_file = [claims // files + (1 if i < claims % files else 0) for i in range(files)]
    topics = [build_topic(rng, f"t{i}", n, depth, shape) for i, n in enumerate(per_file)]
    side = sides(topics)
    all_ids = list(side)
    parents = {c.id: n.id for roots in topics for n in walk(roots) for c in n.children}
    for roots in topics:
        for node in walk(roots):
            if node in roots or rng.random() >= 0.05:
                continue
            target = rng.choice(all_ids)
            if target not in (node.id, parents.get(node.id)) and not any(
                c.id == target for c in node.children
            ):
                # Keep every claim on one side of the thesis, as a careful author would.
                same = side[target] == side[node.id]
                node.extra = ("supports" if same else "attacks", target)
    out = {"debate.yaml": "title: Synthetic debate\nthesis:\n  text: The synthetic thesis holds.\n"}
    for index, roots in enumerate(topics):
        lines = [f"topic: topic-{index}", f"title: Topic {index}", "claims:"]
        for root in roots:
            root_relation = "supports" if root.relation == "pro" else "attacks"
            sub: list[str] = []
            claim_yaml(rng, root, "  ", sub, shape)
            sub.insert(1, f"    {root_relation}: thesis")
            lines.extend(sub)
        out[f"topic-{index:04d}.yaml"] = "\n".join(lines) + "\n"
    return out, to_argdown(topics)


def sides(topics: list[list[Node]]) -> dict[str, int]:
    """+1 for claims on the thesis's side, -1 for the others."""
    result: dict[str, int] = {}
    for roots in topics:
        stack = [(root, 1 if root.relation == "pro" else -1) for root in roots]
        while stack:
            node, sign = stack.pop()
            result[node.id] = sign
            stack.extend((c, sign if c.relation == "pro" else -sign) for c in node.children)
    return result


def walk(roots: list[Node]) -> list[Node]:
    order: list[Node] = []
    stack = list(reversed(roots))
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(node.children))
    return order


def to_argdown(topics: list[list[Node]]) -> str:
    """The same claims and relations as an Argdown document."""
    lines = ["[Thesis]: The synthetic thesis holds.", ""]
    for roots in topics:
        for root in roots:
            stack: list[tuple[Node, int, str]] = [(root, 1, "+" if root.relation == "pro" else "-")]
            lines.append("[Thesis]")
            while stack:
                node, level, sign = stack.pop()
                lines.append(f"{'    ' * level}{sign} [{node.id}]: {node.text}")
                stack.extend(
                    (child, level + 1, "+" if child.relation == "pro" else "-")
                    for child in reversed(node.children)
                )
            lines.append("")
        for node in walk(roots):
            if node.extra:
                sign = "+>" if node.extra[0] == "supports" else "->"
                target = "Thesis" if node.extra[1] == "thesis" else node.extra[1]
                lines.extend([f"[{node.id}]", f"    {sign} [{target}]", ""])
    return "\n".join(lines) + "\n"


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=58, help="topic files (plus debate.yaml)")
    parser.add_argument("--depth", type=int, default=25)
    parser.add_argument("--shape", choices=SHAPES, default="deep")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--argdown", type=Path, help="also write the debate as Argdown here")
    args = parser.parse_args()
    files, argdown = generate(args.claims, args.files, args.depth, args.seed, args.shape)
    write(args.out, files)
    if args.argdown:
        args.argdown.write_text(argdown, encoding="utf-8")
    print(json.dumps({"claims": args.claims + 1, "files": len(files), "out": str(args.out)}))


if __name__ == "__main__":
    main()
