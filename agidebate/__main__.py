"""`python -m agidebate`."""

from agidebate.cli import main

main()
