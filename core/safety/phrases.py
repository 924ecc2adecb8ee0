"""A small phrase language for crisis wording, compiled into one word trie.

The phrases live as data in `phrases.toml` beside this file, grouped by what they say
(direct wishes, feeling a burden, plans and means, final acts...). Each phrase is a line
such as `i (want|wish) to? (die|be dead)` in this language:

- plain words, written as people would; they are read exactly as typed text is read
  (`core.safety.reading`), so "i am", "I'm" and "im" are one word;
- `(a|b c|)` a choice (an empty choice makes it optional), `word?` an optional word;
- `@name` a shared list from `[lists]` (`@pills`);
- `~N` up to N words of anything; `$` the end of a clause (a full stop, comma or the end);
- `#num` any number; `#low` a number up to 1,000 ("under 500 calories"); `#many` a
  number from 10 ("took 30 tablets").

A phrase may carry `not_next` / `not_prev`: words (or `#num`) that cancel it when they stand within
three words after / before it ("kill myself laughing", "stop eating sugar"), or within
`window` words; words joined by `_` must stand together ("years_ago").

Matching walks the trie from each word: the work per word is bounded by the phrases
that could start there, so checking a text is linear in its length. Words one typing
slip away from a listed phrase word ("sucidal", "myslef") count as that word.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from core.safety.reading import Reading, read

WINDOW = 3  # how many words `not_next` / `not_prev` look at
TYPOS = "typos"  # the category of misspellings the one-slip rule cannot reach
IDIOMS = "idioms"  # everyday sayings with strong words: never crisis, hidden from the model
_MANY_WORDS = frozenset([
    "ten", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen",
])
_NUMBER_WORDS = _MANY_WORDS | frozenset([
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
])
_GAP = re.compile(r"~(\d)")
_MARKERS = ("$", "#num", "#low", "#many")


@dataclass(frozen=True, slots=True)
class Rule:
    """What a complete phrase means, and the words around it that cancel it."""

    category: str
    not_next: tuple[tuple[str, ...], ...]
    not_prev: tuple[tuple[str, ...], ...]
    window: int = WINDOW
    pattern: str = ""  # the phrase as written in phrases.toml, to explain a match


@dataclass(eq=False, slots=True)
class Node:
    """One state of a phrase. Phrases are kept apart (a word can lead to several
    nodes), so a choice inside one phrase never leaks into another."""

    words: dict[str, list[Node]] = field(default_factory=dict)
    gaps: list[tuple[int, Node]] = field(default_factory=list)
    markers: list[tuple[str, Node]] = field(default_factory=list)
    skips: list[Node] = field(default_factory=list)  # optional parts: go on without a word
    rules: list[Rule] = field(default_factory=list)
    # The same edges with optional parts already followed (filled in by `_close`), so
    # matching never walks the skips itself.
    next_words: dict[str, tuple[Node, ...]] = field(default_factory=dict)
    next_gaps: tuple[tuple[int, Node], ...] = ()
    next_markers: tuple[tuple[str, Node], ...] = ()
    ends_here: tuple[Rule, ...] = ()


# ------------------------------------------------------------------ compiling


def _split_top(text: str, sep: str) -> list[str]:
    """Split on `sep` outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _items(pattern: str) -> list[str]:
    """Top-level items of a pattern: words, markers and bracketed choices."""
    items, depth, current = [], 0, ""
    for ch in pattern:
        if ch == " " and depth == 0:
            if current:
                items.append(current)
            current = ""
            continue
        depth += (ch == "(") - (ch == ")")
        current += ch
    if current:
        items.append(current)
    if depth:
        raise ValueError(f"unbalanced brackets in {pattern!r}")
    return items


@cache
def _read_words(text: str) -> tuple[str, ...]:
    return read(text).words


def _chain(node: Node, words: tuple[str, ...], to: Node) -> None:
    """node --w1--> ... --wn--> to (a plain run of words; none at all just skips)."""
    if not words:
        node.skips.append(to)
        return
    for word in words[:-1]:
        step = Node()
        node.words.setdefault(word, []).append(step)
        node = step
    node.words.setdefault(words[-1], []).append(to)


def _compile(pattern: str, node: Node, lists: dict[str, str]) -> Node:
    """Add `pattern` after `node`; return the node where it ends."""
    run: list[str] = []  # plain words are read together, as typed text is ("i am" -> "im")

    def flush(at: Node) -> Node:
        if not run:
            return at
        after = Node()
        _chain(at, _read_words(" ".join(run)), after)
        run.clear()
        return after

    for item in _items(pattern.strip()):
        optional = item.endswith("?")
        body = item[:-1] if optional else item
        plain = not (body.startswith(("(", "@", "~")) or body in _MARKERS)
        if plain and not optional:
            run.append(body)
            continue
        node = flush(node)
        if body.startswith("@"):
            body = f"({lists[body[1:]]})"
        after = Node()
        gap = _GAP.fullmatch(body)
        if gap:
            node.gaps.append((int(gap.group(1)), after))
        elif body in _MARKERS:
            node.markers.append((body, after))
        elif body.startswith("("):
            for alternative in _split_top(body[1:-1], "|"):
                _compile(alternative, node, lists).skips.append(after)
        else:
            _chain(node, _read_words(body), after)
        if optional:
            node.skips.append(after)
        node = after
    return flush(node)


def _words(text: str) -> frozenset[str]:
    return frozenset(read(text).words)


def _exclusions(text: str) -> tuple[tuple[str, ...], ...]:
    """"hair years_ago" -> (("hair",), ("years", "ago")): each read as typed text is."""
    found = ((part,) if part in _MARKERS else read(part.replace("_", " ")).words
             for part in text.split())
    return tuple(dict.fromkeys(words for words in found if words))


@dataclass(frozen=True)
class Entry:
    """Where a phrase's first word leads, split by the word that must come next, so a
    common first word ("i") only tries the phrases the next word can continue."""

    by_next: dict[str, tuple[Node, ...]]
    other: tuple[Node, ...]  # go on with a gap, a number, a clause end, or end right here


@dataclass(frozen=True)
class Index:
    first: dict[str, Entry]  # a phrase's possible first words (or a number marker)
    vocabulary: frozenset[str]
    fuzzy: dict[str, tuple[str, ...]]  # a word, or it with one letter left out -> words
    categories: tuple[str, ...]


def _fuzzy_keys(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _reachable(root: Node) -> tuple[list[Node], set[str]]:
    """Every node, and every word on an edge, from `root`."""
    seen: dict[int, Node] = {}
    stack = [root]
    words: set[str] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen[id(node)] = node
        words.update(node.words)
        stack.extend(n for targets in node.words.values() for n in targets)
        stack.extend(n for _, n in node.gaps)
        stack.extend(n for _, n in node.markers)
        stack.extend(node.skips)
    return list(seen.values()), words


def _skip_closure(node: Node) -> list[Node]:
    """`node` and every node reached from it through optional parts alone."""
    seen: dict[int, Node] = {}
    stack = [node]
    while stack:
        here = stack.pop()
        if id(here) not in seen:
            seen[id(here)] = here
            stack.extend(here.skips)
    return list(seen.values())


def _close(nodes: list[Node]) -> None:
    """Fill each node's edges through its optional parts (see `Node`)."""
    for node in nodes:
        closure = _skip_closure(node)
        words: dict[str, list[Node]] = {}
        for member in closure:
            for word, targets in member.words.items():
                words.setdefault(word, []).extend(targets)
        node.next_words = {w: tuple(dict.fromkeys(ts)) for w, ts in words.items()}
        node.next_gaps = tuple(g for m in closure for g in m.gaps)
        node.next_markers = tuple(k for m in closure for k in m.markers)
        node.ends_here = tuple(dict.fromkeys(r for m in closure for r in m.rules))


def _entry(targets: list[Node]) -> Entry:
    by_next: dict[str, list[Node]] = {}
    other: list[Node] = []
    for target in dict.fromkeys(targets):
        if target.next_gaps or target.next_markers or target.ends_here:
            other.append(target)
            continue
        for word in target.next_words:
            by_next.setdefault(word, []).append(target)
    return Entry({w: tuple(ts) for w, ts in by_next.items()}, tuple(other))


def _first_words(root: Node) -> dict[str, Entry]:
    """Words a phrase may start with (through optional parts), and where each leads."""
    first: dict[str, list[Node]] = {}
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.gaps or node.rules or any(m == "$" for m, _ in node.markers):
            raise ValueError("a phrase must start with a word or a number")
        for word, targets in node.words.items():
            first.setdefault(word, []).extend(targets)
        for marker, target in node.markers:  # a number: found under the marker's name
            first.setdefault(marker, []).append(target)
        stack.extend(node.skips)
    return {word: _entry(targets) for word, targets in first.items()}


def compile_phrases(data: dict[str, Any], *, idioms: bool = False) -> Index:
    """Build the phrase graph from the TOML data (see the module docstring): the crisis
    phrases, or with `idioms` the everyday idioms that look like them."""
    lists = {name: str(value) for name, value in data.get("lists", {}).items()}
    root = Node()
    categories = ([IDIOMS] if idioms else
                  [name for name in data if name not in ("lists", "fuzzy", IDIOMS)])
    # Misspellings are added last, and their words are not "vocabulary": a word people
    # spell right stays itself, a misspelt one becomes the word it is a slip from.
    ordered = sorted(categories, key=lambda name: name == TYPOS)
    vocabulary: set[str] = set()
    for category in ordered:
        if category == TYPOS:
            _, vocabulary = _reachable(root)
        for entry in data[category]["phrases"]:
            spec = {"p": entry} if isinstance(entry, str) else entry
            rule = Rule(category, _exclusions(spec.get("not_next", "")),
                        _exclusions(spec.get("not_prev", "")), int(spec.get("window", WINDOW)),
                        spec["p"])
            _compile(spec["p"], root, lists).rules.append(rule)
    nodes, every_word = _reachable(root)
    vocabulary = vocabulary or every_word
    _close(nodes)
    fuzzy: dict[str, set[str]] = {}
    for word in _words(data.get("fuzzy", {}).get("words", "")) & vocabulary:
        for key in _fuzzy_keys(word):
            fuzzy.setdefault(key, set()).add(word)
    return Index(_first_words(root), frozenset(vocabulary),
                 {k: tuple(sorted(v)) for k, v in fuzzy.items()}, tuple(categories))


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(Path(__file__).with_name("phrases.toml").read_text("utf-8"))


@cache
def index() -> Index:
    return compile_phrases(_data())


@cache
def idiom_index() -> Index:
    return compile_phrases(_data(), idioms=True)


# ------------------------------------------------------------------ matching


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insert, delete, change or adjacent swap."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    if a[i + 1:] == b[i + 1:]:
        return True
    return a[i + 2:] == b[i + 2:] and a[i: i + 2] == b[i: i + 2][::-1]


FUZZY_LONGEST = 16  # longer words are no slip of a phrase word (and cost more to check)


def _spelt_as(word: str, found: Index) -> str:
    """The phrase word `word` stands for: itself, or the one it is a slip away from."""
    if (word in found.vocabulary or not 3 <= len(word) <= FUZZY_LONGEST
            or not word.isalpha()):
        return word
    near = {w for key in _fuzzy_keys(word) for w in found.fuzzy.get(key, ())}
    near = {w for w in near if w[0] == word[0] and within_one_edit(word, w)}
    return min(near) if near else word


def _is_number(word: str) -> bool:
    return _digits(word) or word in _NUMBER_WORDS


def _digits(word: str) -> bool:
    """Plain 0-9 digits ("44"): other scripts' digits are letters here (int() refuses
    some of them)."""
    return word.isascii() and word.isdigit()


def _marker_holds(marker: str, words: tuple[str, ...], ends: frozenset[int], j: int) -> int:
    """How many words a marker takes at j (0 or 1), or -1 when it does not hold."""
    if marker == "$":
        return 0 if j > 0 and j - 1 in ends else -1
    if j >= len(words):
        return -1
    word = words[j]
    if marker == "#num":
        return 1 if _is_number(word) else -1
    if marker == "#many":
        return 1 if (_digits(word) and int(word[:6]) >= 10) or word in _MANY_WORDS else -1
    return 1 if _digits(word) and len(word) <= 4 and int(word) <= 1000 else -1


def _has_any(window: tuple[str, ...], options: tuple[tuple[str, ...], ...]) -> bool:
    if ("#num",) in options and any(_is_number(word) for word in window):
        return True
    return any(window[k: k + len(option)] == option
               for option in options for k in range(len(window) - len(option) + 1))


def _cancelled(rule: Rule, words: tuple[str, ...], start: int, end: int) -> bool:
    after = words[end: end + rule.window]
    before = words[max(0, start - rule.window): start]
    return _has_any(after, rule.not_next) or _has_any(before, rule.not_prev)


def _match_from(node: Node, j: int, words: tuple[str, ...], ends: frozenset[int],
                start: int, spelt: list[str]) -> tuple[Rule, int] | None:
    """The rule of a phrase that began at `start` and has reached `node` at word j, and
    where it ends."""
    stack = [(node, j)]
    seen: set[tuple[int, int]] = set()
    while stack:
        here, j = stack.pop()
        for rule in here.ends_here:
            if not _cancelled(rule, words, start, j):
                return rule, j
        if j < len(words):
            stack.extend((n, j + 1) for n in here.next_words.get(spelt[j], ()))
        if here.next_gaps or here.next_markers:
            if (id(here), j) in seen:  # gaps can reach one state by several paths
                continue
            seen.add((id(here), j))
            for size, child in here.next_gaps:
                stack.extend((child, k) for k in range(j, min(j + size, len(words)) + 1))
            for marker, child in here.next_markers:
                took = _marker_holds(marker, words, ends, j)
                if took >= 0:
                    stack.append((child, j + took))
    return None


def _may_go_on(node: Node, word: str) -> bool:
    return bool(word in node.next_words or node.ends_here or node.next_gaps
                or node.next_markers)


def find(reading: Reading, found: Index | None = None) -> str | None:
    """The category of the first phrase found in `reading`, or None."""
    rule = find_rule(reading, found)
    return None if rule is None else rule.category


def find_rule(reading: Reading, found: Index | None = None) -> Rule | None:
    """The first phrase found in `reading` (its rule says which line matched), or None."""
    for rule, _, _ in _matches(reading, found or index()):
        return rule
    return None


def spans(reading: Reading, found: Index) -> list[tuple[int, int]]:
    """Where phrases stand in `reading`: (first word, word after the last), in order, not
    overlapping."""
    out: list[tuple[int, int]] = []
    for _, start, end in _matches(reading, found):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def _matches(reading: Reading, found: Index) -> Iterator[tuple[Rule, int, int]]:
    """Each word where a phrase starts: the phrase's rule, its first word, where it ends."""
    words, ends = reading.words, reading.ends
    seen: dict[str, str] = {}  # this call only: nobody's words outlive it
    for word in words:
        if word not in seen:
            seen[word] = _spelt_as(word, found)
    spelt = [seen[w] for w in words]
    numbers = [m for m in _MARKERS if m != "$" and m in found.first]
    for i, word in enumerate(spelt):
        entries = [found.first[word]] if word in found.first else []
        if _is_number(word):
            entries += [found.first[m] for m in numbers
                        if _marker_holds(m, words, ends, i) == 1]
        second = spelt[i + 1] if i + 1 < len(spelt) else ""
        third = spelt[i + 2] if i + 2 < len(spelt) else ""
        # Most phrases fail on the second or third word: look those up here, and walk
        # only the phrases that could still match.
        steps = [(n, i + 1) for e in entries for n in e.other]
        steps += [(child, i + 2) for e in entries for node in e.by_next.get(second, ())
                  for child in node.next_words[second] if _may_go_on(child, third)]
        for node, j in steps:
            hit = _match_from(node, j, words, ends, i, spelt)
            if hit is not None:
                yield hit[0], i, hit[1]
                break
