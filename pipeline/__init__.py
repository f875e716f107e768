"""Chronicle: dated events, numbers and entities from documents, every cell with its source span."""
from .version import PIPELINE_VERSION

__all__ = ["PIPELINE_VERSION", "extract_text", "extract_document"]


def __getattr__(name):
    # lazy: importing the package must not load spaCy (the CLI's --help stays fast)
    if name in ("extract_text", "extract_document"):
        from . import extract
        return getattr(extract, name)
    raise AttributeError(name)
