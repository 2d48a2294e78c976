"""MockInt: practise job interviews out loud, offline."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # `__version__` is looked up on first use: importlib.metadata costs a tenth of the start-up
    # budget of a command (`mockint analyze` never needs it).
    if name != "__version__":
        raise AttributeError(f"module 'mockint' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        # The version lives in pyproject.toml only; this reads what was installed from it.
        found = version("mockint")
    except PackageNotFoundError:  # running from a checkout that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
