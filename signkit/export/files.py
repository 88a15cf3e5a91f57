"""The centre's own files, as bytes: print batches, ganged print sheets, the proof, the
schedule, the wall elevations and the check report.

In:  every sign of the centre (job, sheet, findings, its print PDF), the centre's findings
     and the inputs.
Out: ``{relative path: bytes}`` for :mod:`signkit.write`.  These files always describe the
     whole centre, whichever signs a run re-rendered.  With ``drawn=False`` (``signkit
     check``) only the report is made.  With ``previous`` (``--since``: each sign's PDF
     checksum in an earlier run) also ``changes.csv`` and ``print/<reprint>/`` batches holding
     only the approved signs whose artwork changed, for the shop.  With ``last_proof`` (the
     same for the run whose files are in the output folder) the proof marks the signs that
     changed since; its revision code is a digest of every sign's artwork.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..checks.findings import Finding
from ..i18n import N_, _
from ..layout.elevations import elevation_sheets
from ..layout.proof import ProofEntry, proof_pages
from ..render import PdfX, pdf_options, render_pdf, render_svg
from .batches import group_batches
from .report import report_html, report_json
from .schedule import ScheduleRow, heading_row, schedule_csv, schedule_json, sha256, yes_no
from .sheets import gang_centre

SIGN_FOLDERS = ("pdf", "svg", "png")


def sign_path(sign_id: str, fmt: str) -> str:
    return f"{fmt}/{sign_id}.{fmt}"


def centre_files(signs: Sequence, findings: Sequence[Finding], inputs, *, drawn: bool,
                 previous: Mapping[str, str] | None = None, reprint: str = "",
                 last_proof: Mapping[str, str] | None = None) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    brand, profile = inputs.brand, inputs.profile
    if drawn:
        pdfx = brand.output.pdfx
        condition = PdfX(pdfx.output_condition_identifier, pdfx.output_condition, pdfx.registry_name,
                         inputs.files.icc_profile)
        batches = {}
        for name, members in group_batches([s for s in signs if s.approved], brand).items():
            files[name] = render_pdf([s.sheet for s in members], options=pdf_options(brand.output, pdfx=condition,
                                                                                      title=name))
            batches.update({s.job.id: (name, page) for page, s in enumerate(members, start=1)})
        ganged = gang_centre(signs, brand, centre=profile.center.name, pdfx=condition)  # print/sheets/
        files.update(ganged.files)
        rows = [_row(s, brand, batches, ganged) for s in signs]
        revision = proof_revision(rows)
        proof = proof_pages([_proof_entry(s, row, last_proof) for s, row in zip(signs, rows)], brand=brand,
                            title=profile.center.name, revision=revision)
        files["proof.pdf"] = render_pdf(proof, options=pdf_options(brand.output, pdfx=None, crop_marks=False,
                                                                   title=_("{centre} 样稿 proof").format(
                                                                       centre=profile.center.name) + f" {revision}"))
        files["schedule.csv"] = schedule_csv(rows)
        files["schedule.json"] = schedule_json(rows, [u.as_dict() for u in ganged.usage], centre=profile.center.name,
                                               revision=revision)
        if previous is not None:  # --since: what changed, and a batch of just those signs for the shop
            changes = change_list(signs, previous)
            files["changes.csv"] = changes_csv(changes)
            changed = {c.id for c in changes if c.change in ("new", "changed")}
            for name, members in group_batches([s for s in signs if s.approved and s.job.id in changed],
                                               brand).items():
                target = name.replace("print/", f"print/{reprint or 'reprint'}/", 1)
                files[target] = render_pdf([s.sheet for s in members], options=pdf_options(
                    brand.output, pdfx=condition, title=target))
        for wall in elevation_sheets([(s.job, s.sheet) for s in signs], profile=profile, brand=brand):
            name = wall.id.removeprefix("elevation-")
            files[f"elevations/{name}.svg"] = render_svg(wall)
            files[f"elevations/{name}.pdf"] = render_pdf([wall], options=pdf_options(
                brand.output, pdfx=None, crop_marks=False, title=wall.title))
    files["report.json"] = report_json(findings, inputs=inputs, signs=signs)
    files["report.html"] = report_html(findings, inputs=inputs, signs=signs)
    return files


def proof_revision(rows: Sequence[ScheduleRow]) -> str:
    """The proof's revision code: a digest of every sign's id and artwork (its PDF's checksum),
    so it changes when any sign's artwork does, and only then."""
    return "R-" + sha256("\n".join(f"{r.job.id} {r.sha256}" for r in rows).encode("utf-8"))[:6].upper()


def _proof_entry(sign, row: ScheduleRow, last_proof: Mapping[str, str] | None) -> ProofEntry:
    changed = last_proof is not None and last_proof.get(sign.job.id) != row.sha256
    return ProofEntry(sign.job, sign.sheet, sign.findings, changed=changed,
                      body_char_mm=sign.fit.body_char_height_mm if sign.fit is not None else None)


@dataclass(frozen=True, slots=True)
class Change:
    id: str
    change: str  # new | changed | removed | same
    approved: bool


def change_list(signs: Sequence, previous: Mapping[str, str]) -> list[Change]:
    """Each sign against an earlier run's schedule, by the checksum of its PDF."""
    out = []
    for sign in signs:
        pdf = sign.files.get("pdf")
        digest = sha256(pdf) if pdf else ""
        before = previous.get(sign.job.id)
        change = "new" if before is None else ("same" if before == digest else "changed")
        out.append(Change(sign.job.id, change, sign.approved))
    current = {s.job.id for s in signs}
    out += [Change(sid, "removed", False) for sid in sorted(previous) if sid not in current]
    return out


CHANGE_COLUMNS = ("id", "change", "approved")
CHANGE_HEADINGS = {"id": N_("sign id"), "change": N_("change"), "approved": N_("approved for print")}
CHANGE_WORDS = {"new": N_("new"), "changed": N_("changed"), "removed": N_("removed"), "same": N_("same")}


def changes_csv(changes: list[Change]) -> bytes:
    """``changes.csv``: per sign new, changed, removed or same (in Chinese: 新增, 有改动 …)."""
    head = heading_row(CHANGE_COLUMNS, CHANGE_HEADINGS)
    lines = [",".join(head[c] for c in CHANGE_COLUMNS)]
    lines += [f"{c.id},{_(CHANGE_WORDS[c.change])},{yes_no(c.approved)}" for c in changes]
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def _row(sign, brand, batches: dict[str, tuple[str, int]], ganged) -> ScheduleRow:
    pdf = sign.files.get("pdf")
    batch, page = batches.get(sign.job.id, ("", 0))
    return ScheduleRow(
        job=sign.job, label=brand.signs[sign.job.kind].label or sign.job.kind,
        file=sign_path(sign.job.id, "pdf") if pdf else "", sha256=sha256(pdf) if pdf else "",
        batch=batch, batch_page=page, approved=sign.approved,
        errors=sum(f.severity == "error" for f in sign.findings),
        warnings=sum(f.severity == "warning" for f in sign.findings),
        sheets=ganged.sheets_of.get(sign.job.id, ()), oversize=sign.job.id in ganged.oversize)
