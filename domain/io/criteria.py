"""A scoring tool (criteria set) as a small JSON file, so councils can share them.

::

    {
      "format": "scrutineer-scoring-tool",
      "version": 1,
      "name": "TOPIC",
      "questions": [
        {"code": "T", "title": "Timeliness", "question": "Is it timely?",
         "help": "0 = no, 1 = within the year, 2 = now", "answer": "0-2", "weight": 1}
      ],
      "bands": [{"name": "High", "from": 8, "to": 10, "colour": "#f6c9c4"}]
    }

``answer`` is "yes/no" or a scale "FROM-TO" (e.g. "0-2", "1-5"); ``help``, ``weight`` (1),
``code`` ("") and ``colour`` (the palette's) may be left out. The reader checks the file's
shape, naming the question or band at fault; whether the set can work (bands that overlap or
leave a gap, ...) is domain.scoring.problems, checked by the use case that saves it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..scoring import SCALE, YES_NO, BandRule, CriteriaSetSpec, Question
from .rows import ImportFileError, read_source

FORMAT = "scrutineer-scoring-tool"
VERSION = 1
_SCALE = re.compile(r"\s*(\d+)\s*-\s*(\d+)\s*")
_YES_NO = {"yes/no", "yes / no", "yes-no", "yesno", "yes_no"}
_FIX = "Correct the file and import it again; nothing was imported."


def answer_text(q: Question) -> str:
    return f"{q.scale_min}-{q.scale_max}" if q.kind == SCALE else "yes/no"


def write_set(spec: CriteriaSetSpec) -> bytes:
    """The set as JSON text (UTF-8, indented, keys in a fixed order)."""
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "name": spec.name,
        "questions": [
            {
                "code": q.letter,
                "title": q.title,
                "question": q.question,
                **({"help": q.help} if q.help else {}),
                "answer": answer_text(q),
                "weight": q.weight,
            }
            for q in spec.questions
        ],
        "bands": [
            {
                "name": b.name,
                "from": b.min_total,
                "to": b.max_total,
                **({"colour": b.colour} if b.colour else {}),
            }
            for b in spec.bands
        ],
    }
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def read_set(source: Path | bytes, label: str | None = None) -> CriteriaSetSpec:
    """A set from a JSON file (or its bytes); ``ImportFileError`` names the file, the question
    or band, and what is wrong."""
    name = label or (source.name if isinstance(source, Path) else "the file")
    data = read_source(source, name, kind="scoring tool file") if isinstance(source, Path) else source

    def fail(where: str | None, message: str) -> ImportFileError:
        return ImportFileError(name, None, None, (f"{where}: " if where else "") + message, hint=_FIX)

    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise fail(None, "it is not UTF-8 text, so not a scoring tool file.") from None
    except json.JSONDecodeError as exc:
        raise fail(None, f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise fail(None, f'it is not a scoring tool file (it should start {{"format": "{FORMAT}", ...}}).')
    version = doc.get("version", VERSION)
    if not isinstance(version, int) or version > VERSION:
        raise fail(None, f"it was written by a newer Scrutineer (version {version}); update this one.")
    title = _text(doc, "name", "the tool", fail, required=True)
    questions = doc.get("questions")
    if not isinstance(questions, list) or not questions:
        raise fail(None, "'questions' must be a list with at least one question.")
    bands = doc.get("bands")
    if not isinstance(bands, list) or not bands:
        raise fail(None, "'bands' must be a list with at least one band.")
    return CriteriaSetSpec(
        title,
        tuple(_question(q, n, fail) for n, q in enumerate(questions, start=1)),
        tuple(_band(b, n, fail) for n, b in enumerate(bands, start=1)),
    )


def _text(obj: dict[str, Any], key: str, where: str, fail: Any, *, required: bool = False) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str):
        raise fail(where, f"'{key}' must be text, in quotes.")
    value = " ".join(value.split()) if key != "help" else value.strip()
    if required and not value:
        raise fail(where, f"'{key}' is missing or empty.")
    return value


def _whole(obj: dict[str, Any], key: str, where: str, fail: Any, default: int | None = None) -> int:
    value = obj.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(where, f"'{key}' must be a whole number, without quotes; it is {json.dumps(value)}.")
    return value


def _question(obj: Any, n: int, fail: Any) -> Question:
    where = f"question {n}"
    if not isinstance(obj, dict):
        raise fail(where, "each question must be an object in braces { }.")
    answer = obj.get("answer", "yes/no")
    if not isinstance(answer, str):
        raise fail(where, "'answer' must be \"yes/no\" or a scale such as \"0-2\" or \"1-5\".")
    kind, low, high = YES_NO, 0, 1
    if answer.strip().casefold() not in _YES_NO:
        m = _SCALE.fullmatch(answer)
        if m is None:
            raise fail(where, f"'answer' is {answer!r}: write \"yes/no\" or a scale such as \"0-2\" or \"1-5\".")
        kind, low, high = SCALE, int(m.group(1)), int(m.group(2))
    return Question(
        letter=_text(obj, "code", where, fail),
        title=_text(obj, "title", where, fail, required=True),
        question=_text(obj, "question", where, fail, required=True),
        weight=_whole(obj, "weight", where, fail, 1),
        kind=kind,
        scale_min=low,
        scale_max=high,
        help=_text(obj, "help", where, fail),
    )


def _band(obj: Any, n: int, fail: Any) -> BandRule:
    where = f"band {n}"
    if not isinstance(obj, dict):
        raise fail(where, "each band must be an object in braces { }.")
    return BandRule(
        name=_text(obj, "name", where, fail, required=True),
        min_total=_whole(obj, "from", where, fail),
        max_total=_whole(obj, "to", where, fail),
        colour=_text(obj, "colour", where, fail),
    )
