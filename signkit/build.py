"""The pipeline, end to end: profile.toml → sign files, schedule and report.

    load ─▶ plan ─▶ compose ─▶ check ─▶ render ─▶ export

:func:`build` reads like the table of contents of signkit; each step is one call into the
package that owns it.  Exit codes are defined here, once: 0 all good (warnings allowed),
1 finished with error findings (or warnings, under ``--strict``), 2 bad input (raised as
SignkitError before anything is written).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .brand import Brand, load_brand
from .checks import approved, check_centre, check_sheet, drawable, has_errors, load_rule_pack, printable
from .checks.findings import Finding
from .checks.rules import RulePack
from .config import did_you_mean
from .errors import SignkitError
from .export.batches import group_batches
from .export.elevations import elevation_sheets
from .export.files import MANAGED, OutputTree
from .export.proof import ProofEntry, proof_pages
from .export.report import report_html, report_json
from .export.schedule import ScheduleRow, schedule_csv, schedule_json, sha256
from .layout.compose import Composer
from .ir import Sheet
from .plan import SignJob, plan_signs
from .profile import Profile, load_profile
from .render import RENDERERS, pdf_options, render_pdf, render_svg

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
FORMATS = tuple(RENDERERS)


@dataclass(frozen=True, slots=True)
class RenderOptions:
    out_dir: Path | None = None  # default: out/<centre-slug>/
    brand_dir: Path | None = None  # default: the bundled brand
    only: tuple[str, ...] = ()  # sign ids, types or glob patterns (plate-*)
    formats: tuple[str, ...] = FORMATS  # () checks without drawing: `signkit check`
    crop_marks: bool | None = None  # None: as the brand says
    jobs: int = 1  # worker processes
    strict: bool = False  # warnings fail the run too


@dataclass(frozen=True, slots=True)
class Inputs:
    brand: Brand
    profile: Profile
    rules: RulePack


@dataclass(frozen=True, slots=True)
class SignResult:
    job: SignJob
    findings: tuple[Finding, ...]
    sheet: Sheet | None = None  # None: the sign cannot be drawn (a character no font has)
    files: dict[str, bytes] = field(default_factory=dict)  # format → bytes

    @property
    def approved(self) -> bool:
        return self.sheet is not None and printable(self.sheet) and approved(list(self.findings))


@dataclass(frozen=True, slots=True)
class BuildResult:
    inputs: Inputs
    out_dir: Path
    signs: tuple[SignResult, ...]
    findings: tuple[Finding, ...]
    files: dict[str, int]  # relative path → bytes written
    strict: bool = False

    @property
    def profile(self) -> Profile:
        return self.inputs.profile

    @property
    def brand(self) -> Brand:
        return self.inputs.brand

    @property
    def exit_code(self) -> int:
        if has_errors(self.findings) or (self.strict and any(f.severity == "warning" for f in self.findings)):
            return EXIT_FINDINGS
        return EXIT_OK


def build(profile_path: Path, options: RenderOptions = RenderOptions()) -> BuildResult:
    """Make (or, with no formats, only check) every sign of a centre and write the output folder."""
    inputs = load_inputs(profile_path, options.brand_dir)  # load
    planned = plan_signs(inputs.profile, inputs.brand)  # plan
    jobs = Composer(inputs.brand).harmonise_boards(select_jobs(planned, options.only))  # boards on a wall agree
    signs = make_signs(jobs, inputs, options)  # compose, check and render each sign
    findings = tuple(f for s in signs for f in s.findings) + tuple(  # check the centre as a whole
        check_centre(inputs.profile, planned, inputs.brand, inputs.rules))
    out_dir = options.out_dir or default_out_dir(inputs.profile)
    managed = () if options.only or not options.formats else MANAGED  # never remove what this run did not redo
    with OutputTree(out_dir, managed=managed) as tree:  # export
        if options.formats:
            write_artwork(tree, signs, inputs)
        tree.write("report.json", report_json(findings, inputs=inputs, signs=signs))
        tree.write("report.html", report_html(findings, inputs=inputs, signs=signs))
    return BuildResult(inputs, out_dir, signs, findings, dict(tree.written), options.strict)


def load_inputs(profile_path: Path, brand_dir: Path | None) -> Inputs:
    brand = load_brand(brand_dir)
    profile = load_profile(Path(profile_path), functions=brand.functions)
    return Inputs(brand, profile, load_rule_pack(brand, profile))


def select_jobs(jobs: tuple[SignJob, ...], only: tuple[str, ...]) -> tuple[SignJob, ...]:
    """Jobs whose id or type matches any ``only`` pattern; a pattern matching nothing is an input error."""
    if not only:
        return jobs
    chosen = []
    for pattern in only:
        hits = [j for j in jobs if fnmatch.fnmatchcase(j.id, pattern) or fnmatch.fnmatchcase(j.kind, pattern)]
        if not hits:
            names = sorted({j.id for j in jobs} | {j.kind for j in jobs})
            raise SignkitError.at(f"--only {pattern}", "matches no sign",
                                  did_you_mean(pattern, names) or "sign ids and types: " + ", ".join(names))
        chosen.extend(h for h in hits if h not in chosen)
    return tuple(j for j in jobs if j in chosen)


def make_signs(jobs: tuple[SignJob, ...], inputs: Inputs, options: RenderOptions) -> tuple[SignResult, ...]:
    brand = inputs.brand
    if options.crop_marks is not None:
        brand = dataclasses.replace(brand, output=dataclasses.replace(brand.output, crop_marks=options.crop_marks))
    workers = min(options.jobs, len(jobs))
    if workers <= 1:
        maker = SignMaker(brand, inputs.rules, options.formats)
        return tuple(result for job in jobs for result in maker.make(job))
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(brand, inputs.rules, options.formats)) as pool:
        chunks = pool.map(_make_in_worker, jobs, chunksize=max(1, len(jobs) // (4 * workers)))
        return tuple(result for chunk in chunks for result in chunk)


class SignMaker:
    """Compose, check and render one job at a time, reusing fonts and caches."""

    def __init__(self, brand: Brand, rules: RulePack, formats: tuple[str, ...]):
        self.brand, self.rules, self.formats = brand, rules, formats
        self.composer = Composer(brand)

    def make(self, job: SignJob) -> list[SignResult]:
        """The sign, or for a board each sign of its series."""
        return [self._one(page_job, sheet) for page_job, sheet in self.composer.compose_series(job)]  # compose

    def _one(self, job: SignJob, sheet: Sheet) -> SignResult:
        findings = tuple(check_sheet(sheet, job, self.brand, self.rules))  # check
        if not drawable(sheet):  # a missing character: no files at all, never a tofu box
            return SignResult(job, findings)
        formats = [f for f in self.formats if f != "pdf" or printable(sheet)]  # no CMYK, no print file
        files = {fmt: RENDERERS[fmt](sheet, self.brand.output) for fmt in formats}  # render
        if "pdf" in files and not approved(list(findings)):  # a proof says so on the sheet itself
            reasons = list(dict.fromkeys(f.code for f in findings if f.severity == "error" or f.code == "EMBLEM_PLACEHOLDER"))
            files["pdf"] = RENDERERS["pdf"](self.composer.proof_marked(sheet, reasons), self.brand.output)
        return SignResult(job, findings, sheet, files)


_worker: SignMaker | None = None


def _init_worker(brand: Brand, rules: RulePack, formats: tuple[str, ...]) -> None:
    global _worker
    _worker = SignMaker(brand, rules, formats)


def _make_in_worker(job: SignJob) -> list[SignResult]:
    assert _worker is not None
    return _worker.make(job)


def write_artwork(tree: OutputTree, signs: tuple[SignResult, ...], inputs: Inputs) -> None:
    """Per-sign files, print batches, the proof, the schedule and the wall elevations."""
    brand, profile = inputs.brand, inputs.profile
    batches = write_batches(tree, signs, brand)
    rows = write_signs(tree, signs, brand, batches)
    proof = proof_pages([ProofEntry(s.job, s.sheet, s.findings) for s in signs], brand=brand,
                        title=profile.center.name)
    tree.write("proof.pdf", render_pdf(proof, options=pdf_options(brand.output, crop_marks=False,
                                                                   title=f"{profile.center.name} proof")))
    tree.write("schedule.csv", schedule_csv(rows))
    tree.write("schedule.json", schedule_json(rows))
    walls = elevation_sheets([(s.job, s.sheet) for s in signs], profile=profile, brand=brand)
    for wall in walls:
        name = wall.id.removeprefix("elevation-")
        tree.write(f"elevations/{name}.svg", render_svg(wall))
        tree.write(f"elevations/{name}.pdf", render_pdf([wall], options=pdf_options(
            brand.output, crop_marks=False, title=wall.title)))


def write_batches(tree: OutputTree, signs: tuple[SignResult, ...], brand: Brand) -> dict[str, tuple[str, int]]:
    """One PDF per stock and size with the approved signs; returns sign id → (batch file, page)."""
    by_id = {s.job.id: s for s in signs}
    where: dict[str, tuple[str, int]] = {}
    for name, jobs in group_batches([s.job for s in signs if s.approved], brand).items():
        sheets = [by_id[j.id].sheet for j in jobs]
        tree.write(name, render_pdf(sheets, options=pdf_options(brand.output, title=name)))  # type: ignore[arg-type]
        where.update({j.id: (name, page) for page, j in enumerate(jobs, start=1)})
    return where


def write_signs(tree: OutputTree, signs: tuple[SignResult, ...], brand: Brand,
                batches: dict[str, tuple[str, int]]) -> list[ScheduleRow]:
    rows = []
    for sign in signs:
        for fmt, data in sign.files.items():
            tree.write(f"{fmt}/{sign.job.id}.{fmt}", data)
        pdf = sign.files.get("pdf")
        batch, page = batches.get(sign.job.id, ("", 0))
        rows.append(ScheduleRow(
            job=sign.job, label=brand.signs[sign.job.kind].label or sign.job.kind,
            file=f"pdf/{sign.job.id}.pdf" if pdf else "", sha256=sha256(pdf) if pdf else "",
            batch=batch, batch_page=page, approved=sign.approved,
            errors=sum(f.severity == "error" for f in sign.findings),
            warnings=sum(f.severity == "warning" for f in sign.findings)))
    return rows


def default_out_dir(profile: Profile) -> Path:
    """``out/<centre-slug>/``: the profile's folder name (or file name), in the current folder."""
    stem = profile.source.stem
    slug = profile.source.parent.name if stem == "profile" else stem
    return Path("out") / (slug or "centre")


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
