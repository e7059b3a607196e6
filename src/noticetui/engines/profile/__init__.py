"""The CSS profile engine (:mod:`.engine`) and its JSON list variant (:mod:`.json_list`)."""
