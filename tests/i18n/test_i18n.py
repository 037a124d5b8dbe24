"""agidebate.i18n: which language a run speaks, and how messages are looked up and filled."""

from __future__ import annotations

import ast
import gettext
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from agidebate import i18n
from agidebate.i18n import NotALanguage, _, ngettext, pgettext, translator, using
from tests.conftest import after_main
from tests.i18n.catalog import mo_bytes

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No language set anywhere: each test sets what it needs."""
    for name in (i18n.ENV, *LOCALE_VARIABLES):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("code", "normal"),
    [("zh", "zh"), ("zh-CN", "zh_CN"), ("zh_cn", "zh_CN"), ("EN", "en"), ("zh-Hans", "zh_Hans")],
)
def test_codes_are_normalized_as_gettext_spells_them(code: str, normal: str) -> None:
    assert i18n.normalize(code) == normal


@pytest.mark.parametrize("code", ["", "z", "zh CN", "../zh", "zh/../../etc", "中文", "-zh"])
def test_what_is_no_language_code_is_refused(code: str) -> None:
    with pytest.raises(NotALanguage):
        i18n.normalize(code)


@pytest.mark.parametrize(
    ("code", "served"), [("zh", "zh"), ("zh_CN", "zh"), ("zh-TW", "zh"), ("en", "en"), ("fr", None)]
)
def test_a_code_is_served_by_its_catalog_or_its_language_s(code: str, served: str | None) -> None:
    assert i18n.available(code) == served


def test_nothing_set_is_english(clean_env: pytest.MonkeyPatch) -> None:
    assert i18n.resolve() == "en"


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:zh_CN", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "zh_CN.GB18030@pinyin"}, "zh"),
    ],
)
def test_the_locale_decides_as_gettext_reads_it(
    clean_env: pytest.MonkeyPatch, variables: dict[str, str], expected: str
) -> None:
    for name, value in variables.items():
        clean_env.setenv(name, value)
    assert i18n.resolve() == expected


def test_agidebate_lang_comes_before_the_locale_and_the_option_before_both(
    clean_env: pytest.MonkeyPatch,
) -> None:
    clean_env.setenv("LANG", "en_US.UTF-8")
    clean_env.setenv(i18n.ENV, "zh")
    assert i18n.resolve() == "zh"
    assert i18n.resolve("en") == "en"
    clean_env.setenv("LANG", "zh_CN.UTF-8")
    clean_env.setenv(i18n.ENV, "en")
    assert i18n.resolve() == "en"
    clean_env.setenv(i18n.ENV, "")  # empty counts as unset
    assert i18n.resolve() == "zh"


def test_a_malformed_agidebate_lang_names_the_variable(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(i18n.ENV, "zh;rm")
    with pytest.raises(NotALanguage) as raised:
        i18n.resolve()
    assert raised.value.variable == i18n.ENV and raised.value.code == "zh;rm"


def test_using_speaks_a_language_for_a_block_and_then_restores_it() -> None:
    with using("zh"):
        assert i18n.language() == "zh"
        assert _("Claims by strength") == "按强度排列的论点"
        with using("en"):
            assert _("Claims by strength") == "Claims by strength"
        assert _("Claims by strength") == "按强度排列的论点"
    with using("en"):
        assert _("Claims by strength") == "Claims by strength"


def test_a_translator_gives_another_language_than_the_run_s() -> None:
    """An export in Chinese from an English run (and the other way round)."""
    with using("en"):
        assert translator("zh").gettext("Claims by strength") == "按强度排列的论点"
        assert translator("zh-CN").pgettext("column", "score") == "得分"
        assert _("Claims by strength") == "Claims by strength"
    with using("zh"):
        assert translator("en").gettext("Claims by strength") == "Claims by strength"
        assert translator().language == "zh"


def test_placeholders_are_filled_after_the_translation() -> None:
    with using("zh"):
        assert _("Verdict: {phrase} ({value:.2f})", phrase="x", value=0.961) == "结论：x（0.96）"
    with using("en"):
        assert _("Verdict: {phrase} ({value:.2f})", phrase="x", value=0.961) == "Verdict: x (0.96)"
        assert _("Thesis: ") == "Thesis: "  # no fields: not formatted


def test_plurals_follow_the_language_s_rule_and_fill_n() -> None:
    with using("en"):
        assert ngettext("{n} supporter", "{n} supporters", 1) == "1 supporter"
        assert ngettext("{n} supporter", "{n} supporters", 13) == "13 supporters"
        assert ngettext("{n} supporter", "{n} supporters", 0) == "0 supporters"
    with using("zh"):  # nplurals=1: one form for every number
        assert ngettext("{n} supporter", "{n} supporters", 1) == "1 个支持者"
        assert ngettext("{n} supporter", "{n} supporters", 13) == "13 个支持者"


def test_a_context_tells_two_senses_of_one_word_apart() -> None:
    with using("zh"):
        assert pgettext("side", "pro") == "正方"
        assert pgettext("column", "score") == "得分"
        assert pgettext("column", "no such heading") == "no such heading"


def test_a_message_without_translation_stays_english() -> None:
    with using("zh"):
        assert _("a message nobody wrote down") == "a message nobody wrote down"
        assert _("{n} widgets", n=3) == "3 widgets"


class _Broken(gettext.NullTranslations):
    """A catalog whose translation lost its placeholder (tests catch it in shipped ones)."""

    def gettext(self, message: str) -> str:
        return "坏了 {nope}"


def test_a_translation_that_cannot_be_filled_gives_english_not_a_crash() -> None:
    broken = i18n.Translator("xx", _Broken())
    assert broken.gettext("Set: {values}.", values="a=1") == "Set: a=1."


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the package's catalogs plus a French one, as its translator would add it."""
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale)
    catalog = Catalog(locale="fr", domain=i18n.DOMAIN)
    catalog.add("Claims by strength", "Affirmations par force")
    # French in CLDR has three forms: one (0, 1), many (a million...), other.
    forms = ("{n} soutien", "{n} de soutiens", "{n} soutiens")
    catalog.add(("{n} supporter", "{n} supporters"), forms)
    (locale / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (locale / "fr" / "LC_MESSAGES" / "agidebate.mo").write_bytes(mo_bytes(catalog))
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    i18n._catalog_path.cache_clear()
    i18n._translator.cache_clear()
    yield locale
    i18n._catalog_path.cache_clear()
    i18n._translator.cache_clear()


def test_adding_a_language_is_adding_one_catalog(french: Path) -> None:
    assert i18n.available("fr_CA") == "fr"
    with using("fr"):
        assert _("Claims by strength") == "Affirmations par force"
        assert ngettext("{n} supporter", "{n} supporters", 0) == "0 soutien"
        assert ngettext("{n} supporter", "{n} supporters", 2) == "2 soutiens"
        assert ngettext("{n} supporter", "{n} supporters", 10**6) == "1000000 de soutiens"
        assert _("Thesis: ") == "Thesis: "  # not translated yet: English


def catalog_use(args: list[str], env: dict[str, str]) -> tuple[int, int]:
    """How many catalog files a run looked for, and how many languages it loaded."""
    clean = dict.fromkeys((i18n.ENV, *LOCALE_VARIABLES), "")
    found = after_main(
        args,
        "(__import__('agidebate.i18n').i18n._catalog_path.cache_info().misses, "
        "__import__('agidebate.i18n').i18n._translator.cache_info().currsize)",
        {**clean, "AGIDEBATE_NO_CACHE": "1", **env},
    )
    looked, loaded = ast.literal_eval(found)
    return int(looked), int(loaded)


def test_an_english_run_never_looks_for_a_catalog() -> None:
    assert catalog_use(["--help"], {"LANG": "C.UTF-8"}) == (0, 1)  # English: no file
    assert catalog_use(["score", "--help"], {"LANG": "en_US.UTF-8"}) == (0, 1)


def test_a_chinese_run_reads_its_catalog_once() -> None:
    # zh_CN.UTF-8: is there a zh_CN catalog (no), a zh one (yes); one language loaded
    assert catalog_use(["score", "--help"], {"LANG": "zh_CN.UTF-8"}) == (2, 1)
    assert catalog_use(["score", "--lang", "zh", "--help"], {}) == (1, 1)
