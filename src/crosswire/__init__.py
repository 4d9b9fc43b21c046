"""crosswire: many outlets' reports of a war or crisis turned into one reconciled, sourced picture.

Importing the package loads no model; models and gazetteers load on first use.
"""

__version__ = "0.1.0"
