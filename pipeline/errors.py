"""Errors that carry a one-line message a user can act on."""


class ChronicleError(Exception):
    """Base class: the message is shown to the user as is, without a traceback."""


class DocumentError(ChronicleError):
    """A single document cannot be processed; other documents go on."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class ModelMissingError(ChronicleError):
    pass


class RawFolderError(ChronicleError):
    pass


class OutputLockedError(ChronicleError):
    pass
