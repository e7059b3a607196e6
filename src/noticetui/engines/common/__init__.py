"""Helpers that several engines share (no engine here): JavaScript calls and targets, page parts every board
has (secret posts, dated rows), site error pages, publication times, script-driven downloads, and the
field-by-field fallback to generic reading.
"""
