"""The command line: parse, call the library, print, exit.  No logic lives here.

Exit codes (defined in :mod:`signkit.build`): 0 all good (warnings allowed); 1 the run
finished but error findings exist; 2 bad input (profile, brand, template, missing file),
nothing written.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import build as pipeline
from .checks.findings import Finding, sort_findings
from .config import json_schema
from .errors import SignkitError
from .plan import plan_signs
from .profile.model import Profile

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
    help="signkit: the complete sign set of a rural party-mass service centre (党群服务中心) "
         "from one profile.toml, as print-ready PDF (CMYK, bleed, crop marks, PDF/X-1a), SVG and PNG.")

ProfileArg = Annotated[Path, typer.Argument(help="the centre's profile.toml", show_default=False)]
BrandOpt = Annotated[Optional[Path], typer.Option("--brand", help="brand folder (default: the bundled identity)")]


def main() -> None:
    app()


def _fail(exc: SignkitError) -> None:
    typer.echo(f"signkit: {exc.kind}, nothing was written:", err=True)
    for problem in exc.problems:
        typer.echo(f"  {problem.where}: {problem.message}", err=True)
        if problem.hint:
            typer.echo(f"      hint: {problem.hint}", err=True)
    raise typer.Exit(pipeline.EXIT_INPUT)


def _print_findings(findings: list[Finding], *, limit: int = 50) -> None:
    ordered = sort_findings(findings)
    for f in ordered[:limit]:
        typer.echo(f"  {f.severity:<7} {f.code:<20} {f.sign or '(centre)'}  [{f.key}]", err=True)
        typer.echo(f"          {f.message}", err=True)
        if f.hint:
            typer.echo(f"          hint: {f.hint}", err=True)
    if len(ordered) > limit:
        typer.echo(f"  … and {len(ordered) - limit} more in report.json", err=True)


@app.command()
def render(
    profile: ProfileArg,
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="output folder (default: out/<centre>/)")] = None,
    brand: BrandOpt = None,
    only: Annotated[Optional[list[str]], typer.Option(
        "--only", help="only these signs: an id (plate-party), a type (door-plate) or a pattern (plate-*); repeatable")] = None,
    png: Annotated[bool, typer.Option("--png/--no-png", help="write PNG previews")] = True,
    marks: Annotated[Optional[bool], typer.Option("--marks/--no-marks", help="crop marks (default: as the brand says)",
                                                  show_default=False)] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="worker processes")] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="warnings fail the run too (exit 1)")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose")] = False,
) -> None:
    """Make every sign of the centre: pdf/, svg/, png/, print/ batches, proof.pdf,
    elevations/, schedule.csv/.json and report.json/.html.

    Exit 0: done (warnings allowed). Exit 1: done, but some signs have errors (see report.html;
    they are marked not approved and left out of print/, and a sign whose text cannot be drawn
    gets no files). Exit 2: the profile, brand or a file it names is wrong; nothing was written.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(message)s")
    formats = tuple(f for f in pipeline.FORMATS if png or f != "png")
    options = pipeline.RenderOptions(out_dir=out, brand_dir=brand, only=tuple(only or ()), formats=formats,
                                     crop_marks=marks, jobs=jobs, strict=strict)
    result = _run(profile, options)
    counts = {fmt: sum(1 for s in result.signs if fmt in s.files) for fmt in formats}
    made = ", ".join(f"{n} {fmt.upper()}" for fmt, n in counts.items())
    typer.echo(f"{len(result.signs)} signs → {result.out_dir}/  ({made}; print/, proof.pdf, elevations/, "
               "schedule, report)")
    _summary(result)


@app.command()
def check(
    profile: ProfileArg,
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="where report.json/.html go (default: out/<centre>/)")] = None,
    brand: BrandOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help="warnings fail the check too (exit 1)")] = False,
) -> None:
    """Plan and check every sign without writing artwork: findings on the terminal,
    report.json and report.html (each finding beside the sign's preview).

    Exit 0: no errors (warnings allowed unless --strict). Exit 1: error findings.
    Exit 2: the profile, brand or a file it names is wrong.
    """
    result = _run(profile, pipeline.RenderOptions(out_dir=out, brand_dir=brand, formats=(), strict=strict))
    typer.echo(f"{len(result.signs)} signs checked → {result.out_dir}/report.html")
    _summary(result)


def _run(profile: Path, options: pipeline.RenderOptions) -> pipeline.BuildResult:
    try:
        return pipeline.build(profile, options)
    except SignkitError as exc:
        _fail(exc)
        raise  # unreachable: _fail exits


def _summary(result: pipeline.BuildResult) -> None:
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = sum(f.severity == "warning" for f in result.findings)
    typer.echo(f"findings: {errors} errors, {warnings} warnings")
    for rule in result.inputs.rules.disabled():
        typer.echo(f"  rule {rule.id} ({rule.code}) switched off: {rule.reason}")
    _print_findings(list(result.findings))
    raise typer.Exit(result.exit_code)


@app.command()
def plan(profile: ProfileArg, brand: BrandOpt = None,
         as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of a table")] = False) -> None:
    """Print the sign schedule (what would be made and where it hangs) without drawing anything."""
    try:
        inputs = pipeline.load_inputs(profile, brand)
    except SignkitError as exc:
        _fail(exc)
        return
    jobs = plan_signs(inputs.profile, inputs.brand)
    if as_json:
        rows = [{"id": j.id, "type": j.kind, "text": j.text, "width_mm": j.width_mm, "height_mm": j.height_mm,
                 "material": j.material, "quantity": j.quantity, "location": j.placement.location,
                 "wall": j.placement.wall, "anchor": j.placement.anchor, "mount_height_mm": j.placement.height_mm,
                 "offset_mm": j.placement.offset_mm} for j in jobs]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    header = f"{'id':<22}{'type':<14}{'size mm':>11}  {'mount':>12}  text / location"
    typer.echo(header)
    typer.echo("-" * len(header))
    for j in jobs:
        size = f"{j.width_mm:g}×{j.height_mm:g}"
        mount = f"{j.placement.anchor[0]} {j.placement.height_mm:g}"
        typer.echo(f"{j.id:<22}{j.kind:<14}{size:>11}  {mount:>12}  {j.text}")
        typer.echo(f"{'':<22}{'':<14}{'':>11}  {'':>12}  {j.placement.location}")
    typer.echo(f"{len(jobs)} signs")


@app.command()
def fonts(text: Annotated[Optional[str], typer.Argument(help="characters to look up")] = None,
          brand: BrandOpt = None) -> None:
    """Show the brand's font roles, or which roles can draw each character of TEXT."""
    from .brand import load_brand
    from .text.fonts import FontBook

    try:
        brand_ = load_brand(brand)
    except SignkitError as exc:
        _fail(exc)
        return
    book = FontBook(brand_.font_paths)
    if not text:
        for role in book.roles:
            face = book.face(role)
            typer.echo(f"{role:<12} {face.family:<28} {len(face.cmap):>6} characters  {face.path.name}")
        return
    missing_any = False
    for ch in dict.fromkeys(text):
        roles = [r for r in book.roles if book.face(r).covers(ch)]
        missing_any |= not roles
        typer.echo(f"{ch}  U+{ord(ch):04X}  {', '.join(roles) if roles else 'MISSING from every bundled font'}")
    raise typer.Exit(1 if missing_any else 0)


@app.command()
def batch(
    folder: Annotated[Path, typer.Argument(help="a folder holding one sub-folder (with its profile.toml) per centre")],
    out: Annotated[Path, typer.Option("-o", "--out", help="each centre goes to OUT/<centre>/")] = Path("out"),
    brand: BrandOpt = None,
    png: Annotated[bool, typer.Option("--png/--no-png", help="write PNG previews")] = True,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="worker processes per centre")] = 1,
    strict: Annotated[bool, typer.Option("--strict", help="warnings count as failures")] = False,
) -> None:
    """Render every centre below FOLDER, one line per centre; a centre with bad input is
    reported and skipped, the others are made.  Exit code: the worst of the centres'."""
    profiles = sorted(folder.rglob("profile.toml"))
    if not profiles:
        typer.echo(f"signkit: no profile.toml below {folder}", err=True)
        raise typer.Exit(pipeline.EXIT_INPUT)
    formats = tuple(f for f in pipeline.FORMATS if png or f != "png")
    worst = pipeline.EXIT_OK
    for n, path in enumerate(profiles, start=1):
        slug = path.parent.name
        options = pipeline.RenderOptions(out_dir=out / slug, brand_dir=brand, formats=formats, jobs=jobs, strict=strict)
        try:
            result = pipeline.build(path, options)
        except SignkitError as exc:
            worst = max(worst, pipeline.EXIT_INPUT)
            typer.echo(f"[{n}/{len(profiles)}] {slug}: {exc.kind}, skipped: {exc.problems[0]}")
            continue
        errors = sum(f.severity == "error" for f in result.findings)
        warnings = sum(f.severity == "warning" for f in result.findings)
        worst = max(worst, result.exit_code)
        typer.echo(f"[{n}/{len(profiles)}] {slug}: {len(result.signs)} signs, {errors} errors, {warnings} warnings "
                   f"→ {result.out_dir}/")
    raise typer.Exit(worst)


@app.command()
def init(folder: Annotated[Path, typer.Argument(help="new folder for the centre's profile")] = Path("my-centre")) -> None:
    """Start a new centre: copy the commented sample profile and its board texts into FOLDER.

    Edit FOLDER/profile.toml (names, rooms, doors, walls) and the texts in FOLDER/boards/, then
    run `signkit check FOLDER/profile.toml` and `signkit render FOLDER/profile.toml`.
    """
    import shutil

    from .resources import data_dir

    if folder.exists() and any(folder.iterdir()):
        typer.echo(f"signkit: {folder} already exists and is not empty; nothing was written", err=True)
        typer.echo("      hint: give a new folder name, e.g. signkit init qinghe-2027", err=True)
        raise typer.Exit(pipeline.EXIT_INPUT)
    shutil.copytree(data_dir("examples") / "qinghe", folder, dirs_exist_ok=True)
    typer.echo(f"a starter centre is in {folder}/: edit profile.toml and boards/*.md, then run")
    typer.echo(f"  signkit check {folder / 'profile.toml'}")
    typer.echo(f"  signkit render {folder / 'profile.toml'}")


@app.command()
def functions(brand: BrandOpt = None) -> None:
    """List the room functions a profile may use, with their usual names and plate styles."""
    from .brand import load_brand

    try:
        brand_ = load_brand(brand)
    except SignkitError as exc:
        _fail(exc)
        return
    for fid, function in brand_.functions.items():
        typer.echo(f"{fid:<24} {function.style:<10} {function.label}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of profile.toml (for editor completion and validation)."""
    typer.echo(json.dumps(json_schema(Profile), ensure_ascii=False, indent=2))

