"""The full-screen Textual app: the only package that imports Textual.

It drives the same :class:`assistant.engine.session.Session` as the line mode, from the
event loop only, and translates every engine message at render time.
"""

from assistant.ui.openssl_free import import_without_openssl

import_without_openssl()  # before Textual imports asyncio: see assistant.ui.openssl_free
