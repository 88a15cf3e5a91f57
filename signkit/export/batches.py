"""Print-shop batches: every approved sign of one stock and size in one PDF, one per page.

In:  the approved signs (their jobs) and the brand.
Out: ``{"print/<material>_<W>x<H>.pdf": [signs in schedule order]}``; the PDFs themselves
     come from the same backend and print contract as the single-sign files.  Signs that
     are not approved (an error, or placeholder artwork) stay out: the print shop only
     receives what may be printed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model.brand import Brand
from ..model.job import SignJob


def batch_name(job: SignJob, brand: Brand) -> str:
    code = brand.signs[job.kind].material_code
    return f"print/{code}_{job.width_mm:g}x{job.height_mm:g}.pdf"


def group_batches(signs: Sequence, brand: Brand) -> dict[str, list]:
    batches: dict[str, list] = {}
    for sign in signs:
        batches.setdefault(batch_name(sign.job, brand), []).append(sign)
    return dict(sorted(batches.items()))
