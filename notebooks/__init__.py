"""The source notebooks, written as Python (``python -m notebooks.build``)."""
