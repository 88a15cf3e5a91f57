#!/usr/bin/env python3
"""Rebuild the bundled CJK font subsets in ``fonts/`` from their Debian source packages.

In:  Debian packages ``fonts-noto-cjk`` and ``fonts-noto-cjk-extra`` (downloaded with
     ``apt-get download`` unless ``--debs DIR`` already holds them) and Unihan from the
     ``unicode-data`` package (``/usr/share/unicode/Unihan_OtherMappings.txt.bz2``).
Out: ``fonts/SignKit*.otf`` (CFF outlines, renamed, subset), their ``.bounds`` (every glyph's
     exact ink box, so measuring text never draws an outline), ``fonts/OFL.txt`` and
     ``fonts/SOURCES.md`` (what was taken from where, with checksums and counts).

Character set: 通用规范汉字表 (all 8105, Unihan ``kTGH``) ∪ GB 2312 (hanzi and symbols)
∪ ASCII ∪ the punctuation, symbols and vertical forms that signs and boards use.

Per PRINT-NOTES.md: the zh-Hans ``locl`` substitutions are baked into the cmap first
(otherwise “ ” ‘ ’ — lose their SC forms), then ``locl`` is dropped, which removes the
Japanese/Korean/Traditional glyphs.  ``vert``/``vrt2``/``halt``/``vhal``/``palt``/``vpal``/
``kern``/``vkrn`` stay.  The fonts are renamed (Noto is a trademark; OFL asks derivatives not
to use reserved names) while the copyright notice (name ID 0) is kept.

Usage: python tools/build_fonts.py [--debs DIR] [--out fonts]
"""

from __future__ import annotations

import argparse
import bz2
import hashlib
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from signkit.text.bounds import write_bounds  # noqa: E402

PACKAGES = ("fonts-noto-cjk", "fonts-noto-cjk-extra")
UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
SC_INDEX = 2  # the Simplified Chinese face inside the Noto CJK OTC collections

# output file -> (source collection, family name, style name, PostScript name)
FACES = {
    "SignKitHeiSC-Bold.otf": ("NotoSansCJK-Bold.ttc", "SignKit Hei SC", "Bold", "SignKitHeiSC-Bold"),
    "SignKitHeiSC-Black.otf": ("NotoSansCJK-Black.ttc", "SignKit Hei SC", "Black", "SignKitHeiSC-Black"),
    "SignKitSongSC-Regular.otf": ("NotoSerifCJK-Regular.ttc", "SignKit Song SC", "Regular", "SignKitSongSC-Regular"),
    "SignKitSongSC-Bold.otf": ("NotoSerifCJK-Bold.ttc", "SignKit Song SC", "Bold", "SignKitSongSC-Bold"),
    "SignKitSongSC-Black.otf": ("NotoSerifCJK-Black.ttc", "SignKit Song SC", "Black", "SignKitSongSC-Black"),
}

EXTRA_RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (° · × ÷ …)
    (0x2010, 0x2027),  # dashes, quotes, ellipsis, interpunct
    (0x2030, 0x2033),  # ‰ ′ ″
    (0x2103, 0x2103), (0x2109, 0x2109), (0x2116, 0x2116), (0x2122, 0x2122),  # ℃ ℉ № ™
    (0x2160, 0x216B), (0x2170, 0x217B),  # Roman numerals
    (0x2190, 0x2199),  # arrows (directories)
    (0x2460, 0x2473),  # ①..⑳
    (0x25A0, 0x25FF),  # geometric shapes ■□▲△●○◆◇
    (0x2605, 0x2606),  # ★☆
    (0x2E3A, 0x2E3B),  # ⸺ ⸻
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFE10, 0xFE19), (0xFE30, 0xFE4F),  # vertical presentation forms
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFFE0, 0xFFE6),  # ￠￡￢￣￤￥￦
)

LAYOUT_FEATURES = ["vert", "vrt2", "halt", "vhal", "palt", "vpal", "kern", "vkrn", "ccmp"]


def charset() -> list[int]:
    """Code points to keep: TGSCC 8105 ∪ GB 2312 ∪ the extra ranges."""
    wanted: set[int] = set()
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("U+"):
                cp, field, _ = line.split("\t", 2)
                if field in ("kTGH", "kGB0"):
                    wanted.add(int(cp[2:], 16))
    for cp in range(0x20, 0x10000):
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        wanted.add(cp)
    for lo, hi in EXTRA_RANGES:
        wanted.update(range(lo, hi + 1))
    return sorted(wanted)


def bake_locl(font: TTFont, lang: str = "ZHS ") -> int:
    """Write the single substitutions of ``locl`` for ``lang`` into the cmap; return how many."""
    gsub = font["GSUB"].table
    lookups: set[int] = set()
    for rec in gsub.ScriptList.ScriptRecord:
        for ls in rec.Script.LangSysRecord:
            if ls.LangSysTag == lang:
                for fi in ls.LangSys.FeatureIndex:
                    feat = gsub.FeatureList.FeatureRecord[fi]
                    if feat.FeatureTag == "locl":
                        lookups.update(feat.Feature.LookupListIndex)
    mapping: dict[str, str] = {}
    for li in sorted(lookups):
        lookup = gsub.LookupList.Lookup[li]
        for sub in lookup.SubTable:
            if lookup.LookupType == 7:
                sub = sub.ExtSubTable
            if getattr(sub, "mapping", None):
                mapping.update(sub.mapping)
    changed = 0
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        for cp, glyph in list(table.cmap.items()):
            if glyph in mapping:
                table.cmap[cp] = mapping[glyph]
                changed += 1
    return changed


def rename(font: TTFont, family: str, style: str, psname: str) -> None:
    """New names (IDs 1-6, 16, 17) in the name table and the CFF; ID 0 (copyright) stays."""
    name = font["name"]
    keep = {0, 13, 14}
    name.names = [n for n in name.names if n.nameID in keep]
    full = f"{family} {style}"
    version = f"Version 1.0; subset of Noto CJK SC for signkit"
    legacy_style = style if style in ("Regular", "Bold") else "Regular"
    legacy_family = family if style in ("Regular", "Bold") else full
    for nid, value in ((1, legacy_family), (2, legacy_style), (3, f"{psname};signkit"), (4, full),
                       (5, version), (6, psname), (16, family), (17, style)):
        name.setName(value, nid, 3, 1, 0x409)
        name.setName(value, nid, 1, 0, 0)
    cff = font["CFF "].cff
    cff.fontNames = [psname]
    top = cff.topDictIndex[0]
    top.FullName = full
    top.FamilyName = family
    top.Notice = ""
    if hasattr(top, "FDArray"):
        for fd in top.FDArray:
            if hasattr(fd, "FontName"):
                fd.FontName = f"{psname}-{fd.FontName.split('-')[-1]}"


def build_one(src: Path, out: Path, family: str, style: str, psname: str, codepoints: list[int]) -> dict:
    font = TTFont(src, fontNumber=SC_INDEX)
    original = font["name"].getDebugName(4)
    baked = bake_locl(font)
    options = subset.Options()
    options.layout_features = LAYOUT_FEATURES
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.notdef_outline = True
    options.recalc_bounds = True
    options.drop_tables += ["DSIG"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=codepoints)
    sub.subset(font)
    rename(font, family, style, psname)
    font.save(out)
    kept = font["maxp"].numGlyphs
    covered = len(set(font.getBestCmap()) & set(codepoints))
    return {"file": out.name, "source": f"{src.name} #{SC_INDEX} ({original})", "glyphs": kept,
            "covered": covered, "locl_baked": baked, "bytes": out.stat().st_size}


def fetch_debs(dest: Path) -> list[Path]:
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=dest, check=True)
    return sorted(dest.glob("*.deb"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--debs", type=Path, help="folder holding the two .deb files (default: apt-get download)")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "fonts")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        debs = sorted(args.debs.glob("fonts-noto-cjk*.deb")) if args.debs else fetch_debs(tmpdir)
        if len(debs) != 2:
            print(f"expected two .deb files ({', '.join(PACKAGES)}), found {len(debs)}", file=sys.stderr)
            return 2
        root = tmpdir / "root"
        for deb in debs:
            subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        fontdir = root / "usr/share/fonts/opentype/noto"
        cps = charset()
        with ProcessPoolExecutor() as pool:
            futures = [pool.submit(build_one, fontdir / src, args.out / out, fam, sty, ps, cps)
                       for out, (src, fam, sty, ps) in FACES.items()]
            results = [f.result() for f in futures]
        copyright_file = root / "usr/share/doc/fonts-noto-cjk/copyright"
        write_licence(copyright_file, args.out / "OFL.txt")
        write_sources(args.out / "SOURCES.md", debs, cps, results)
        for out in FACES:  # every glyph's exact ink box, read at start-up (signkit/text/bounds.py)
            write_bounds(args.out / out)
    for r in results:
        print(f"{r['file']}: {r['glyphs']} glyphs, {r['covered']}/{len(cps)} code points, {r['bytes']} bytes")
    return 0


def write_licence(copyright_file: Path, dest: Path) -> None:
    """The OFL text from Debian's copyright file, with the upstream copyright line."""
    text = copyright_file.read_text(encoding="utf-8")
    block = text.split("License: SIL-1.1\n", 2)[2].split("\nLicense: ", 1)[0]
    lines = [ln[1:] if ln.startswith(" ") else ln for ln in block.splitlines()]
    body = "\n".join("" if ln == "." else ln for ln in lines).strip()
    dest.write_text("Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
                    "Noto is a trademark of Google Inc.\n"
                    "Modified (subset and renamed) for signkit; see SOURCES.md.\n\n"
                    "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n"
                    + body + "\n", encoding="utf-8")


def write_sources(dest: Path, debs: list[Path], cps: list[int], results: list[dict]) -> None:
    hanzi = sum(1 for c in cps if 0x3400 <= c <= 0x9FFF or 0x20000 <= c <= 0x3FFFF)
    lines = ["# Bundled fonts: where they come from", "",
             "Made by `python tools/build_fonts.py` (run it to rebuild them). Licence: SIL OFL 1.1 (`OFL.txt`).",
             "The faces are Noto Sans/Serif CJK SC (the Source Han design by Adobe and Google), subset and",
             "renamed to *SignKit Hei SC* and *SignKit Song SC*: 'Source' is reserved by some builds and",
             "'Noto' is a trademark, so the derivatives carry neither. Name ID 0 (copyright) is kept.", "",
             "## Source packages", ""]
    for deb in debs:
        digest = hashlib.sha256(deb.read_bytes()).hexdigest()
        lines.append(f"- `{deb.name.replace('%3a', ':')}` sha256 `{digest}`")
    lines += ["", "## Character set", "",
              f"{len(cps)} code points: 通用规范汉字表 (8105, Unihan `kTGH`) ∪ GB 2312 ∪ ASCII, Latin-1,",
              f"CJK punctuation, full-width forms, vertical forms and sign symbols ({hanzi} hanzi in all).",
              "The zh-Hans `locl` forms are baked into the cmap, then `locl` is dropped.", "",
              "## Files", "", "| file | source (collection #face) | glyphs | code points | bytes |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['file']} | {r['source']} | {r['glyphs']} | {r['covered']} | {r['bytes']} |")
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
