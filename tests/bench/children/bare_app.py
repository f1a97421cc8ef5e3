"""Budget 1's yardstick: a bare Textual app, one Static and one Button, as in the baselines."""

from textual.app import App, ComposeResult
from textual.widgets import Button, Static


class Bare(App[None]):
    """Nothing but what every Textual app pays for."""

    def compose(self) -> ComposeResult:
        yield Static("Bare app ready")
        yield Button("OK")


if __name__ == "__main__":
    Bare().run()
