"""The Word document holds whatever an answer holds, made valid XML."""

from __future__ import annotations

from io import BytesIO

import docx as word

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.plan import export_bytes


def test_control_characters_in_an_answer_do_not_stop_the_word_document(example: Bundle) -> None:
    # python-docx refuses XML-incompatible characters with a ValueError: 'export --format
    # docx' ended in a traceback, and the app's "Save my plan" could not write the Word copy.
    session = Session(example)
    session.start()
    session.answer("")  # the welcome
    session.answer("A\x00n\x1b[31m\x0bn\ufffe")  # as an imported conversation may hold it
    document = word.Document(BytesIO(export_bytes(session, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "A\ufffdn\ufffd[31m\ufffdn\ufffd" in text  # the answer, each bad character marked
