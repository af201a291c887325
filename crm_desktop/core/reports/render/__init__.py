"""How each report lays its data out on pages: reportlab flowables, no queries."""
