"""Discord's size limits, in one place.

Discord counts characters as Unicode code points (its API is Python: `len(str)`), so every
check here uses `len()`. Sources: the API docs' "Embed Limits", "Message", "Component" and
"Application Command" sections.
"""

from __future__ import annotations

# Messages
MAX_CONTENT = 2_000
MAX_EMBEDS = 10
MAX_ATTACHMENTS = 10
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""Total upload size a message may carry in a guild without boosts (and in DMs)."""

# Embeds
MAX_EMBED_TITLE = 256
MAX_EMBED_DESCRIPTION = 4_096
MAX_EMBED_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1_024
MAX_EMBED_FOOTER = 2_048
MAX_EMBED_TOTAL = 6_000
"""Title + description + field names + field values + footer, per embed and summed over a message."""
MAX_EMBED_COLOR = 0xFFFFFF

# Components
MAX_ACTION_ROWS = 5
MAX_BUTTONS_PER_ROW = 5
MAX_BUTTON_LABEL = 80
MAX_CUSTOM_ID = 100
MAX_SELECT_OPTIONS = 25
MAX_SELECT_PLACEHOLDER = 150
MAX_OPTION_LABEL = 100
MAX_OPTION_VALUE = 100
MAX_OPTION_DESCRIPTION = 100

# Autocomplete
MAX_CHOICES = 25
MAX_CHOICE_NAME = 100
MAX_CHOICE_VALUE = 100
