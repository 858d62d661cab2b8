"""Interview prep: ``session`` (the flow in Redis: start, save, move on, stop), ``dm`` (the
lines typed in the DM), ``clicks`` (the buttons of its cards)."""
