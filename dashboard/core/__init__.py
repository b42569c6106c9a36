"""Pure domain logic: no Dash, no I/O."""
