"""The command line: parse, call the library, print, exit.  No logic lives here.

Exit codes, one table for every command (defined in :mod:`signkit.make`):
0 done (warnings allowed); 1 done, but some signs have error findings (or warnings under
--strict); 2 bad input or environment (profile, brand, a file they name, the output folder,
permissions, a full disk): one message with the path and a hint, nothing changed; 3 a bug
in signkit: the message says so and where the traceback was saved.  An interrupted run
exits with 128 + the signal number (130 for Ctrl-C) and changes nothing.

Language (:mod:`signkit.i18n`): ``--lang zh|en`` (anywhere on the line), else
``SIGNKIT_LANG``, else the locale (English when it starts with ``en``), else Chinese; chosen
once, before the arguments are parsed, so ``--help`` speaks it too.  Help texts below are
English msgids, translated by :func:`signkit.clitext.translate_help`.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import signal
import sys
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer

from .api import render_centre
from .batch import run_batch, save_traceback
from .checks import proof_reasons
from .checks.findings import Finding, severity_word, sort_findings
from .config import json_schema
from .errors import Interrupted, SignkitError
from .clitext import hoist_lang, lang_argument, translate_help
from .i18n import LANGUAGES, N_, _, choose_language, set_language
from .make import ALL_FORMATS, EXIT_BUG, EXIT_INPUT, EXIT_OK, MakeOptions, Result, make
from .model.profile import Profile
from .render import FORMATS
from .words import edge_word, say
from .write import Written, check_target

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    help=N_("signkit: the complete sign set of a rural party-mass service centre (党群服务中心) "
            "from one profile.toml, as print-ready PDF (CMYK, bleed, crop marks, PDF/X-1a), SVG and PNG."))

ProfileArg = Annotated[Path, typer.Argument(help=N_("the centre's profile.toml"), show_default=False)]
BrandOpt = Annotated[Optional[Path], typer.Option("--brand", help=N_("brand folder (default: the bundled identity)"))]
EXIT_HELP = N_("Exit 0: done (warnings allowed). Exit 1: done, but some signs have errors (see report.html; they "
               "are marked not approved and left out of print/). Exit 2: the profile, brand, a file it names or the "
               "output folder is wrong; nothing was changed. Exit 3: a bug in signkit (please report it).")


def main() -> None:
    """Entry point: run the command, turning every way it can end into one exit code."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    args = sys.argv[1:]
    set_language(choose_language(lang_argument(args)))  # before parsing: --help speaks it too
    command = typer.main.get_command(app)
    translate_help(command)
    try:
        command(args=hoist_lang(args))
    except SignkitError as exc:
        _fail(exc)
    except (Interrupted, KeyboardInterrupt) as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        typer.echo(_("signkit: interrupted; the output folder was left as it was (or fully updated)"), err=True)
        sys.exit(128 + int(signum))
    except Exception:  # noqa: BLE001 — the one boundary that turns a bug into exit 3
        where = save_traceback(traceback.format_exc())
        typer.echo(_("signkit: this is a bug in signkit, please report it with the file {where}").format(where=where),
                   err=True)
        sys.exit(EXIT_BUG)


def _interrupt(signum, frame) -> None:
    raise Interrupted(signum)


def _fail(exc: SignkitError) -> None:
    typer.echo(_("signkit: {kind}, nothing was changed:").format(kind=_(exc.kind)), err=True)
    for problem in exc.problems:
        typer.echo(f"  {problem.where}: {problem.message}", err=True)
        if problem.hint:
            typer.echo("      " + _("hint: {hint}").format(hint=problem.hint), err=True)
    sys.exit(EXIT_INPUT)


def _print_findings(findings: list[Finding], *, limit: int = 50) -> None:
    """Findings, most severe first; the same finding on several signs (the placeholder emblem
    on every party sign) is said once with the signs it concerns."""
    groups: dict[tuple, list[Finding]] = {}
    for f in sort_findings(findings):
        groups.setdefault((f.severity, f.code, f.key, f.message, f.hint), []).append(f)
    shown = list(groups.values())
    for group in shown[:limit]:
        f = group[0]
        signs = [g.sign for g in group if g.sign]
        where = ", ".join(signs[:6]) + (" " + _("… {n} signs in all").format(n=len(signs)) if len(signs) > 6 else "")
        typer.echo(f"  {_pad(severity_word(f.severity), 7)} {f.code:<20} {where or _('(centre)')}  [{f.key}]", err=True)
        typer.echo(f"          {f.message}", err=True)
        if f.hint:
            typer.echo("          " + _("hint: {hint}").format(hint=f.hint), err=True)
    if len(shown) > limit:
        typer.echo("  " + _("… and {n} more in report.json").format(n=len(shown) - limit), err=True)


class _Progress:
    """A progress bar on the terminal (stderr) for a run that takes more than a second:
    the signs one by one, then the centre's files.  Nothing when stderr is not a terminal."""

    def __init__(self):
        import time

        from rich.console import Console

        self.console = Console(stderr=True)
        self.start = time.perf_counter()
        self.clock = time.perf_counter
        self.bar = None
        self.task = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.console.is_terminal:
            return
        if self.bar is None:
            if self.clock() - self.start < 1.0:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                console=self.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=total)
        words = {"signs": _("signs"), "centre": _("batches, proof, elevations")}
        self.bar.update(self.task, description=words.get(stage, stage), completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


Lang = enum.Enum("Lang", {lang: lang for lang in LANGUAGES}, type=str)  # --lang zh|en


@app.callback()
def _language(lang: Annotated[Optional[Lang], typer.Option(
        "--lang", show_default=False,
        help=N_("language of messages, reports and drawings: zh (Chinese) or en (English); default: SIGNKIT_LANG, "
                "else English when the locale (LANG) is English, else Chinese"))] = None) -> None:
    set_language(choose_language(lang.value if lang else None))


def _run(profile: Path, out: Path | None, brand: Path | None, options: MakeOptions) -> tuple[Result, Written]:
    rendered = render_centre(profile, out, brand_dir=brand, options=options)
    return rendered.result, rendered.written


@app.command(help=N_("Make every sign of the centre: pdf/, svg/, png/, print/ batches, proof.pdf, elevations/, "
                     "schedule.csv/.json and report.json/.html."), epilog=EXIT_HELP)
def render(
    profile: ProfileArg,
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help=N_("output folder (default: out/<centre>/)"))] = None,
    brand: BrandOpt = None,
    only: Annotated[Optional[list[str]], typer.Option(
        "--only", help=N_("re-make only these signs' own files: an id (plate-party, board-duties-2), a type "
                          "(door-plate) or a pattern (plate-*); repeatable. Batches, proof, schedule, elevations "
                          "and report still describe the whole centre"))] = None,
    png: Annotated[bool, typer.Option("--png/--no-png", help=N_("write PNG previews"))] = True,
    marks: Annotated[Optional[bool], typer.Option("--marks/--no-marks", help=N_("crop marks (default: as the brand says)"),
                                                  show_default=False)] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help=N_("worker processes"))] = 1,
    strict: Annotated[bool, typer.Option("--strict", help=N_("warnings fail the run too (exit 1)"))] = False,
    since: Annotated[Optional[Path], typer.Option(
        "--since", help=N_("an earlier run's output folder: write changes.csv and print/reprint-<date>/ with "
                           "only the signs whose artwork changed"))] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help=N_(
        "reuse signs that did not change since an earlier run (~/.cache/signkit)"))] = True,
) -> None:
    from .cache import DiskCache, default_cache_dir
    from .load.previous import load_previous

    formats = tuple(f for f in ALL_FORMATS if FORMATS[f].switch != "png" or png)
    options = MakeOptions(only=tuple(only or ()), formats=formats, crop_marks=marks, jobs=jobs, strict=strict,
                          cache=DiskCache(default_cache_dir()) if cache else None,
                          previous=load_previous(since) if since else None, reprint=_reprint_name())
    progress = _Progress()
    try:
        result, written = _run(profile, out, brand, dataclasses.replace(options, progress=progress))
    finally:
        progress.close()
    made = ", ".join(f"{sum(1 for p in written.written if p.startswith(fmt + '/'))} {fmt.upper()}" for fmt in formats)
    typer.echo(_("{n} signs → {out}/  ({made}; print/, proof.pdf, elevations/, schedule, report)").format(
        n=len(result.signs), out=written.root, made=made))
    if cache and len(result.rebuilt) < len(result.signs):
        typer.echo(_("{n} of {total} signs redrawn; the others had not changed").format(
            n=len(result.rebuilt), total=len(result.signs)))
    if since:
        changed = [p for p in written.written if p.startswith("print/reprint")]
        typer.echo(_("changes since {since}: changes.csv; reprint batches: {files}").format(
            since=since, files=", ".join(changed) or _("none (no approved sign changed)")))
    _written_notes(written)
    _approval(result)
    _summary(result)


def _approval(result: Result) -> None:
    """How many signs may go to print, why the others may not (each reason once), and the
    proof's revision."""
    held = [s for s in result.signs if not s.approved]
    approved = len(result.signs) - len(held)
    if held:
        reasons: dict[str, int] = {}
        for sign in held:
            for code in proof_reasons(sign.findings) or [_("not drawn")]:
                reasons[code] = reasons.get(code, 0) + 1
        why = ", ".join(f"{code} ×{n}" for code, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
        typer.echo(_("{ok} signs approved for print (in print/); {held} are proofs only: {why}").format(
            ok=approved, held=len(held), why=why))
    else:
        typer.echo(_("all {n} signs approved for print: print/ holds them").format(n=approved))
    schedule = result.files.get("schedule.json")
    revision = json.loads(schedule).get("proof_revision", "") if schedule else ""
    if revision:
        typer.echo(_("proof.pdf for sign-off: revision {revision}").format(revision=revision))


def _reprint_name() -> str:
    """``reprint-YYYYMMDD``: today, or the day SOURCE_DATE_EPOCH names (reproducible builds)."""
    import os
    import time

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.localtime()
    return time.strftime("reprint-%Y%m%d", day)


@app.command(help=N_("Plan and check every sign without writing artwork: findings on the terminal, report.json "
                     "and report.html (each finding beside the sign's preview)."), epilog=EXIT_HELP)
def check(
    profile: ProfileArg,
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help=N_(
        "where report.json/.html go (default: out/<centre>/)"))] = None,
    brand: BrandOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("warnings fail the check too (exit 1)"))] = False,
) -> None:
    result, written = _run(profile, out, brand, MakeOptions(formats=(), strict=strict))
    typer.echo(_("{n} signs checked → {path}").format(n=len(result.signs), path=written.root / "report.html"))
    _summary(result)


def _written_notes(written: Written) -> None:
    if written.removed:
        typer.echo(_("removed {n} files of signs that no longer exist").format(n=len(written.removed)))
    if written.foreign:
        typer.echo(_("left alone {n} files signkit did not make: {files}").format(
            n=len(written.foreign), files=", ".join(written.foreign[:5]) + (" …" if len(written.foreign) > 5 else "")))
    if written.changed:
        typer.echo(_("left alone {n} files changed since signkit wrote them: {files}").format(
            n=len(written.changed), files=", ".join(written.changed[:5])))


def _summary(result: Result) -> None:
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = sum(f.severity == "warning" for f in result.findings)
    typer.echo(_("findings: {errors} errors, {warnings} warnings").format(errors=errors, warnings=warnings))
    for rule in result.inputs.rules.disabled():
        typer.echo("  " + _("rule {id} ({code}) switched off: {reason}").format(id=rule.id, code=rule.code,
                                                                              reason=rule.reason))
    _print_findings(list(result.findings))
    raise typer.Exit(result.exit_code)


@app.command(help=N_("Print the sign schedule (what would be made and where it hangs) without drawing anything."))
def plan(profile: ProfileArg, brand: BrandOpt = None,
         as_json: Annotated[bool, typer.Option("--json", help=N_("print JSON instead of a table"))] = False) -> None:
    from .layout.compose import Composer
    from .load import load_inputs
    from .plan import plan_centre

    inputs = load_inputs(profile, brand)
    jobs = plan_centre(inputs, Composer(inputs.brand, inputs.files)).jobs
    if as_json:
        rows = [{"id": j.id, "type": j.kind, "text": j.text, "width_mm": j.width_mm, "height_mm": j.height_mm,
                 "material": j.material, "quantity": j.quantity, "faces": j.faces,
                 "location": say(j.placement.location), "wall": j.placement.wall, "anchor": j.placement.anchor,
                 "mount_height_mm": j.placement.height_mm, "offset_mm": round(j.placement.offset_mm, 1)} for j in jobs]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    header = (_pad(_("id"), 22) + _pad(_("type"), 14) + _pad(_("size mm"), 11, right=True) + "  "
              + _pad(_("mount"), 12, right=True) + "  " + _("text / location"))
    typer.echo(header)
    typer.echo("-" * _width(header))
    for j in jobs:
        size = f"{j.width_mm:g}×{j.height_mm:g}"
        mount = f"{edge_word(j.placement.anchor)} {j.placement.height_mm:g}"
        typer.echo(f"{j.id:<22}{j.kind:<14}{size:>11}  {_pad(mount, 12, right=True)}  {j.text}")
        typer.echo(f"{'':<22}{'':<14}{'':>11}  {'':>12}  {say(j.placement.location)}")
    typer.echo(_("{n} signs").format(n=len(jobs)))


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Chinese characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


@app.command(help=N_("A live preview for designers: every sign of the centre on one local web page, grouped by "
                     "wall, with its findings; it redraws what changed and reloads the page whenever the profile, "
                     "a board text, the brand or a template is saved.  Stop it with Ctrl-C."))
def preview(
    profile: ProfileArg,
    brand: BrandOpt = None,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help=N_("port on 127.0.0.1 (0: any free port)"))] = 0,
) -> None:
    from .preview import serve

    serve(profile, brand=brand, port=port,
          ready=lambda url: typer.echo(_("signkit preview of {profile}: open {url}  (Ctrl-C stops it)").format(
              profile=profile, url=url)))


@app.command(help=N_("Show the brand's font roles, or which roles can draw each character of TEXT."))
def fonts(text: Annotated[Optional[str], typer.Argument(help=N_("characters to look up"))] = None,
          brand: BrandOpt = None) -> None:
    from .families import FAMILIES
    from .load.brand import load_brand
    from .text.fonts import FontBook

    brand_, _files = load_brand(brand, families=FAMILIES)
    book = FontBook(brand_.font_paths)
    if not text:
        for role in book.roles:
            face = book.face(role)
            typer.echo(f"{role:<12} {face.family:<28} "
                       + _("{n} characters").format(n=f"{len(face.cmap):>6}") + f"  {face.path.name}")
        return
    missing_any = False
    for ch in dict.fromkeys(text):
        roles = [r for r in book.roles if book.face(r).covers(ch)]
        missing_any |= not roles
        typer.echo(f"{ch}  U+{ord(ch):04X}  {', '.join(roles) if roles else _('MISSING from every bundled font')}")
    raise typer.Exit(1 if missing_any else 0)


@app.command(help=N_("Render every centre below FOLDER in parallel, one line per centre and a summary; a centre "
                     "with bad input (or one that meets a bug) is reported and skipped, the others are made.  Exit "
                     "code: the worst of the centres'."))
def batch(
    folder: Annotated[Path, typer.Argument(help=N_("a folder holding one sub-folder (with its profile.toml) per "
                                                   "centre"))],
    out: Annotated[Path, typer.Option("-o", "--out", help=N_("each centre goes to OUT/<its path below FOLDER>/"))] = Path("out"),
    brand: BrandOpt = None,
    png: Annotated[bool, typer.Option("--png/--no-png", help=N_("write PNG previews"))] = True,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help=N_("worker processes (default: one per "
                                                                               "core)"))] = None,
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help=N_("run the centres on a Dask cluster, e.g. tcp://10.0.0.5:8786 (see the README)"))] = None,
    strict: Annotated[bool, typer.Option("--strict", help=N_("warnings count as failures"))] = False,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help=N_(
        "reuse signs that did not change since an earlier run (~/.cache/signkit)"))] = True,
) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .batch import cpu_count, find_centres
    from .cache import DiskCache, default_cache_dir

    total = len(find_centres(folder))
    if not total:
        raise SignkitError.at(str(folder), _("no profile.toml below this folder"),
                              _("a batch folder holds one sub-folder per centre, each with its profile.toml"))
    check_target(out)
    formats = tuple(f for f in ALL_FORMATS if FORMATS[f].switch != "png" or png)
    worst, counts = EXIT_OK, {0: 0, 1: 0, 2: 0, 3: 0}
    err = Console(stderr=True)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    options = MakeOptions(formats=formats, strict=strict, cache=DiskCache(default_cache_dir()) if cache else None)
    outcomes = run_batch(folder, out, brand_dir=brand, options=options,
                         jobs=jobs or cpu_count(), scheduler=scheduler)
    with progress:
        task = progress.add_task(_("centres"), total=total)
        for n, outcome in enumerate(outcomes, start=1):
            worst = max(worst, outcome.exit_code)
            counts[outcome.exit_code] = counts.get(outcome.exit_code, 0) + 1
            progress.advance(task)
            if outcome.exit_code == EXIT_INPUT:
                line = _("skipped, {problem}").format(problem=outcome.problem)
            elif outcome.exit_code == EXIT_BUG:
                line = _("a bug in signkit, skipped (traceback in {where})").format(where=outcome.problem)
            else:
                line = _("{signs} signs, {errors} errors, {warnings} warnings → {out}/").format(
                    signs=outcome.signs, errors=outcome.errors, warnings=outcome.warnings, out=outcome.out_dir)
            if err.is_terminal:  # above the live progress bar
                progress.console.print(f"[{n}/{total}] {outcome.name}: {line}", markup=False, highlight=False)
            else:
                typer.echo(f"[{n}/{total}] {outcome.name}: {line}")
    typer.echo(_("{total} centres: {ok} done, {findings} with errors, {bad} skipped for bad input, {bugs} hit a bug").format(
        total=total, ok=counts[0], findings=counts[1], bad=counts[2], bugs=counts[3]))
    raise typer.Exit(worst)


@app.command(help=N_("Start a new centre: copy the commented sample profile and its board texts into FOLDER.\n\n"
                     "Edit FOLDER/profile.toml (names, rooms, doors, walls) and the texts in FOLDER/boards/, then "
                     "run `signkit check FOLDER/profile.toml` and `signkit render FOLDER/profile.toml`."))
def init(folder: Annotated[Path, typer.Argument(help=N_("new folder for the centre's profile"))] = Path("my-centre")) -> None:
    from .starter import start_centre

    path = start_centre(folder)
    typer.echo(_("a starter centre is in {folder}/: edit profile.toml and boards/*.md, then run").format(folder=folder))
    typer.echo(f"  signkit check {path}")
    typer.echo(f"  signkit render {path}")


@app.command("import", help=N_("Turn a room list kept in Excel/WPS (sheets 房间, 中心, 挂牌机构; see "
                               "examples/rooms-template.xlsx) into a profile.toml; every problem is named by sheet, "
                               "row and column."))
def import_(
    workbook: Annotated[Path, typer.Argument(help=N_("the room list: .xlsx (Excel, WPS) or .csv (UTF-8 or GBK)"))],
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help=N_("folder (or .toml file) for the profile "
                                                                         "(default: the workbook's folder)"))] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("replace an existing profile.toml"))] = False,
    brand: BrandOpt = None,
) -> None:
    from .families import FAMILIES
    from .load.brand import load_brand
    from .workbook import import_rooms, write_profile

    brand_, _files = load_brand(brand, families=FAMILIES)
    result = import_rooms(workbook, functions=brand_.functions)
    for problem in result.warnings:
        typer.echo(f"  {problem.where}: {problem.message}", err=True)
        if problem.hint:
            typer.echo("      " + _("hint: {hint}").format(hint=problem.hint), err=True)
    target = write_profile(result, out or workbook.parent, force=force)
    typer.echo(_("{rooms} rooms, {organisations} organisations → {path}").format(
        rooms=result.rooms, organisations=result.organisations, path=target))
    typer.echo(f"  signkit check {target}")


@app.command(help=N_("List the room functions a profile may use, with their usual names and plate styles."))
def functions(brand: BrandOpt = None) -> None:
    from .families import FAMILIES
    from .load.brand import load_brand

    brand_, _files = load_brand(brand, families=FAMILIES)
    for fid, function in brand_.functions.items():
        typer.echo(f"{fid:<24} {function.style or brand_.roles.default_style:<10} {function.label}")


@app.command(help=N_("Print the JSON Schema of profile.toml (for editor completion and validation)."))
def schema() -> None:
    typer.echo(json.dumps(json_schema(Profile), ensure_ascii=False, indent=2))
