"""The one way to run a domain operation undoably.

Every edit the user makes goes through a command pushed on the main window's ``QUndoStack``.
``redo`` and ``undo`` call domain operations (as Python functions) through the
:class:`gui.hub.Hub`, so each step is saved at once in its own transaction and the views that
show what the operation's result says changed reload. The command's text is the menu label
("Undo score Child Exploitation"). If the first ``redo`` fails, the error is shown and the
command marks itself obsolete, so ``QUndoStack.push`` discards it and the stack stays true to
the database.

Undo and redo check, like the first run, that nobody else changed the rows since this window
left them: each step sends the version the window's own last step left the row at. When a row
moved on, the user is told who changed it and when (``Dialogs.conflict``) and chooses to keep
their change (nothing is written, the command leaves the stack) or to use theirs anyway (the
step runs again without the check, and the history records it as any change).

The audit history names each step after the command: its text ("Edit School attendance"), or
"Undo " and the text when undoing.

A command pushed from a dialog is ``inline``: when its first run breaks a rule that names a
field, it is not shown in a message box, because the dialog shows it next to that field.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from PySide6.QtGui import QUndoCommand

from domain.errors import Conflict
from domain.values import EVERYTHING, Change, change_of

from .. import errors

if TYPE_CHECKING:  # gui.hub imports SQLAlchemy, which the window loads after painting
    from ..hub import Hub

T = TypeVar("T")


def short(title: str, limit: int = 60) -> str:
    """A title short enough for the Edit menu."""
    return title if len(title) <= limit else title[: limit - 1] + "…"


def when(starts_at: dt.datetime) -> str:
    """A meeting's day as the Edit menu names it: "4 March 2020"."""
    from domain.dates import long_date

    return long_date(starts_at.date())


# The version each row was left at by this window's last step, by hub (one per window): a
# row another command of the same window changed since (a cancel after a move) is not someone
# else's change. Keyed by the plain value's type name (snapshot rows count as their values).
_left_at: weakref.WeakKeyDictionary[Hub, dict[tuple[str, int], int]] = weakref.WeakKeyDictionary()
_SAME_ROW = {"TopicState": "TopicRow", "MeetingState": "MeetingInfo", "EntryState": "EntryInfo"}
# Rows a result names by table with their versions (``versions``: (table, id, version)).
_TABLE_ROW = {
    "topic": "TopicRow", "programme_entry": "EntryInfo", "decision": "DecisionInfo",
    "recommendation": "RecommendationInfo", "committee": "CommitteeInfo",
}  # fmt: skip


def _rows(result: Any) -> Iterator[Any]:
    """The plain values of rows in an op's result, as it left them."""
    from domain.ops.planning.snapshots import ProgrammeState

    value = getattr(result, "after", result)
    if isinstance(value, ProgrammeState):
        yield from (*value.meetings, *value.entries, *value.topics)
    elif value is not None:
        yield value


def _key(value: Any) -> tuple[str, int]:
    name = type(value).__name__
    return (_SAME_ROW.get(name, name), value.id)


class HubCommand(QUndoCommand):
    """Base class: subclasses implement ``do()`` and ``undo_()``, running ops with ``run``."""

    def __init__(self, hub: Hub, text: str, *, inline: bool = False) -> None:
        super().__init__(text)
        self.hub = hub
        self.inline = inline
        self.failed: BaseException | None = None
        # What this edit changes, from its first step's result; a later step whose operation
        # returns nothing (the delete that undoes an add) changed the same.
        self.change: Change | None = None
        self._undoing = False
        self._forced = False  # the user chose to overwrite someone else's change
        self._ran = False

    @property
    def action(self) -> str:
        """This step as the audit history names it: "Edit School attendance", "Undo edit …"."""
        text = self.text()
        return f"Undo {text}" if self._undoing else text[:1].upper() + text[1:]

    def run(self, op: Callable[..., T], /, **kwargs: Any) -> T:
        """Run ``op`` through the hub; the views its result says changed reload."""
        result = self.hub.run(op, otherwise=self.change, action=self.action, **kwargs)
        if self.change is None:
            self.change = change_of(result)
        self._ran = True
        left = _left_at.setdefault(self.hub, {})
        for row in _rows(result):
            version = getattr(row, "version", None)
            if isinstance(version, int) and isinstance(getattr(row, "id", None), int):
                left[_key(row)] = version
        for table, row_id, version in getattr(result, "versions", ()):
            left[(_TABLE_ROW.get(table, table), row_id)] = version
        return result

    def expected(self, row: Any) -> int | None:
        """The version to send for ``row`` (a plain value read earlier): the one the user read
        on the first run, then the one this window last left it at; None when the user chose
        to overwrite a newer change."""
        if self._forced:
            return None
        if not self._ran:
            return row.version  # type: ignore[no-any-return]
        return _left_at.get(self.hub, {}).get(_key(row), row.version)  # type: ignore[no-any-return]

    def as_left(self, made: Any) -> Any:
        """``made`` (a result naming its rows' ``versions``) with the versions this window last
        left those rows at (a later command of the window, undone since, moves them on too), or
        None to overwrite."""
        if self._forced or made is None:
            return None
        from dataclasses import replace

        left = _left_at.get(self.hub, {})
        versions = tuple(
            (table, row_id, left.get((_TABLE_ROW.get(table, table), row_id), version))
            for table, row_id, version in made.versions
        )
        return replace(made, versions=versions)

    def expected_state(self, state: Any) -> Any:
        """What a restore of whole values (a planner snapshot, the council settings) should
        find: the state this command left, or None when the user chose to overwrite a newer
        change."""
        return None if self._forced else state

    def do(self) -> None:
        raise NotImplementedError

    def undo_(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._step(self.do, undoing=False)

    def undo(self) -> None:
        self._step(self.undo_, undoing=True)

    def _step(self, step: Callable[[], None], *, undoing: bool) -> None:
        self._undoing = undoing
        try:
            step()
        except Conflict as exc:
            if not self._use_mine(exc):
                self._fail(exc, shown=False)  # they were told; their change stays
                self.hub.changed.emit(self.change or EVERYTHING)
                return
            self._forced = True
            try:
                step()
            except Exception as again:
                self._fail(again, shown=True)
            finally:
                self._forced = False
        except Exception as exc:  # shown to the user; the stack must not record a failed edit
            from domain.errors import Invalid

            shown = undoing or not (self.inline and isinstance(exc, Invalid) and exc.field)
            self._fail(exc, shown=shown)
        finally:
            self._undoing = False

    def _use_mine(self, exc: Conflict) -> bool:
        """Ask whether to overwrite the other person's change, through the window's dialogs
        (the hub's parent); without a window the other change is kept and the user told."""
        window = self.hub.parent()
        dialogs = getattr(window, "dialogs", None)
        if dialogs is None:
            errors.report(exc)
            return False
        return bool(dialogs.conflict(window, exc))

    def _fail(self, exc: Exception, *, shown: bool) -> None:
        self.failed = exc
        self.setObsolete(True)
        if shown:
            errors.report(exc)


# --- the usual shapes of an undoable edit --------------------------------------------------
# Each op below returns the row as it was (``before``) or whole (a delete), so undo puts
# exactly that back and redo re-creates rows with the same ids: later commands that name them
# still find them.

Op = Callable[..., Any]


class AddCommand(HubCommand):
    """Add a row with ``args``. Undo deletes it (``delete`` takes its id as ``id_arg`` and
    returns it whole); redo ``restore``s it with the same id, so later commands still find it."""

    def __init__(
        self, hub: Hub, text: str, *, add: Op, restore: Op, delete: Op, id_arg: str,
        args: dict[str, Any], restore_arg: str = "info", inline: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(hub, text, inline=inline)
        self.add, self.restore, self.delete = add, restore, delete
        self.id_arg, self.restore_arg = id_arg, restore_arg
        self.args = args
        self.info: Any = None

    def do(self) -> None:
        if self.info is None:
            self.info = self.run(self.add, **self.args)
        else:
            self.info = self.run(self.restore, **{self.restore_arg: self.info})

    def undo_(self) -> None:
        assert self.info is not None
        self.info = self.run(
            self.delete, **{self.id_arg: self.info.id}, expected_version=self.expected(self.info)
        )


class DeleteCommand(HubCommand):
    """Delete a row (``delete`` takes its id as ``id_arg`` and returns it whole, with what
    hangs off it); undo ``restore``s it with the same id."""

    def __init__(self, hub: Hub, text: str, *, delete: Op, restore: Op, id_arg: str, info: Any) -> None:
        super().__init__(hub, text)
        self.delete, self.restore, self.id_arg = delete, restore, id_arg
        self.info = info

    def do(self) -> None:
        self.info = self.run(
            self.delete, **{self.id_arg: self.info.id}, expected_version=self.expected(self.info)
        )

    def undo_(self) -> None:
        self.info = self.run(self.restore, info=self.info)


class EditCommand(HubCommand):
    """Change a row's ``fields`` with ``update``, checking that nobody changed it since it was
    read (``before``); undo puts ``before`` back whole with ``revert``, checking that nobody
    changed it since this edit."""

    def __init__(
        self, hub: Hub, text: str, *, update: Op, revert: Op, id_arg: str, before: Any,
        fields: dict[str, Any], inline: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(hub, text, inline=inline)
        self.update, self.revert, self.id_arg = update, revert, id_arg
        self.before = before
        self.fields = dict(fields)
        self.info: Any = None

    def do(self) -> None:
        result = self.run(
            self.update,
            expected_version=self.expected(self.before),
            **{self.id_arg: self.before.id},
            **self.fields,
        )
        # Most updates return the row before and after (``Edited``); some only the row.
        self.info = getattr(result, "after", result)

    def undo_(self) -> None:
        assert self.info is not None
        self.info = self.run(self.revert, info=self.before, expected_version=self.expected(self.info))


class AdditionOptions(TypedDict, total=False):
    """How something is added to the work programme: on a meeting, or a number of months from
    ``today`` (the topic waits to be scheduled if neither is given), and whether from a dialog
    (``inline``, see the module docstring)."""

    meeting_id: int | None
    in_months: int | None
    today: dt.date | None
    inline: bool


class ProgrammeAdditionCommand(HubCommand):
    """Put something on the work programme in one step (a topic, its booking and what the
    operation marks on the source); undo removes exactly those, redo puts them back.

    ``source`` names what asks for it (``{"decision_id": 7}``); the operations take it with
    the topic's title and reason and the :class:`AdditionOptions`."""

    def __init__(
        self, hub: Hub, text: str, *, add: Op, redo: Op, undo: Op, source: dict[str, int], title: str, reason: str,
        meeting_id: int | None = None, in_months: int | None = None, today: dt.date | None = None, inline: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(hub, text, inline=inline)
        self.add, self.redo_op, self.undo_op = add, redo, undo
        self.kwargs: dict[str, Any] = {**source, "title": title, "reason": reason,
                                       "meeting_id": meeting_id, "in_months": in_months, "today": today}  # fmt: skip
        self.addition: Any = None

    def do(self) -> None:
        if self.addition is None:
            self.addition = self.run(self.add, **self.kwargs)
        else:
            self.addition = self.run(self.redo_op, addition=self.addition, expected=self._left())

    def undo_(self) -> None:
        assert self.addition is not None
        self.addition = self.run(self.undo_op, addition=self.addition, expected=self._left())

    def _left(self) -> Any:
        return self.as_left(self.addition)
