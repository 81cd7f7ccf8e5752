"""Text of the scenario page: key -> (Dutch, English)."""

TEXT: dict[str, tuple[str, str]] = {}
