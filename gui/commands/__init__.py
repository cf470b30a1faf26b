"""Undoable edits: one QUndoCommand class per kind of edit (orange-canvas-core's pattern).

:mod:`.base` is the one way to run an operation undoably; each other module holds the
commands of one area of the program.
"""
