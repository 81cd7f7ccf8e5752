"""Text of the overzicht page: key -> (Dutch, English)."""

TEXT: dict[str, tuple[str, str]] = {}
