#!/usr/bin/env python3
"""Keep the message catalogue in step with the code.

In:  every message in signkit/ (``_("…")``, ``N_("…")``, ``pgettext("context", "…")``, as
     babel.cfg says, read by Babel and, for calls inside f-strings, from the syntax tree; and
     the docs of config fields, ``spec(doc="…")``, shown as hints), and the Chinese
     catalogue signkit/locale/zh_CN/LC_MESSAGES/signkit.po.
Out: signkit.po updated (new messages added with an empty translation, messages the code no
     longer has dropped, file names as locations but no line numbers, so diffs stay small)
     and signkit.mo compiled beside it.  Translate the empty ``msgstr ""`` entries of the .po
     (keep every ``{placeholder}`` as it is) and run the tool again to compile.

Usage: python tools/update_catalogue.py            # extract, update the .po, compile the .mo
       python tools/update_catalogue.py --check    # exit 1 when a message is untranslated or the .mo is stale
"""

from __future__ import annotations

import argparse
import ast
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "signkit"
PO = PACKAGE / "locale" / "zh_CN" / "LC_MESSAGES" / "signkit.po"
MO = PO.with_suffix(".mo")


def extract() -> Catalog:
    """Every message of the package, as a template (msgids, no translations)."""
    template = Catalog(project="signkit", fuzzy=False)
    with open(ROOT / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    for filename, lineno, message, comments, context in extract_from_dir(ROOT, method_map, options_map):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        for lineno, message, context in calls(source):  # the ones inside f-strings, which Babel skips
            if template.get(message, context) is None:
                template.add(message, None, [(rel, lineno)], context=context)
        for lineno, doc in field_docs(source):
            template.add(doc, None, [(rel, lineno)], auto_comments=["a config field's doc, shown as a hint"])
    return template


KEYWORDS = {"_": (None, 0), "N_": (None, 0), "pgettext": (0, 1)}  # name → (context arg, message arg)


def calls(source: str) -> list[tuple[int, str, str | None]]:
    """Every ``_("…")``, ``N_("…")`` and ``pgettext("context", "…")`` in ``source``, read from its
    syntax tree: Babel's tokenizer does not look into f-strings before Python 3.12."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS:
            ctx_arg, msg_arg = KEYWORDS[node.func.id]
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
            if len(args) > msg_arg and args[msg_arg] and (ctx_arg is None or args[ctx_arg]):
                out.append((node.lineno, args[msg_arg], args[ctx_arg] if ctx_arg is not None else None))
    return out


def field_docs(source: str) -> list[tuple[int, str]]:
    """``doc="…"`` of every call in ``source`` (config fields: ``spec(doc=…)``)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "doc" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                    if kw.value.value.strip():
                        out.append((kw.value.lineno, kw.value.value))
    return out


def read_catalogue(path: Path = PO) -> Catalog:
    if not path.exists():
        return Catalog(locale="zh_CN", domain="signkit", project="signkit", fuzzy=False)
    with open(path, "rb") as fh:
        return read_po(fh, locale="zh_CN", domain="signkit")


def compiled(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, include_lineno=False, ignore_obsolete=True, omit_header=False)
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail when the catalogue is behind")
    args = parser.parse_args()
    template = extract()
    catalog = read_catalogue()
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False)
    catalog.header_comment = ("# Chinese (simplified) messages of signkit.  Update with python tools/update_catalogue.py;\n"
                              "# keep every {placeholder} of the msgid in the msgstr.")
    catalog.version = "1"
    catalog.language_team = "signkit"
    catalog.last_translator = "signkit"
    missing = [m.id for m in catalog if m.id and not m.string]
    if args.check:
        stale = not MO.exists() or MO.read_bytes() != compiled(read_catalogue())
        for msgid in missing:
            print(f"untranslated: {msgid!r}")
        if stale:
            print(f"{MO.relative_to(ROOT)} is not compiled from {PO.relative_to(ROOT)}")
        return 1 if missing or stale else 0
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_bytes(po_bytes(catalog))
    MO.write_bytes(compiled(read_catalogue()))
    print(f"{len(catalog)} messages, {len(missing)} untranslated → {PO.relative_to(ROOT)}, {MO.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
