"""The parts behind AnswerCapture: what a captured answer is, and the worker that records it."""
