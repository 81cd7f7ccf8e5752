"""Text of the gebieden page: key -> (Dutch, English)."""

TEXT: dict[str, tuple[str, str]] = {}
