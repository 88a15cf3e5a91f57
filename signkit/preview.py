"""The live preview for designers: ``signkit preview profile.toml``.

In:  a profile (and optionally a brand folder), a port on 127.0.0.1.
Out: a local web page showing every sign of the centre at true proportions, grouped by the
     wall it hangs on in hanging order, with its size, location and findings; the wall
     elevations; a page per sign to zoom in.  The server watches the profile's folder (the
     profile, board texts, photos), the brand and the templates; on every change it makes
     the centre again — unchanged signs come from an in-memory store, so a one-sign edit
     redraws one sign — and tells open pages to reload through server-sent events.  Bad
     input (a typo in the profile, a broken template) is shown on the page with its file,
     key and hint; the server stays up and recovers with the next good save.

Starlette serves, uvicorn runs it, watchfiles watches: no home-made server or polling.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import threading
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from .checks.findings import severity_word
from .errors import SignkitError
from .i18n import _, current_language
from .layout.elevations import elevation_sheets
from .load import load_inputs
from .make import MakeOptions, Result, make
from .render import render_svg
from .resources import data_dir
from .words import say

PAGE_WIDTH_PX = 1100


class MemoryCache:
    """The store of finished signs, kept in this process for the preview's life."""

    def __init__(self) -> None:
        self.entries: dict[str, object] = {}

    def get(self, key: str):
        return self.entries.get(key)

    def put(self, key: str, value) -> None:
        self.entries[key] = value


@dataclass
class Preview:
    """What the page shows: the latest good result, or the problems of the latest attempt."""

    profile: Path
    brand: Path | None = None
    version: int = 0
    result: Result | None = None
    problems: list = field(default_factory=list)
    redrawn: tuple[str, ...] = ()
    svgs: dict[int, str] = field(default_factory=dict)  # id(sheet) → inline SVG (sheets are reused while unchanged)
    elevations: dict[str, str] = field(default_factory=dict)
    cache: MemoryCache = field(default_factory=MemoryCache)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def rebuild(self) -> None:
        """Make the centre again; keep the last good result if the input is broken."""
        with self.lock:
            try:
                result = make(load_inputs(self.profile, self.brand), MakeOptions(formats=(), cache=self.cache))
            except SignkitError as exc:
                self.problems = [(_(exc.kind), p) for p in exc.problems]
                self.version += 1
                return
            svgs = {}
            for sign in result.signs:
                if sign.sheet is not None:
                    key = id(sign.sheet)
                    svgs[key] = self.svgs.get(key) or _inline(render_svg(sign.sheet, include_bleed=False))
            walls = elevation_sheets([(s.job, s.sheet) for s in result.signs], profile=result.inputs.profile,
                                     brand=result.inputs.brand)
            self.result, self.svgs, self.problems = result, svgs, []
            self.elevations = {w.id.removeprefix("elevation-"): _inline(render_svg(w, include_bleed=False))
                               for w in walls}
            self.redrawn = tuple(sorted(result.rebuilt))
            self.version += 1

    def watched(self) -> list[Path]:
        paths = [self.profile.resolve().parent, data_dir("templates")]
        if self.brand is not None:
            paths.append(Path(self.brand).resolve())
        return [p for p in paths if p.exists()]


def app_for(preview: Preview) -> Starlette:
    changed = asyncio.Condition()

    async def watch() -> None:
        from watchfiles import awatch

        async for _changes in awatch(*preview.watched(), debounce=150, step=40):
            await asyncio.to_thread(preview.rebuild)
            async with changed:
                changed.notify_all()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        task = asyncio.create_task(watch())
        yield
        task.cancel()

    async def index(request: Request) -> Response:
        return HTMLResponse(_page(preview))

    async def sign(request: Request) -> Response:
        return HTMLResponse(_sign_page(preview, request.path_params["sign_id"]))

    async def version(request: Request) -> Response:
        return JSONResponse({"version": preview.version, "redrawn": list(preview.redrawn),
                             "problems": len(preview.problems)})

    async def events(request: Request) -> Response:
        async def stream():
            seen = preview.version
            yield f"event: hello\ndata: {seen}\n\n"
            while True:
                async with changed:
                    try:
                        await asyncio.wait_for(changed.wait(), timeout=15)
                    except asyncio.TimeoutError:
                        yield ": keep-alive\n\n"
                        continue
                if preview.version != seen:
                    seen = preview.version
                    yield f"event: reload\ndata: {seen}\n\n"

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    return Starlette(routes=[Route("/", index), Route("/sign/{sign_id}", sign), Route("/version", version),
                             Route("/events", events)], lifespan=lifespan)


def serve(profile: Path, *, brand: Path | None = None, port: int = 0, ready=None) -> None:
    """Run the preview until interrupted.  ``ready(url)`` is called once the socket listens."""
    import socket

    import uvicorn

    preview = Preview(Path(profile), brand)
    preview.rebuild()
    sock = socket.socket()
    sock.bind(("127.0.0.1", port))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    config = uvicorn.Config(app_for(preview), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    if ready is not None:
        ready(url)
    server.run(sockets=[sock])


# -- pages -------------------------------------------------------------------------------

STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #222; background: #f4f4f2; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #c00; }
.wall { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 1.2rem; }
.sign { display: inline-block; text-align: left; } .sign a { color: inherit; text-decoration: none; }
.sign svg { display: block; box-shadow: 0 1px 4px rgba(0,0,0,.25); background: #fff; }
.meta { font-size: .75rem; color: #555; margin-top: .3rem; max-width: 22rem; }
.finding { font-size: .75rem; color: #a00; } .finding.warning { color: #8a6d00; }
.problems { background: #fde2e2; padding: .8rem 1rem; border-radius: .3rem; }
.status { font-size: .85rem; color: #555; } .elevation svg { width: 100%; height: auto; background: #fff; }
"""

SCRIPT = """
<script>
// after the page has loaded: a long-lived event stream must not hold the load event back
window.addEventListener("load", () => {
  const events = new EventSource("/events");
  events.addEventListener("reload", () => location.reload());
});
</script>
"""


def _page(preview: Preview) -> str:
    e = html.escape
    parts = [f'<!DOCTYPE html><html lang="{_html_lang()}"><head><meta charset="utf-8">'
             f"<title>{e(_('signkit preview'))}</title><style>{STYLE}</style></head><body>"]
    result = preview.result
    title = result.inputs.profile.center.name if result else str(preview.profile)
    parts.append(f"<h1>{e(title)}</h1>")
    parts.append(f'<p class="status" id="status" data-version="{preview.version}">' + e(_status(preview)) + "</p>")
    if preview.problems:
        parts.append('<div class="problems" id="problems"><strong>' + e(_("The input has problems; the page shows the "
                                                                           "last good version.")) + "</strong><ul>")
        for kind, p in preview.problems:
            hint = f"<br><em>{e(p.hint)}</em>" if p.hint else ""
            parts.append(f"<li>{e(kind)}: <code>{e(p.where)}</code>: {e(p.message)}{hint}</li>")
        parts.append("</ul></div>")
    if result is not None:
        findings: dict[str, list] = {}
        for f in result.findings:
            findings.setdefault(f.sign, []).append(f)
        walls: dict[str, list] = {}
        for sign in result.signs:
            walls.setdefault(sign.job.placement.wall, []).append(sign)
        for wall, signs in walls.items():
            signs.sort(key=_hanging_order)
            k = min(0.35, PAGE_WIDTH_PX / max(1.0, sum(s.job.width_mm for s in signs) * 1.15))
            parts.append(f'<h2>{e(_("wall {wall}").format(wall=wall))}</h2><div class="wall" data-wall="{e(wall)}">')
            for sign in signs:
                parts.append(_sign_cell(preview, sign, k, findings.get(sign.job.id, [])))
            parts.append("</div>")
        if preview.elevations:
            parts.append("<h2>" + e(_("Elevations")) + "</h2>")
            for name, svg in preview.elevations.items():
                parts.append(f'<div class="elevation" id="elevation-{e(name)}"><h3>{e(name)}</h3>{svg}</div>')
    parts.append(SCRIPT + "</body></html>")
    return "\n".join(parts)


def _status(preview: Preview) -> str:
    """Which version the page shows and what its last change redrew (not every id on the
    first version, when everything was drawn)."""
    result = preview.result
    if result is None or preview.version <= 1 or len(preview.redrawn) == len(result.signs):
        return _("version {n}; {count} signs").format(n=preview.version, count=len(result.signs) if result else 0)
    return _("version {n}; redrawn: {signs}").format(n=preview.version, signs=", ".join(preview.redrawn) or "—")


def _sign_cell(preview: Preview, sign, k: float, findings: list) -> str:
    e = html.escape
    job = sign.job
    width, height = job.width_mm * k, job.height_mm * k
    svg = preview.svgs.get(id(sign.sheet)) if sign.sheet is not None else None
    art = _sized(svg, width, height) if svg else \
        f'<div style="width:{width:.0f}px;height:{height:.0f}px;background:#eee">{e(_("not drawn"))}</div>'
    notes = "".join(f'<div class="finding {f.severity}">{e(severity_word(f.severity))} {e(f.code)}: {e(f.message)}</div>'
                    for f in findings)
    return (f'<div class="sign" id="sign-{e(job.id)}"><a href="/sign/{e(job.id)}">{art}</a>'
            f'<div class="meta"><strong>{e(job.id)}</strong> · {job.width_mm:g} × {job.height_mm:g} mm<br>'
            f"{e(say(job.placement.location))}</div>{notes}</div>")


def _sign_page(preview: Preview, sign_id: str) -> str:
    e = html.escape
    result = preview.result
    sign = next((s for s in result.signs if s.job.id == sign_id), None) if result else None
    if sign is None:
        return f"<!DOCTYPE html><p>{e(_('no sign {id}').format(id=sign_id))}</p>"
    cell = _sign_cell(preview, sign, min(1.0, 1000 / max(sign.job.width_mm, sign.job.height_mm)),
                      [f for f in result.findings if f.sign == sign_id])
    return (f'<!DOCTYPE html><html lang="{_html_lang()}"><head><meta charset="utf-8"><title>{e(sign_id)}</title>'
            f'<style>{STYLE}</style></head><body><p><a href="/">← {e(_("all signs"))}</a></p>{cell}{SCRIPT}</body></html>')


def _html_lang() -> str:
    return "en" if current_language() == "en" else "zh-Hans"


def _hanging_order(sign) -> tuple[float, float]:
    """Left to right as a visitor sees the wall: the left of a door outward-in, then the right."""
    p = sign.job.placement
    if p.side == "left" and p.wall.startswith(("entrance", "door-")):
        return (0, -p.offset_mm)
    return (1, p.offset_mm)


def _inline(svg: bytes) -> str:
    text = svg.decode("utf-8")
    return text.split("?>", 1)[1] if text.startswith("<?xml") else text


def _sized(svg: str, width: float, height: float) -> str:
    """The SVG drawn ``width`` × ``height`` px (its own size is in mm)."""
    head, rest = svg.split(">", 1)
    head = head.replace('height="', 'data-height="', 1).replace('width="', 'data-width="', 1)
    return f'{head} width="{width:.1f}" height="{height:.1f}">{rest}'
