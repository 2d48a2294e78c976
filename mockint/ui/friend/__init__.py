"""Friend as interviewer: the setup, the interviewer's console, the candidate's view, ratings."""
