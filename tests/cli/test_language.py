"""The command line speaks Chinese unless told otherwise: with no locale, LANG=C or a Chinese
one, render, check and plan print Chinese and the report, schedule and elevations are
Chinese; --lang en (anywhere on the line) or SIGNKIT_LANG=en gives English."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from ..conftest import SAMPLE

LOCALE_VARS = ("SIGNKIT_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")


def signkit(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run signkit with no language set at all, plus ``env``."""
    base = {k: v for k, v in os.environ.items() if k not in LOCALE_VARS}
    return subprocess.run([sys.executable, "-m", "signkit", *args], capture_output=True, text=True, cwd=cwd,
                          env={**base, "PYTHONWARNINGS": "ignore", "PYTHONIOENCODING": "utf-8", **(env or {})})


def test_render_in_chinese_without_a_locale(tmp_path):
    out = tmp_path / "out"
    done = signkit("render", str(SAMPLE), "-o", str(out), "--no-png", env={"LANG": "C"})
    assert done.returncode == 0, done.stderr
    assert "44 块标牌 →" in done.stdout and "检查结果：0 个错误，9 个警告" in done.stdout
    assert "警告" in done.stderr and "建议：" in done.stderr and "EMBLEM_PLACEHOLDER" in done.stderr  # codes stay
    page = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in page and "signkit 检查报告" in page and "个警告" in page
    assert "占位图形" in page and "印刷前须换成正式图形" in page  # the finding and its rule's title
    rows = list(csv.reader(io.StringIO((out / "schedule.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["标牌编号", "标牌类型", "标牌", "房间"]
    party = next(r for r in rows if r[0] == "plate-party")
    assert party[2] == "门牌" and "层" in party[12] and party[18] == "否"
    schedule = json.loads((out / "schedule.json").read_text(encoding="utf-8"))
    assert {"id", "label", "location", "approved"} <= set(schedule["signs"][0])  # tools' keys stay English
    elevation = (out / "elevations" / "entrance.svg").read_text(encoding="utf-8")
    assert "立面图" in elevation and "高度自完成地面起算" in elevation


def test_check_and_plan_in_chinese_and_english(tmp_path):
    done = signkit("check", str(SAMPLE), "-o", str(tmp_path / "zh"))
    assert done.returncode == 0 and "已检查 44 块标牌" in done.stdout
    plan = signkit("plan", str(SAMPLE), env={"LANG": "zh_CN.UTF-8"})
    assert plan.stdout.startswith("编号") and "主入口，门头居中" in plan.stdout and "底边 2700" in plan.stdout
    english = signkit("check", str(SAMPLE), "-o", str(tmp_path / "en"), "--lang", "en")
    assert english.returncode == 0 and "44 signs checked" in english.stdout
    assert '<html lang="en">' in (tmp_path / "en" / "report.html").read_text(encoding="utf-8")
    plan_en = signkit("plan", str(SAMPLE), env={"SIGNKIT_LANG": "en"})
    assert plan_en.stdout.startswith("id") and "main entrance, centred over the door" in plan_en.stdout
    assert signkit("--lang", "en", "plan", str(SAMPLE)).stdout == plan_en.stdout
    assert signkit("plan", str(SAMPLE), env={"LANG": "en_US.UTF-8"}).stdout == plan_en.stdout


def test_input_errors_and_help_in_chinese(tmp_path):
    done = signkit("render", str(tmp_path / "nope.toml"), "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and "signkit：配置文件有误，什么都没有改动" in done.stderr
    assert "找不到文件" in done.stderr and "Traceback" not in done.stderr
    help_ = "".join(signkit("render", "--help").stdout.split())  # wrapped at any space
    assert "生成中心的全部标牌" in help_ and "退出码2：配置文件" in help_ and "中心的配置文件profile.toml" in help_
    help_en = " ".join(signkit("render", "--help", "--lang", "en").stdout.split())
    assert "Make every sign of the centre" in help_en and "Exit 2: the profile" in help_en
