"""The crisis phrases against everyday sentences: recall and false positives, as figures.

The corpus (flows/safety/phrase_corpus.yaml) is data: crisis sentences with the reply each
should get, gentle ones (pain and strain), and near misses that share words with a phrase
but mean something else. Run with ``-s`` to see the report. The bars are set here: every
crisis sentence at or above RECALL_BAR, near misses at or below FALSE_POSITIVE_BAR, and no
gentle sentence may ever get a crisis reply (that would not be listening).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.engine import crisis

CORPUS = Path(__file__).resolve().parents[2] / "flows" / "safety" / "phrase_corpus.yaml"
RECALL_BAR = 0.95
FALSE_POSITIVE_BAR = 0.02


def corpus() -> dict[str, list]:  # type: ignore[type-arg]
    with CORPUS.open(encoding="utf-8") as handle:
        data: dict[str, list] = yaml.safe_load(handle)  # type: ignore[type-arg]
    return data


def test_the_corpus_is_large_enough_to_mean_something() -> None:
    data = corpus()
    assert len(data["crisis"]) >= 60 and len(data["near_miss"]) >= 60
    kinds = {case["kind"] for case in data["crisis"]}
    assert kinds == {"suicide", "self_harm", "abuse"}
    for required in (
        "end it all",
        "can't go on",
        "no point any more",
        "better off without me",
        "take my own life",
        "hurt myself",
    ):
        assert any(required in case["text"].lower() for case in data["crisis"]), required
    for required in ("end of the month", "I could kill for a cup of tea"):
        assert any(required in text for text in data["near_miss"]), required
    assert "The pain is killing me" in data["gentle"]


def test_recall_and_false_positives_meet_the_bar() -> None:
    data = corpus()
    missed = []
    for case in data["crisis"]:
        found = crisis.detect(case["text"])
        if found is None or found.kind != case["kind"]:
            missed.append((case["text"], case["kind"], found and found.kind))
    false = [(text, found.kind) for text in data["near_miss"] if (found := crisis.detect(text))]
    gentle_wrong = [
        (text, found and found.kind)
        for text in data["gentle"]
        if (found := crisis.detect(text)) is None or found.kind != "gentle"
    ]
    recall = 1 - len(missed) / len(data["crisis"])
    false_rate = len(false) / len(data["near_miss"])
    print(
        f"\ncrisis corpus: recall {recall:.1%} ({len(data['crisis']) - len(missed)}/"
        f"{len(data['crisis'])}), false positives {false_rate:.1%} ({len(false)}/"
        f"{len(data['near_miss'])}), gentle right {len(data['gentle']) - len(gentle_wrong)}/"
        f"{len(data['gentle'])}"
    )
    for item in missed:
        print("  missed:", item)
    for item in false:
        print("  false positive:", item)
    assert recall >= RECALL_BAR, missed
    assert false_rate <= FALSE_POSITIVE_BAR, false
    assert not [g for g in gentle_wrong if g[1] in crisis.CRISIS], gentle_wrong


@pytest.mark.parametrize("case", corpus()["crisis"], ids=lambda case: case["text"][:40])
def test_each_crisis_sentence_gets_its_reply(case: dict[str, str]) -> None:
    found = crisis.detect(case["text"])
    assert found is not None and found.kind == case["kind"]


@pytest.mark.parametrize("text", corpus()["near_miss"], ids=lambda text: text[:40])
def test_each_near_miss_gets_no_reply(text: str) -> None:
    assert crisis.detect(text) is None


def test_every_shipped_phrase_parses_and_matches_itself() -> None:
    """A phrase that can never match is a silent hole in the net."""
    from assistant.safety import phrase_lists

    for language, kinds in phrase_lists().items():
        for kind, phrases in kinds.items():
            if kind == "same":
                continue
            for phrase in phrases:
                pattern = crisis.parse(phrase)
                example = " ".join(sorted(slot)[0] for slot in pattern.slots if slot is not None)
                words = crisis.clauses(example)[0]
                assert list(pattern.spans(words)), (language, kind, phrase)


def test_a_phrase_with_a_hyphenated_word_is_refused_with_the_fix() -> None:
    with pytest.raises(ValueError, match="one plain word"):
        crisis.parse("self-harm|selfharm")


def _every_sentence() -> list[str]:
    """The corpus's sentences and an example of every shipped phrase, "~" filled and not."""
    from assistant.safety import phrase_lists

    data = corpus()
    texts = [case["text"] for case in data["crisis"]] + data["gentle"] + data["near_miss"]
    for kinds in phrase_lists().values():
        for kind, phrases in kinds.items():
            if kind == "same":  # spellings, not phrases
                continue
            for phrase in phrases:
                slots = crisis.parse(phrase).slots
                texts.append(" ".join(sorted(s)[0] for s in slots if s is not None))
                texts.append(" ".join(sorted(s)[-1] if s else "really" for s in slots))
    return texts


def test_the_word_index_finds_what_trying_every_phrase_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """detect() tries a clause only against phrases its words can begin: never fewer matches."""
    texts = _every_sentence()
    indexed = [crisis.detect(text) for text in texts]
    monkeypatch.setattr(
        crisis, "_candidates", lambda kind, tokens: iter(crisis.patterns().get(kind, ()))
    )
    every = [crisis.detect(text) for text in texts]
    assert sum(found is not None for found in every) > len(texts) // 2
    assert indexed == every


def test_an_answer_with_no_phrase_word_tries_no_phrase() -> None:
    """A choice typed as a number, or everyday words, is checked against nothing at all."""
    for answer in ("2", "yes", "Tuesday mornings"):
        tokens = crisis.clauses(answer)[0]
        assert all(list(crisis._candidates(kind, tokens)) == [] for kind in crisis.KINDS)
