"""The command line: ``python -m analysis COMMAND ...`` (also installed as ``news-analysis``).

Commands:

* ``report PATH [--out DIR]``: run every notebook on a text file, a folder of them or a
  table of documents and write self-contained HTML reports into ``DIR/<name>/`` plus
  ``DIR/index.html``;
* ``refresh-notebooks [DIR]``: re-execute the notebooks in place with their default
  parameters (the stored outputs that nbval compares against); with ``--input PATH --into
  DIR2``, execute them on another input into ``DIR2``.

Exit status: 0 done, 1 a notebook failed or the reports could not be written, 2 bad input or
options (nothing written), 130 interrupted (previous reports kept).

A new command is one function ``add_NAME(subparsers)`` that registers its parser and sets
``handler`` (a function of the parsed arguments returning the exit status), listed in
``COMMANDS``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _error(message: str) -> None:
    for line in str(message).splitlines() or [""]:
        print(f"error: {line}", file=sys.stderr)


# --------------------------------------------------------------------------- report


def _report(args: argparse.Namespace) -> int:
    from analysis.report import build_reports

    result = build_reports(
        args.path,
        args.out,
        notebooks=args.notebooks,
        jobs=args.jobs,
        force=args.force,
        encoding=args.encoding,
        text_column=args.text_column,
        id_column=args.id_column,
        date_column=args.date_column,
        hard_wrapped=args.hard_wrapped,
        group_by=args.group_by,
        store=args.store,
        dask=args.dask,
        parameters=dict(args.parameter or []),
        progress=False if args.quiet else None,
    )
    done = f"{len(result.executed)} executed, {len(result.reused)} unchanged"
    print(f"{result.folder} ({done}); index: {result.index}")
    return 0


def add_report(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report",
        help="run the notebooks on a text file or folder and write HTML reports",
        description="Run every notebook on PATH (a text, Markdown or HTML file, a folder of "
        "them, or a table of documents: CSV, TSV, JSON lines, JSON, Parquet) and write "
        "DIR/<name>/NN_name.{ipynb,html,presentation.html} (+ .slides.html for notebooks that "
        "export slides) and DIR/index.html. Notebooks whose inputs did not change are not run "
        "again.",
    )
    p.add_argument("path", metavar="PATH",
                   help="a .txt/.md/.html file, a folder of them, or a .csv/.tsv/.jsonl/.json/"
                   ".parquet table with one document per row")
    p.add_argument("--out", default="reports", metavar="DIR",
                   help="output folder (default: %(default)s)")
    p.add_argument("--jobs", "-j", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                   help="processes: the per-document pass and the notebooks run on up to N "
                   "at once (default: the number of CPUs, %(default)s)")
    p.add_argument("--force", action="store_true",
                   help="re-run every notebook even if nothing changed")
    p.add_argument("--encoding", metavar="ENC",
                   help="decode the input with this codec (e.g. cp1252) instead of detecting it")
    corpus = p.add_argument_group("reading a corpus (passed to the loader and to every "
                                  "notebook that declares the parameter)")
    corpus.add_argument("--text-column", metavar="COL",
                        help="the column holding the text (default: found by name: text, "
                        "content, body, article, full_text, story)")
    corpus.add_argument("--id-column", metavar="COL",
                        help="the column holding each document's id (default: the row number)")
    corpus.add_argument("--date-column", metavar="COL",
                        help="the column holding each document's date (default: found by name)")
    wrap = corpus.add_mutually_exclusive_group()
    wrap.add_argument("--hard-wrapped", dest="hard_wrapped", action="store_const", const=True,
                      default=None, help="line breaks inside paragraphs are not sentence ends "
                      "(default: detected from the line lengths)")
    wrap.add_argument("--not-hard-wrapped", dest="hard_wrapped", action="store_const",
                      const=False, help="every line break ends a sentence or a heading")
    corpus.add_argument("--group-by", metavar="COL",
                        help="compare groups of documents by this metadata column (e.g. "
                        "publisher, section, folder)")
    corpus.add_argument("--store", type=Path, metavar="DIR",
                        help="where the per-document tables are stored (default: DIR/.store "
                        "inside the output folder)")
    corpus.add_argument("--dask", metavar="ADDRESS",
                        help="run the per-document pass on this Dask scheduler (e.g. "
                        "tcp://10.0.0.5:8786) instead of local processes")
    p.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="set a notebook parameter (e.g. -p top 30); only notebooks that "
                   "declare NAME in their parameters cell receive it; an unknown NAME is an "
                   "error")
    p.add_argument("--notebooks", type=Path, default=None, metavar="DIR",
                   help="folder of NN_name.ipynb notebooks (default: the project's notebooks/)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(handler=_report)


# --------------------------------------------------------------------------- refresh


def _refresh(args: argparse.Namespace) -> int:
    from analysis.report import refresh_notebooks

    names = refresh_notebooks(args.folder, jobs=args.jobs, only=args.only or None,
                              progress=False if args.quiet else None,
                              input_path=args.input, into=args.into,
                              parameters=dict(args.parameter or []))
    where = args.into or args.folder
    print(f"refreshed {len(names)} notebook{'s' if len(names) != 1 else ''} in {where}")
    return 0


def add_refresh(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "refresh-notebooks",
        help="re-execute the notebooks in place with their default parameters",
        description="Re-execute every NN_name.ipynb in FOLDER in place (default parameters, "
        "project kernel, outputs made deterministic), or with --input PATH --into DIR on "
        "another input into DIR (input_path injected relative to DIR, for nbval). A notebook "
        "that fails is left as it was.",
    )
    p.add_argument("folder", nargs="?", default="notebooks", metavar="FOLDER",
                   help="notebook folder (default: %(default)s)")
    p.add_argument("--jobs", "-j", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                   help="notebooks run at the same time (default: %(default)s)")
    p.add_argument("--only", action="append", metavar="NAME",
                   help="refresh only this notebook (repeatable)")
    p.add_argument("--input", type=Path, metavar="PATH",
                   help="run the notebooks on this input instead of their default (with --into)")
    p.add_argument("--into", type=Path, metavar="DIR",
                   help="write the executed notebooks into DIR instead of in place (with --input)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="with --input: set a notebook parameter (a string), e.g. -p group_by "
                   "section")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(handler=_refresh)


COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = [add_report, add_refresh]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Text analysis of English news: notebooks, reports, slides.",
        epilog="Example: python -m analysis report seeds/000_81c44d20d7573865.txt --out reports. "
        "Exit status: 0 done, 1 a notebook failed or the reports could not be written, "
        "2 bad input or options (nothing written), 130 interrupted.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(subparsers)
    return parser


def _skip_slow_optional_imports() -> None:
    """Importing nbformat imports jsonschema, which compiles ~40 grammars of the optional
    ``rfc3987_syntax`` package (about 1 s per process) for "iri" format checks that notebook
    validation never uses. In this command-line process (and the workers forked from it) that
    optional module is reported missing, as jsonschema allows."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # clean up as for Ctrl-C (kernels, workers, temporary files)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    _skip_slow_optional_imports()
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _terminate)
    from analysis.corpus import InputError
    from analysis.report import ReportError

    try:
        return args.handler(args)
    except InputError as exc:
        _error(str(exc))
        return 2
    except ReportError as exc:
        _error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _error("interrupted; previous reports left as they were")
        return 130
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
