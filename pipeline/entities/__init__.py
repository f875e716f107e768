"""Entity mentions (spaCy NER + gazetteer) linked to canonical real-world entities."""
