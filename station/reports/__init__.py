"""Reports, ledgers, exports and imports: statistics as the offices want them on paper and
in Excel, and resident rosters read back from Excel.

* :mod:`station.reports.tables` — the monthly reports and ledgers as plain tables (title,
  two-level header, rows, totals), filled from :mod:`station.services.statistics`;
* :mod:`station.reports.excel` and :mod:`station.reports.pdf` — the same tables as .xlsx
  (openpyxl) and as PDF (the documents toolkit);
* :mod:`station.reports.exports` — what the app and the CLI call: permission check, the
  file's bytes, and the audit entry, in the caller's transaction;
* :mod:`station.reports.residents_import` — rosters of residents from .xlsx/.csv (reading,
  column mapping, row-by-row report), and :mod:`station.reports.grids_import` /
  :mod:`station.reports.roster_import` — the grid list and the roster, at the town center;
* :mod:`station.reports.commands` — ``grid-station report|export|import``.

Nothing here imports Qt.
"""
