"""Every lesson shows as stored, and runs, in JupyterLab, in a real browser.

First, each stored notebook is opened as a student gets it (a fresh copy, not trusted) and nothing
is run: every stored chart must show as an image (not as "<Figure size ...>") and no text may be
typeset as mathematics (a "$" in money is not maths). A screenshot goes to
``test-output/browser/<notebook>-stored.png``.

Then, for each notebook (a served copy; the committed files are never written): open it in
JupyterLab, clear all outputs and run all cells through the menus (Edit > Clear Outputs of All
Cells, Run > Run All Cells), wait until the run is over and the kernel is idle, then check what the
page shows (no traceback or stderr, every code cell run once, at least as many charts as the
committed notebook stores) and save a full-page screenshot to
``test-output/browser/<notebook>.png``.

Run with ``pytest tests/browser`` (needs /usr/bin/chromium: ``bash tools/ensure_chromium.sh``).
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from pathlib import Path

import pytest

from ..conftest import ROOT
from .conftest import Lab

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SCREENSHOTS = ROOT / "test-output" / "browser"

PAGE_TIMEOUT = 60_000  # ms: JupyterLab's page and the notebook to appear
KERNEL_TIMEOUT = 90_000  # ms: the kernel to start and report idle
RUN_TIMEOUT = 150_000  # ms: all cells to run
MAX_SCREENSHOT_HEIGHT = 30_000  # px

PANEL = ".jp-NotebookPanel"
IDLE = f'{PANEL} .jp-Notebook-ExecutionIndicator[data-status="idle"]'

# True once the run is over: no cell waits ("[*]:"), the kernel is idle and some cell has an
# execution count. After an error JupyterLab drops the cells still queued (they go back to "[ ]:"),
# so this does not wait for every cell; the checks below then report the error.
FINISHED = """
() => {
  const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')]
    .map((p) => p.textContent.trim());
  const status = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator');
  return !prompts.includes('[*]:') && prompts.some((p) => /^\\[\\d+\\]:$/.test(p)) &&
    status && status.dataset.status === 'idle';
}
"""

# True once no cell has an output or an execution count left.
CLEARED = """
() => !document.querySelector('.jp-NotebookPanel .jp-OutputArea-output') &&
  [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')]
    .every((p) => p.textContent.trim() === '[ ]:')
"""

# Everything the checks need, read from the page in one go.
STATE = """
() => {
  const text = (el) => el.textContent.trim();
  const panel = document.querySelector('.jp-NotebookPanel');
  const q = (sel) => [...panel.querySelectorAll(sel)];
  const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const images = q('.jp-OutputArea-output img, .jp-OutputArea-output svg:not(svg svg)');
  return {
    status: indicator ? indicator.dataset.status : null,
    prompts: q('.jp-CodeCell .jp-InputPrompt').map(text),
    outputs: q('.jp-OutputArea-output').length,
    stderr: q('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').map(text),
    tracebacks: q('.jp-RenderedText').map(text).filter((t) => t.includes('Traceback')),
    images: images.map((el) => {
      const box = el.getBoundingClientRect();
      const loaded = el.tagName.toLowerCase() !== 'img' || (el.complete && el.naturalWidth > 0);
      return {tag: el.tagName.toLowerCase(), loaded, width: box.width, height: box.height};
    }),
    dialogs: [...document.querySelectorAll('.jp-Dialog')].map(text),
  };
}
"""


# What the page shows of a notebook that has not been run: its stored charts, and any maths.
AS_STORED = """
() => {
  const panel = document.querySelector('.jp-NotebookPanel');
  const q = (sel) => [...panel.querySelectorAll(sel)];
  return {
    images: q('.jp-OutputArea-output img').map((img) => ({
      loaded: img.complete && img.naturalWidth > 0, alt: img.getAttribute('alt') || ''})),
    figureText: q('.jp-OutputArea-output').map((o) => o.textContent)
      .filter((t) => t.includes('<Figure size')),
    maths: q('mjx-container, .MathJax, .MathJax_Preview, .jp-RenderedLatex')
      .map((el) => (el.closest('.jp-Cell') || el).textContent.trim().slice(0, 120)),
    markdown: q('.jp-MarkdownCell .jp-RenderedMarkdown').length,
  };
}
"""


def stored(path: Path) -> tuple[int, list[int], int]:
    """(code cells, indices of blank code cells, figure outputs) of the committed notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    blank = [i for i, c in enumerate(code) if not "".join(c["source"]).strip()]
    figures = sum(
        any(mime.startswith("image/") for mime in out.get("data", {}))
        for c in code
        for out in c.get("outputs", [])
    )
    return len(code), blank, figures


def menu(page, menu_name: str, command: str) -> None:
    """Open a main-menu menu and click the item that runs ``command``."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(f"^{menu_name}$")).click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').click()


def screenshot(page, path: Path) -> None:
    """The whole notebook in one image: hide the file browser, grow the window to fit."""
    if page.locator("#jp-left-stack").is_visible():
        page.keyboard.press("Control+b")  # View > Appearance > Show Left Sidebar
    extra = page.evaluate(
        """() => {
          const outer = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
          const cells = [...outer.querySelectorAll('.jp-Cell')];
          outer.scrollTop = 0;
          const top = outer.getBoundingClientRect().top;
          const bottom = Math.max(...cells.map((c) => c.getBoundingClientRect().bottom));
          return Math.ceil(bottom - top - outer.clientHeight + 40);
        }"""
    )
    size = page.viewport_size
    height = min(size["height"] + max(extra, 0), MAX_SCREENSHOT_HEIGHT)
    page.set_viewport_size({"width": size["width"], "height": height})
    page.wait_for_timeout(300)  # let JupyterLab lay out the taller window
    page.evaluate(
        "() => { document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')"
        ".scrollTop = 0; }"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(size)


def wait_for_kernel(lab: Lab, notebook: str, page) -> None:
    """Wait until this notebook's kernel runs, is idle and the page is connected to it.

    Until the page has a kernel its status indicator also reads "idle"; asking the server avoids
    taking that for a ready kernel (and running cells before there is one opens "Select Kernel").
    """
    deadline = time.monotonic() + KERNEL_TIMEOUT / 1000
    while time.monotonic() < deadline:
        kernels = [
            s["kernel"] for s in lab.api("GET", "/api/sessions") if s["path"].endswith(notebook)
        ]
        if any(k["execution_state"] == "idle" and k["connections"] > 0 for k in kernels):
            page.wait_for_selector(IDLE, timeout=max(deadline - time.monotonic(), 1) * 1000)
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"no idle kernel for {notebook} after {KERNEL_TIMEOUT / 1000:.0f} s")


def shut_down_kernels(lab: Lab, notebook: str) -> None:
    """Free the 2 CPUs for the next notebook: end this notebook's session and kernel."""
    for session in lab.api("GET", "/api/sessions"):
        if session.get("path", "").endswith(notebook):
            lab.api("DELETE", f"/api/sessions/{session['id']}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_stored_lesson_shows_its_charts_and_no_maths_before_it_is_run(
    path: Path, lab: Lab, browser
) -> None:
    _, _, n_figures = stored(path)
    n_markdown = sum(
        c["cell_type"] == "markdown" for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
    )
    shot = SCREENSHOTS / f"{path.stem}-stored.png"
    shot.unlink(missing_ok=True)
    page = browser.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(
            f"{lab.url}/lab/workspaces/{path.stem}-stored/tree/{path.name}?token={lab.token}",
            timeout=PAGE_TIMEOUT,
        )
        page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=PAGE_TIMEOUT)
        page.wait_for_function(
            """([figures, markdown]) => {
                 const panel = document.querySelector('.jp-NotebookPanel');
                 const imgs = [...panel.querySelectorAll('.jp-OutputArea-output img')];
                 return imgs.length >= figures && imgs.every((img) => img.complete) &&
                   panel.querySelectorAll('.jp-MarkdownCell .jp-RenderedMarkdown').length
                     >= markdown;
               }""",
            arg=[n_figures, n_markdown],
            timeout=PAGE_TIMEOUT,
        )
        page.wait_for_timeout(1500)  # let the maths typesetter run, if it would
        state = page.evaluate(AS_STORED)
        screenshot(page, shot)
    finally:
        page.close()
        shut_down_kernels(lab, path.name)
    assert not state["figureText"], state["figureText"]
    assert len(state["images"]) == n_figures
    assert all(i["loaded"] and len(i["alt"]) > 60 for i in state["images"]), state["images"]
    assert not state["maths"], state["maths"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(path: Path, lab: Lab, browser) -> None:
    n_code, blank, n_figures = stored(path)
    shot = SCREENSHOTS / f"{path.stem}.png"
    shot.unlink(missing_ok=True)
    page = browser.new_page()
    page.set_default_timeout(30_000)
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        # A workspace per notebook, so that each page opens just its own notebook.
        page.goto(
            f"{lab.url}/lab/workspaces/{path.stem}/tree/{path.name}?token={lab.token}",
            timeout=PAGE_TIMEOUT,
        )
        page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=PAGE_TIMEOUT)
        wait_for_kernel(lab, path.name, page)
        assert not page.locator(".jp-Dialog").count(), page.locator(".jp-Dialog").all_inner_texts()

        # Clearing first means that the outputs checked below can only come from this run.
        menu(page, "Edit", "editmenu:clear-all")
        page.wait_for_function(CLEARED)
        menu(page, "Run", "runmenu:run-all")
        page.wait_for_function(FINISHED, timeout=RUN_TIMEOUT)
        # Charts are <img> with data: URLs; give them a moment to decode.
        page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output img')]
                     .every((img) => img.complete)"""
        )
        state = page.evaluate(STATE)
        screenshot(page, shot)
    except BaseException:
        with contextlib.suppress(Exception):  # a picture of the failure, for the report
            screenshot(page, shot)
        raise
    finally:
        page.close()
        shut_down_kernels(lab, path.name)

    assert not state["tracebacks"], "\n\n".join(state["tracebacks"])
    # The committed notebooks have no stderr output at all (tests/test_notebooks.py).
    assert not state["stderr"], "\n\n".join(state["stderr"])
    counts = [int(p.strip("[]:")) for p in state["prompts"] if re.fullmatch(r"\[\d+\]:", p)]
    assert sorted(counts) == list(range(1, n_code - len(blank) + 1)), (
        f"not every code cell ran exactly once in a fresh kernel: {state['prompts']}"
    )
    assert state["status"] == "idle", state["status"]
    rendered = [i for i in state["images"] if i["loaded"] and i["width"] > 0 and i["height"] > 0]
    assert len(rendered) >= n_figures, (
        f"{len(rendered)} charts rendered, {n_figures} stored in the notebook: {state['images']}"
    )
    assert not state["dialogs"], state["dialogs"]
    assert not page_errors, page_errors
