"""Outside formats as codecs: files in, plain rows out; export rows in, files out.

Each format has one module here (``csv``, ``xlsx``, ``docx``; ``sniff`` tells a file's kind by
its content and calls its reader). A reader turns a file into checked
:class:`~domain.io.rows.ProgrammeRow` values in the council's layout; a writer turns
:class:`~domain.io.rows.ExportRow` values into a file. Nothing here opens a session or calls a
use case: ``domain.ops.imports`` writes read rows into the database and ``domain.ops.exports``
builds the export rows (and keeps exempt items out of them), so every format is checked,
imported and exported by the same rules.
"""
