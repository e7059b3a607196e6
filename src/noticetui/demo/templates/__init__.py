"""HTML templates of the demo sites, written as code: one module per board engine's skin."""
