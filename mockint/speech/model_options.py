"""The option files of a Vosk model, read the way Kaldi will read them.

Vosk hands `conf/model.conf`, `conf/mfcc.conf` and the ivector `.conf` files to Kaldi's option
parser. On a line it cannot use (an unknown option, a value of the wrong kind) Kaldi prints its
whole usage text, seventy lines, on standard error and the model fails to load. So a model
folder is checked here first, with Kaldi's rules, and the user gets one line naming the file,
the line and the option.

The option names and kinds below are the ones libvosk 0.3.45 registers for each file (taken
from the usage text it prints); Kaldi's rules, from `ParseOptions::ReadConfigFile`:
- `#` starts a comment anywhere on a line; blank lines are skipped; surrounding white space too.
- Every other line is `--name=value`; `_` in a name reads as `-`, and case does not matter.
- A true/false option may stand alone (`--use-energy` is true); it takes true/t/1 or
  false/f/0, in any case. Other options need `=value`.
- Whole numbers must fit in 32 bits; real numbers in a 32-bit float (or be inf/nan).
"""

from __future__ import annotations

import enum
import math
import re
from pathlib import Path


class Kind(enum.Enum):
    BOOL = "true or false"
    INT = "a whole number"
    FLOAT = "a number"
    STRING = "text"


# The options Kaldi's parser itself adds to every options file.
_STANDARD = {"config": Kind.STRING, "help": Kind.BOOL, "print-args": Kind.BOOL, "verbose": Kind.INT}


def _options(**by_kind: str) -> dict[str, Kind]:
    table = dict(_STANDARD)
    for kind_name, names in by_kind.items():
        table.update(dict.fromkeys(names.split(), Kind[kind_name.upper()]))
    return table


_RULES = " ".join(f"endpoint.rule{n}.{{}}" for n in range(1, 6))
MODEL_CONF = _options(
    float="acoustic-scale beam beam-delta delta hash-ratio lattice-beam "
    + " ".join(_RULES.format(*[o] * 5) for o in ("max-relative-cost", "min-trailing-silence", "min-utterance-length")),
    int="determinize-max-active determinize-max-delay determinize-min-chunk-size extra-left-context-initial "
    "frame-subsampling-factor frames-per-chunk max-active max-mem min-active optimization.max-deriv-time "
    "optimization.max-deriv-time-relative optimization.memory-compression-level optimization.min-deriv-time "
    "prune-interval",
    string="endpoint.silence-phones",
    bool="computation.debug debug-computation minimize phone-determinize word-determinize "
    + _RULES.format(*["must-contain-nonsilence"] * 5)
    + " optimization.allocate-from-other optimization.allow-left-merge optimization.allow-right-merge "
    "optimization.backprop-in-place optimization.consolidate-model-update optimization.convert-addition "
    "optimization.extend-matrices optimization.initialize-undefined optimization.move-sizing-commands "
    "optimization.optimize optimization.optimize-row-ops optimization.propagate-in-place "
    "optimization.remove-assignments optimization.snip-row-ops optimization.split-row-ops",
)
MFCC_CONF = _options(
    float="blackman-coeff cepstral-lifter dither energy-floor frame-length frame-shift high-freq low-freq "
    "preemphasis-coefficient sample-frequency vtln-high vtln-low",
    int="max-feature-vectors num-ceps num-mel-bins",
    string="window-type",
    bool="allow-downsample allow-upsample debug-mel htk-compat raw-energy remove-dc-offset round-to-power-of-two "
    "snip-edges use-energy",
)
FBANK_CONF = _options(
    float="blackman-coeff dither energy-floor frame-length frame-shift high-freq low-freq preemphasis-coefficient "
    "sample-frequency vtln-high vtln-low",
    int="max-feature-vectors num-mel-bins",
    string="window-type",
    bool="allow-downsample allow-upsample debug-mel htk-compat raw-energy remove-dc-offset round-to-power-of-two "
    "snip-edges use-energy use-log-fbank use-power",
)
SPLICE_CONF = _options(int="left-context right-context")
ONLINE_CMVN_CONF = _options(
    float="cmn-min-energy",
    int="cmn-window global-frames speaker-frames",
    string="skip-dims",
    bool="norm-means norm-vars",
)

# Which option files Vosk reads, relative to the model folder (the "v2" layout and the flat
# one); a model without mfcc.conf has its features described by fbank.conf instead.
V2_OPTION_FILES = {
    "conf/model.conf": MODEL_CONF,
    "conf/mfcc.conf": MFCC_CONF,
    "ivector/splice.conf": SPLICE_CONF,
    "ivector/online_cmvn.conf": ONLINE_CMVN_CONF,
}
V1_OPTION_FILES = {"mfcc.conf": MFCC_CONF}


def option_files(folder: Path, *, flat_layout: bool) -> dict[str, dict[str, Kind]]:
    """The option files Vosk will read in this model folder, with the options each may hold."""
    files = dict(V1_OPTION_FILES if flat_layout else V2_OPTION_FILES)
    mfcc = next(name for name, table in files.items() if table is MFCC_CONF)
    if not (folder / mfcc).exists():
        del files[mfcc]
        files[mfcc.replace("mfcc.conf", "fbank.conf")] = FBANK_CONF
    return files


_TRUE, _FALSE = {"true", "t", "1", ""}, {"false", "f", "0"}
_INT = re.compile(r"\s*[+-]?\d+\s*")
_FLOAT = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*|\s*[+-]?(?:inf|infinity|nan)\s*", re.IGNORECASE)
_FLOAT32_MAX = 3.4028234663852886e38
_INT32 = range(-(2**31), 2**31)
MAX_OPTION_FILE_BYTES = 1024 * 1024  # option files are a few lines; a huge one is not one


def option_problems(text: str, options: dict[str, Kind]) -> list[tuple[int, str]]:
    """(line number, what is wrong) for each line Kaldi would refuse in an options file."""
    problems = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        problem = _line_problem(line, options)
        if problem:
            problems.append((number, problem))
    return problems


def _line_problem(line: str, options: dict[str, Kind]) -> str | None:
    if not line.startswith("--"):
        return f"{_shown(line)} is not an option (options are written --name=value)"
    name, has_value, value = line[2:].partition("=")
    key = name.replace("_", "-").lower()
    kind = options.get(key)
    if kind is None:
        return f"Vosk does not know the option --{_shown(name)}"
    if kind is Kind.BOOL:
        if value.lower() in _TRUE | _FALSE:
            return None
    elif not has_value:
        return f"--{key} needs a value (--{key}=...)"
    elif kind is Kind.STRING or (kind is Kind.INT and _is_int32(value)) or (kind is Kind.FLOAT and _is_float32(value)):
        return None
    return f"--{key} must be {kind.value}, not {_shown(value)!r}"


def _is_int32(value: str) -> bool:
    return bool(_INT.fullmatch(value)) and len(value.strip()) < 20 and int(value) in _INT32


def _is_float32(value: str) -> bool:
    if not _FLOAT.fullmatch(value) or len(value) > 400:
        return False
    number = float(value)
    if math.isnan(number) or (math.isinf(number) and "inf" in value.lower()):
        return True
    return abs(number) <= _FLOAT32_MAX  # Kaldi reads into a 32-bit float and refuses what overflows


def _shown(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def model_option_problems(folder: Path, files: dict[str, dict[str, Kind]]) -> list[str]:
    """Problems in the option files of a model folder that exist and can be read.

    A missing or unreadable file is reported by the folder check that knows whether it is needed.
    """
    problems = []
    for relative, options in files.items():
        path = folder / relative
        try:
            if not path.is_file():
                continue
            if path.stat().st_size > MAX_OPTION_FILE_BYTES:
                problems.append(f"{relative} is larger than 1 MB, so it is not an options file")
                continue
            text = path.read_bytes().decode("latin-1")  # Kaldi reads bytes; names are ASCII
        except OSError:
            continue
        problems += [f"{relative}, line {number}: {problem}" for number, problem in option_problems(text, options)]
    return problems
