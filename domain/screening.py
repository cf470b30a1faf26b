"""Screening a suggested topic: the flags a person sets, each with a reason, and the likeness of
two titles by which the program finds topics reviewed in the last 12 months.

Pure Python (no database): the flags are stored on the topic as JSON ``{flag: reason}``, read
back as ``((flag, reason), ...)`` in the order of :data:`FLAGS`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .dates import add_months, short_date
from .errors import Invalid

COMPLAINT = "complaint"
QUASI_JUDICIAL = "quasi_judicial"
OUTSIDE_REMIT = "outside_remit"
ELSEWHERE = "elsewhere"
RECENT = "recent"

# flag -> the words a form and a print use for it
FLAGS: dict[str, str] = {
    COMPLAINT: "An individual complaint",
    QUASI_JUDICIAL: "Quasi-judicial (planning, licensing)",
    OUTSIDE_REMIT: "Outside the committee's remit",
    ELSEWHERE: "Already being reviewed elsewhere",
    RECENT: "Reviewed in the last 12 months",
}

Screening = tuple[tuple[str, str], ...]


def normal_screening(value: str | Mapping[str, str] | Iterable[tuple[str, str]] | None) -> Screening:
    """The flags as ``((flag, reason), ...)`` in the order of :data:`FLAGS`, from the stored
    JSON, a mapping or pairs. A flag needs a reason; an unknown flag is refused."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        try:
            loaded = json.loads(value)
        except ValueError:
            raise Invalid("The screening flags cannot be read.", "screening") from None
        pairs = dict(loaded) if isinstance(loaded, dict) else {}
    elif isinstance(value, Mapping):
        pairs = dict(value)
    else:
        pairs = dict(value)
    for flag, reason in pairs.items():
        if flag not in FLAGS:
            raise Invalid(f"'{flag}' is not a screening flag ({', '.join(FLAGS)}).", "screening")
        if not str(reason).strip():
            raise Invalid(f"Say why the topic is flagged: {FLAGS[flag].lower()}.", "screening")
    return tuple((flag, " ".join(str(pairs[flag]).split())) for flag in FLAGS if flag in pairs)


def screening_json(screening: Screening) -> str:
    """The stored form: JSON ``{flag: reason}``, or nothing for no flags."""
    return json.dumps(dict(screening), ensure_ascii=False) if screening else ""


def screening_text(screening: Screening) -> str:
    """'Outside the committee's remit: a matter for the Health and Wellbeing Board'; one line
    per flag."""
    return "\n".join(f"{FLAGS[flag]}: {reason}" for flag, reason in screening)


# --- likeness of titles -----------------------------------------------------------------------

# Words that say what kind of item it is, not what it is about: "Plymouth Plan" and "Plymouth
# Plan Refresh" are one subject.
_STOP = frozenset(
    (
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
        "of", "on", "or", "the", "to", "with", "update", "updates", "report", "reports", "review",
        "reviews", "progress", "verbal", "monthly", "annual", "quarterly", "briefing", "paper",
        "select", "refresh", "item", "items", "committee", "scrutiny", "consideration", "new",
        "latest", "draft", "final", "six", "month",
    )
)
_WORD = re.compile(r"[a-z0-9]+")


def title_words(title: str) -> frozenset[str]:
    """The words of a title that say what it is about: lower case, without punctuation, stop
    words, small numbers ("6 monthly") or a plural 's' ("Changes" is "change")."""
    words = set()
    for word in _WORD.findall(title.lower().replace("'", "")):
        if word in _STOP or (word.isdigit() and len(word) < 4):
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.add(word)
    return frozenset(words)


# Both must hold: most of the shorter title's words are in the longer one (overlap), and the
# two share a good part of all their words (Dice), so one shared word in a long title is not
# enough ("Adoption" is not "Changes resulting from the Adoption Bill").
OVERLAP = 0.75
DICE = 0.5


def likeness(a: frozenset[str], b: frozenset[str]) -> float:
    """0 (nothing in common) to 1 (the same subject); 0 when below either threshold."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    overlap = common / min(len(a), len(b))
    dice = 2 * common / (len(a) + len(b))
    if overlap < OVERLAP or dice < DICE:
        return 0.0
    return dice


@dataclass(frozen=True, slots=True)
class Similar:
    """An earlier item whose title is like the suggestion's, for a person to judge.

    An exempt (Part II) item's title is for the advisor's eyes only: :attr:`text`, which a
    person may copy into a public reason, never holds it; :attr:`shown` does, marked Part II."""

    topic_id: int
    title: str
    committee: str
    day: dt.date  # of the meeting it was (or is booked) on
    held: bool  # the meeting has taken place (else it is booked)
    likeness: float
    exempt: bool = False
    exempt_paragraph: int | None = None

    @property
    def _where(self) -> str:
        when = "on" if self.held else "booked for"
        return f"at {self.committee} {when} {short_date(self.day)}"

    @property
    def _paragraph(self) -> str:
        return f" (paragraph {self.exempt_paragraph})" if self.exempt_paragraph else ""

    @property
    def text(self) -> str:
        """"'Plymouth Plan' at Growth OSC on 10 July 2019" (or "booked for"); "a Part II item
        (paragraph 3) at ..." for an exempt item, whose title stays out."""
        if self.exempt:
            return f"a Part II item{self._paragraph} {self._where}"
        return f"'{self.title}' {self._where}"

    @property
    def shown(self) -> str:
        """What the advisor's list shows: :attr:`text`; for an exempt item its title too, after
        the mark "Part II (paragraph 3), not for publication:"."""
        if self.exempt:
            return f"Part II{self._paragraph}, not for publication: '{self.title}' {self._where}"
        return self.text


@dataclass(frozen=True, slots=True)
class Earlier:
    """An item on a meeting, as :func:`most_alike` compares it with a suggestion."""

    topic_id: int
    title: str
    committee: str
    day: dt.date
    exempt: bool
    exempt_paragraph: int | None


def most_alike(
    items: Iterable[Earlier], *, title: str, on: dt.date, exclude_topic_id: int | None = None, limit: int = 5
) -> tuple[Similar, ...]:
    """The items on a meeting within 12 months of ``on`` (either side) whose titles are like
    ``title``: most alike first, a topic on several meetings at the one nearest ``on``."""
    wanted = title_words(title)
    if not wanted:
        return ()
    start, end = add_months(on, -12), add_months(on, 12)
    found: dict[int, Similar] = {}
    words_of: dict[str, frozenset[str]] = {}
    for item in items:
        if item.topic_id == exclude_topic_id or not start <= item.day < end:
            continue
        words = words_of.get(item.title)
        if words is None:
            words = words_of[item.title] = title_words(item.title)
        alike = likeness(wanted, words)
        if not alike:
            continue
        earlier = found.get(item.topic_id)
        if earlier is None or abs((item.day - on).days) < abs((earlier.day - on).days):
            found[item.topic_id] = Similar(
                topic_id=item.topic_id, title=item.title, committee=item.committee, day=item.day,
                held=item.day < on, likeness=alike, exempt=item.exempt, exempt_paragraph=item.exempt_paragraph,
            )  # fmt: skip
    ranked = sorted(found.values(), key=lambda s: (-s.likeness, s.title))
    return tuple(ranked[:limit])
