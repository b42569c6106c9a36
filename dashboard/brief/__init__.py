"""The one-page brief (A4 landscape PDF and PNG): :mod:`.content` gathers it, :mod:`.page` lays it out.

Nothing is imported here, so the decree annex (:mod:`dashboard.data.annex`) can use :mod:`.pdf`'s fonts without
pulling in the brief's content, which itself uses the annex's lokus map.
"""
