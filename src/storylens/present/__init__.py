"""Presentation: the same stored stories as terminal tables, JSON, Markdown and HTML reports."""
