"""Text of the budgetten page: key -> (Dutch, English)."""

TEXT: dict[str, tuple[str, str]] = {}
