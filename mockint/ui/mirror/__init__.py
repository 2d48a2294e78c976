"""Mirror practice: the camera (or a voice mirror), calm cues, and the instant replay."""
