"""The package version, in a module of its own: whatever needs it imports this, never the
package face (`agidebate/__init__.py`), so no layer imports the public API above it."""

__version__ = "0.1.0"
