"""How a count is written in a message: "1 item", "2 items", "1 meeting was created"; and
how a name is written in a file name ("Health-Care-work-programme-2019-20.pdf").

The one home for plurals, so no message says "1 items" or "item(s)". Kept free of imports: the
command line and the GUI's first paint use it.
"""

from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """'1 item', '2 items', '0 items'; ``plural`` for a noun that does not just add "s"
    ("1 committee is", "2 committees are" is ``counted(2, "committee")``, "1 reply",
    "2 replies" is ``counted(2, "reply", "replies")``)."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


__all__ = ["counted"]


def slug(text: str, empty: str = "document") -> str:
    """``text`` safe in a file name: each run of other characters than letters and digits
    becomes one hyphen ("Health & Care" -> "Health-Care"); ``empty`` when nothing is left."""
    out = "".join(ch if ch.isalnum() else "-" for ch in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-") or empty
