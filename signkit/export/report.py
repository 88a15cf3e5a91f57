"""The check report: ``report.json`` for tools, ``report.html`` for people.

In:  the findings, the inputs (profile, brand, rule pack) and the signs with their sheets.
Out: bytes.  The HTML page is self-contained: a summary, the rules this centre switched
     off (with their reasons) or changed, the centre-wide findings, then every sign with
     findings next to its preview, the offending item outlined in red.  Deterministic:
     sorted findings, no timestamps.  People's words are in the current language
     (:mod:`signkit.i18n`): the page, the findings, each rule's title; report.json keeps
     its keys, codes and ids in English and says its ``language``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from ..checks.findings import Finding, severity_word, sort_findings
from ..i18n import _, current_language
from ..render.svg import render_svg
from ..words import say


def board_fits(signs: Sequence) -> list[dict]:
    """For each board panel: its place in its series, body character height and size, fill ratio."""
    return [{"id": s.job.id, "board": s.fit.panel, "series": s.fit.panels,
             "body_char_height_mm": round(s.fit.body_char_height_mm, 2), "body_size_mm": round(s.fit.body_size_mm, 2),
             "fill": round(s.fit.fill, 3)} for s in signs if s.fit is not None]


def report_json(findings: Sequence[Finding], *, inputs: Any, signs: Sequence) -> bytes:
    ordered = sort_findings(list(findings))
    summary = {s: sum(1 for f in ordered if f.severity == s) for s in ("error", "warning", "info")}
    rules = inputs.rules
    value = {
        "profile": str(inputs.profile.source), "brand": inputs.brand.brand.name, "language": current_language(),
        "signs": len(signs), "summary": summary, "boards": board_fits(signs),
        "rules_off": [{"id": r.id, "code": r.code, "title": r.shown_title(), "reason": r.reason}
                      for r in rules.disabled()],
        "rules_changed": [{"id": r.id, "code": r.code, "title": r.shown_title(),
                           "params": {k: r.raw[k] for k in r.overridden}}
                          for r in rules.enabled() if r.overridden],
        "findings": [{**f.as_dict(), "title": _title(f, rules)} for f in ordered],
    }
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def report_html(findings: Sequence[Finding], *, inputs: Any, signs: Sequence) -> bytes:
    ordered = sort_findings(list(findings))
    e = html.escape
    counts = {s: sum(1 for f in ordered if f.severity == s) for s in ("error", "warning", "info")}
    centre = inputs.profile.center.name
    parts = [f"""<!DOCTYPE html>
<html lang="{'en' if current_language() == 'en' else 'zh-Hans'}"><head><meta charset="utf-8">
<title>{e(_("{centre}: signkit check report").format(centre=centre))}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }}
h1 {{ font-size: 1.6rem; margin-bottom: .2rem; }} h2 {{ margin-top: 2rem; border-bottom: 2px solid #ee3338; }}
.summary span {{ display: inline-block; margin-right: 1rem; padding: .2rem .6rem; border-radius: .3rem; }}
.error {{ background: #fde2e2; }} .warning {{ background: #fff3cd; }} .info {{ background: #e7f0fb; }}
.sign {{ display: grid; grid-template-columns: minmax(14rem, 26rem) 1fr; gap: 1.5rem; margin: 1.5rem 0;
        padding-bottom: 1.5rem; border-bottom: 1px solid #ddd; }}
.preview svg {{ width: 100%; height: auto; max-height: 32rem; border: 1px solid #ccc; }}
.finding {{ margin: 0 0 .8rem; padding: .5rem .8rem; border-radius: .3rem; }}
.finding code {{ font-weight: bold; }} .key {{ color: #555; font-family: monospace; }}
.hint {{ color: #444; font-size: .92rem; }} .title {{ color: #555; }}
table {{ border-collapse: collapse; }} td, th {{ padding: .2rem .6rem; border-bottom: 1px solid #eee; text-align: left; }}
</style></head><body>
<h1>{e(centre)}</h1>
<p>{e(_("signkit check report"))} · {e(_("profile"))} <span class="key">{e(str(inputs.profile.source))}</span> ·
{e(_("brand {name}").format(name=inputs.brand.brand.name))} · {e(_("{n} signs").format(n=len(signs)))}</p>
<p class="summary"><span class="error">{e(_("{n} errors").format(n=counts['error']))}</span><span class="warning">{e(_("{n} warnings").format(n=counts['warning']))}</span>
<span class="info">{e(_("{n} notes").format(n=counts['info']))}</span></p>"""]
    rules = inputs.rules
    off = rules.disabled()
    changed = [r for r in rules.enabled() if r.overridden]
    if off or changed:
        parts.append(f"<h2>{e(_('Rules this centre changed'))}</h2><table><tr><th>{e(_('rule'))}</th>"
                     f"<th>{e(_('code'))}</th><th>{e(_('what it asks'))}</th><th>{e(_('change'))}</th></tr>")
        for r in off:
            parts.append(f"<tr><td>{e(r.id)}</td><td>{e(r.code)}</td><td>{e(r.shown_title())}</td>"
                         f"<td>{e(_('switched off: {reason}').format(reason=r.reason))}</td></tr>")
        for r in changed:
            params = ", ".join(f"{k} = {r.raw[k]}" for k in r.overridden)
            parts.append(f"<tr><td>{e(r.id)}</td><td>{e(r.code)}</td><td>{e(r.shown_title())}</td>"
                         f"<td>{e(params)}</td></tr>")
        parts.append("</table>")
    at_centre = [f for f in ordered if not f.sign]
    if at_centre:
        parts.append(f"<h2>{e(_('The centre'))}</h2>")
        parts.extend(_finding(f, rules) for f in at_centre)
    by_sign = {s.job.id: s for s in signs}
    with_findings = [sid for sid in dict.fromkeys(f.sign for f in ordered if f.sign)]
    if with_findings:
        parts.append(f"<h2>{e(_('Signs'))}</h2>")
    for sid in with_findings:
        sign = by_sign.get(sid)
        own = [f for f in ordered if f.sign == sid]
        preview = _preview(sign, own) if sign is not None and sign.sheet is not None else \
            f"<p>{e(_('(no preview: the sign could not be drawn)'))}</p>"
        title = f"{sid} · {sign.job.width_mm:g} × {sign.job.height_mm:g} mm · {say(sign.job.placement.location)}" if sign else sid
        parts.append(f'<section class="sign" id="{e(sid)}"><div class="preview">{preview}</div><div>'
                     f"<h3>{e(title)}</h3>" + "".join(_finding(f, rules) for f in own) + "</div></section>")
    boards = board_fits(signs)
    if boards:
        parts.append(f"<h2>{e(_('Boards'))}</h2><table><tr><th>{e(_('board'))}</th><th>{e(_('series'))}</th>"
                     f"<th>{e(_('body character height'))}</th><th>{e(_('body size'))}</th><th>{e(_('fill'))}</th></tr>")
        for b in boards:
            parts.append(f"<tr><td>{e(b['id'])}</td><td>{e(_('{n} of {total}').format(n=b['board'], total=b['series']))}</td>"
                         f"<td>{b['body_char_height_mm']:g} mm</td><td>{b['body_size_mm']:.2f} mm</td>"
                         f"<td>{b['fill']:.0%}</td></tr>")
        parts.append("</table>")
    clean = [s.job.id for s in signs if s.job.id not in with_findings]
    if clean:
        parts.append(f"<h2>{e(_('Signs without findings ({n})').format(n=len(clean)))}</h2><p>{e(', '.join(clean))}</p>")
    parts.append("</body></html>\n")
    return "\n".join(parts).encode("utf-8")


def _title(f: Finding, rules: Any) -> str:
    """The title of the rule a finding comes from, in the current language ("" if none)."""
    rule = rules.rules.get(f.rule) if f.rule else None
    return rule.shown_title() if rule is not None else ""


def _finding(f: Finding, rules: Any) -> str:
    e = html.escape
    title = _title(f, rules)
    rule = f" ({e(f.rule)})" if f.rule else ""
    about = f'<div class="title">{e(title)}</div>' if title else ""
    hint = f'<div class="hint">{e(_("hint: {hint}").format(hint=f.hint))}</div>' if f.hint else ""
    return (f'<div class="finding {f.severity}"><code>{e(f.code)}</code>{rule} · {e(severity_word(f.severity))} · '
            f'<span class="key">{e(f.key)}</span>{about}<div>{e(f.message)}</div>{hint}</div>')


def _preview(sign: Any, findings: list[Finding]) -> str:
    """The sign's designer SVG inline (its page is the trim; the bleed artwork past it is
    clipped as inline SVG is), with each finding's box outlined on top.  The run's own file
    when it made one, else drawn: the same bytes, so the report does not depend on which
    signs a run re-rendered."""
    data = (getattr(sign, "files", None) or {}).get("svg") or render_svg(sign.sheet)  # type: ignore[arg-type]
    svg = data.decode("utf-8")
    svg = svg.split("?>", 1)[-1] if svg.startswith("<?xml") else svg
    scale = max(sign.job.width_mm, sign.job.height_mm) / 300  # outline width readable at any sign size
    marks = "".join(
        f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" height="{h:.2f}" fill="none" stroke="#d00000" '
        f'stroke-width="{1.5 * scale:.2f}" stroke-dasharray="{4 * scale:.2f} {2 * scale:.2f}"/>'
        for f in findings if f.box for x, y, w, h in [f.box])
    return svg.rsplit("</svg>", 1)[0] + marks + "</svg>"
