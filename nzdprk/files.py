"""Writing into a user's folder without ever touching what nzdprk did not write.

Every file is written to a temporary name in the same folder (``.nzdprk-tmp-<pid>-…``) and
moved into place with ``os.replace`` once all of a batch are complete, so an interruption
leaves the previous files as they were. A manifest (``nzdprk-manifest.json``) lists the files
nzdprk wrote into the folder; only those are ever replaced or removed, and everything else in
the folder is left in place. Files and folders get the permissions the umask gives (usually
0644 and 0755), not private ones.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path

MANIFEST = "nzdprk-manifest.json"
TEMP_PREFIX = ".nzdprk-tmp-"


class OutputError(Exception):
    """The output folder or file cannot be written; nothing was changed in it."""


def write_files(
    folder: str | Path, writers: Mapping[str, Callable[[Path], None]], *, group: str
) -> list[Path]:
    """Write ``name -> writer(path)`` into ``folder`` as one batch; return the paths written.

    Files of the same ``group`` that an earlier run wrote and this one does not are removed
    (they would be stale); files of other groups and files nzdprk did not write are kept. A
    file of the same name that nzdprk did not write is never replaced: :class:`OutputError`.
    """
    folder = Path(folder)
    try:
        _prepare(folder)
        _remove_own_leftovers(folder)
        old = read_manifest(folder)
        _refuse_foreign(folder, writers, old)
        staged: dict[str, Path] = {}
        try:
            for name, write in writers.items():
                staged[name] = _new_temp(folder, name)
                write(staged[name])
            _write_manifest(folder, old | dict.fromkeys(writers, group))
            for name, tmp in staged.items():
                os.replace(tmp, folder / name)
            kept = {n: g for n, g in old.items() if n in writers or g != group}
            for name in old.keys() - kept.keys():
                _remove(folder / name)
            _write_manifest(folder, kept | dict.fromkeys(writers, group))
        finally:
            for tmp in staged.values():
                tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write to {folder}: {exc.strerror or exc}") from exc
    return [folder / name for name in writers]


def write_file(path: str | Path, data: bytes) -> Path:
    """Replace one file atomically (the caller named it, so it is theirs to replace)."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name")
    folder = _prepare(path.parent)
    tmp = _new_temp(folder, path.name)
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


def read_manifest(folder: Path) -> dict[str, str]:
    """The files nzdprk wrote into ``folder`` (name -> group); empty if it wrote none."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise OutputError(
            f"{path} is damaged ({exc}); delete it and the files nzdprk wrote, then run again"
        ) from exc
    return {str(name): str(group) for name, group in files.items() if "/" not in name}


def _prepare(folder: Path) -> Path:
    """The folder, created if missing; a file, or a link to one, is refused."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder} is a file, not a folder")
    if folder.is_symlink() and not folder.exists():
        raise OutputError(f"{folder} is a symbolic link to something that does not exist")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {exc.strerror or exc}") from exc
    return folder


def _refuse_foreign(folder: Path, names: Mapping[str, object], ours: Mapping[str, str]) -> None:
    taken = [
        name
        for name in names
        if (folder / name).is_dir()
        or (name not in ours and ((folder / name).exists() or (folder / name).is_symlink()))
    ]
    if taken:
        raise OutputError(
            f"{folder} already holds {', '.join(taken)}, which nzdprk did not write (they are "
            f"not in its {MANIFEST}); move them away or choose another folder"
        )


def _new_temp(folder: Path, name: str) -> Path:
    """An empty file created with the umask's permissions (``mkstemp`` would make it 0600)."""
    path = folder / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{name}"
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    return path


def _remove_own_leftovers(folder: Path) -> None:
    """Remove temporary files a killed run left behind (only ours, and only of dead runs)."""
    for path in folder.glob(f"{TEMP_PREFIX}*"):
        pid = path.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)) and not path.is_dir():
            path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    """Whether a process may still be writing (outside POSIX, always assumed so)."""
    if pid == os.getpid():
        return False
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)


def _write_manifest(folder: Path, files: Mapping[str, str]) -> None:
    text = json.dumps(
        {"generator": "nzdprk", "files": dict(sorted(files.items()))}, indent=1, sort_keys=True
    )
    tmp = _new_temp(folder, MANIFEST)
    try:
        tmp.write_text(text + "\n", encoding="utf-8")
        os.replace(tmp, folder / MANIFEST)
    finally:
        tmp.unlink(missing_ok=True)
