"""Sub-commands of ``python -m dashboard``: one module each, found at start.

Each module defines ``NAME`` (the sub-command), ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int`` (the exit status: 0 on success, non-zero with a report on failure).
"""
