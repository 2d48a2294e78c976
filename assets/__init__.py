"""MockInt's icons, styles and sounds, installed as the package `mockint.assets`.

Not code: this file makes the folder a package so importlib.resources finds it the same way in a
checkout, a wheel and the frozen app (see `mockint.paths.assets_dir`).
"""
