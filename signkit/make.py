"""The pipeline, end to end and in memory: Inputs → every file of a centre, as bytes.

    load ─▶ plan ─▶ compose ─▶ check ─▶ render ─▶ centre files

:func:`make` reads like the table of contents of signkit; each step is one call into the
package that owns it.  It touches no file: the load stage has read everything
(:func:`signkit.load.load_inputs`) and :mod:`signkit.write` commits the result.
``--only`` selects signs *after* the whole centre is planned, composed and checked, so a
partial run draws exactly what a full run draws, and the centre-wide files (print batches,
proof, schedule, elevations, report) always describe the whole centre.

Exit codes are defined here, once: 0 all good (warnings allowed); 1 finished with error
findings (or warnings, under ``--strict``); 2 bad input or environment; 3 a bug.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from .checks import approved, check_centre, check_sheet, drawable, has_errors, printable, proof_reasons
from .cache import fingerprint
from .checks.findings import Finding
from .config import did_you_mean
from .errors import SignkitError
from .i18n import _, current_language, set_language
from .export.files import centre_files, sign_path
from .families.board import Content as BoardContent
from .ir import Sheet
from .layout.compose import Composer
from .load import Inputs
from .model.job import SignJob
from .plan import plan_centre
from .render import FORMATS, PdfX, RenderContext
from .render import glyphstore

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_BUG = 0, 1, 2, 3
ALL_FORMATS = tuple(FORMATS)


@dataclass(frozen=True, slots=True)
class MakeOptions:
    only: tuple[str, ...] = ()  # sign ids, families or glob patterns (plate-*); () the whole centre
    formats: tuple[str, ...] = ALL_FORMATS  # () checks without drawing: `signkit check`
    crop_marks: bool | None = None  # None: as the brand says
    jobs: int = 1  # worker processes
    strict: bool = False  # warnings fail the run too
    cache: Any = None  # a store of finished signs (signkit.cache.DiskCache): unchanged signs are not redrawn
    previous: Mapping[str, str] | None = None  # sign id → sha256 of its PDF in an earlier run (--since)
    reprint: str = ""  # name of the reprint batch folder for the signs changed since then (print/reprint-…)
    last_proof: Mapping[str, str] | None = None  # sign id → sha256 of its PDF in the output folder's run: the proof marks changes
    # progress(stage, done, total): "signs" after each sign, then "centre" (batches, proof, …) once;
    # for a progress bar (the CLI's); not sent to worker processes
    progress: Callable[[str, int, int], None] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class BoardFit:
    """How a board panel's text was set, for the report."""

    panel: int
    panels: int
    body_char_height_mm: float
    body_size_mm: float
    fill: float


@dataclass(frozen=True, slots=True)
class SignResult:
    job: SignJob
    findings: tuple[Finding, ...]
    sheet: Sheet | None = None  # None: nothing is drawn (a character no font has, a withheld series)
    files: dict[str, bytes] = field(default_factory=dict)  # format → bytes
    approved: bool = False
    fit: BoardFit | None = None
    cached: bool = False  # taken from the store of finished signs, not made again


@dataclass(frozen=True, slots=True)
class Result:
    inputs: Inputs
    signs: tuple[SignResult, ...]  # every sign of the centre, in schedule order
    findings: tuple[Finding, ...]
    files: dict[str, bytes]  # relative path → bytes: what the writer commits
    keep: frozenset[str]  # per-sign files of signs not selected: left as they are
    prune: bool  # the writer may remove files it wrote before that this result no longer has
    strict: bool = False
    rebuilt: frozenset[str] = frozenset()  # the signs composed and drawn by this run (the others came from the cache)

    @property
    def exit_code(self) -> int:
        if has_errors(self.findings) or (self.strict and any(f.severity == "warning" for f in self.findings)):
            return EXIT_FINDINGS
        return EXIT_OK


def make(inputs: Inputs, options: MakeOptions = MakeOptions()) -> Result:
    """Every sign of a centre and the centre's files, in memory."""
    brand = _with_marks(inputs, options.crop_marks)
    inputs = dataclasses.replace(inputs, brand=brand)
    cache_root = getattr(options.cache, "root", None)
    glyphstore.configure(cache_root)  # drawn glyphs kept with the finished signs
    composer = Composer(brand, inputs.files, cache_dir=cache_root)
    plan = plan_centre(inputs, composer)  # plan: every sign, wall decisions made
    selected = select(plan.jobs, options.only)  # --only picks after the plan
    signs = make_signs(plan.jobs, selected, inputs, options, composer)  # compose, check, render
    if options.progress:
        options.progress("centre", 0, 1)
    findings = tuple(f for s in signs for f in s.findings) + tuple(  # check the centre as a whole
        check_centre(inputs.profile, plan.jobs, brand, inputs.rules))
    files: dict[str, bytes] = {}
    for sign in signs:
        if sign.job.id in selected:
            files.update({sign_path(sign.job.id, fmt): data for fmt, data in sign.files.items()
                          if fmt in options.formats})
    files.update(centre_files(signs, findings, inputs, drawn=bool(options.formats),  # batches, proof, schedule …
                              previous=options.previous, reprint=options.reprint, last_proof=options.last_proof))
    glyphstore.flush()
    if options.progress:
        options.progress("centre", 1, 1)
    keep = frozenset(sign_path(s.job.id, fmt) for s in signs if s.job.id not in selected for fmt in FORMATS)
    rebuilt = frozenset(s.job.id for s in signs if not s.cached)
    return Result(inputs, signs, findings, files, keep, prune=bool(options.formats), strict=options.strict,
                  rebuilt=rebuilt)


def select(jobs: tuple[SignJob, ...], only: tuple[str, ...]) -> frozenset[str]:
    """Ids of the jobs whose id, family or series (``board-duties`` for all its panels) matches
    any ``only`` pattern (all without one); a pattern matching nothing is an input error with
    a did-you-mean."""
    if not only:
        return frozenset(j.id for j in jobs)
    chosen: set[str] = set()
    for pattern in only:
        hits = {j.id for j in jobs if any(fnmatch.fnmatchcase(name, pattern) for name in (j.id, j.kind, j.series) if name)}
        if not hits:
            names = sorted({j.id for j in jobs} | {j.kind for j in jobs})
            raise SignkitError.at(f"--only {pattern}", _("matches no sign"),
                                  did_you_mean(pattern, names) or _("sign ids and types: {names}").format(
                                      names=", ".join(names)))
        chosen |= hits
    return frozenset(chosen)


def make_signs(jobs: tuple[SignJob, ...], selected: frozenset[str], inputs: Inputs, options: MakeOptions,
               composer: Composer) -> tuple[SignResult, ...]:
    previews = tuple(f for f in options.formats if FORMATS[f].purpose == "preview")
    work = [(job, previews if job.id in selected else ()) for job in jobs]
    workers = min(options.jobs, len(jobs))
    tell = options.progress or (lambda *_: None)
    tell("signs", 0, len(work))
    if workers <= 1:
        maker = SignMaker(inputs, options.formats, composer, options.cache)
        made = []
        for job, wanted in work:
            made.append(maker.make(job, wanted))
            tell("signs", len(made), len(work))
        return tuple(made)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(inputs, options.formats, options.cache, current_language())) as pool:
        made = []
        for sign in pool.map(_make_in_worker, work, chunksize=max(1, len(work) // (4 * workers))):
            made.append(sign)
            tell("signs", len(made), len(work))
        return tuple(made)


class SignMaker:
    """Compose, check and render one job at a time, reusing fonts and caches."""

    def __init__(self, inputs: Inputs, formats: tuple[str, ...], composer: Composer | None = None, cache=None):
        self.inputs, self.formats, self.cache = inputs, formats, cache
        self.composer = composer or Composer(inputs.brand, inputs.files)
        pdfx = inputs.brand.output.pdfx
        self.pdfx = PdfX(pdfx.output_condition_identifier, pdfx.output_condition, pdfx.registry_name,
                         inputs.files.icc_profile)
        # everything a sign's artwork and findings depend on besides its own job (the findings'
        # words are in the current language)
        self.context = (fingerprint(inputs.brand, inputs.files, inputs.rules, formats, current_language())
                        if cache is not None else "")

    def make(self, job: SignJob, previews: tuple[str, ...]) -> SignResult:
        """The sign, from the store of finished signs when nothing it depends on changed."""
        if self.cache is None:
            return self._make(job, previews)
        key = fingerprint(self.context, job, previews)
        found = self.cache.get(key)
        if isinstance(found, SignResult) and found.job == job:
            return dataclasses.replace(found, cached=True)
        made = self._make(job, previews)
        self.cache.put(key, made)
        return made

    def _make(self, job: SignJob, previews: tuple[str, ...]) -> SignResult:
        """The sign: its sheet and findings; its print PDF when it can print (and any format
        is asked for: the schedule lists its checksum); the previews asked for."""
        if job.withheld:
            return SignResult(job, ())
        sheet = self.composer.compose(job)  # compose
        findings = tuple(check_sheet(sheet, job, self.inputs.brand, self.inputs.rules))  # check
        ok = printable(sheet) and approved(findings)
        fit = self._fit(job)
        if not drawable(sheet):  # a missing character: no files at all, never a tofu box
            return SignResult(job, findings, None, {}, False, fit)
        files: dict[str, bytes] = {}
        output = self.inputs.brand.output
        if self.formats and printable(sheet):  # render: the print file, a proof when not approved
            art = sheet if ok else self.composer.proof_marked(sheet, proof_reasons(findings))
            files["pdf"] = FORMATS["pdf"].render(art, RenderContext(output, self.pdfx if ok else None))
        for fmt in previews:
            files[fmt] = FORMATS[fmt].render(sheet, RenderContext(output, None))
        return SignResult(job, findings, sheet, files, ok, fit)

    def _fit(self, job: SignJob) -> BoardFit | None:
        content = job.content
        if not isinstance(content, BoardContent):
            return None
        layout = self.composer.fit_board(job, exact_mm=content.body_char_mm)
        fill = layout.pages[content.panel - 1].fill if content.panel <= len(layout.pages) else 0.0
        return BoardFit(content.panel, content.panels, layout.char_height_mm, layout.size_mm, fill)


def _with_marks(inputs: Inputs, crop_marks: bool | None):
    brand = inputs.brand
    if crop_marks is None:
        return brand
    return dataclasses.replace(brand, output=dataclasses.replace(brand.output, crop_marks=crop_marks))


_worker: SignMaker | None = None


def _init_worker(inputs: Inputs, formats: tuple[str, ...], cache, lang: str) -> None:
    global _worker
    glyphstore.configure(getattr(cache, "root", None))  # read what earlier runs drew
    set_language(lang)  # the parent's: findings speak it in every worker
    _worker = SignMaker(inputs, formats, cache=cache)


def _make_in_worker(work: tuple[SignJob, tuple[str, ...]]) -> SignResult:
    assert _worker is not None
    return _worker.make(*work)
