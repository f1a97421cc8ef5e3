"""Budget 2's yardstick: the smallest useful questionary prompt."""

import questionary

if __name__ == "__main__":
    questionary.select(
        "Who is completing this?", choices=["I am, for myself", "Someone is helping me"]
    ).ask()
