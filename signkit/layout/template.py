"""Template rendering: a sign type's Jinja2 SVG template + job + brand → SVG text.

In:  the brand's templates as the load stage read them (file name → source: the brand's
     own first, then signkit's bundled ones), a template name and a context of the job and
     the brand's tokens.
Out: SVG source for :mod:`signkit.layout.svgread`.

Templates run in a Jinja2 sandbox (no attribute access to internals, no file access) with
autoescaping on, so a room name like ``A&B<室>`` arrives as text, never as markup.
Undefined variables are errors, not empty strings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import FileSystemBytecodeCache
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import TemplateError
from ..i18n import _


def environment(templates: dict[str, str], *, cache_dir: Path | None = None) -> jinja2.Environment:
    """The sandbox over ``templates``; with ``cache_dir``, compiled templates are kept there
    between runs (Jinja2's bytecode cache, checked against each template's source), so a
    cold start does not compile every template again.

    One environment per set of template sources in a process: the centres of a batch (and
    the preview's re-renders) share its compiled templates.  Callers must not change it;
    what differs per caller goes into the render context."""
    key = (tuple(sorted(templates.items())), str(cache_dir) if cache_dir is not None else None)
    env = _environments.get(key)
    if env is None:
        if len(_environments) >= _KEPT_ENVIRONMENTS:
            _environments.pop(next(iter(_environments)))
        env = _environments[key] = _new_environment(templates, cache_dir)
    return env


_KEPT_ENVIRONMENTS = 8
_environments: dict[tuple, jinja2.Environment] = {}


def _new_environment(templates: dict[str, str], cache_dir: Path | None) -> jinja2.Environment:
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.DictLoader(dict(templates)),
        bytecode_cache=_bytecode_cache(cache_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["mm"] = _mm
    return env


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """A cache that cannot be read or written is no cache: the template is compiled."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache(cache_dir: Path | None) -> FileSystemBytecodeCache | None:
    if cache_dir is None:
        return None
    folder = Path(cache_dir) / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietBytecodeCache(str(folder))


def _mm(value: float) -> str:
    """Format a length for an SVG attribute: at most 3 decimals, no trailing zeros."""
    text = f"{float(value):.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        raise TemplateError.at(name, _("template not found"), _("templates: {names}").format(
            names=", ".join(sorted(env.list_templates()))))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError.at(f"{exc.filename or name}:{exc.lineno}", _("template syntax error: {error}").format(
            error=exc.message), _("Jinja2 syntax: {{{{ value }}}}, {{% if … %}}…{{% endif %}}").format())
    try:
        return template.render(**context)
    except jinja2.UndefinedError as exc:
        raise TemplateError.at(name, _("template uses an undefined value: {error}").format(error=exc.message),
                               _("check the names against the template context in docs/templates.md"))
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError.at(name, _("template tried something the sandbox forbids: {error}").format(error=exc),
                               _("templates may read values, not call internals"))
