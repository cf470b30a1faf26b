"""Undoable edits: one QUndoCommand class per kind of edit (orange-canvas-core's pattern).

Every edit the user makes goes through a command pushed on the main window's ``QUndoStack``.
``redo`` and ``undo`` call domain operations through the :class:`gui.hub.Hub`, so each step is
saved at once in its own transaction. The command's text is the menu label ("Undo score Child
Exploitation"). If the first ``redo`` fails, the error is shown and the command marks itself
obsolete, so ``QUndoStack.push`` discards it and the stack stays true to the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from domain.values import Change, CommitteeInfo, MeetingInfo, TopicRow

from . import errors

if TYPE_CHECKING:  # gui.hub imports SQLAlchemy, which the window loads after painting
    from domain.csvio import ImportSummary, ProgrammeCsvRow
    from domain.ops.imports import ImportedIds
    from domain.settings import CouncilSettings

    from .hub import Hub


def _first_time_version(command: HubCommand, version: int) -> int | None:
    """The version to check: on the first ``redo`` only.

    The first run checks that nobody changed the row since the user read it. Later undo and
    redo steps follow this window's own history, in which other commands (a cancel after a
    move) also bump the row's version, so they do not check it.
    """
    if getattr(command, "_ran", False):
        return None
    command._ran = True  # type: ignore[attr-defined]
    return version


class HubCommand(QUndoCommand):
    """Base class: subclasses implement ``do()`` and ``undo_()`` with hub calls."""

    def __init__(self, hub: Hub, text: str) -> None:
        super().__init__(text)
        self.hub = hub
        self.failed: BaseException | None = None

    def do(self) -> None:
        raise NotImplementedError

    def undo_(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.do()
        except Exception as exc:  # shown to the user; the stack must not record a failed edit
            self.failed = exc
            self.setObsolete(True)
            errors.report(exc)

    def undo(self) -> None:
        try:
            self.undo_()
        except Exception as exc:
            self.failed = exc
            self.setObsolete(True)
            errors.report(exc)


# --- topics -----------------------------------------------------------------------------------

_TOPICS = Change(topics=True, programme=True)
_MEETINGS = Change(meetings=True, programme=True)


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


class CreateTopicCommand(HubCommand):
    """Add a topic; undo deletes it, redo re-creates it with the same id."""

    def __init__(self, hub: Hub, *, committee_id: int, year_start: int, fields: dict[str, Any]) -> None:
        super().__init__(hub, f"add topic {_short(str(fields.get('title', '')))}")
        self.committee_id = committee_id
        self.year_start = year_start
        self.fields = dict(fields)
        self.row: TopicRow | None = None

    def do(self) -> None:
        from domain.ops import topics

        if self.row is None:
            fields = {k: v for k, v in self.fields.items() if k not in ("title", "year_start")}
            self.row = self.hub.run(
                topics.create_topic,
                change=_TOPICS,
                committee_id=self.committee_id,
                year_start=self.fields.get("year_start", self.year_start),
                title=self.fields.get("title", ""),
                **fields,
            )
        else:
            self.row = self.hub.run(topics.restore_topic, change=_TOPICS, row=self.row)

    def undo_(self) -> None:
        from domain.ops import topics

        assert self.row is not None
        self.hub.run(topics.delete_topic, change=_TOPICS, topic_id=self.row.id)


class EditTopicCommand(HubCommand):
    """Change a topic's fields; undo puts the previous fields back."""

    def __init__(self, hub: Hub, *, before: TopicRow, fields: dict[str, Any]) -> None:
        super().__init__(hub, f"edit {_short(str(fields.get('title') or before.title))}")
        self.topic_id = before.id
        self.version = before.version
        from_row = {k: getattr(before, k) for k in fields}
        self.old_fields = from_row
        self.new_fields = dict(fields)
        self.row: TopicRow | None = None

    def _apply(self, fields: dict[str, Any]) -> None:
        from domain.ops import topics

        self.row = self.hub.run(
            topics.update_topic,
            change=_TOPICS,
            topic_id=self.topic_id,
            expected_version=_first_time_version(self, self.version),
            **fields,
        )
        self.version = self.row.version

    def do(self) -> None:
        self._apply(self.new_fields)

    def undo_(self) -> None:
        self._apply(self.old_fields)


# --- committees -------------------------------------------------------------------------------


def committee_fields(info: CommitteeInfo) -> dict[str, Any]:
    """A committee's editable fields as the update operation takes them."""
    from domain.ops.committees import EDITABLE

    out: dict[str, Any] = {}
    for key in EDITABLE:
        value = getattr(info, key)
        out[key] = "\n".join(value) if isinstance(value, tuple) else value
    return out


class AddCommitteeCommand(HubCommand):
    def __init__(self, hub: Hub, *, name: str) -> None:
        super().__init__(hub, f"add committee {_short(name)}")
        self.name = name
        self.committee_id: int | None = None

    def do(self) -> None:
        from domain.ops import committees

        info = self.hub.run(
            committees.create_committee,
            change=Change(committees=True),
            name=self.name,
            committee_id=self.committee_id,
        )
        self.committee_id = info.id

    def undo_(self) -> None:
        from domain.ops import committees

        assert self.committee_id is not None
        self.hub.run(
            committees.delete_committee, change=Change(committees=True), committee_id=self.committee_id
        )


class EditCommitteeCommand(HubCommand):
    def __init__(self, hub: Hub, *, before: CommitteeInfo, fields: dict[str, Any]) -> None:
        super().__init__(hub, f"edit committee {_short(before.short_name or before.name)}")
        self.committee_id = before.id
        self.version = before.version
        old = committee_fields(before)
        self.old_fields = {k: old[k] for k in fields}
        self.new_fields = dict(fields)

    def _apply(self, fields: dict[str, Any]) -> None:
        from domain.ops import committees

        info = self.hub.run(
            committees.update_committee,
            change=Change(committees=True, programme=True),
            committee_id=self.committee_id,
            expected_version=_first_time_version(self, self.version),
            **fields,
        )
        self.version = info.version

    def do(self) -> None:
        self._apply(self.new_fields)

    def undo_(self) -> None:
        self._apply(self.old_fields)


# --- meetings ---------------------------------------------------------------------------------


def _when(starts_at: dt.datetime) -> str:
    return f"{starts_at.day} {starts_at:%B %Y}"


class AddMeetingCommand(HubCommand):
    """Add a meeting; undo deletes it, redo adds it back with the same id."""

    def __init__(
        self, hub: Hub, *, committee_id: int, starts_at: dt.datetime, venue: str | None = None
    ) -> None:
        super().__init__(hub, f"add meeting of {_when(starts_at)}")
        self.committee_id = committee_id
        self.starts_at = starts_at
        self.venue = venue
        self.meeting: MeetingInfo | None = None

    def do(self) -> None:
        from domain.ops import planning

        self.meeting = self.hub.run(
            planning.add_meeting,
            change=_MEETINGS,
            committee_id=self.committee_id,
            starts_at=self.starts_at,
            venue=self.venue if self.meeting is None else self.meeting.venue,
            meeting_id=self.meeting.id if self.meeting is not None else None,
        )

    def undo_(self) -> None:
        from domain.ops import planning

        assert self.meeting is not None
        self.hub.run(planning.delete_meeting, change=_MEETINGS, meeting_id=self.meeting.id)


class MoveMeetingCommand(HubCommand):
    """Move a meeting to another date, time or venue; its items go with it."""

    def __init__(
        self, hub: Hub, *, before: MeetingInfo, starts_at: dt.datetime, venue: str | None = None
    ) -> None:
        super().__init__(hub, f"move meeting of {_when(before.starts_at)} to {_when(starts_at)}")
        self.meeting_id = before.id
        self.version = before.version
        self.old = (before.starts_at, before.venue)
        self.new = (starts_at, before.venue if venue is None else venue)

    def _apply(self, when: tuple[dt.datetime, str]) -> None:
        from domain.ops import planning

        info = self.hub.run(
            planning.move_meeting,
            change=_MEETINGS,
            meeting_id=self.meeting_id,
            starts_at=when[0],
            venue=when[1],
            expected_version=_first_time_version(self, self.version),
        )
        self.version = info.version

    def do(self) -> None:
        self._apply(self.new)

    def undo_(self) -> None:
        self._apply(self.old)


class SetProgrammeApprovedCommand(HubCommand):
    """Mark a committee's programme for a year approved (it prints without DRAFT) or draft."""

    def __init__(self, hub: Hub, *, committee_id: int, year_start: int, approved: bool, label: str) -> None:
        super().__init__(hub, f"{'approve' if approved else 'mark as draft'} programme {label}")
        self.committee_id = committee_id
        self.year_start = year_start
        self.approved = approved
        self.previous: bool | None = None

    def _apply(self, approved: bool) -> bool:
        from domain.ops import committees

        return self.hub.run(
            committees.set_programme_approved,
            change=Change(programme=True),
            committee_id=self.committee_id,
            year_start=self.year_start,
            approved=approved,
        )

    def do(self) -> None:
        previous = self._apply(self.approved)
        if self.previous is None:
            self.previous = previous

    def undo_(self) -> None:
        assert self.previous is not None
        self._apply(self.previous)


# --- council settings -------------------------------------------------------------------------

# Settings change deadlines, warnings and what prints: the planner and meetings redraw.
_SETTINGS = Change(programme=True, meetings=True)


class SaveSettingsCommand(HubCommand):
    """Save the council settings as one step; undo puts every previous setting back.

    Pushed from the settings dialog, a broken rule that names its field is left for the dialog
    to show beside the field instead of in a message box.
    """

    def __init__(self, hub: Hub, *, settings: CouncilSettings) -> None:
        super().__init__(hub, "change council settings")
        self.settings = settings
        self.previous: CouncilSettings | None = None

    def redo(self) -> None:
        from domain.errors import Invalid

        try:
            self.do()
        except Exception as exc:  # the stack must not record a failed edit
            self.failed = exc
            self.setObsolete(True)
            if not (isinstance(exc, Invalid) and exc.field):
                errors.report(exc)

    def do(self) -> None:
        from domain.settings import save_settings

        previous = self.hub.run(save_settings, change=_SETTINGS, settings=self.settings)
        if self.previous is None:
            self.previous = previous

    def undo_(self) -> None:
        from domain.settings import save_settings

        assert self.previous is not None
        self.hub.run(save_settings, change=_SETTINGS, settings=self.previous)


# --- importing a programme file ---------------------------------------------------------------

_IMPORT = Change(topics=True, meetings=True, programme=True, scores=True)


class ImportProgrammeCommand(HubCommand):
    """Import checked rows of a programme file into a committee's year.

    Undo deletes exactly the topics (with their scores), meetings and entries the import made;
    redo makes them again with the same ids, so later steps on the stack still find them.
    """

    def __init__(
        self, hub: Hub, *, committee_id: int, year_start: int, rows: Sequence[ProgrammeCsvRow], file: str
    ) -> None:
        super().__init__(hub, f"import {Path(file).name}")
        self.committee_id = committee_id
        self.year_start = year_start
        self.rows = tuple(rows)
        self.file = file
        self.created: ImportedIds | None = None
        self.summary: ImportSummary | None = None

    def do(self) -> None:
        from domain.ops.imports import import_rows

        result = self.hub.run(
            import_rows,
            change=_IMPORT,
            committee_id=self.committee_id,
            year_start=self.year_start,
            rows=self.rows,
            file=self.file,
            reuse=self.created,
        )
        self.created = result.created
        self.summary = result.summary

    def undo_(self) -> None:
        from domain.ops.imports import remove_imported

        assert self.created is not None
        self.hub.run(remove_imported, change=_IMPORT, imported=self.created)
