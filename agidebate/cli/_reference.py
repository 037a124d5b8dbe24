"""Generate docs/cli-reference.md from the app itself, so the reference cannot drift.

Run `python -m agidebate.cli._reference > docs/cli-reference.md` after changing a
command; the test suite fails while the file differs from what this prints.
"""

from __future__ import annotations

from typer.testing import CliRunner

from agidebate.cli import COMMANDS, app

HEADER = """\
# Command reference

Generated from `agidebate --help` and each command's `--help` by
`python -m agidebate.cli._reference`; do not edit by hand.
"""


def _help(args: list[str]) -> str:
    env = {"COLUMNS": "88", "NO_COLOR": "1", "AGIDEBATE_LANG": "en"}  # English, whatever the locale
    result = CliRunner().invoke(app, [*args, "--help"], env=env)
    return result.stdout.rstrip() + "\n"


def command_names() -> list[str]:
    """Every registered command, sorted."""
    return sorted(command.name for command in COMMANDS)


def cli_reference() -> str:
    """The whole reference as markdown."""
    parts = [HEADER, "## agidebate\n", "```text\n" + _help([]) + "```\n"]
    for name in command_names():
        parts.append(f"## agidebate {name}\n")
        parts.append("```text\n" + _help([name]) + "```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(cli_reference(), end="")
