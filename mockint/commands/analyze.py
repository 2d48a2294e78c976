"""`mockint analyze INPUT`: one answer (transcript, recognizer JSON or audio) to a report."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from mockint.analysis_options import analysis_options
from mockint.commands.analyze_input import read_input
from mockint.commands.report_text import render_report
from mockint.core.analysis import analyze_answer
from mockint.core.errors import BadInputError
from mockint.core.targets import default_target, parse_target
from mockint.settings import Settings

HELP_ORDER = 10


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyze",
        help="analyse one answer: a transcript, a Vosk result JSON, an audio file, or - for text on stdin",
        description="Analyse one spoken answer and say what to work on.",
    )
    parser.add_argument(
        "input",
        metavar="INPUT",
        help="a .txt transcript, a Vosk result .json, a .wav recording, or - for standard input",
    )
    parser.add_argument(
        "--question", metavar="TEXT", help="the question that was answered (sets the default target length)"
    )
    parser.add_argument("--target", metavar="MIN-MAX", help="target answer length in seconds, such as 60-120")
    parser.add_argument("--model", metavar="DIR", help="speech model folder for audio input")
    parser.add_argument("--json", action="store_true", help="print one JSON object (schema 1)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        target = parse_target(args.target) if args.target else default_target(args.question)
    except ValueError as error:
        raise BadInputError(str(error)) from None
    settings = Settings()
    loaded = read_input(args.input, sys.stdin)
    transcript = loaded.transcript
    if transcript is None:  # audio, which is recognised here
        from mockint.commands.analyze_audio import transcribe_for_cli
        from mockint.commands.analyze_progress import AnalyzeProgress

        # Loading a model and recognising take tens of seconds: say so on a terminal.
        progress = AnalyzeProgress(sys.stderr)
        try:
            transcript = transcribe_for_cli(Path(args.input), args.model, settings, progress)
        finally:
            progress.done()
    lexicon, thresholds = analysis_options(settings, model=args.model)  # the model tells the language
    report = analyze_answer(transcript, target, lexicon=lexicon, thresholds=thresholds)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(render_report(report, target))
    return 0
