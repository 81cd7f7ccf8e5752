"""Open a database file read-only as the exact file version that is there now.

DuckDB keeps one database instance per path while any connection to it is open. When a build
renames a new file over ``nplv.duckdb``, a new connection by that path would be handed the old,
replaced file for as long as an old connection lives. So readers open the file through a hard
link named after its inode (``.nplv.duckdb.<inode>.ro``): one path per file version. The links
cost nothing and are removed by the next build once they point at an old version.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb

SUFFIX = ".ro"


def snapshot_path(path: Path) -> Path:
    """A hard link to the file as it is now, named after its inode; the path itself if the
    folder does not allow links (then a rebuilt file is seen after the old one is closed)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.link")
    try:
        os.link(path, tmp)
    except OSError:
        return path
    try:
        target = path.with_name(f".{path.name}.{os.stat(tmp).st_ino}{SUFFIX}")
        os.replace(tmp, target)  # same inode: replacing an existing link changes nothing
    finally:
        tmp.unlink(missing_ok=True)
    return target


def open_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current version of ``path``."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    for _ in range(3):  # a concurrent build may remove a stale link between link and open
        target = snapshot_path(path)
        try:
            return duckdb.connect(str(target), read_only=True)
        except duckdb.IOException:
            if target == path:
                raise
    return duckdb.connect(str(path), read_only=True)


def remove_stale_links(path: Path) -> int:
    """Remove snapshot links of replaced versions (open connections keep working)."""
    path = Path(path)
    try:
        current = os.stat(path).st_ino
    except FileNotFoundError:
        current = None
    removed = 0
    for link in path.parent.glob(f".{path.name}.*{SUFFIX}"):
        inode = link.name[len(path.name) + 2: -len(SUFFIX)]
        if inode.isdigit() and int(inode) != current:
            link.unlink(missing_ok=True)
            removed += 1
    return removed
