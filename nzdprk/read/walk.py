"""Which files of a corpus folder are read: a stable, safe walk that reports what it skips."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from .records import Problem


def check_pattern(pattern: str) -> str:
    """A file pattern relative to the corpus folder (``*.txt``, ``news/*.txt``), else ValueError."""
    parts = Path(pattern).parts
    if not pattern or Path(pattern).is_absolute() or ".." in parts:
        raise ValueError(
            f"pattern {pattern!r} must name files inside the corpus folder, such as '*.txt'"
        )
    return pattern


def find_files(
    root: Path, pattern: str = "*.txt", *, follow_symlinks: bool = False
) -> tuple[list[Path], list[Problem]]:
    """Document files below ``root`` in a stable order, and a problem for every entry that
    matches but cannot be read.

    The rules, the same for files and folders:

    * names starting with "." (hidden files and folders) are skipped, as a shell's ``*`` does;
    * ``pattern`` is matched with its case (``*.txt`` does not read ``A.TXT``), but a name
      that matches only when case is ignored is reported, so that no file is left out unsaid;
    * a symbolic link is followed when it points inside the corpus folder, and reported and
      not followed when it points outside it (unless ``follow_symlinks=True``) or nowhere;
    * a folder that cannot be listed, a matching name that is not a regular file (a FIFO, a
      socket, a device) and a name that is not valid UTF-8 are reported and not read.

    Folders are walked with a list, not by recursion, so any depth is read.
    """
    check_pattern(pattern)
    problems: list[Problem] = []
    found: list[Path] = []
    real_root = os.path.realpath(root)
    seen = {_identity(root)}  # folders walked and files found, so that none is read twice
    folded = pattern.casefold()
    stack = [Path(root)]
    links: list[tuple[Path, bool]] = []  # followed after every real folder: real paths win
    while stack or links:
        if not stack:
            path, is_dir = links.pop(0)
            rel = _shown(root, path)
            identity = _identity(path)
            if identity in seen:
                problems.append(
                    Problem(rel, "warning", "a link to a file or folder read already; skipped")
                )
            elif is_dir:
                seen.add(identity)
                stack.append(path)
            else:
                seen.add(identity)
                found.append(path)
            continue
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problems.append(_unreadable(root, folder, "folder cannot be listed", exc))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            rel = _shown(root, path)
            if _surrogates(entry.name):
                problems.append(
                    Problem(
                        rel, "error", "the name is not valid UTF-8, so it is not read; rename it"
                    )
                )
                continue
            matches = PurePosixPath(rel).match(pattern)
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=True)
                is_file = not is_dir and entry.is_file(follow_symlinks=True)
            except OSError as exc:
                problems.append(_unreadable(root, path, "cannot be read", exc))
                continue
            if is_link and (is_dir or matches):
                target = os.path.realpath(path)
                inside = os.path.commonpath([real_root, target]) == real_root
                if not os.path.exists(target):
                    problems.append(
                        Problem(
                            rel, "error", "a symbolic link to nothing (a broken link); not read"
                        )
                    )
                elif not inside and not follow_symlinks:
                    problems.append(
                        Problem(
                            rel,
                            "error",
                            f"a symbolic link to {target}, outside the corpus folder; not "
                            "followed (allow it with follow_symlinks=True)",
                        )
                    )
                elif is_dir or is_file:
                    links.append((path, is_dir))
                else:
                    problems.append(
                        Problem(rel, "error", f"not a regular file (a {_kind(path)}); not read")
                    )
            elif is_link:
                continue
            elif is_dir:
                seen.add(_identity(path))
                subfolders.append(path)
            elif matches and is_file:
                seen.add(_identity(path))
                found.append(path)
            elif matches:
                problems.append(
                    Problem(rel, "error", f"not a regular file (a {_kind(path)}); not read")
                )
            elif PurePosixPath(rel.casefold()).match(folded):
                problems.append(
                    Problem(
                        rel,
                        "warning",
                        f"the name matches {pattern!r} only if case is ignored; not read "
                        "(rename it, or choose the pattern that matches it)",
                    )
                )
        stack.extend(reversed(subfolders))
    found.sort(key=lambda p: p.relative_to(root).as_posix())
    return found, problems


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _surrogates(name: str) -> bool:
    """Whether a file name held undecodable bytes (Python keeps them as lone surrogates)."""
    return any("\udc80" <= ch <= "\udcff" for ch in name)


def _shown(root: Path, path: Path) -> str:
    """The path below the corpus folder as text that can always be printed: bytes that are not
    UTF-8 are shown as ``\\xe9``."""
    rel = path.relative_to(root).as_posix()
    return os.fsencode(rel).decode("utf-8", "backslashreplace") if _surrogates(rel) else rel


def _unreadable(root: Path, path: Path, what: str, exc: OSError) -> Problem:
    where = _shown(root, path) if path != Path(root) else str(root)
    return Problem(where, "error", f"{what} ({exc.strerror or exc}); its documents are not read")


def _kind(path: Path) -> str:
    mode = os.stat(path).st_mode
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"
