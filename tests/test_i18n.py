"""The message catalogue and the choice of language (signkit.i18n).

The catalogue test extracts every message the way tools/update_catalogue.py does (Babel's
extractor over babel.cfg, plus the field docs): each has a Chinese translation with the same
placeholders, and the committed .mo is the .po compiled."""

from __future__ import annotations

import importlib.util
import string
import tomllib
from pathlib import Path

import pytest

from signkit import i18n
from signkit.i18n import _, choose_language, current_language, pgettext, set_language
from signkit.words import label

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("update_catalogue", ROOT / "tools" / "update_catalogue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogue():
    pytest.importorskip("babel")
    tool = _tool()
    return tool, tool.extract(), tool.read_catalogue()


@pytest.fixture
def chinese():
    """Speak Chinese for one test, then what was spoken before."""
    before = current_language()
    set_language("zh")
    yield
    set_language(before)


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_message_in_the_code_has_a_chinese_translation(catalogue):
    tool, template, po = catalogue
    assert len(template) > 500
    missing = [(m.context, m.id) for m in template if m.id and not (po.get(m.id, m.context) and
                                                                   po.get(m.id, m.context).string.strip())]
    assert missing == [], f"untranslated (run python tools/update_catalogue.py and translate): {missing[:10]}"


def test_translations_keep_every_placeholder(catalogue):
    _tool_, _template, po = catalogue
    wrong = [(m.id, m.string) for m in po if m.id and m.string and _fields(m.id) != _fields(m.string)]
    assert wrong == []


def test_the_compiled_catalogue_is_the_po_compiled(catalogue):
    tool, _template, po = catalogue
    assert tool.MO.read_bytes() == tool.compiled(po), "run python tools/update_catalogue.py to compile the .mo"


def test_the_catalogue_has_no_messages_the_code_lost(catalogue):
    _tool_, template, po = catalogue
    stale = [m.id for m in po if m.id and not template.get(m.id, m.context)]
    assert stale == [], "run python tools/update_catalogue.py to drop them"


def test_every_rule_has_a_chinese_title():
    rules = tomllib.loads((ROOT / "brand" / "default" / "rules.toml").read_text(encoding="utf-8"))["rules"]
    assert [rid for rid, rule in rules.items() if not rule.get("title_zh", "").strip()] == []


@pytest.mark.parametrize("option,env,lang", [
    (None, {}, "zh"),  # nothing set: Chinese
    (None, {"LANG": "C"}, "zh"),
    (None, {"LANG": "POSIX"}, "zh"),
    (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
    (None, {"LANG": "en_US.UTF-8"}, "en"),
    (None, {"LANG": "en_GB.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "zh"),  # LC_ALL first
    (None, {"LANG": "C", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
    (None, {"LANG": "en_US.UTF-8", "SIGNKIT_LANG": "zh"}, "zh"),  # SIGNKIT_LANG over the locale
    (None, {"SIGNKIT_LANG": "en"}, "en"),
    ("en", {"SIGNKIT_LANG": "zh"}, "en"),  # --lang over everything
    ("zh", {"LANG": "en_US.UTF-8"}, "zh"),
])
def test_choose_language(option, env, lang):
    assert choose_language(option, env) == lang


def test_set_language_refuses_a_language_without_a_catalogue():
    with pytest.raises(ValueError):
        set_language("fr")


def test_english_is_the_msgid_and_chinese_comes_from_the_catalogue(chinese):
    assert _("file not found") == "找不到文件"
    assert _("{n} signs").format(n=3) == "3 块标牌"
    assert pgettext("side", "left") == "左" and pgettext("edge", "bottom") == "底边"
    assert _("a message nobody wrote") == "a message nobody wrote"  # never dropped
    set_language("en")
    assert _("file not found") == "file not found" and pgettext("edge", "bottom") == "bottom"


def test_brand_labels_show_their_chinese_part_in_chinese(chinese):
    assert label("门牌 door plate") == "门牌"
    assert label("导向吊牌 hanging direction sign (double-sided)") == "导向吊牌"
    assert label("卫生间") == "卫生间"
    set_language("en")
    assert label("门牌 door plate") == "门牌 door plate"


def test_the_catalogue_is_read_once():
    assert i18n.catalogue("zh") is i18n.catalogue("zh")


# -- what the library makes speaks the language current when it is made ---------------------

CASES = ROOT / "tests" / "cases"


def test_findings_report_and_rule_titles_in_chinese(tmp_path, chinese):
    import json

    from signkit.api import render_centre
    from signkit.make import MakeOptions

    result = render_centre(CASES / "low-contrast.toml", tmp_path, brand_dir=CASES / "brands" / "gold-window",
                           options=MakeOptions(formats=()))
    (finding,) = result.findings
    assert finding.code == "LOW_CONTRAST" and "对比度" in finding.message and "红底白字" in finding.hint
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in page and "检查报告" in page and "建议：" in page
    assert "文字与底色有足够对比度" in page  # the rule's title_zh
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["language"] == "zh" and set(report["summary"]) == {"error", "warning", "info"}  # keys stay English
    assert report["findings"][0]["title"].startswith("文字与底色")


def test_the_store_of_finished_signs_keeps_each_language_apart(tmp_path, chinese):
    from signkit.api import render_centre
    from signkit.cache import DiskCache
    from signkit.make import MakeOptions

    options = MakeOptions(formats=(), cache=DiskCache(tmp_path / "cache"))
    case, brand = CASES / "low-contrast.toml", CASES / "brands" / "gold-window"
    zh = render_centre(case, tmp_path / "zh", brand_dir=brand, options=options)
    set_language("en")
    en = render_centre(case, tmp_path / "en", brand_dir=brand, options=options)
    assert "对比度" in zh.findings[0].message and ": contrast " in en.findings[0].message
    assert en.result.rebuilt  # not taken from the Chinese run


def test_input_errors_in_chinese(tmp_path, chinese):
    from signkit.errors import ProfileError
    from signkit.load import load_inputs

    with pytest.raises(ProfileError) as info:
        load_inputs(tmp_path / "nope.toml")
    problem = info.value.problems[0]
    assert problem.message == "找不到文件" and "相对路径" in problem.hint
    bad = tmp_path / "profile.toml"
    bad.write_text((ROOT / "examples" / "qinghe" / "profile.toml").read_text(encoding="utf-8")
                   .replace("floor = 2", 'floor = "2"', 1), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_inputs(bad)
    assert any(p.message.startswith("应为整数") for p in info.value.problems)
