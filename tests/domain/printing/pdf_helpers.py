"""Reading printed PDFs back the way a reader (or a screen reader) sees them."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from pypdf import PdfReader


def render_to_bytes(render: Callable[..., None], doc: Any, **kwargs: Any) -> bytes:
    buffer = io.BytesIO()
    render(doc, buffer, **kwargs)
    return buffer.getvalue()


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    """Each page's text with all runs of whitespace (line wraps included) made single spaces."""
    return [" ".join(page.extract_text().split()) for page in reader(data).pages]


def all_text(data: bytes) -> str:
    return " ".join(page_texts(data))


def outline_titles(data: bytes) -> list[str]:
    titles: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader(data).outline)
    return titles


def everything_readable(data: bytes) -> str:
    """Every page's text, every bookmark title and every metadata value, as one string."""
    meta = reader(data).metadata or {}
    parts = [*page_texts(data), *outline_titles(data), *(str(v) for v in meta.values())]
    return "\n".join(parts)
