"""Token-range helpers for the causal rules: clauses, arguments, antecedents.

A side of a causal link is a half-open token range ``(start, end)`` of the doc. The rules
prefer the dependency parse and fall back on the surface (commas, clause markers) where the
parse is implausible, as it often is in long scholarly sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from rift.text_utils import containing, offsets, paragraph_of, sentences

Range = tuple[int, int]

# tokens that may open a clause but belong to neither side of a link
_EDGE_DEPS = {"punct", "cc", "mark", "preconj", "discourse", "intj"}
_EDGE_WORDS = {"but", "and", "or", "however", "instead", "then", "also", "even", "so", "thus", "therefore", "that", "yet", "moreover"}
_CLAUSE_STOP_AFTER_COMMA = {"SCONJ", "CCONJ", "ADV"}
_CLAUSE_STOP_WORDS = {"which", "who", "whom", "whose", "where", "when", "while", "whereas", "especially", "espicially", "although", "though", "because", "since"}
VERBAL = {"VERB", "AUX"}


@dataclass
class SentenceIndex:
    """Sentences of a doc with their paragraph, for quick look-ups by token."""

    sents: list[Span]
    paragraphs: list[int]
    citation_tokens: set[int]

    def of_token(self, i: int) -> int | None:
        """Index of the sentence holding token ``i``."""
        return containing(self.sents, i)

    def previous(self, k: int, *, cross_paragraph: bool = False) -> int | None:
        """The sentence before sentence ``k`` in the same paragraph that says something
        (not a citation or a fragment), or None. With ``cross_paragraph``, a paragraph's first
        sentence may also reach back to the last such sentence of the paragraph before."""
        j = k - 1
        para = self.paragraphs[k]
        if cross_paragraph and not any(self.paragraphs[i] == para and self._says(i) for i in range(max(0, k - 50), k)):
            para = self.paragraphs[j] if j >= 0 else para
        while j >= 0 and self.paragraphs[j] == para:
            s = self.sents[j]
            content = [t for t in s if t.i not in self.citation_tokens and not t.is_punct and not t.is_space]
            if len(content) >= 3 and any(t.pos_ in VERBAL for t in content):
                return j
            j -= 1
        return None

    def _says(self, j: int) -> bool:
        content = [t for t in self.sents[j] if t.i not in self.citation_tokens and not t.is_punct and not t.is_space]
        return len(content) >= 3 and any(t.pos_ in VERBAL for t in content)

    def next(self, k: int) -> int | None:
        """The sentence after sentence ``k`` in the same paragraph, or None."""
        j = k + 1
        if j < len(self.sents) and self.paragraphs[j] == self.paragraphs[k]:
            return j
        return None


def trim(doc: Doc, start: int, end: int, skip: set[int] | None = None) -> Range:
    """Strip punctuation, spaces, conjunctions and clause markers from both ends of a range."""
    skip = skip or set()

    def edge(t: Token, left: bool) -> bool:
        if t.is_space or t.is_punct or t.i in skip:
            return True
        if left and (t.dep_ in _EDGE_DEPS or t.lower_ in _EDGE_WORDS) and t.pos_ not in ("NOUN", "PROPN", "PRON"):
            return True
        return not left and (t.dep_ in {"cc", "mark", "preconj"} or t.lower_ in {"and", "but", "or"})

    while start < end and edge(doc[start], True):
        start += 1
    while end > start and edge(doc[end - 1], False):
        end -= 1
    return start, end


def contiguous(tokens: set[int], anchor: int | None = None) -> Range | None:
    """The longest run of consecutive indices in ``tokens`` (the one holding ``anchor`` if given)."""
    if not tokens:
        return None
    if anchor is not None and anchor in tokens:
        s = e = anchor
        while s - 1 in tokens:
            s -= 1
        while e + 1 in tokens:
            e += 1
        return s, e + 1
    best: Range | None = None
    for i in sorted(tokens):
        if i - 1 in tokens:
            continue
        j = i
        while j + 1 in tokens:
            j += 1
        if best is None or j + 1 - i > best[1] - best[0]:
            best = (i, j + 1)
    return best


def subtree_set(tok: Token) -> set[int]:
    """Indices of ``tok``'s subtree."""
    return {t.i for t in tok.subtree}


def clause_head(tok: Token) -> Token:
    """The verb (or the root) heading the clause ``tok`` is in."""
    cur = tok
    for _ in range(40):
        if cur.pos_ in VERBAL and cur.dep_ not in ("aux", "auxpass"):
            return cur
        if cur.head is cur:
            return cur
        cur = cur.head
    return cur


def clause_range(
    doc: Doc,
    head: Token,
    sent: Span,
    *,
    exclude: set[int] = frozenset(),
    anchor: int | None = None,
    skip: set[int] = frozenset(),
    drop_advcl: bool = False,
    core: bool = False,
) -> Range | None:
    """The clause headed by ``head``: its subtree within ``sent`` less ``exclude`` and citations.

    With ``drop_advcl`` the adverbial clauses of ``head`` are left out too ("Even after Mao had
    taken power, Stalin seemed reluctant ..." -> "Stalin seemed reluctant ..."); with ``core``
    also its coordinated and complement clauses ("this attempt not only failed but brought ..."
    -> "this attempt not only failed").
    """
    tokens = {i for i in subtree_set(head) if sent.start <= i < sent.end} - set(exclude) - set(skip)
    drop = {"advcl"} if drop_advcl else set()
    if core:
        drop |= {"advcl", "conj", "cc", "ccomp", "parataxis"}
    for child in head.children:
        if child.dep_ in drop and (anchor is None or anchor not in subtree_set(child)):
            if child.dep_ == "ccomp" and child.i > head.i:
                continue  # "X claimed that Y": the complement is part of the clause
            tokens -= subtree_set(child)
    # a relative clause stands for the noun it modifies ("events that occurred because ...")
    if head.dep_ in ("relcl", "acl") and head.head.i < head.i:
        noun = head.head
        tokens |= {t.i for t in noun.subtree if t.i <= noun.i and t.i >= sent.start}
        tokens |= set(range(noun.i, head.i))
        tokens -= set(exclude)
    span = contiguous(tokens, anchor if anchor is not None else head.i)
    if span is None:
        return None
    s, e = trim(doc, *span, skip=set(skip))
    return (s, e) if e > s else None


def surface_right(doc: Doc, start: int, sent: Span, skip: set[int] = frozenset()) -> Range | None:
    """From ``start`` to the end of its clause on the surface: a full stop, semicolon, dash,
    citation, or a comma before a new clause marker."""
    end = start
    while end < sent.end:
        t = doc[end]
        if end in skip or t.text in {";", ":", "\u2014", "--", "("} or (t.is_sent_end and t.is_punct):
            break
        if t.text == "." and end > start:
            break
        if t.text == "," and end + 1 < sent.end:
            nxt = doc[end + 1]
            if nxt.pos_ in _CLAUSE_STOP_AFTER_COMMA or nxt.lower_ in _CLAUSE_STOP_WORDS:
                break
        end += 1
    s, e = trim(doc, start, end, skip=set(skip))
    return (s, e) if e > s else None


def surface_left(doc: Doc, end: int, sent: Span, skip: set[int] = frozenset()) -> Range | None:
    """From the start of the clause holding token ``end - 1`` to ``end`` on the surface."""
    start = end
    while start > sent.start:
        t = doc[start - 1]
        if (start - 1) in skip or t.text in {";", ":", "\u2014", "--", ")"}:
            break
        if t.text == "," and start - 1 > sent.start:
            # stop at a comma unless it closes a short parenthetical ("This, of course, ...")
            before = [x for x in doc[sent.start : start - 1] if not x.is_punct]
            if len(before) > 3:
                break
        start -= 1
    s, e = trim(doc, start, end, skip=set(skip))
    return (s, e) if e > s else None


def main_clause(doc: Doc, sent: Span, skip: set[int] = frozenset()) -> Range | None:
    """The main clause of a sentence: the root's clause less opening adverbs and citations."""
    root = sent.root
    if root.pos_ not in VERBAL:
        s, e = trim(doc, sent.start, sent.end, skip=set(skip))
        return (s, e) if e > s else None
    tokens = {i for i in subtree_set(root) if sent.start <= i < sent.end} - set(skip)
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    first_subj = min((c.left_edge.i for c in subj), default=root.i)
    for child in root.children:
        if child.i < first_subj and child.dep_ in ("cc", "advmod", "discourse", "intj", "punct", "mark"):
            tokens -= subtree_set(child)
    # what follows a colon or semicolon elaborates the clause, it is not part of it
    cut = next((t.i for t in doc[root.i : sent.end] if t.text in (":", ";")), None)
    if cut is not None:
        tokens = {i for i in tokens if i < cut}
    span = contiguous(tokens, root.i)
    if span is None:
        return None
    s, e = trim(doc, *span, skip=set(skip))
    return (s, e) if e > s else None


def preceding_clause(doc: Doc, sent: Span, before: int, skip: set[int] = frozenset()) -> Range | None:
    """The clause of ``sent`` that ends before token ``before`` ("In 1927 they tried ..., this
    attempt failed" -> "In 1927 they tried ..."), or None when nothing precedes."""
    best: Token | None = None
    for t in doc[sent.start : before]:
        if t.pos_ in VERBAL and t.dep_ not in ("aux", "auxpass"):
            sub = subtree_set(t)
            if max(sub) < before and min(sub) >= sent.start:
                if best is None or len(sub) > len(subtree_set(best)):
                    best = t
    if best is None:
        return None
    tokens = {i for i in subtree_set(best)} - set(skip)
    span = contiguous(tokens, best.i)
    if span is None:
        return None
    s, e = trim(doc, *span, skip=set(skip))
    return (s, e) if e > s and e - s >= 3 else None


def shares_stem(a: str, b: str, n: int = 4) -> bool:
    """Whether two words share a stem: a common prefix of ``n`` letters or more ("reluctance",
    "reluctant"; "accusations", "accused")."""
    a, b = a.lower(), b.lower()
    if len(a) < n or len(b) < n:
        return False
    k = 0
    for x, y in zip(a, b):
        if x != y:
            break
        k += 1
    return k >= n and k >= min(len(a), len(b)) * 0.5


def sentence_index(doc: Doc) -> SentenceIndex:
    """The doc's sentences with their paragraphs and the tokens inside citations."""
    sents = sentences(doc)
    paragraphs = [paragraph_of(doc, s.start_char) for s in sents]
    cite_tokens: set[int] = set()
    omap = offsets(doc)
    for c in doc._.citations or []:
        a, b = omap.to_clean(c.start), omap.to_clean(c.end)
        span = doc.char_span(a, max(a, b), alignment_mode="expand")
        if span is not None:
            cite_tokens.update(range(span.start, span.end))
    return SentenceIndex(sents, paragraphs, cite_tokens)
