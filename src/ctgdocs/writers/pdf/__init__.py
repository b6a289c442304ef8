"""The PDF writer: PDF/A-3b from the laid-out pages (writer.py, structure.py)."""
