"""The TUI's screens: the main three-pane screen, the help screen and the attachment preview."""
