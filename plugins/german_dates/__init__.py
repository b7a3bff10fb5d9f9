"""german_dates — German dates in templates, formatted by Babel (no system locales needed).

Filters: `datum` (7. Februar 2024), `datum_zeit` (7. Februar 2024, 10:30 Uhr),
`iso_datum` (2024-02-07, for <time datetime>), `dateigroesse` (1,2 MB).
"""

from .plugin import register

__all__ = ["register"]
