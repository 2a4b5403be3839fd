"""`multipolar` commands for indicators (filled in by that layer)."""
