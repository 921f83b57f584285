"""The errors cleanpipe raises on purpose, each with a message meant for a user."""

from __future__ import annotations

import enum
import traceback

__all__ = [
    "CleanpipeError",
    "ExitCode",
    "OptionError",
    "PluginError",
    "SpecError",
    "StepError",
]


class ExitCode(enum.IntEnum):
    """The exit status of the ``cleanpipe`` command."""

    #: Every document was cleaned.
    OK = 0
    #: The run finished, but some documents or inputs failed (each reported).
    FAILED = 1
    #: The command line, the plugin spec, an option or a config file is wrong.
    USAGE = 2
    #: The run was interrupted by the user.
    INTERRUPTED = 130


class CleanpipeError(Exception):
    """Base class of the errors that are reported as one line, with no traceback."""

    exit_code = ExitCode.FAILED


class SpecError(CleanpipeError):
    """A plugin spec names a step that does not exist, or is malformed."""

    exit_code = ExitCode.USAGE


class OptionError(CleanpipeError):
    """A step option has an unknown name or a value it does not allow."""

    exit_code = ExitCode.USAGE


class PluginError(CleanpipeError):
    """A plugin package failed to import or to register its steps."""

    def __init__(self, plugin: str, package: str, problem: str) -> None:
        self.plugin = plugin
        self.package = package
        super().__init__(f"plugin {plugin!r} ({package}) {problem}")


class StepError(CleanpipeError):
    """A step raised, or returned something other than what it must return.

    The original exception, if any, is the ``__cause__``. An error sent back
    from a worker process (``--jobs``, Dask) loses its cause on the way; it
    brings the cause's traceback along as text, in :attr:`remote_traceback`.
    """

    def __init__(
        self,
        step: str,
        package: str,
        source: str | None,
        problem: str,
        remote_traceback: str | None = None,
    ) -> None:
        self.step = step
        self.package = package
        self.source = source
        self.problem = problem
        #: The cause's traceback, formatted in the worker process that raised it.
        self.remote_traceback = remote_traceback
        where = f" on {source}" if source else ""
        super().__init__(f"step {step!r} ({package}) failed{where}: {problem}")

    def __reduce__(
        self,
    ) -> tuple[type[StepError], tuple[str, str, str | None, str, str | None]]:
        # A failure in a worker process comes back pickled: the default
        # pickling would call __init__ with the message alone, and drop the cause.
        remote = self.remote_traceback
        if remote is None and self.__cause__ is not None:
            remote = "".join(traceback.format_exception(self.__cause__))
        return type(self), (self.step, self.package, self.source, self.problem, remote)
