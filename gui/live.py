"""Other people's changes appear: a window notices commits made by other windows or programs.

:class:`ChangeWatcher` wakes on a short timer and asks the database, cheaply, whether anyone
else has committed since it last looked; when so, it emits the hub's ``changed`` with
everything, the same path as one of the window's own edits, so every page that shows data
reloads (keeping its selected row by id).

* SQLite: ``PRAGMA data_version`` on a connection of the watcher's own changes whenever another
  connection has committed (https://www.sqlite.org/pragma.html#pragma_data_version). The
  window's own commits change it too; the watcher looks just before the hub writes (a change
  seen then is someone else's) and takes the value after the hub's commit as its new base.
* PostgreSQL: every writing transaction sends ``NOTIFY scrutineer`` with its database's origin
  (``domain.db``), delivered only on commit; the watcher's connection listens, and a notice
  with the window's own origin is ignored.

Signals:
    noticed(): someone else's commit was noticed (after the pages were told).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from .hub import Hub

POLL_MS = 500


class ChangeWatcher(QObject):
    noticed = Signal()

    def __init__(self, hub: Hub, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.hub = hub
        self._probe: _Probe | None = _open_probe(hub)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        if self._probe is not None:
            hub.writing.connect(self._on_hub_writing)
            hub.changed.connect(self._on_hub_changed)
            self._timer.start()
        if isinstance(parent, QObject):
            parent.installEventFilter(self)  # a closed window stops watching

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self.parent() and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    @property
    def active(self) -> bool:
        """True while watching (False for a database nothing else can change, in memory)."""
        return self._probe is not None

    def stop(self) -> None:
        """Stop watching and close the watcher's connection."""
        self._timer.stop()
        probe, self._probe = self._probe, None
        if probe is not None:
            probe.close()

    def check(self) -> bool:
        """Look now; True (and the pages told) when someone else has committed."""
        if self._probe is None:
            return False
        try:
            news = self._probe.others_committed()
        except Exception:  # noqa: BLE001 - a lost connection stops live updates, nothing else
            self.stop()
            return False
        if news:
            # Deferred: the window imports this module before its first paint, and the values'
            # dataclasses (about 15 ms to define) are not needed until the data is there.
            from domain.values import EVERYTHING

            self.hub.changed.emit(EVERYTHING)
            self.noticed.emit()
        return news

    def _on_timer_timeout(self) -> None:
        self.check()

    def _on_hub_writing(self) -> None:
        if self._probe is not None:
            self._probe.before_own_write()

    def _on_hub_changed(self, _change: object) -> None:
        if self._probe is not None and self._probe.after_own_commit():
            # Someone else committed just before this window did: show it after this edit.
            QTimer.singleShot(0, self.check)


class _Probe:
    """Asks one database whether others have committed."""

    def others_committed(self) -> bool:
        raise NotImplementedError

    def before_own_write(self) -> None:
        """The window is about to write."""

    def after_own_commit(self) -> bool:
        """The window has committed; True when others' news is waiting to be shown."""
        return False

    def close(self) -> None:
        raise NotImplementedError


class _SqliteProbe(_Probe):
    def __init__(self, path: str) -> None:
        import sqlite3  # here, not before the window's first paint

        # Autocommit (no transaction is ever held open) and read-only: it only asks.
        uri = f"{Path(path).resolve().as_uri()}?mode=ro"  # as_uri escapes "?", "#" and "%"
        self._conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        self._seen = self._version()
        self._pending = False

    def _version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def others_committed(self) -> bool:
        version = self._version()
        news = self._pending or version != self._seen
        self._seen, self._pending = version, False
        return news

    def before_own_write(self) -> None:
        version = self._version()
        if version != self._seen:
            self._seen, self._pending = version, True

    def after_own_commit(self) -> bool:
        self._seen = self._version()
        return self._pending

    def close(self) -> None:
        self._conn.close()


class _PostgresProbe(_Probe):
    def __init__(self, hub: Hub) -> None:
        from domain.db import NOTIFY_CHANNEL

        raw = hub.database.engine.raw_connection()
        conn: Any = raw.driver_connection
        self._conn = conn
        raw.detach()  # the listening connection is the watcher's alone, never back in the pool
        conn.rollback()
        conn.autocommit = True
        conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
        self._origin = hub.database.origin

    def others_committed(self) -> bool:
        news = False
        for notice in self._conn.notifies(timeout=0):
            news = news or notice.payload != self._origin
        return news

    def close(self) -> None:
        self._conn.close()


def _open_probe(hub: Hub) -> _Probe | None:
    url = hub.database.engine.url
    backend = url.get_backend_name()
    try:
        if backend == "sqlite":
            path = url.database
            if not path or path == ":memory:" or path.startswith("file:"):
                return None
            return _SqliteProbe(path)
        if backend == "postgresql" and url.get_driver_name() == "psycopg":
            return _PostgresProbe(hub)
    except Exception:  # noqa: BLE001 - without a watcher the window works, only not live
        return None
    return None
