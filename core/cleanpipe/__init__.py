"""cleanpipe: turn text scraped from web pages into normalized article text.

>>> import cleanpipe
>>> cleanpipe.clean("the Kursk region.More than half", plugins="sentence-split")
'the Kursk region. More than half'
"""

from importlib.metadata import PackageNotFoundError, version

from cleanpipe.diffing import diff_changes
from cleanpipe.document import Change, Document, Edit, replay
from cleanpipe.errors import (
    CleanpipeError,
    ExitCode,
    OptionError,
    PluginError,
    SpecError,
    StepError,
)
from cleanpipe.hookspecs import hookimpl
from cleanpipe.pipeline import DEFAULT_STEPS, Pipeline, Recipe, clean, run
from cleanpipe.reading import read_documents
from cleanpipe.shards import ShardResult, clean_shard
from cleanpipe.steps import Register, Step

try:
    __version__ = version("cleanpipe")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_STEPS",
    "Change",
    "CleanpipeError",
    "Document",
    "Edit",
    "ExitCode",
    "OptionError",
    "Pipeline",
    "PluginError",
    "Recipe",
    "Register",
    "ShardResult",
    "SpecError",
    "Step",
    "StepError",
    "__version__",
    "clean",
    "clean_shard",
    "diff_changes",
    "hookimpl",
    "read_documents",
    "replay",
    "run",
]
