"""What a use case that only reads queries through: an ORM session, or the plain connection of
``Database.reading()``, which never loads SQLAlchemy's ORM (importing it is about a tenth of a
print command's time). A function taking a ``Reader`` queries ``schema``'s tables only; the
few reads that load ORM classes take the session ``orm_session`` gives them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    Reader: TypeAlias = Session | Connection


def orm_session(reader: Reader) -> Session:
    """An ORM session reading in ``reader``'s transaction: ``reader`` itself when it is a
    session, else a session on the connection (importing the ORM only then), whose reads see
    the same snapshot."""
    from sqlalchemy.orm import Session

    return reader if isinstance(reader, Session) else Session(bind=reader)
