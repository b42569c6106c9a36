"""The public site and open data: ``/publik`` pages, ``/unduh`` downloads and the ``/api/v1`` JSON API, no login.

Everything here reads only standing publication snapshots' protected content
(:mod:`dashboard.data.publications`, content format in :mod:`dashboard.core.publication`); nothing reaches
observations, drafts or Dash callbacks.
"""
