"""Audio in and out, text-to-speech, Vosk models and recognition. No Qt."""
