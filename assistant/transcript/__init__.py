"""Transcripts and golden conversations (pure: no Textual, no Rich).

- :mod:`~assistant.transcript.walk` walks an event log through the engine again,
  keeping what was shown at every step.
- :mod:`~assistant.transcript.render` turns that into a readable transcript (Markdown, JSON).
- :mod:`~assistant.transcript.golden` reads golden conversations (``transcripts/*.yaml``)
  with file:line errors; :mod:`~assistant.transcript.replay` replays them and explains
  every difference.

Nothing is imported here eagerly, so ``import assistant.transcript.golden`` stays cheap.
"""
