"""A regex alternation of many literal words, factored as a trie ("t(?:wo|hree|en)").

Python's re tries an alternation branch by branch at every position; the factored form fails at the
first letter instead, which makes the number and duration rules several times faster on long texts.
"""
from __future__ import annotations

import re


def trie_alternation(words) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _emit(trie) + ")"


def _piece(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _emit(node: dict) -> str:
    ends_here = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(_piece(ch) + _emit_tail(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


def _emit_tail(node: dict) -> str:
    if set(node) == {""}:
        return ""
    return _emit(node)
