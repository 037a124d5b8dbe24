"""The shape of a tree view: which claim goes where, what is collapsed. No rich.

A debate is a graph: a claim may answer several claims, and cycles are legal.
The outline turns it into a tree a reader can follow, in time linear in claims
plus relations and without recursion:

1. Breadth first from the view's roots, each claim gets one *home*: the first
   relation that reaches it on a shortest path (for the thesis, this is the
   same place `Debate.parent_edge` names).
2. Depth first over homes, each claim is shown in full once, at its home. Every
   other relation into a claim becomes a one-line reference (`↻ see ID`), so
   the output grows with claims plus relations, never with the number of paths.
   Under a claim come first the undercuts of its links (an undercut is shown
   under the link it attacks), then its replies, summaries last.
3. Below the depth limit a branch collapses into one "+N more" row.

With a filter, only matching claims and the claims that lead to them are kept;
the leading claims are marked as context.

>>> from agidebate.model import Claim, Debate, Edge, Relation as R
>>> d = Debate(claims={i: Claim(i, i.upper()) for i in "tab"}, thesis="t",
...            edges=(Edge("a", "t", R.ATTACK), Edge("b", "a", R.ATTACK), Edge("a", "b", R.ATTACK)))
>>> [(r.claim_id, r.depth, r.kind.value) for r in build_outline(d).rows]
[('t', 0, 'claim'), ('a', 1, 'claim'), ('b', 2, 'claim'), ('a', 3, 'ref')]
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from agidebate.model import Claim, ClaimKind, Debate, Edge, Relation, Side
from agidebate.query.filters import ClaimFilter

AUTO_BUDGET = 100
"""Without an explicit depth, show as many levels as keep the view within this many claims."""


class RowKind(StrEnum):
    """What a row of the outline stands for."""

    CLAIM = "claim"  # the claim in full
    REF = "ref"  # a claim shown in full elsewhere in this view
    MORE = "more"  # a collapsed branch: `hidden` claims under `claim_id`


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the tree (before wrapping)."""

    claim_id: str
    depth: int
    kind: RowKind = RowKind.CLAIM
    relation: Relation | None = None  # to the row's parent; None for a root
    side: Side | None = None  # which way the claim counts on the thesis, along this path
    last: bool = True  # the last of its siblings
    has_children: bool = False  # rows follow that are indented under this one
    context: bool = False  # shown only because a matching claim lies below it
    hidden: tuple[int, int] = (0, 0)  # MORE rows: (pro, con) claims the branch holds
    # MORE rows: claims below the branch whose full entry is elsewhere (None: not counted)
    hidden_refs: int | None = 0
    edge: Edge | None = None  # the relation to the row's parent, with its attributes


@dataclass(frozen=True)
class Outline:
    """A tree view of a debate, ready to draw."""

    rows: list[Row]
    roots: tuple[str, ...]
    depth: int | None  # the depth limit applied (None: everything shown)
    total: int  # claims the full view would show
    matched: int  # claims that pass the filter (equals `total` without one)
    shown: int  # claims shown in full
    whole: bool = True  # the view starts from the debate's own roots, not a chosen claim
    levels: int = 0  # how many levels below the roots the full view has
    unreachable: tuple[str, ...] = ()  # claims no root reaches (whole-debate views only)

    @property
    def collapsed(self) -> bool:
        return any(r.kind is RowKind.MORE for r in self.rows)


@dataclass
class _Tree:
    """Homes found breadth first: each claim's home relation, depth and side."""

    order: list[str]
    home: dict[str, Edge | None]
    depth: dict[str, int]
    side: dict[str, Side | None]
    children: dict[str, list[Edge]]


def _keep(debate: Debate, roots: Sequence[str], claim_filter: ClaimFilter) -> tuple[set[str], int]:
    """Claims under the roots that match, plus every claim that leads to one."""
    below = set(roots)
    queue = deque(roots)
    while queue:
        for edge in debate.below(queue.popleft()):
            if edge.source not in below:
                below.add(edge.source)
                queue.append(edge.source)
    matching = [cid for cid in below if claim_filter.matches(debate, debate.claims[cid])]
    keep = set(matching)
    queue = deque(matching)
    while queue:
        for edge in debate.targets(queue.popleft()):
            up = edge.upstream
            if up in below and up not in keep:
                keep.add(up)
                queue.append(up)
    return keep, len(matching)


def replies(debate: Debate, claim_id: str) -> list[Edge]:
    """What hangs under a claim in a tree, in reading order: the undercuts of its links,
    then its pros and cons with summaries last (they restate, they are set apart)."""
    edges = debate.below(claim_id)
    cuts = [e for e in edges if e.cut_link is not None]
    rest = [e for e in edges if e.cut_link is None]
    return cuts + sorted(rest, key=lambda e: debate.claims[e.source].kind is ClaimKind.SUMMARY)


def _homes(debate: Debate, roots: Sequence[str], keep: set[str] | None) -> _Tree:
    tree = _Tree(order=[], home={}, depth={}, side={}, children={})
    queue: deque[str] = deque()
    for root in roots:
        if keep is not None and root not in keep:
            continue
        tree.home[root], tree.depth[root] = None, 0
        tree.side[root] = debate.side(root)
        queue.append(root)
    while queue:
        current = queue.popleft()
        tree.order.append(current)
        edges = [e for e in replies(debate, current) if keep is None or e.source in keep]
        tree.children[current] = edges
        toward = tree.side[current] or Side.PRO
        for edge in edges:
            if edge.source not in tree.home:
                tree.home[edge.source] = edge
                tree.depth[edge.source] = tree.depth[current] + 1
                tree.side[edge.source] = toward.through(edge.relation)
                queue.append(edge.source)
    return tree


def _branch_sizes(tree: _Tree) -> dict[str, tuple[int, int]]:
    """For each claim, (pro, con) counts of the claims whose home lies below it."""
    sizes = dict.fromkeys(tree.order, (0, 0))
    for cid in reversed(tree.order):
        edge = tree.home[cid]
        if edge is None:
            continue
        pro, con = sizes[cid]
        own = tree.side[cid]
        pro += own is Side.PRO
        con += own is Side.CON
        parent_pro, parent_con = sizes[edge.upstream]
        sizes[edge.upstream] = (parent_pro + pro, parent_con + con)
    return sizes


class _Elsewhere:
    """Per collapsed branch, how many claims below it have their full entry elsewhere.

    Together with the branch's own claims this is what `show ID` lists for it. The
    walks share one budget proportional to the view's claims plus relations, so a
    graph whose branches overlap heavily cannot make the view quadratic: past the
    budget the count is None ("and more placed under other claims"). Whether there
    are any at all is known exactly, from one pass over the relations below the
    collapse level: a branch none of whose relations leave it needs no walk.
    """

    def __init__(self, tree: _Tree, sizes: dict[str, tuple[int, int]], limit: int) -> None:
        self.tree, self.sizes = tree, sizes
        relations = sum(len(edges) for edges in tree.children.values())
        self.budget = 4 * (len(tree.order) + relations) + 1000
        self.leaving = _branches_with_outside_replies(tree, limit)

    def count(self, cid: str) -> int | None:
        if cid not in self.leaving:
            return 0
        seen, queue = {cid}, deque([cid])
        while queue:
            for edge in self.tree.children[queue.popleft()]:
                self.budget -= 1
                if self.budget < 0:
                    return None
                if edge.source not in seen:
                    seen.add(edge.source)
                    queue.append(edge.source)
        return len(seen) - 1 - sum(self.sizes[cid])


def _branches_with_outside_replies(tree: _Tree, limit: int) -> set[str]:
    """The claims at depth `limit` whose branch holds a reply whose home is in another branch."""
    owner: dict[str, str] = {}  # for claims at `limit` or deeper: their ancestor at `limit`
    leaving: set[str] = set()
    for cid in tree.order:  # breadth first: a claim's home parent comes before it
        depth, home = tree.depth[cid], tree.home[cid]
        if depth == limit:
            owner[cid] = cid
        elif depth > limit and home is not None:
            owner[cid] = owner[home.upstream]
    for cid, branch in owner.items():
        if any(owner.get(edge.source) != branch for edge in tree.children[cid]):
            leaving.add(branch)
    return leaving


def auto_depth(depths: Counter[int], budget: int = AUTO_BUDGET) -> int | None:
    """The deepest level that keeps the view within `budget` claims (None: all fit).

    At least one level below the root is always shown.

    >>> auto_depth(Counter({0: 1, 1: 20, 2: 60, 3: 90}))
    2
    >>> auto_depth(Counter({0: 1, 1: 500}))
    1
    >>> auto_depth(Counter({0: 1, 1: 5, 2: 9})) is None
    True
    """
    if sum(depths.values()) <= budget:
        return None
    running, best = 0, 1
    for level in range(max(depths) + 1):
        running += depths[level]
        if running > budget:
            break
        best = level
    return max(best, 1)


def build_outline(
    debate: Debate,
    root: str | None = None,
    *,
    depth: int | None = None,
    expand_all: bool = False,
    claim_filter: ClaimFilter | None = None,
    budget: int = AUTO_BUDGET,
) -> Outline:
    """The tree view from `root` (default: the thesis, or every root without one).

    `depth` limits how many levels below the root are shown; without it the view
    shows as many levels as fit in `budget` claims (at least one), unless
    `expand_all` is set.
    """
    roots: tuple[str, ...] = (root,) if root is not None else debate.roots
    active = claim_filter is not None and claim_filter.active
    keep, matched = _keep(debate, roots, claim_filter) if claim_filter and active else (None, 0)
    tree = _homes(debate, roots, keep)
    if not active:
        matched = len(tree.order)
    limit = depth
    if expand_all:
        limit = None
    elif depth is None:
        limit = auto_depth(Counter(tree.depth.values()), budget)
    rows = _rows(
        debate, tree, roots, limit, claim_filter.matches if claim_filter and active else None
    )
    unreachable = (
        tuple(c.id for c in debate if not debate.is_reachable(c.id)) if root is None else ()
    )
    return Outline(
        rows=rows,
        roots=tuple(r for r in roots if r in tree.home),
        depth=limit,
        total=len(tree.order),
        matched=matched,
        unreachable=unreachable,
        shown=sum(1 for r in rows if r.kind is RowKind.CLAIM),
        whole=root is None,
        levels=max(tree.depth.values(), default=0),
    )


def _rows(
    debate: Debate,
    tree: _Tree,
    roots: Sequence[str],
    limit: int | None,
    matching: Callable[[Debate, Claim], bool] | None,
) -> list[Row]:
    sizes = _branch_sizes(tree)
    elsewhere = _Elsewhere(tree, sizes, limit if limit is not None else len(tree.order) + 1)
    rows: list[Row] = []
    # (claim, edge that led here, depth, side along the path, last sibling, is a reference)
    stack: list[tuple[str, Edge | None, int, Side | None, bool, bool]] = []
    present = [r for r in roots if r in tree.home]
    for index, root in enumerate(reversed(present)):
        stack.append((root, None, 0, tree.side[root], index == 0, False))
    while stack:
        cid, edge, level, side, last, is_ref = stack.pop()
        relation = edge.relation if edge else None
        if is_ref:
            rows.append(Row(cid, level, RowKind.REF, relation, side, last, edge=edge))
            continue
        children = tree.children[cid]
        context = matching is not None and not matching(debate, debate.claims[cid])
        if limit is not None and level >= limit and children:
            rows.append(
                Row(cid, level, RowKind.CLAIM, relation, side, last, True, context, edge=edge)
            )
            refs = elsewhere.count(cid)
            rows.append(Row(cid, level + 1, RowKind.MORE, hidden=sizes[cid], hidden_refs=refs))
            continue
        rows.append(
            Row(cid, level, RowKind.CLAIM, relation, side, last, bool(children), context, edge=edge)
        )
        toward = side or Side.PRO
        for index, child in enumerate(reversed(children)):
            home = tree.home[child.source] is child
            child_side = toward.through(child.relation)
            stack.append((child.source, child, level + 1, child_side, index == 0, not home))
    return rows
