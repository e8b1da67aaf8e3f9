"""Stage 7, report: the static HTML report and the exports, read from the store."""
