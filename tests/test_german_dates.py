from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from german_dates.formatting import file_size, iso_date, long_date, long_date_time

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(("value", "expected"), [
    (date(2024, 2, 7), "7. Februar 2024"),
    (date(2025, 3, 1), "1. März 2025"),
    (datetime(2025, 12, 24, 18, 0), "24. Dezember 2025"),
])
def test_long_date_is_german_without_system_locale(value, expected):
    assert long_date(value) == expected


def test_long_date_time_adds_the_time_only_when_there_is_one():
    assert long_date_time(datetime(2025, 3, 14, 11, 15)) == "14. März 2025, 11:15 Uhr"
    assert long_date_time(datetime(2025, 3, 14)) == "14. März 2025"


def test_iso_date_keeps_the_berlin_offset_and_drops_a_missing_time():
    assert iso_date(datetime(2025, 7, 1, 9, 30, tzinfo=BERLIN)) == "2025-07-01T09:30+02:00"
    assert iso_date(datetime(2025, 1, 1, 9, 30, tzinfo=BERLIN)) == "2025-01-01T09:30+01:00"
    assert iso_date(datetime(2025, 1, 1, tzinfo=BERLIN)) == "2025-01-01"
    assert iso_date(date(2025, 2, 7)) == "2025-02-07"


@pytest.mark.parametrize(("size", "expected"), [
    (512, "512 Byte"),
    (340_000, "340 KB"),
    (1_234_567, "1,2 MB"),
    (2_500_000_000, "2,5 GB"),
])
def test_file_size_uses_german_decimal_comma(size, expected):
    assert file_size(size) == expected
