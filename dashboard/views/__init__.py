"""Pages: one module each, with layout builders and a ``register(app, services)`` for its callbacks."""
