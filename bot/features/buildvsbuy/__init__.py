"""Build or buy: ``store`` (flows, decision lists, starting one), ``clicks`` (the walk's
buttons), ``record`` (the decision record), ``topic_form`` (asking for a topic)."""
