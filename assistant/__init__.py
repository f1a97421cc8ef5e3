"""Support Plan Assistant: a guided conversation for planning adult social care in England.

This package file stays empty on purpose: importing any submodule must never pull in
the Textual front end, so that the pure core stays light and UI-free.
"""
