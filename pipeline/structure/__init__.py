"""Text structure: citation markers, lines, pipe-table rows and cells, segments for spaCy."""
from .capitals import capital_names, soften_capital_names
from .markers import Marker, break_long_runs, find_markers, mask_markers, render_residue
from .segments import Segment, segment_text

__all__ = ["break_long_runs", "Marker", "find_markers", "mask_markers", "render_residue", "Segment", "segment_text",
           "capital_names", "soften_capital_names"]
