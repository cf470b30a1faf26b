"""The one way to run a domain operation undoably.

Every edit the user makes goes through a command pushed on the main window's ``QUndoStack``.
``redo`` and ``undo`` call domain operations (as Python functions) through the
:class:`gui.hub.Hub`, so each step is saved at once in its own transaction and the views that
show what the operation's result says changed reload. The command's text is the menu label
("Undo score Child Exploitation"). If the first ``redo`` fails, the error is shown and the
command marks itself obsolete, so ``QUndoStack.push`` discards it and the stack stays true to
the database.

A command pushed from a dialog is ``inline``: when its first run breaks a rule that names a
field, it is not shown in a message box, because the dialog shows it next to that field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from PySide6.QtGui import QUndoCommand

from domain.values import Change, change_of

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
        self._ran = False

    def run(self, op: Callable[..., T], /, **kwargs: Any) -> T:
        """Run ``op`` through the hub; the views its result says changed reload."""
        result = self.hub.run(op, otherwise=self.change, **kwargs)
        if self.change is None:
            self.change = change_of(result)
        return result

    def first_time_version(self, version: int) -> int | None:
        """The version to check: on the first ``redo`` only.

        The first run checks that nobody changed the row since the user read it. Later undo
        and redo steps follow this window's own history, in which other commands (a cancel
        after a move) also bump the row's version, so they do not check it.
        """
        if self._ran:
            return None
        self._ran = True
        return version

    def do(self) -> None:
        raise NotImplementedError

    def undo_(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.do()
        except Exception as exc:  # shown to the user; the stack must not record a failed edit
            from domain.errors import Invalid

            self._fail(exc, shown=not (self.inline and isinstance(exc, Invalid) and exc.field))

    def undo(self) -> None:
        try:
            self.undo_()
        except Exception as exc:
            self._fail(exc, shown=True)

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
        self.info = self.run(self.delete, **{self.id_arg: self.info.id})


class DeleteCommand(HubCommand):
    """Delete a row (``delete`` takes its id as ``id_arg`` and returns it whole, with what
    hangs off it); undo ``restore``s it with the same id."""

    def __init__(self, hub: Hub, text: str, *, delete: Op, restore: Op, id_arg: str, info: Any) -> None:
        super().__init__(hub, text)
        self.delete, self.restore, self.id_arg = delete, restore, id_arg
        self.info = info

    def do(self) -> None:
        self.info = self.run(self.delete, **{self.id_arg: self.info.id})

    def undo_(self) -> None:
        self.info = self.run(self.restore, info=self.info)


class EditCommand(HubCommand):
    """Change a row's ``fields`` with ``update``, checking on the first run that nobody changed
    it since it was read (``before``); undo puts ``before`` back whole with ``revert``."""

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
            expected_version=self.first_time_version(self.before.version),
            **{self.id_arg: self.before.id},
            **self.fields,
        )
        # Most updates return the row before and after (``Edited``); some only the row.
        self.info = getattr(result, "after", result)

    def undo_(self) -> None:
        self.info = self.run(self.revert, info=self.before)


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
            self.addition = self.run(self.redo_op, addition=self.addition)

    def undo_(self) -> None:
        assert self.addition is not None
        self.run(self.undo_op, addition=self.addition)
