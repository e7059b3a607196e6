"""The TUI's widgets: boards pane, post list, detail pane, attachments and status line."""
