"""The full-screen Textual app: the only package that imports Textual.

It drives the same :class:`assistant.engine.session.Session` as the line mode, from the
event loop only, and translates every engine message at render time.
"""
