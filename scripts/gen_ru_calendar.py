#!/usr/bin/env python3
"""Generate src/engine/calendar_ru.rs, the built-in Russian production calendar.

The data comes from the PyPI package `holidays` (pinned below). For every date
of FIRST_YEAR..=LAST_YEAR the script asks `holidays.RU` whether it is a
working day (`is_working_day`, which accounts for public holidays, the days
off transferred by each year's government decree, and the Saturdays/Sundays
the decree makes working days, i.e. `weekend_workdays`), then writes:

* DAYS_OFF: Monday..Friday dates that are not working days;
* WORKING_WEEKENDS: Saturday/Sunday dates that are working days.

Usage (from anywhere; paths are relative to the repository root):

    pip install holidays==0.108
    python3 scripts/gen_ru_calendar.py           # (re)write the .rs file
    python3 scripts/gen_ru_calendar.py --check   # exit 1 with a diff if stale

Why the table starts in 2022: `holidays` has each decree's transfers for
2020 and 2021 too, but not the extra nationwide non-working days declared by
presidential decree in those years (2020: 30 Mar - 8 May, 24 Jun, 1 Jul;
2021: 4-7 May, 1-3 Nov), so its calendar for them is not the official one.
It ends in 2027 because `holidays` 0.108 has no decree for 2028 yet (and
hard-codes the weekend-holiday carry-overs per year), so later years would
be silently incomplete. The guards in `check_coverage` and `check_balance`
enforce both points.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import sys
from pathlib import Path

HOLIDAYS_VERSION = "0.108"
FIRST_YEAR = 2022
LAST_YEAR = 2027

# Years with nationwide non-working days declared outside the production
# calendar decree (presidential decrees), which `holidays` does not model.
YEARS_NOT_MODELLED = {
    2020: "presidential non-working days 30 Mar-8 May, 24 Jun, 1 Jul",
    2021: "presidential non-working days 4-7 May and 1-3 Nov",
}

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "src" / "engine" / "calendar_ru.rs"

INSTALL_HINT = f"install it with: pip install holidays=={HOLIDAYS_VERSION}"


def load_holidays():
    """Import `holidays`, insisting on the pinned version."""
    try:
        import holidays  # noqa: PLC0415
    except ImportError:
        sys.exit(f"error: the Python package 'holidays' is not installed; {INSTALL_HINT}")
    installed = getattr(holidays, "__version__", None)
    if installed is None:
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            installed = version("holidays")
        except PackageNotFoundError:
            installed = "unknown"
    if installed != HOLIDAYS_VERSION:
        sys.exit(
            f"error: holidays {installed} is installed, but this script is pinned to "
            f"holidays {HOLIDAYS_VERSION} (the generated file names that version); "
            f"{INSTALL_HINT}"
        )
    return holidays


def check_coverage(ru) -> None:
    """Refuse years for which `holidays` cannot give the official calendar."""
    problems = []
    if ru.weekend != {5, 6}:
        problems.append(f"unexpected weekend days {sorted(ru.weekend)} (expected Sat, Sun)")
    decrees = getattr(ru, "special_public_holidays", {})
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if year in YEARS_NOT_MODELLED:
            problems.append(f"{year}: not modelled by holidays ({YEARS_NOT_MODELLED[year]})")
        # Every year since 2013 has had a decree transferring at least one
        # January holiday; no entry means the package does not know the year.
        if year not in decrees:
            problems.append(f"{year}: holidays {HOLIDAYS_VERSION} has no transfer decree")
    if problems:
        sys.exit("error: cannot build the calendar:\n  " + "\n  ".join(problems))


def compute(holidays_mod):
    """Return (days_off, working_weekends) as sorted lists of dates."""
    # One year either side, so transfers across a year boundary are loaded.
    ru = holidays_mod.country_holidays("RU", years=range(FIRST_YEAR - 1, LAST_YEAR + 2))
    check_coverage(ru)
    days_off, working_weekends = [], []
    day = dt.date(FIRST_YEAR, 1, 1)
    end = dt.date(LAST_YEAR, 12, 31)
    while day <= end:
        working = ru.is_working_day(day)
        if day.weekday() >= 5:
            if working:
                working_weekends.append(day)
        elif not working:
            days_off.append(day)
        day += dt.timedelta(days=1)
    check_balance(days_off, working_weekends)
    return days_off, working_weekends


def check_balance(days_off, working_weekends) -> None:
    """Labor Code art. 112: every one of the 14 public holiday days yields a day
    off. One on a weekend is carried to a weekday, except Jan 1-8, of which
    the decree transfers two; a working Saturday/Sunday adds one more weekday
    off. So per year: weekday days off - working weekend days
    == 14 - max(0, weekend days among Jan 1-8 - 2)."""
    problems = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        jan_weekend = sum(dt.date(year, 1, d).weekday() >= 5 for d in range(1, 9))
        expected = 14 - max(0, jan_weekend - 2)
        off = sum(d.year == year for d in days_off)
        ww = sum(d.year == year for d in working_weekends)
        if off - ww != expected:
            problems.append(
                f"{year}: {off} weekday days off - {ww} working weekend days "
                f"= {off - ww}, expected {expected}"
            )
    if problems:
        sys.exit(
            "error: holidays gives an incomplete calendar (days-off balance):\n  "
            + "\n  ".join(problems)
        )


def render_list(dates) -> str:
    if not dates:
        return "&[]"
    rows = "".join(f"    ({d.year}, {d.month}, {d.day}),\n" for d in dates)
    return "&[\n" + rows + "]"


def render(days_off, working_weekends) -> str:
    return (
        "//! Russian production calendar: generated by scripts/gen_ru_calendar.py from\n"
        f"//! the PyPI package holidays {HOLIDAYS_VERSION}. Do not edit by hand; re-run the script.\n"
        "\n"
        "/// First year the table covers.\n"
        f"pub const FIRST_YEAR: i32 = {FIRST_YEAR};\n"
        "/// Last year the table covers.\n"
        f"pub const LAST_YEAR: i32 = {LAST_YEAR};\n"
        "/// Non-working days that fall Monday to Friday (public holidays and\n"
        "/// transferred days off), sorted, as (year, month, day).\n"
        f"pub static DAYS_OFF: &[(i32, u32, u32)] = {render_list(days_off)};\n"
        "/// Saturdays and Sundays that are official working days, sorted.\n"
        f"pub static WORKING_WEEKENDS: &[(i32, u32, u32)] = {render_list(working_weekends)};\n"
    )


def summary(days_off, working_weekends) -> str:
    lines = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        off = sum(d.year == year for d in days_off)
        ww = sum(d.year == year for d in working_weekends)
        lines.append(f"  {year}: {off} weekday days off, {ww} working weekend days")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 with a diff if the file differs from a fresh generation",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=OUTPUT,
        help=f"file to write or check (default: {OUTPUT.relative_to(REPO_ROOT)})",
    )
    args = parser.parse_args()

    days_off, working_weekends = compute(load_holidays())
    text = render(days_off, working_weekends)

    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current == text:
            print(f"{args.output}: up to date ({FIRST_YEAR}..={LAST_YEAR})")
            return 0
        diff = difflib.unified_diff(
            current.splitlines(keepends=True),
            text.splitlines(keepends=True),
            fromfile=f"{args.output} (committed)",
            tofile=f"{args.output} (generated)",
        )
        sys.stdout.writelines(diff)
        print(
            f"error: {args.output} is stale or edited by hand; "
            "run python3 scripts/gen_ru_calendar.py",
            file=sys.stderr,
        )
        return 1

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({FIRST_YEAR}..={LAST_YEAR}):")
    print(summary(days_off, working_weekends))
    return 0


if __name__ == "__main__":
    sys.exit(main())
