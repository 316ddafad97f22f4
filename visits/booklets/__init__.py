"""Printable programme booklets: content, version, rendering with WeasyPrint, delivery."""
