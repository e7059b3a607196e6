"""The eGovFrame engine (:mod:`.engine`): list pages (:mod:`.listing`), view pages (:mod:`.view`) and what
both share (:mod:`.shared`).
"""
