"""A start with flags only skips argparse (assistant.cli_flags) and reads them as it would."""

from __future__ import annotations

import itertools

import pytest

from assistant.cli import parse, start_options
from assistant.cli_flags import FLAGS, flag_options

EVERY_FLAG_LINE = [
    list(line) for size in range(4) for line in itertools.permutations([*FLAGS, "--plain"], size)
]


@pytest.mark.parametrize("screen_reader_env", ["", "1"])
def test_every_line_of_flags_gives_the_options_the_full_parser_gives(
    screen_reader_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPORT_PLAN_SCREEN_READER", screen_reader_env)
    # Up to three flags, with repeats and both orders of --save and --no-save.
    assert len(EVERY_FLAG_LINE) == 260
    for argv in EVERY_FLAG_LINE:
        quick = flag_options(argv)
        assert quick is not None, argv
        assert vars(quick) == vars(start_options(parse(argv))), argv


@pytest.mark.parametrize(
    "argv",
    [
        ["--pla"],  # an abbreviation: the parser knows what it is short for
        ["--lang", "cy"],
        ["--flow=example"],
        ["resume", "K7P-2QM"],
        ["sessions"],
        ["-h"],
        ["--version"],
        ["--"],
        ["--plain", "oops"],
    ],
)
def test_anything_else_is_left_to_the_full_parser(argv: list[str]) -> None:
    assert flag_options(argv) is None
