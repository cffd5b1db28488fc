"""The compass: the agenda-item state machine, snapshots and edition diffs."""
