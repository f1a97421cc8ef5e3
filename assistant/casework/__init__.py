"""Handing conversations on: one contact record per call for a helpline's case system, and
anonymous figures for funders.

Pure Python (no Textual, no Rich), like the plan it builds on. A contact record
(:mod:`assistant.casework.record`) is what a case system such as Charitylog or Advice Pro
imports for one call; :mod:`assistant.casework.spreadsheet` writes records as CSV that a
spreadsheet opens safely; :mod:`assistant.casework.report` counts many calls for a funder
and can name nobody. What the conversation itself does not ask (the channel, the outcome,
consent to share...) the adviser records as the call's details
(:mod:`assistant.casework.details`).
"""
