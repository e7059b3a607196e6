"""The Rhymix / XpressEngine engine (:mod:`.engine`) and the URL shapes of its boards (:mod:`.routes`)."""
