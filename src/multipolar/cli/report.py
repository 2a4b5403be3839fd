"""`multipolar` commands for report (filled in by that layer)."""
