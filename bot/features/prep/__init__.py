"""Interview prep: ``flow`` (the PrepFlow in Redis: start, save, move on, stop, the kept
scorecard), ``dm`` (the lines typed in the DM), ``clicks`` (the buttons of its cards), ``share``
(Share and Export of a finished scorecard)."""
