"""After a real interview: the debrief, the practice deck and plan, stories, the follow-up note,
and the big picture. Pure Python: data in, data out; the store and the app layer do the I/O."""
