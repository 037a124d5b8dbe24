"""`python -m agidebate`."""

from agidebate.cli import main

if __name__ == "__main__":
    main()
