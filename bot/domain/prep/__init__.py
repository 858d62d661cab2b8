"""Interview prep, pure: ``flow`` (the PrepFlow model and its transitions), ``score`` (tallies,
the recommendation and the rule that blocks Hire), ``line`` (what a DM line asks for), ``kit``
(the interviewer kit's timed plan)."""
