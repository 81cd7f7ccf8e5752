"""Text of the tijdlijn page: key -> (Dutch, English)."""

TEXT: dict[str, tuple[str, str]] = {}
