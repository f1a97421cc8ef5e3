"""Plain-English measures for flow text: words, sentences, syllables, Flesch reading ease.

Kept deliberately simple and dependency-free. The syllable count is the usual vowel-group
heuristic, so scores are approximate; they are for spotting hard text, not for grading.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z0-9£%']+(?:[-.,][A-Za-z0-9]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[)\"']?\s+|(?<=[.!?])[)\"']?$")
VOWELS = re.compile(r"[aeiouy]+")


def words(text: str) -> list[str]:
    """The words of a text; numbers like 12.71 and £1,000 count as one word."""
    return WORD.findall(text)


def sentences(text: str) -> list[str]:
    """The sentences of a text, split after . ! or ? (a closing bracket stays attached)."""
    parts = [part.strip() for part in SENTENCE_END.split(text.strip())]
    return [part for part in parts if words(part)]


def syllables(word: str) -> int:
    """An estimate of the syllables in one word (at least one)."""
    lower = word.lower().strip("'")
    if not lower.isalpha():
        return 1 if len(lower) < 4 else 2
    count = len(VOWELS.findall(lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def flesch(texts: list[str]) -> float:
    """Flesch reading ease over several texts (higher is easier; 60 or more is plain English)."""
    all_words = [w for text in texts for w in words(text)]
    all_sentences = [s for text in texts for s in sentences(text)]
    if not all_words or not all_sentences:
        return 100.0
    per_sentence = len(all_words) / len(all_sentences)
    per_word = sum(syllables(w) for w in all_words) / len(all_words)
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word
