"""Strongly connected groups of a directed graph over integer nodes, without recursion.

>>> strongly_connected([[1], [0], [0]])  # 0 <-> 1, and 2 -> 0
[[2], [0, 1]]
"""

from __future__ import annotations

from collections.abc import Sequence


def strongly_connected(successors: Sequence[Sequence[int]]) -> list[list[int]]:
    """The groups of nodes that reach each other, each sorted; a group comes before every
    group it reaches (sources first). Tarjan's algorithm, iteratively, so that a chain
    10,000 deep cannot overflow the stack; linear in nodes plus arcs."""
    count = len(successors)
    index = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    found: list[list[int]] = []
    counter = 0
    for root in range(count):
        if index[root] != -1:
            continue
        work: list[tuple[int, int]] = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack[node] = True
            nexts = successors[node]
            while position < len(nexts):
                nxt = nexts[position]
                position += 1
                if index[nxt] == -1:
                    work.append((node, position))
                    work.append((nxt, 0))
                    break
                if on_stack[nxt]:
                    low[node] = min(low[node], index[nxt])
            else:
                if low[node] == index[node]:
                    members: list[int] = []
                    while True:
                        top = stack.pop()
                        on_stack[top] = False
                        members.append(top)
                        if top == node:
                            break
                    found.append(sorted(members))
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    found.reverse()
    return found
