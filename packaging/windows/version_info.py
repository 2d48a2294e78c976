"""The Windows version resource of mockint.exe, made from pyproject's version (its only copy).

The spec calls `version_resource(VERSION)`; Explorer shows these fields under Properties > Details.
"""

from __future__ import annotations

from PyInstaller.utils.win32.versioninfo import (
    FixedFileInfo,
    StringFileInfo,
    StringStruct,
    StringTable,
    VarFileInfo,
    VarStruct,
    VSVersionInfo,
)


def _four_numbers(version: str) -> tuple[int, int, int, int]:
    """ "0.1.0" -> (0, 1, 0, 0); a pre-release or local tail ("0.2.0rc1") counts as its base."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = "".join(c for c in part if c.isdigit()) if not part.isdigit() else part
        numbers.append(int(digits or 0))
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_resource(version: str) -> VSVersionInfo:
    numbers = _four_numbers(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo(
                [
                    StringTable(
                        "040904B0",  # U.S. English, Unicode
                        [
                            StringStruct("CompanyName", "MockInt"),
                            StringStruct("FileDescription", "MockInt: practise job interviews out loud, offline"),
                            StringStruct("FileVersion", version),
                            StringStruct("InternalName", "mockint"),
                            StringStruct("LegalCopyright", "MIT License"),
                            StringStruct("OriginalFilename", "mockint.exe"),
                            StringStruct("ProductName", "MockInt"),
                            StringStruct("ProductVersion", version),
                        ],
                    )
                ]
            ),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
