"""The words typer itself writes on help pages, for the catalog.

`_language.localize_click` sends typer's gettext calls through agidebate's
catalog; marking typer's messages here puts them in the template, so that every
language translates them. Keep each exactly as typer writes it.
"""

from __future__ import annotations

from agidebate.i18n import N_

TYPER_MESSAGES = (
    N_("Arguments"),
    N_("Commands"),
    N_("Options"),
    N_("default: {default}"),
    N_("required"),
    N_("Aborted!"),
    # The help option's own help text (typer's copy of click writes it).
    N_("Show this message and exit."),
)
