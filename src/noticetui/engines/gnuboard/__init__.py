"""The Gnuboard 5 engine (:mod:`.engine`) and its item-shaped list skins (:mod:`.items`)."""
