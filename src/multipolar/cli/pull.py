"""`multipolar data pull`: refresh from online sources (filled in by the connectors)."""
