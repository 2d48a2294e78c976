"""Only what pyproject.toml cannot say: the packages found under `mockint/` plus the two top-level
folders installed inside it, `assets/` as `mockint.assets` and `questions/` as `mockint.questions`.
(pyproject's `packages` is either a found list or a fixed one, never both; a fixed list would miss
the next new subpackage.) Everything else is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

SHIPPED_FOLDERS = {"mockint.assets": "assets", "mockint.questions": "questions"}

setup(
    packages=find_namespace_packages(include=["mockint", "mockint.*"], exclude=["*.__pycache__"])
    + list(SHIPPED_FOLDERS),
    package_dir=SHIPPED_FOLDERS,
)
