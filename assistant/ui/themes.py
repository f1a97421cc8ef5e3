"""The app's themes: the usual dark and light, and a high-contrast one.

High contrast is white on black with yellow for focus. Nothing relies on colour alone:
the focused control also has a "›" marker or brackets, chosen options are marked with
symbols and words, and errors start with words.
"""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES, Theme

from assistant.values import N_

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FF8080",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    dark=True,
    text_alpha=1.0,
    variables={
        "text-muted": "#FFFFFF",
        "border": "#FFFFFF",
        "border-blurred": "#FFFFFF",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "input-cursor-background": "#FFFF00",
        "input-cursor-foreground": "#000000",
        "button-focus-text-style": "bold reverse",
        "scrollbar": "#FFFFFF",
        "scrollbar-background": "#000000",
    },
)

#: The themes F6 cycles through, in order, with their names for the person.
THEMES: tuple[Theme, ...] = (
    BUILTIN_THEMES["textual-dark"],
    BUILTIN_THEMES["textual-light"],
    HIGH_CONTRAST,
)

THEME_NAMES: dict[str, str] = {
    "textual-dark": N_("dark"),
    "textual-light": N_("light"),
    "high-contrast": N_("high contrast"),
}
