"""Weekly reminders: what they say (compose), and when and how they are sent (scheduler)."""
