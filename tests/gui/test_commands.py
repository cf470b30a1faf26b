"""Every operation an undo command runs says, by its result, which views must reload."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import types
import typing
from pathlib import Path

from domain.values import change_of_type

COMMANDS = Path(__file__).resolve().parents[2] / "gui" / "commands"
# Results that cannot say what changed: the whole window reloads after these steps.
SAYS_NOTHING = {"set_agreed", "set_programme_approved"}


def _is_op(value: object) -> bool:
    """A use case: ``f(session, *, ...)``."""
    return inspect.isfunction(value) and next(iter(inspect.signature(value).parameters), "") == "session"


def _ops_run_by_commands() -> dict[str, typing.Callable[..., object]]:
    """Every domain function the command modules name, by name."""
    found: dict[str, typing.Callable[..., object]] = {}
    for path in COMMANDS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules: dict[str, types.ModuleType] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("domain"):
                for alias in node.names:
                    target = importlib.import_module(node.module)
                    value = getattr(target, alias.name, None)
                    if value is None:
                        value = importlib.import_module(f"{node.module}.{alias.name}")
                    if isinstance(value, types.ModuleType):
                        modules[alias.asname or alias.name] = value
                    elif _is_op(value):
                        found[alias.name] = value
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                module = modules.get(node.value.id)
                value = getattr(module, node.attr, None) if module else None
                if _is_op(value):
                    found[node.attr] = value
    return found


def _result_type(op: typing.Callable[..., object]) -> object:
    # The session types are imported only for type checking where an op is declared (the read
    # paths never load SQLAlchemy's ORM), so they are named here for its annotations.
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    names = {"Session": Session, "Reader": Session | Connection}
    return typing.get_type_hints(op, localns=names)["return"]


def _changed_by(tp: object) -> object:
    """What a result of type ``tp`` says changed, as ``domain.values.change_of`` reads it."""
    origin = typing.get_origin(tp)
    if origin is not None:  # Edited[DecisionInfo]: its ``after``
        args = typing.get_args(tp)
        return change_of_type(origin) or (_changed_by(args[0]) if args else None)
    assert isinstance(tp, type)
    said = change_of_type(tp)
    if said is None and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        if "after" in hints:
            return _changed_by(hints["after"])
    return said


def test_every_op_a_command_runs_says_what_it_changed() -> None:
    ops = _ops_run_by_commands()
    assert {"create_topic", "book", "update_decision", "import_rows", "save_settings"} <= set(ops)
    silent = []
    for name, op in sorted(ops.items()):
        tp = _result_type(op)
        if tp is type(None):
            continue  # an undo step: it changes what its command's first step changed
        if _changed_by(tp) is None:
            silent.append(name)
    assert set(silent) == SAYS_NOTHING
