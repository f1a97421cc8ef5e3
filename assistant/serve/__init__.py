"""``support-plan serve``: the full-screen app for advisers' browsers, behind sign-in.

A front end (it imports textual-serve, which brings Rich), so it sits beside the app, not
in the core. :mod:`.accounts` reads the administrator's advisers file; :mod:`.server` adds
sign-in to textual-serve and passes the adviser to each app process; :mod:`.cli` is the
command.
"""
