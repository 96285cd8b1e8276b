"""Time: the publication date and every time expression as a TIMEX3 value with an interval.

    make_stage(settings)          the pipeline stage (needs doc, adds published and times)
    event_date(analysis, token)   the date of an event whose trigger is `token`
"""

from __future__ import annotations

from .linking import event_date
from .stage import make_stage

__all__ = ["event_date", "make_stage"]
