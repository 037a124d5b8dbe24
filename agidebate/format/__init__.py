"""The argument-file format, both directions.

Reading: `load` finds a folder's files, `nodes` reads YAML into positioned nodes
(never `yaml.load`), `scalars` types plain values as YAML 1.1 would, `fields` turns
one file's nodes into claims and relations (`parsed.ParsedFile`), `join` joins the
files into one `Debate`, `cache` keeps each file's result, `perspectives` reads
weight profiles. Writing: `emit` is the one YAML emitter (quoting, block and flow
values, checked by reading them back). `schema` holds the field tables and the
JSON Schema of argument files.

Nothing here prints or uses rich; everything above (scoring, query, render,
export, importers, authoring, cli) reads argument files through this package.
"""
