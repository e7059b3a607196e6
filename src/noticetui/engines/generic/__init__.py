"""The generic engine (:mod:`.engine`) and the readers it is made of, which other engines borrow too:
rows (:mod:`.rows`), their fields (:mod:`.fields`), post keys and page URLs (:mod:`.links`), pagination
(:mod:`.paging`), bodies (:mod:`.body`), titles, facts and files (:mod:`.post`), text helpers (:mod:`.text`).
"""
