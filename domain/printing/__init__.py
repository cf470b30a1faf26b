"""Printed documents: the data (``document``) and its PDF rendering (``render``)."""

from __future__ import annotations
