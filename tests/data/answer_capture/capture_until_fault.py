"""Child process for test_ui_answer_capture: records one answer with AnswerCapture until the
sound server goes away, printing each event as a JSON line.

Usage: capture_until_fault.py MODEL_DIR   (PULSE_SERVER names the server the test will stop)
"""

from __future__ import annotations

import faulthandler
import json
import sys

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication

from mockint.core.targets import QUICK_FACTUAL
from mockint.settings import Setting
from mockint.ui.capture.answer_capture import AnswerCapture
from mockint.ui.context import AppContext
from mockint.ui.theme import theme_for

order = 0


def say(event: str, **fields) -> None:
    global order
    order += 1
    print(json.dumps({"event": event, "order": order, **fields}), flush=True)


def wait_for(signal, start) -> object:
    """Runs the event loop until `signal` fires (started by calling `start`)."""
    loop, got = QEventLoop(), []
    signal.connect(lambda value: (got.append(value), loop.quit()))
    start()
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    if not got:
        raise SystemExit(f"timed out waiting for {signal}")
    return got[0]


def main() -> int:
    app = QApplication(sys.argv[:1])
    context = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    context.set_setting(Setting.MODEL, sys.argv[1])
    store = wait_for(context.store.ready, context.store.load)
    wait_for(context.model.ready, context.model.load)
    session = store.create_session("solo")
    capture = AnswerCapture.for_question(
        context, session_id=session.id, question_text="Why this team?", target=QUICK_FACTUAL
    )
    capture.started.connect(lambda: say("started", answer_id=capture.answer_id))
    capture.finished.connect(
        lambda answer: say(
            "finished",
            answer_id=answer.answer_id,
            duration_s=answer.duration_s,
            words=len(answer.report.words),
            interrupted_by=type(answer.interrupted_by).__name__ if answer.interrupted_by else None,
        )
    )
    capture.failed.connect(
        lambda error: (say("failed", type=type(error).__name__, message=error.user_message), app.quit())
    )
    capture.start()
    QTimer.singleShot(120000, app.quit)
    app.exec()
    context.workers.shutdown(10000)
    row = store.get_answer(session_id_answer(store, session.id))
    say(
        "row",
        audio_path=row.audio_path,
        has_report=row.report is not None,
        duration_s=row.duration_s,
        audio_file=str(store.recordings.folder / row.audio_path),
    )
    store.close()
    QCoreApplication.processEvents()
    faulthandler.dump_traceback_later(20, exit=True)  # a hang on the way out shows where it is
    return 0


def session_id_answer(store, session_id: int) -> int:
    (answer,) = store.answers_for_session(session_id)
    return answer.id


if __name__ == "__main__":
    sys.exit(main())
