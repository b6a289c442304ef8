"""The DOCX writer: the docxtpl frame, the body written with python-docx (writer.py)."""
