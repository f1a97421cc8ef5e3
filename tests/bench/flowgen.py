"""A generated flow bundle of any size, shaped like the England flow, for budget 7.

The England flow is about 57% explanations, 21% branches and 18% questions with citations
on most explanations; the generator repeats a 20-step block with that mix (every answer
type, conditions on this module's and the previous module's answers, a placeholder) so
the loader and checker do the same kinds of work per step as on real content.
"""

from __future__ import annotations

from pathlib import Path

BLOCK = 20  # steps per repeated block
SOURCES = 50


def _block(module: int, block: int, previous: str | None) -> list[str]:
    """Twenty steps; the branch jumps over one explanation, so every step stays reachable."""
    b = f"b{block}"
    other = f"{previous}.{b}_kind" if previous else f"{b}_kind"
    lines = [
        _say(f"{b}_intro", f"Part {block} of module {module}.", block, section=f"s{block % 4}"),
        _say(f"{b}_right", "You have a right to an assessment of your needs.", block + 1),
        _ask(
            f"{b}_kind", "choice", "Which of these is closest?", choices=("home", "care", "other")
        ),
        _ask(f"{b}_helps", "yesno", "Does someone help you now?", extra="    allow_unknown: true"),
        _ask(
            f"{b}_tasks",
            "multi",
            "Which of these are hard?",
            choices=("wash", "meals", "shop", "walk"),
        ),
        _branch(
            f"{b}_route",
            [f"{b}_kind == 'care' and {b}_helps", f"'wash' in {b}_tasks or {other} == 'other'"],
            f"{b}_after",
            f"{b}_carer",
        ),
        _say(f"{b}_carer", "The person who helps can ask for a carer's assessment.", block + 2),
        _say(f"{b}_after", "Thank you. Next, a few details.", block + 3),
        _ask(f"{b}_hours", "number", "How many hours a week?", extra="    min: 0\n    max: 168"),
        _ask(
            f"{b}_rate",
            "money",
            "How much an hour?",
            extra="    max: 1000\n    allow_decline: true",
        ),
        _ask(f"{b}_name", "text", "What should we call the person who helps?"),
        _say(f"{b}_thanks", f"Thank you, {{{b}_name}}.", block + 4),
        _branch(
            f"{b}_check",
            [f"answered({b}_hours) and {b}_hours > 20", f"is_declined({b}_rate)"],
            f"{b}_many",
            f"{b}_few",
        ),
        _say(f"{b}_few", "That is a few hours.", block + 5),
        _say(f"{b}_many", "That is quite a lot of help.", block + 6),
        _say(f"{b}_w1", "Your wellbeing matters in the assessment.", block + 7),
        _say(f"{b}_w2", "The council must consider what matters to you.", block + 8),
        _say(f"{b}_w3", "You can ask for an advocate if you need one.", block + 9),
        _say(f"{b}_w4", "You can ask for a copy of your plan.", block + 10),
        _say(f"{b}_w5", "You can ask for a review at any time.", block + 11),
    ]
    return lines


def _say(step_id: str, text: str, cite: int, *, section: str | None = None) -> str:
    head = f"  - id: {step_id}\n    kind: say\n"
    if section:
        head += f"    section: {section}\n"
    return (
        head
        + f'    title: "{step_id}"\n    text: "{text}"\n'
        + f'    why: "So you know."\n    cite: [src{cite % SOURCES}]\n'
    )


def _ask(
    step_id: str, kind: str, text: str, *, choices: tuple[str, ...] = (), extra: str = ""
) -> str:
    out = f'  - id: {step_id}\n    kind: ask\n    type: {kind}\n    text: "{text}"\n'
    out += '    why: "It helps the plan."\n'
    if extra:
        out += extra + "\n"
    if choices:
        out += "    choices:\n" + "".join(
            f'      - value: {c}\n        label: "{c.title()}"\n' for c in choices
        )
    return out


def _branch(step_id: str, conditions: list[str], target: str, otherwise: str) -> str:
    cases = "".join(f'      - when: "{c}"\n        next: {target}\n' for c in conditions)
    return f"  - id: {step_id}\n    kind: branch\n    cases:\n{cases}    else: {otherwise}\n"


def write_bundle(root: Path, steps: int = 2000, modules: int = 10) -> Path:
    """Write a valid bundle of about ``steps`` steps in ``modules`` files; return its folder."""
    root.mkdir(parents=True, exist_ok=True)
    names = [f"m{i}" for i in range(modules)]
    blocks = max(steps // (modules * BLOCK), 1)
    for index, name in enumerate(names):
        previous = names[index - 1] if index else None
        body = [
            f"flow: {name}\n",
            f'title: "Module {index}"\n',
            "sections:\n",
            *(f'  - id: s{k}\n    title: "Part {k}"\n' for k in range(4)),
            "steps:\n",
        ]
        for block in range(blocks):
            body.extend(_block(index, block, previous))
        if index + 1 < modules:
            body.append(f"  - id: onward\n    kind: link\n    to: {names[index + 1]}\n")
        else:
            body.append('  - id: done\n    kind: end\n    text: "That is the end."\n')
        (root / f"{name}.yaml").write_text("".join(body), encoding="utf-8")
    manifest = f'id: generated\ntitle: "Generated"\nmodules: [{", ".join(names)}]\n'
    (root / "bundle.yaml").write_text(manifest + f"start: {names[0]}\n", encoding="utf-8")
    sources = "".join(
        f'  src{i}:\n    title: "Care Act 2014"\n    part: "section {i}"\n'
        f'    url: "https://www.legislation.gov.uk/ukpga/2014/23/section/{i}"\n'
        f"    checked: 2026-11-22\n"
        for i in range(SOURCES)
    )
    (root / "sources.yaml").write_text("sources:\n" + sources, encoding="utf-8")
    return root
