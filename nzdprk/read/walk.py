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
    walk = _Walk(Path(root), pattern, follow_symlinks)
    stack = [Path(root)]
    while stack or walk.links:
        if not stack:
            path, is_dir = walk.links.pop(0)
            if walk.take(path, is_dir):
                stack.append(path)
            continue
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            walk.problems.append(_unreadable(root, folder, "folder cannot be listed", exc))
            continue
        subfolders = [
            path
            for entry in entries
            if not entry.name.startswith(".") and (path := walk.visit(folder, entry)) is not None
        ]
        stack.extend(reversed(subfolders))
    found = sorted(walk.found, key=lambda p: p.relative_to(root).as_posix())
    return found, walk.problems


class _Walk:
    """What a walk of one corpus folder has found, seen and reported so far."""

    def __init__(self, root: Path, pattern: str, follow_symlinks: bool) -> None:
        self.root, self.pattern, self.follow_symlinks = root, pattern, follow_symlinks
        self.folded = pattern.casefold()
        self.real_root = os.path.realpath(root)
        self.seen = {_identity(root)}  # folders walked and files found, so none is read twice
        self.found: list[Path] = []
        self.problems: list[Problem] = []
        self.links: list[tuple[Path, bool]] = []  # followed after every real folder: real wins

    def take(self, path: Path, is_dir: bool) -> bool:
        """Take a linked file or folder unless read already; True for a folder to walk."""
        identity = _identity(path)
        if identity in self.seen:
            self.problems.append(
                Problem(
                    _shown(self.root, path),
                    "warning",
                    "a link to a file or folder read already; skipped",
                )
            )
            return False
        self.seen.add(identity)
        if not is_dir:
            self.found.append(path)
        return is_dir

    def visit(self, folder: Path, entry: os.DirEntry[str]) -> Path | None:
        """Sort one folder entry: a file found, a link to follow later, a problem, or a
        subfolder (returned, to be walked)."""
        path = folder / entry.name
        rel = _shown(self.root, path)
        if _surrogates(entry.name):
            self.problems.append(
                Problem(rel, "error", "the name is not valid UTF-8, so it is not read; rename it")
            )
            return None
        matches = PurePosixPath(rel).match(self.pattern)
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir(follow_symlinks=True)
            is_file = not is_dir and entry.is_file(follow_symlinks=True)
        except OSError as exc:
            self.problems.append(_unreadable(self.root, path, "cannot be read", exc))
            return None
        if is_link:
            if is_dir or matches:
                self.link(path, rel, is_dir or is_file, is_dir)
            return None
        if is_dir:
            self.seen.add(_identity(path))
            return path
        if matches and is_file:
            self.seen.add(_identity(path))
            self.found.append(path)
        elif matches:
            self.problems.append(
                Problem(rel, "error", f"not a regular file (a {_kind(path)}); not read")
            )
        elif PurePosixPath(rel.casefold()).match(self.folded):
            self.problems.append(
                Problem(
                    rel,
                    "warning",
                    f"the name matches {self.pattern!r} only if case is ignored; not read "
                    "(rename it, or choose the pattern that matches it)",
                )
            )
        return None

    def link(self, path: Path, rel: str, regular: bool, is_dir: bool) -> None:
        """A symbolic link: followed later when it points inside the folder (or following
        links outside is allowed) to a file or folder, else reported."""
        target = os.path.realpath(path)
        inside = os.path.commonpath([self.real_root, target]) == self.real_root
        if not os.path.exists(target):
            self.problems.append(
                Problem(rel, "error", "a symbolic link to nothing (a broken link); not read")
            )
        elif not inside and not self.follow_symlinks:
            self.problems.append(
                Problem(
                    rel,
                    "error",
                    f"a symbolic link to {target}, outside the corpus folder; not "
                    "followed (allow it with follow_symlinks=True)",
                )
            )
        elif regular:
            self.links.append((path, is_dir))
        else:
            self.problems.append(
                Problem(rel, "error", f"not a regular file (a {_kind(path)}); not read")
            )


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
