"""Terminal views of a debate (rich renderables); they never print themselves."""
