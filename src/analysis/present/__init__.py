"""Presenting results: figures (tables in, Figure out), findings for an audience, interactive
explorers and safe HTML display helpers. This layer sits above the analysis: nothing in the
analysis imports it."""
