"""`multipolar` commands for claims (filled in by that layer)."""
