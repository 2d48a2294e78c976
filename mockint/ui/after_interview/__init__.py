"""The "After an interview" page: debrief, plan, stories, follow-up note, progress (issue 11)."""
