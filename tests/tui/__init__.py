"""Tests of the Textual TUI (Pilot-driven, plus SVG snapshots)."""
