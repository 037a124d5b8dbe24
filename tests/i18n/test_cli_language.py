"""Choosing the interface language on the command line: `--lang` on every command,
$AGIDEBATE_LANG, the locale; help pages, errors and `score` in Chinese; no crash on
a terminal that cannot show Chinese."""

from __future__ import annotations

import re
import subprocess

import pytest

from agidebate.cli import COMMANDS
from tests.conftest import MakeDebate, invoke, run_process

# No language anywhere but what each test names.
UNSET = {"AGIDEBATE_LANG": "", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return run_process(args, {**UNSET, "COLUMNS": "100", **env})


def test_a_chinese_locale_gives_a_chinese_score() -> None:
    result = run(["score", "--top", "3"], LANG="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(r"结论：\S+（\d\.\d\d）", out)
    assert re.search(r"按强度排列的论点（共 \d+ 个，显示 3 个；--all 显示全部）", out)
    assert "话题：每个话题的正方与反方论点，按该语义合并一方论证的方式合并" in out
    assert re.search(r"得分\s+基础\s+立场\s+编号\s+论点", out)
    assert "语义：dtop" in out and "把握程度：" in out and "证明标准：" in out
    for english in ("Verdict:", "Claims by strength", "Topics:", "How sure", "Semantics:"):
        assert english not in out


def test_lang_en_restores_english_over_the_locale_and_the_variable() -> None:
    for env in ({"LANG": "zh_CN.UTF-8"}, {"AGIDEBATE_LANG": "zh"}, {"LC_ALL": "zh_CN.UTF-8"}):
        result = run(["score", "--top", "3", "--lang", "en"], **env)
        assert result.returncode == 0, result.stderr
        assert re.search(r"Verdict: [a-z :]+ \(\d\.\d\d\)", result.stdout)
        assert not CJK.search(result.stdout), env


def test_agidebate_lang_comes_before_the_locale() -> None:
    result = run(["score", "--top", "1"], AGIDEBATE_LANG="zh", LANG="en_US.UTF-8")
    assert "结论：" in result.stdout
    result = run(["score", "--top", "1"], AGIDEBATE_LANG="en", LANG="zh_CN.UTF-8")
    assert "Verdict:" in result.stdout


def test_the_option_may_come_first_or_last() -> None:
    for args in (
        ["--lang", "zh", "score"],
        ["score", "--top", "1", "--lang=zh"],
        ["score", "-l", "zh"],
    ):
        result = invoke(args)
        assert result.exit_code == 0, result.output
        assert "结论：" in result.stdout, args


def test_the_language_of_one_run_does_not_leak_into_the_next() -> None:
    assert "结论：" in invoke(["score", "--lang", "zh", "--top", "1"]).stdout
    assert "Verdict:" in invoke(["score", "--top", "1"]).stdout


def test_a_terminal_in_the_c_locale_neither_crashes_nor_garbles() -> None:
    """LANG=C: Python writes UTF-8 (PEP 538/540), so Chinese comes out whole."""
    result = run(["score", "--lang", "zh", "--top", "3"], LANG="C")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert re.search(r"结论：\S+（\d\.\d\d）", result.stdout)
    shown = run(["show", "--lang", "zh", "--depth", "1"], LANG="C")
    assert shown.returncode == 0 and "优质文本将在2024年耗尽" in shown.stdout
    assert not run(["score", "--top", "1"], LANG="C").stdout.count("结论")  # C is English


def test_an_output_that_cannot_encode_chinese_gets_escapes_not_a_traceback() -> None:
    for env in ({"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1", "LANG": "C"}):
        result = run(["score", "--lang", "zh", "--top", "3"], **env)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert "\\u7ed3\\u8bba" in result.stdout  # 结论, legible as an escape
        errors = run(["score", "--lang", "zh", "--perspective", "x", "--compare", "a", "b"], **env)
        assert errors.returncode == 2 and "Traceback" not in errors.stderr
        assert "\\u9519\\u8bef" in errors.stderr  # 错误


def test_help_is_in_the_chosen_language() -> None:
    page = run(["score", "--lang", "zh", "--help"]).stdout
    assert re.match(r"用法：(python -m )?agidebate score \[OPTIONS\]", page)
    assert "为辩论打分：论题的结论、每个话题的正反平衡、按强度排列的论点。" in page
    assert "选项" in page and "显示此帮助并退出。" in page and "[默认：20; x>=1]" in page
    assert "列出多少个论点。" in page and "强度的计算方式：dtop, top, qe" in page
    root = run(["--help"], LANG="zh_CN.UTF-8").stdout
    assert re.match(r"用法：(python -m )?agidebate \[OPTIONS\] COMMAND \[ARGS\]\.\.\.", root)
    assert "把一场正反辩论绘制成由论点和反驳构成的图" in root
    assert re.search(r"score\s+为辩论打分：对论题的结论及其理由。", root)
    english = run(["score", "--help"], LANG="zh_CN.UTF-8", AGIDEBATE_LANG="en").stdout
    assert re.match(r"Usage: (python -m )?agidebate score", english)
    assert not CJK.search(english)


def test_help_in_chinese_whatever_the_order_of_the_options() -> None:
    for args in (["score", "--help", "--lang", "zh"], ["--lang", "zh", "score", "--help"]):
        assert invoke(args).stdout.startswith("用法：agidebate score"), args


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_every_command_takes_lang(command: str) -> None:
    page = invoke([command, "--help"]).stdout
    assert re.search(r"-l, --lang CODE", page), page


@pytest.mark.parametrize("command", [c.name for c in COMMANDS if c.reads_debate])
def test_every_reading_command_runs_with_lang_zh(command: str) -> None:
    args = {
        "explain": ["explain", "thesis"],
        "path": ["path", "dw-01"],
        "search": ["search", "data"],
    }
    result = invoke([*args.get(command, [command]), "--lang", "zh"])
    assert result.exit_code == 0, result.output


def test_a_malformed_code_is_a_usage_error_in_either_place() -> None:
    result = invoke(["score", "--lang", "zh;rm"])
    assert result.exit_code == 2
    assert "error: 'zh;rm' is not a language code" in result.stderr
    assert "hint: use a code such as zh or en" in result.stderr
    result = invoke(["score"], env={"AGIDEBATE_LANG": "../zh"})
    assert result.exit_code == 2
    assert "error: $AGIDEBATE_LANG is '../zh', which is not a language code" in result.stderr


def test_a_language_without_a_catalog_is_english_with_a_note() -> None:
    result = invoke(["score", "--lang", "fr", "--top", "1"])
    assert result.exit_code == 0
    assert "note: the interface has no 'fr' translation; it stays in English" in result.stderr
    assert "Verdict:" in result.stdout
    quiet = invoke(["score", "--top", "1"], env={"AGIDEBATE_LANG": "", "LANG": "fr_FR.UTF-8"})
    assert quiet.exit_code == 0 and quiet.stderr == ""  # a French locale is no request


def test_errors_and_hints_speak_the_language() -> None:
    result = invoke(["score", "--lang", "zh", "--perspective", "skeptic", "--compare", "a", "b"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "错误：--perspective 和 --compare 只能用其一，不能同时使用",
        "    提示：--compare A B 已经指明了两个视角",
    ]


def test_a_located_problem_keeps_its_location_machine_readable(make_debate: MakeDebate) -> None:
    folder = make_debate({"t.yaml": "topic: t\nclaims:\n  - id: a\n    text: A\n    colour: red\n"})
    result = invoke(["score", "--dir", str(folder), "--lang", "zh"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(re.match(r"^\S*t\.yaml:\d+:\d+: 错误：", line) for line in lines), lines
    assert "错误：辩论无效（1 个错误）" in lines
    assert "    提示：运行 `agidebate check` 查看完整报告" in lines
