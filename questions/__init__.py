"""The decks that come with MockInt, installed as the package `mockint.questions`.

Not code: this file makes the folder a package so importlib.resources finds the decks the same
way in a checkout, a wheel and the frozen app (see `mockint.paths.shipped_decks_dir`).
"""
