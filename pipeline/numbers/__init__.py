"""Numbers: counts, amounts and measures with value ranges, qualifiers, units and what they count."""
