#!/usr/bin/env python3
"""Rebuild the bundled CMYK preview profile from the FOGRA39L characterisation data.

In:  ``/usr/share/color/icc/FOGRA39L.ti3`` (Debian ``icc-profiles-free``: the Fogra
     measurement data of ISO 12647-2 offset on coated paper, "ISO Coated v2", 1,617
     patches, D50/2°, zlib licence) and ``/usr/share/color/icc/sRGB.icc`` (same package,
     only as the source gamut for the perceptual tables), ArgyllCMS ``colprof``
     (Debian ``argyll``).
Out: ``brand/default/colour/FOGRA39L-signkit.icc`` (ICC v2.2 output profile, CMYK → Lab).

The colprof options, and why:

``-qh``
    High resolution for the A2B tables (CMYK → Lab: the direction previews use).  With
    ``-qm`` colprof's self-check against the 1,617 patches gives peak/average ΔE76
    0.72/0.16; with ``-qh`` 0.36/0.05, which leaves nothing visible for ``-qu`` to gain.
``-b m``
    Medium resolution (17³ grid) for the B2A tables (Lab → CMYK), which signkit does not
    use: the A2B tables come out byte-identical to a full ``-qh`` build, the file shrinks
    from 1.55 MB to 0.70 MB and the build takes half the time.
``-l 300``
    Total ink limit of 300 %, the TAC of ISO Coated v2 300 % (FOGRA39) and the brand's
    ``output.max_ink_percent``.  It only shapes the B2A (Lab → CMYK) tables: signkit's own
    previews read the A2B tables (CMYK → Lab), which describe whatever ink is asked for.
``-k r``
    Black generation: ArgyllCMS's documented default, a K ramp from white to black, written
    out so that a change of default cannot change the profile.  Like the ink limit it only
    affects B2A; no black ink limit (``-L``) is set, so K may reach 100 %.
``-S sRGB.icc -c mt -d pp``
    Gamut-map the perceptual and saturation B2A tables from sRGB (the likely source of
    photos converted with this profile later), viewed on a monitor in a typical room
    (``mt``) and reproduced as a print under ISO 3664 P2 practical viewing (``pp``).  Again
    B2A only; the colorimetric tables signkit uses are unaffected.
``-nc``
    Do not embed the .ti3 measurement data (127 kB) in the profile: the data stays in its
    Debian package, named in ``brand/default/colour/LICENSE``.
``-A``, ``-M``, ``-D``, ``-C``
    Manufacturer, model, description and copyright text, so any application that shows
    the profile names the press condition, the data's origin and that it was built by
    signkit (the zlib licence asks altered versions to be plainly marked).

Reproducibility: built with ArgyllCMS 2.3.1 (Debian 2.3.1+repack-1.1+b1, amd64).  Two runs
differed only in the header's creation date and time (bytes 24–35).  This script overwrites that date with a fixed one (``SOURCE_DATE_EPOCH``
if set, else ``FIXED_DATE``), so the output is byte-identical across runs with the same
ArgyllCMS version; a v2 profile has no profile ID (MD5) that would need recomputing.  Other
ArgyllCMS versions may compute slightly different tables: rebuild, compare with
``--check``, and commit the new profile with the version noted here.

Usage: python tools/build_icc_profile.py [--out PATH] [--check]
       (4–7 minutes on a 2-core machine; ``--check`` rebuilds into a temporary file and compares bytes)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICC_DIR = Path("/usr/share/color/icc")
TI3 = ICC_DIR / "FOGRA39L.ti3"
SOURCE_GAMUT = ICC_DIR / "sRGB.icc"
OUT = ROOT / "brand" / "default" / "colour" / "FOGRA39L-signkit.icc"
ARGYLL_VERSION = "2.3.1"  # the version the committed profile was built with
FIXED_DATE = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)  # header date when no SOURCE_DATE_EPOCH

MANUFACTURER = "signkit"
MODEL = "Offset, ISO 12647-2:2004/Amd 1, paper type 1/2 coated (FOGRA39, ISO Coated v2)"
DESCRIPTION = "signkit FOGRA39L (ISO Coated v2, 300% TAC), built with ArgyllCMS"
COPYRIGHT = ("Built by signkit from FOGRA39L.ti3 (measurement data by Fogra, as shipped in Debian "
             "icc-profiles-free, Copyright Kai-Uwe Behrmann, zlib licence)")


def fail(message: str) -> int:
    print(f"build_icc_profile: {message}", file=sys.stderr)
    return 2


def argyll_version(colprof: str) -> str:
    """The version colprof prints in its banner (it exits non-zero without arguments)."""
    done = subprocess.run([colprof], capture_output=True, text=True, check=False)
    match = re.search(r"Version (\S+)", done.stdout + done.stderr)
    return match.group(1) if match else "unknown"


def colprof_args(base: str, out: Path) -> list[str]:
    return [
        "-v", "-qh", "-b", "m", "-l", "300", "-k", "r",
        "-S", str(SOURCE_GAMUT), "-c", "mt", "-d", "pp",
        "-nc",
        "-A", MANUFACTURER, "-M", MODEL, "-D", DESCRIPTION, "-C", COPYRIGHT,
        "-O", str(out), base,
    ]


def fixed_date() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return FIXED_DATE


def set_header_date(data: bytes, when: dt.datetime) -> bytes:
    """ICC.1 §7.2.1: bytes 24–35 are the creation dateTimeNumber, six big-endian uInt16 (UTC)."""
    stamp = struct.pack(">6H", when.year, when.month, when.day, when.hour, when.minute, when.second)
    return data[:24] + stamp + data[36:]


def build(colprof: str, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="signkit-icc-") as tmp:
        work = Path(tmp)
        shutil.copyfile(TI3, work / TI3.name)  # colprof reads <base>.ti3
        raw = work / "raw.icc"
        cmd = [colprof, *colprof_args(TI3.stem, raw)]
        print("running:", shlex.join(cmd), flush=True)
        subprocess.run(cmd, cwd=work, check=True, stdout=subprocess.DEVNULL)
        data = set_header_date(raw.read_bytes(), fixed_date())
    if data[36:40] != b"acsp" or data[16:20] != b"CMYK" or data[20:24] != b"Lab ":
        raise RuntimeError("colprof wrote something that is not a CMYK → Lab ICC profile")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help=f"output profile (default {OUT.relative_to(ROOT)})")
    ap.add_argument("--check", action="store_true",
                    help="build into a temporary file and compare it byte for byte with --out")
    args = ap.parse_args()

    colprof = shutil.which("colprof")
    if colprof is None:
        return fail("colprof not found (Debian: apt-get install argyll)")
    for path in (TI3, SOURCE_GAMUT):
        if not path.is_file():
            return fail(f"{path} not found (Debian: apt-get install icc-profiles-free)")
    version = argyll_version(colprof)
    if version != ARGYLL_VERSION:
        print(f"note: ArgyllCMS {version}, the committed profile was built with {ARGYLL_VERSION}; "
              "tables may differ slightly", file=sys.stderr)

    if not args.check:
        build(colprof, args.out)
        print(f"wrote {args.out} ({args.out.stat().st_size} bytes, "
              f"sha256 {hashlib.sha256(args.out.read_bytes()).hexdigest()})")
        return 0

    with tempfile.TemporaryDirectory(prefix="signkit-icc-check-") as tmp:
        fresh = Path(tmp) / "fresh.icc"
        build(colprof, fresh)
        new, old = fresh.read_bytes(), args.out.read_bytes()
    print(f"fresh     sha256 {hashlib.sha256(new).hexdigest()}")
    print(f"committed sha256 {hashlib.sha256(old).hexdigest()}")
    if new != old:
        print("DIFFERENT: the rebuilt profile does not match the committed one", file=sys.stderr)
        return 1
    print("identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
