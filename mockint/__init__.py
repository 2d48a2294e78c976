"""MockInt: practise job interviews out loud, offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    # The version lives in pyproject.toml only; this reads what was installed from it.
    __version__ = version("mockint")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
