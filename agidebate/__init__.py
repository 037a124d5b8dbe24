"""agidebate: map a pro/con debate as a graph of claims and rebuttals."""

__version__ = "0.1.0"
