"""Questions about a loaded `Debate`, answered as plain data (no rich, no files).

`outline` (the rows of `show`), `filters` (`--side`, `--topic`, ...), `search`,
`paths` (a claim's chain to the thesis), `stats`, `citations` (the cited works),
and `records`: every `--json` record shape the commands print, in one module.
The terminal views in `agidebate.render` draw what these return.
"""
