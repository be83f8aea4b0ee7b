"""Date cells as practitioners in England write them in review chronologies.

Each case here was read wrongly before (rejected although it is a date, read as the wrong
span, or rejected for the wrong reason); see docs/dates.md for the forms.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import dates
from scr_timeline.dates import parse_dates
from scr_timeline.exceptions import DateParseError

DAY, WEEK, MONTH, SEASON, YEAR, MINUTE = "day", "week", "month", "season", "year", "minute"

# (written, start, end, precision, approximate)
READ = [
    # Excel's mark of a cell typed as text: an ISO date after it is still year first
    ("'2007-03-12", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("'2007-03-12 14:30", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    ("'20/03/2007", "2007-03-20", "2007-03-20 23:59:59", DAY, False),
    # a school or financial year: both years, not the first with the rest ignored
    ("2007/08", "2007-01-01", "2008-12-31 23:59:59", YEAR, False),
    ("2007/2008", "2007-01-01", "2008-12-31 23:59:59", YEAR, False),
    ("2007-08", "2007-01-01", "2008-12-31 23:59:59", YEAR, False),  # holds August 2007 too
    ("1999/00", "1999-01-01", "2000-12-31 23:59:59", YEAR, False),
    ("2007-03", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),  # ISO year-month
    # two months, seasons or parts joined by a slash: the span of both
    ("March/April 2007", "2007-03-01", "2007-04-30 23:59:59", MONTH, False),
    ("Feb/March 2007", "2007-02-01", "2007-03-31 23:59:59", MONTH, False),
    ("Mar/Apr 07", "2007-03-01", "2007-04-30 23:59:59", MONTH, False),
    ("Nov 2006/Jan 2007", "2006-11-01", "2007-01-31 23:59:59", MONTH, False),
    ("Spring/Summer 2007", "2007-03-01", "2007-08-31 23:59:59", SEASON, False),
    ("Late 2006/early 2007", "2006-09-01", "2007-04-30 23:59:59", SEASON, False),
    # Christmas Day and Eve written as 'Xmas' (as 'Xmas 2006' already was)
    ("Xmas Day 2006", "2006-12-25", "2006-12-25 23:59:59", DAY, False),
    ("Xmas Eve 2006", "2006-12-24", "2006-12-24 23:59:59", DAY, False),
    # 'unknown' before a rough date, as 'Date unknown - 2007' is
    ("Unknown - 2007", "2007-01-01", "2007-12-31 23:59:59", YEAR, True),
    ("unknown, March 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, True),
    # a backslash typed for the slash
    ("12\\03\\2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    # a letter o typed for a zero, or l for a one (the year was 'missing')
    ("12th March 2o07", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("12/03/2OO7", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("12/O3/2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("l2/03/2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("Mar 2oo7", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("c. 12/03/2o07", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    # the six half terms of teaching, as schools name them (generous bounds, as terms)
    ("Spring 1 2007", "2007-01-01", "2007-02-28 23:59:59", MONTH, False),
    ("Spring 2 2007", "2007-02-01", "2007-04-30 23:59:59", MONTH, False),
    ("Autumn 1 2006", "2006-09-01", "2006-10-31 23:59:59", MONTH, False),
    ("Autumn 2 2006", "2006-10-01", "2006-12-31 23:59:59", MONTH, False),
    ("Summer 1 2007", "2007-04-01", "2007-05-31 23:59:59", MONTH, False),
    ("Summer 2 2007", "2007-05-01", "2007-07-31 23:59:59", MONTH, False),
    ("Summer Term 1 2007", "2007-04-01", "2007-05-31 23:59:59", MONTH, False),
    ("Spring term 2, 2007", "2007-02-01", "2007-04-30 23:59:59", MONTH, False),
    ("Spring 1 2006/07", "2007-01-01", "2007-02-28 23:59:59", MONTH, False),  # a school year
    ("Aut 1 2006", "2006-09-01", "2006-10-31 23:59:59", MONTH, False),
    ("Spr2 2007", "2007-02-01", "2007-04-30 23:59:59", MONTH, False),
    ("Summer 2nd half term 2007", "2007-05-01", "2007-07-31 23:59:59", MONTH, False),
    # school terms and holidays (generous bounds)
    ("Autumn term 2007", "2007-09-01", "2007-12-31 23:59:59", SEASON, False),
    ("Spring Term 2008", "2008-01-01", "2008-04-30 23:59:59", SEASON, False),
    ("Summer term 07", "2007-04-01", "2007-07-31 23:59:59", SEASON, False),
    ("spring term 2007/08", "2008-01-01", "2008-04-30 23:59:59", SEASON, False),
    ("autumn term 2007/08", "2007-09-01", "2007-12-31 23:59:59", SEASON, False),
    ("Summer holidays 2007", "2007-07-01", "2007-09-30 23:59:59", SEASON, False),
    # a week or half of a month
    ("first week of March 2007", "2007-03-01", "2007-03-07 23:59:59", WEEK, False),
    ("third week of Feb 2007", "2007-02-15", "2007-02-21 23:59:59", WEEK, False),
    ("last week of February 2008", "2008-02-23", "2008-02-29 23:59:59", WEEK, False),
    ("last week in March 2007", "2007-03-25", "2007-03-31 23:59:59", WEEK, False),
    ("first half of March 2007", "2007-03-01", "2007-03-15 23:59:59", WEEK, False),
    ("second half of March 07", "2007-03-16", "2007-03-31 23:59:59", WEEK, False),
    # a part of a season: its month; two parts of a month: both
    ("late Spring 2007", "2007-05-01", "2007-05-31 23:59:59", MONTH, False),
    ("early Summer 07", "2007-06-01", "2007-06-30 23:59:59", MONTH, False),
    ("mid winter 2007", "2008-01-01", "2008-01-31 23:59:59", MONTH, False),
    ("mid to late March 2007", "2007-03-11", "2007-03-31 23:59:59", WEEK, False),
    ("early-mid March 2007", "2007-03-01", "2007-03-20 23:59:59", WEEK, False),
    ("mid/late March 2007", "2007-03-11", "2007-03-31 23:59:59", WEEK, False),
    # a part of a month with a two-digit year written as in "Mar 07"
    ("mid-March 07", "2007-03-11", "2007-03-20 23:59:59", WEEK, False),
    # a day not known: the month (or the year)
    ("?/03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("??/03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("xx/03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("XX/03/07", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("--/03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("??/??/2007", "2007-01-01", "2007-12-31 23:59:59", YEAR, False),
    # the day written as 00, as GP and police systems export a partial date: the month
    ("00/03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("0/3/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("00/03/07", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("00.03.2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("00-03-2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("00 Mar 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("00-MAR-2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("20070300", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("00032007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("00/02/2008", "2008-02-01", "2008-02-29 23:59:59", MONTH, False),
    # ... and day and month as 00: the year
    ("00/00/2007", "2007-01-01", "2007-12-31 23:59:59", YEAR, False),
    ("00/00/07", "2007-01-01", "2007-12-31 23:59:59", YEAR, False),
    ("2007-00-00", "2007-01-01", "2007-12-31 23:59:59", YEAR, False),
    ("20070000", "2007-01-01", "2007-12-31 23:59:59", YEAR, False),
    # the year first, with the day (or the day and month) not known
    ("2007-03-00", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("2007-03-??", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("2007-03-XX", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("2007/03/??", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("2007-??-??", "2007-01-01", "2007-12-31 23:59:59", YEAR, False),
    # other marks for a day not known, and with the month in words
    ("NK/03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("__/03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("xx/xx/07", "2007-01-01", "2007-12-31 23:59:59", YEAR, False),
    ("??/??/07", "2007-01-01", "2007-12-31 23:59:59", YEAR, False),
    ("?? March 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("xx Mar 07", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("-- March 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    # a day not known that is also marked approximate
    ("00/03/2007 (approx)", "2007-03-01", "2007-03-31 23:59:59", MONTH, True),
    ("c. 00/03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, True),
    ("??/03/2007?", "2007-03-01", "2007-03-31 23:59:59", MONTH, True),
    ("2007-03-?? (approx)", "2007-03-01", "2007-03-31 23:59:59", MONTH, True),
    # a financial or school year named, with two-digit years
    ("FY07/08", "2007-04-01", "2008-03-31 23:59:59", YEAR, False),
    ("FY 07/08", "2007-04-01", "2008-03-31 23:59:59", YEAR, False),
    ("school year 06-07", "2006-09-01", "2007-08-31 23:59:59", YEAR, False),
    ("Academic year 99/00", "1999-09-01", "2000-08-31 23:59:59", YEAR, False),
    # forms reviewers meet in agency chronologies (the lead's list)
    ("Tues 13th March 07", "2007-03-13", "2007-03-13 23:59:59", DAY, False),
    ("Tue 13th Mar '07", "2007-03-13", "2007-03-13 23:59:59", DAY, False),
    ("13.3.07 @ 14:30", "2007-03-13 14:30", "2007-03-13 14:30:59", MINUTE, False),
    ("13.3.07 @14:30", "2007-03-13 14:30", "2007-03-13 14:30:59", MINUTE, False),
    ("13/03/07 @ 1430", "2007-03-13 14:30", "2007-03-13 14:30:59", MINUTE, False),
    ("13-Mar-2007 (approx)", "2007-03-13", "2007-03-13 23:59:59", DAY, True),
    ("13/03/2007 - 15/03/2007", "2007-03-13", "2007-03-15 23:59:59", DAY, False),
    ("13/03/07 \u2013 15/03/07", "2007-03-13", "2007-03-15 23:59:59", DAY, False),
    ("between 13 and 15 March 2007", "2007-03-13", "2007-03-15 23:59:59", DAY, False),
    ("between 13th and 15th March 2007", "2007-03-13", "2007-03-15 23:59:59", DAY, False),
    ("week ending 16/03/2007", "2007-03-10", "2007-03-16 23:59:59", WEEK, False),
    ("Easter 2007", "2007-04-06", "2007-04-09 23:59:59", WEEK, False),  # Sunday 8 April
    ("Summer term 2007", "2007-04-01", "2007-07-31 23:59:59", SEASON, False),
    ("FY 2007/08", "2007-04-01", "2008-03-31 23:59:59", YEAR, False),
    ("13/03/2007 AM", "2007-03-13", "2007-03-13 11:59:59", DAY, False),
    ("13/03/2007 PM", "2007-03-13 12:00", "2007-03-13 23:59:59", DAY, False),
    ("AM 13.3.07", "2007-03-13", "2007-03-13 11:59:59", DAY, False),
    ("13/03/2007 (p.m.)", "2007-03-13 12:00", "2007-03-13 23:59:59", DAY, False),
    ("13th Marhc 2007", "2007-03-13", "2007-03-13 23:59:59", DAY, False),
    ("13th Febuary 2007", "2007-02-13", "2007-02-13 23:59:59", DAY, False),
    ("22nd Agust 2007", "2007-08-22", "2007-08-22 23:59:59", DAY, False),
    ("Mar-07", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    # a part of the day with a qualifier: the whole part, which holds the time meant
    ("late evening 13/03/2007", "2007-03-13 17:00", "2007-03-13 23:59:59", DAY, False),
    ("13/03/2007 - late evening", "2007-03-13 17:00", "2007-03-13 23:59:59", DAY, False),
    ("13/03/2007 (late pm)", "2007-03-13 12:00", "2007-03-13 23:59:59", DAY, False),
    ("13/03/2007 mid-morning", "2007-03-13", "2007-03-13 11:59:59", DAY, False),
    ("13/03/2007 early afternoon", "2007-03-13 12:00", "2007-03-13 17:59:59", DAY, False),
    ("early morning 13/03/2007", "2007-03-13", "2007-03-13 11:59:59", DAY, False),
    # an approximate time in brackets, a time after a bracketed weekday and a dash
    ("13/03/2007 (approx 2pm)", "2007-03-13 14:00", "2007-03-13 14:00:59", MINUTE, True),
    ("13/03/2007 (c. 14:00)", "2007-03-13 14:00", "2007-03-13 14:00:59", MINUTE, True),
    ("13/03/2007 (Tues) - 14:00", "2007-03-13 14:00", "2007-03-13 14:00:59", MINUTE, False),
    # an approximation marker inside brackets or quotes; a day not known after a bullet
    ("(approx 13/03/2007)", "2007-03-13", "2007-03-13 23:59:59", DAY, True),
    ('"c. March 2007"', "2007-03-01", "2007-03-31 23:59:59", MONTH, True),
    ("- ?/03/2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    # a timestamp with no separators, as health systems export one (HL7): year first
    ("20070313143000", "2007-03-13 14:30", "2007-03-13 14:30:59", MINUTE, False),
    ("200703131430", "2007-03-13 14:30", "2007-03-13 14:30:59", MINUTE, False),
    # an apostrophe before a two-digit year in a numeric date
    ("13/03/'07", "2007-03-13", "2007-03-13 23:59:59", DAY, False),
    # a half of a year (of a financial year when written with both its years)
    ("first half of 2007", "2007-01-01", "2007-06-30 23:59:59", SEASON, False),
    ("1st half 2007", "2007-01-01", "2007-06-30 23:59:59", SEASON, False),
    ("the second half of 2007", "2007-07-01", "2007-12-31 23:59:59", SEASON, False),
    ("2nd half of 07", "2007-07-01", "2007-12-31 23:59:59", SEASON, False),
    ("H1 2007", "2007-01-01", "2007-06-30 23:59:59", SEASON, False),
    ("2007 H2", "2007-07-01", "2007-12-31 23:59:59", SEASON, False),
    ("H1 2007/08", "2007-04-01", "2007-09-30 23:59:59", SEASON, False),
    ("H2 2007/08", "2007-10-01", "2008-03-31 23:59:59", SEASON, False),
    # approximation markers police and health records use
    ("On or about 12 March 2007", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    ("on or around 12/03/2007", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    ("12/03/2007 (approximate)", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    ("12/03/2007 (approx date)", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    ("12/03/2007 (date approx)", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    ("12/03/2007 (tbc)", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    ("12/03/2007 TBC", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    ("on or about 12/03/2007 14:30", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, True),
    # the time written before the day (police logs)
    ("1430 12/03/2007", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    ("1430hrs 12/03/2007", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    ("14:30hrs on 12/03/2007", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    ("0930 Monday 12/03/2007", "2007-03-12 09:30", "2007-03-12 09:30:59", MINUTE, False),
    ("2pm 12/03/2007", "2007-03-12 14:00", "2007-03-12 14:00:59", MINUTE, False),
    # festivals: a named day, or the days around it (Easter from dateutil.easter)
    ("Christmas Day 2007", "2007-12-25", "2007-12-25 23:59:59", DAY, False),
    ("Christmas Eve 2007", "2007-12-24", "2007-12-24 23:59:59", DAY, False),
    ("Boxing Day 2007", "2007-12-26", "2007-12-26 23:59:59", DAY, False),
    ("New Year's Eve 2007", "2007-12-31", "2007-12-31 23:59:59", DAY, False),
    ("New Years Day 2008", "2008-01-01", "2008-01-01 23:59:59", DAY, False),
    ("Christmas 2007", "2007-12-24", "2008-01-01 23:59:59", WEEK, False),
    ("over Christmas 2007", "2007-12-24", "2008-01-01 23:59:59", WEEK, False),
    ("Xmas 07", "2007-12-24", "2008-01-01 23:59:59", WEEK, False),
    ("Christmas 2007/08", "2007-12-24", "2008-01-01 23:59:59", WEEK, False),
    ("c. Christmas 2007", "2007-12-24", "2008-01-01 23:59:59", WEEK, True),
    ("New Year 2008", "2007-12-31", "2008-01-01 23:59:59", WEEK, False),
    ("New Year 2007/08", "2007-12-31", "2008-01-01 23:59:59", WEEK, False),
    ("Easter 2008", "2008-03-21", "2008-03-24 23:59:59", WEEK, False),  # Sunday 23 March
    ("Easter weekend 2007", "2007-04-06", "2007-04-09 23:59:59", WEEK, False),
    ("Good Friday 2008", "2008-03-21", "2008-03-21 23:59:59", DAY, False),
    ("Easter Monday 2007", "2007-04-09", "2007-04-09 23:59:59", DAY, False),
    ("Christmas holidays 2007", "2007-12-15", "2008-01-07 23:59:59", MONTH, False),
    ("Easter hols 2008", "2008-03-09", "2008-04-30 23:59:59", MONTH, False),
    ("Easter holidays 2011", "2011-04-10", "2011-05-15 23:59:59", MONTH, False),  # 24 April
    # school half terms, by their month or term (generous bounds, as terms)
    ("half term (Feb 2008)", "2008-02-01", "2008-02-29 23:59:59", MONTH, False),
    ("February half term 2008", "2008-02-01", "2008-02-29 23:59:59", MONTH, False),
    ("Feb half-term 2007/08", "2008-02-01", "2008-02-29 23:59:59", MONTH, False),
    ("October half term 2007", "2007-10-15", "2007-11-07 23:59:59", MONTH, False),
    ("half term (October 2007)", "2007-10-15", "2007-11-07 23:59:59", MONTH, False),
    ("Whitsun half term 2008", "2008-05-15", "2008-06-07 23:59:59", MONTH, False),
    ("autumn half term 2007/08", "2007-10-15", "2007-11-07 23:59:59", MONTH, False),
    # quarters: of the calendar year, or of a financial year written as one (Q1 = Apr-Jun)
    ("Q1 2007", "2007-01-01", "2007-03-31 23:59:59", SEASON, False),
    ("first quarter of 2007", "2007-01-01", "2007-03-31 23:59:59", SEASON, False),
    ("2007 Q4", "2007-10-01", "2007-12-31 23:59:59", SEASON, False),
    ("Q3 2007/08", "2007-10-01", "2007-12-31 23:59:59", SEASON, False),
    ("Q1 2007/08", "2007-04-01", "2007-06-30 23:59:59", SEASON, False),
    ("Q4 2007/08", "2008-01-01", "2008-03-31 23:59:59", SEASON, False),
    ("2007/08 Q2", "2007-07-01", "2007-09-30 23:59:59", SEASON, False),
    ("Q3 FY2007/08", "2007-10-01", "2007-12-31 23:59:59", SEASON, False),
    # week commencing or ending, as abbreviated by hand ("WE" is week ending; "Wed" is not)
    ("WE 16.3.07", "2007-03-10", "2007-03-16 23:59:59", WEEK, False),
    ("We 16/03/07", "2007-03-10", "2007-03-16 23:59:59", WEEK, False),
    ("w/ending 16/03/07", "2007-03-10", "2007-03-16 23:59:59", WEEK, False),
    ("wk ending 16/03/07", "2007-03-10", "2007-03-16 23:59:59", WEEK, False),
    ("wk end 16/03/07", "2007-03-10", "2007-03-16 23:59:59", WEEK, False),
    ("wk beg 12/3/07", "2007-03-12", "2007-03-18 23:59:59", WEEK, False),
    ("wk comm 12/3/07", "2007-03-12", "2007-03-18 23:59:59", WEEK, False),
    ("wk comm. 12/03/07", "2007-03-12", "2007-03-18 23:59:59", WEEK, False),
    ("wk/c 12/03/07", "2007-03-12", "2007-03-18 23:59:59", WEEK, False),
    ("w/beg 12/03/2007", "2007-03-12", "2007-03-18 23:59:59", WEEK, False),
    ("week commencing: 12th March 2007", "2007-03-12", "2007-03-18 23:59:59", WEEK, False),
    ("Wed 14/3/07", "2007-03-14", "2007-03-14 23:59:59", DAY, False),
    # a part of a month or a year without "of", and a year of two digits after a part
    ("End Mar 07", "2007-03-21", "2007-03-31 23:59:59", WEEK, False),
    ("end March 2007", "2007-03-21", "2007-03-31 23:59:59", WEEK, False),
    ("beginning March 2007", "2007-03-01", "2007-03-10 23:59:59", WEEK, False),
    ("start Feb 07", "2007-02-01", "2007-02-10 23:59:59", WEEK, False),
    ("late 06", "2006-09-01", "2006-12-31 23:59:59", SEASON, False),
    ("Late '06", "2006-09-01", "2006-12-31 23:59:59", SEASON, False),
    ("early 07", "2007-01-01", "2007-04-30 23:59:59", SEASON, False),
    ("end 2006", "2006-09-01", "2006-12-31 23:59:59", SEASON, False),
    # two days with a slash: the night between them, or both days
    ("21/22 March 2007", "2007-03-21", "2007-03-22 23:59:59", DAY, False),
    ("21st/22nd March 2007", "2007-03-21", "2007-03-22 23:59:59", DAY, False),
    ("21/22/03/07", "2007-03-21", "2007-03-22 23:59:59", DAY, False),
    ("between 12/03/07 & 14/03/07", "2007-03-12", "2007-03-14 23:59:59", DAY, False),
    # a doubled separator, a bullet dash, a full stop after the date
    ("12/03//2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("12//03/2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("12..03.2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("- 12/03/07", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("12/03/07.", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("12 March 2007;", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    # a misspelt weekday is still a weekday (and checked)
    ("Wednsday 14/03/2007", "2007-03-14", "2007-03-14 23:59:59", DAY, False),
    ("Tuseday 13th March 2007", "2007-03-13", "2007-03-13 23:59:59", DAY, False),
    # "in March 2007": the month
    ("in March 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("during March 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("sometime in March 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, False),
    ("some time during 2007", "2007-01-01", "2007-12-31 23:59:59", YEAR, False),
    ("On 12/03/2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    # the exact date not known, estimated
    ("12/03/07 (exact date unknown)", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    ("2007 (exact date unknown)", "2007-01-01", "2007-12-31 23:59:59", YEAR, True),
    ("March 2007 (exact date not known)", "2007-03-01", "2007-03-31 23:59:59", MONTH, True),
    ("March 2007 (date unknown)", "2007-03-01", "2007-03-31 23:59:59", MONTH, True),
    ("est. 12/03/07", "2007-03-12", "2007-03-12 23:59:59", DAY, True),
    ("estimated March 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH, True),
    # times as written after a date: in brackets, approximate, noon, a range of hours
    ("12/03/2007 (14:30)", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    ("12 March 2007 (1430hrs)", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    ("12/03/2007 approx 14:30", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, True),
    ("12/03/2007 c.14:30", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, True),
    ("12/03/2007 at around 2pm", "2007-03-12 14:00", "2007-03-12 14:00:59", MINUTE, True),
    ("12/03/2007 noon", "2007-03-12 12:00", "2007-03-12 12:00:59", MINUTE, False),
    ("12/03/2007 at midday", "2007-03-12 12:00", "2007-03-12 12:00:59", MINUTE, False),
    ("12/03/2007 10-11am", "2007-03-12 10:00", "2007-03-12 11:00:59", MINUTE, False),
    ("12/03/2007 2-3pm", "2007-03-12 14:00", "2007-03-12 15:00:59", MINUTE, False),
    ("12/03/2007 11-1pm", "2007-03-12 11:00", "2007-03-12 13:00:59", MINUTE, False),
    ("Mon 12 Mar 2007 14:30:00 GMT", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    # a program's date text (Java, Unix date), as audit exports write it
    ("Tue Mar 13 14:30:00 GMT 2007", "2007-03-13 14:30", "2007-03-13 14:30:59", MINUTE, False),
    ("12/03/2007 14:30 BST", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    # a school, academic or financial year named as one: its own months
    ("School year 2006/07", "2006-09-01", "2007-08-31 23:59:59", YEAR, False),
    ("academic year 2006-07", "2006-09-01", "2007-08-31 23:59:59", YEAR, False),
    ("FY 2006/07", "2006-04-01", "2007-03-31 23:59:59", YEAR, False),
    ("financial year 2006-2007", "2006-04-01", "2007-03-31 23:59:59", YEAR, False),
    ("2006/7", "2006-01-01", "2007-12-31 23:59:59", YEAR, False),
    ("2006-7", "2006-01-01", "2007-12-31 23:59:59", YEAR, False),
    ("2009/0", "2009-01-01", "2010-12-31 23:59:59", YEAR, False),
    # a weekend: Saturday and Sunday (from the Friday when it names a Friday)
    ("weekend of 17/03/2007", "2007-03-17", "2007-03-18 23:59:59", WEEK, False),
    ("over the weekend of 16/03/07", "2007-03-16", "2007-03-18 23:59:59", WEEK, False),
    ("Weekend 17/18 March 2007", "2007-03-17", "2007-03-18 23:59:59", WEEK, False),
    ("weekend 18/03/2007", "2007-03-17", "2007-03-18 23:59:59", WEEK, False),
    ("w/e 17-18/03/07", "2007-03-17", "2007-03-18 23:59:59", WEEK, False),
    # the night of a day: into the next
    ("night of 12/03/2007", "2007-03-12", "2007-03-13 23:59:59", DAY, False),
    ("overnight 12/03/2007", "2007-03-12", "2007-03-13 23:59:59", DAY, False),
    ("overnight 12-13/03/2007", "2007-03-12", "2007-03-13 23:59:59", DAY, False),
    ("overnight 12/13 March 2007", "2007-03-12", "2007-03-13 23:59:59", DAY, False),
    # a month misspelt with two letters swapped
    ("12 Mrach 2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("Agust 2007", "2007-08-01", "2007-08-31 23:59:59", MONTH, False),
    # a label before the date, the time after a label or a dash
    ("Date of visit: 12/03/2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("Date of contact 12/03/2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("Date 12/03/2007", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("12/03/2007 Time: 14:30", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    ("Date: 12/03/2007 time 1430hrs", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    ("12th March 2007 - 2.30pm", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE, False),
    ("12/03/2007 - 2pm", "2007-03-12 14:00", "2007-03-12 14:00:59", MINUTE, False),
    ("12/03/2007 between 1400 and 1500", "2007-03-12 14:00", "2007-03-12 15:00:59", MINUTE, False),
    ("1st week March 2007", "2007-03-01", "2007-03-07 23:59:59", WEEK, False),
    # days of the year people remember things by
    ("Bonfire night 2006", "2006-11-05", "2006-11-05 23:59:59", DAY, False),
    ("Halloween 2006", "2006-10-31", "2006-10-31 23:59:59", DAY, False),
    ("Valentine's Day 2007", "2007-02-14", "2007-02-14 23:59:59", DAY, False),
    ("Mothers Day 2007", "2007-03-18", "2007-03-18 23:59:59", DAY, False),  # Easter - 21
    ("Mothering Sunday 2008", "2008-03-02", "2008-03-02 23:59:59", DAY, False),
    ("Father's Day 2007", "2007-06-17", "2007-06-17 23:59:59", DAY, False),  # 3rd Sunday
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "approximate"), READ)
def test_real_world_forms_are_read(
    text: str, start: str, end: str, precision: str, approximate: bool
) -> None:
    parsed = parse_dates(pd.Series([text]), dayfirst=True)
    row = parsed.frame.iloc[0]
    assert pd.isna(row["error_code"]), row["error"]
    assert (row["start"], row["end"], row["precision"]) == (
        pd.Timestamp(start),
        pd.Timestamp(end),
        precision,
    )
    assert row["approximate"] == approximate
    warned = [code for code, _, _ in parsed.warnings]
    assert ("approximate_date" in warned) == approximate
    assert "extra_text" not in warned  # nothing of the cell was ignored


def test_real_world_forms_read_alike_by_the_reference_reader() -> None:
    cells = pd.Series([text for text, *_ in READ])
    fast, slow = (
        dates._parse_dates(
            cells, times=None, end_values=None, dayfirst=True, anchor_relative=False, vectorised=v
        )
        for v in (True, False)
    )
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert (fast.warnings, fast.frame["error_code"].isna().all()) == (slow.warnings, True)


def test_an_unknown_day_is_read_month_first_in_a_month_first_file() -> None:
    row = parse_dates(pd.Series(["03/??/2007"]), dayfirst=False).frame.iloc[0]
    assert (row["start"], row["end"], row["precision"]) == (
        pd.Timestamp("2007-03-01"),
        pd.Timestamp("2007-03-31 23:59:59"),
        MONTH,
    )


# (written, error_code, words the reason must hold): rejected, with the right reason
REJECTED = [
    ("12/03/207", "implausible_date", "207"),
    ("12/03/20007", "implausible_date", "20007"),
    ("prior to 12/03/2007", "unreadable_date", "'prior to 12/03/2007'"),
    ("winter term 2007", "unreadable_date", "autumn, spring and summer terms"),
    ("spring term 2007/09", "unreadable_date", "consecutive years"),
    ("Date not known", "empty_date", "'Date not known'"),
    ("Not recorded", "empty_date", "'Not recorded'"),
    ("undated", "empty_date", "'undated'"),
    ("No date", "empty_date", "'No date'"),
    ("dd/mm/yyyy", "empty_date", "'dd/mm/yyyy'"),  # a template left unfilled
    ("half term 2008", "unreadable_date", "three half terms"),
    ("Q1 FY2007", "unreadable_date", "both its years"),
    ("Q2 2007/09", "unreadable_date", "two consecutive years"),
    ("Easter 2007/08", "unreadable_date", "Easter falls in one year"),
    ("Christmas Day holidays 2007", "unreadable_date", "is one day"),
    ("12/3/7", "implausible_date", "the year 7 has 1 digit;"),
    # ... naming the date it may be, to write in full
    ("13/3/7", "implausible_date", "(is it 13/03/2007? write the year in full)"),
    # a day no year has: no year from the rows around would make it a date
    ("31st Febuary", "impossible_date", "February has 29 days at most"),
    ("30 Feb", "impossible_date", "February has 29 days at most"),
    ("31/04", "impossible_date", "April has 30 days"),
    ("31st Febuary 2007", "impossible_date", "February 2007 has 28 days"),
    # a day with no month (00 in the month's place) is no date: a typo?
    ("03/00/2007", "impossible_date", "there is no month 0 (read as day/month/year)"),
    # a date of zeros is how a system exports an empty date; day 0 of January 1900 how
    # Excel shows an empty date cell (a formula's blank): not March 1900, not January 2000
    ("00/00/0000", "empty_date", "a date of zeros"),
    ("0000-00-00", "empty_date", "a date of zeros"),
    ("00000000", "empty_date", "a date of zeros"),
    ("00/00/00", "empty_date", "a date of zeros"),
    ("00/01/1900", "empty_date", "how Excel shows an empty date cell"),
    ("1900-01-00", "empty_date", "how Excel shows an empty date cell"),
    ("00/01/00", "empty_date", "how Excel shows an empty date cell"),
    # a half of a financial year needs both its years; a week number, its numbering
    ("H1 FY2007", "unreadable_date", "as in 'H1 2007/08' (April to September 2007)"),
    ("h107", "unreadable_date", "cannot read 'h107' as a date; write it"),  # no H1 2007
    ("week 11 2007", "unreadable_date", "ISO week 11 of 2007 began on Monday 12/03/2007"),
    ("Wk 11 2007", "unreadable_date", "write the week by its Monday, e.g. 'w/c 12/03/2007'"),
    # a date written another way is not 'words before the date' to move to the details
    (
        "Tue Mar 13 14:30:00 EST 2007",
        "unreadable_date",
        "cannot read 'Tue Mar 13 14:30:00 EST 2007' as a date; write it as a date such as",
    ),
    ("130320071430", "unreadable_date", "write it as a date such as"),  # day first: no stamp
    # an event word before the date: the reason says where the word goes
    ("DNA 13/03/07", "unreadable_date", "write the date alone and put 'dna' in the details"),
    ("DNA: 13/03/07", "unreadable_date", "write the date alone and put 'dna' in the details"),
    # open-ended: any span would be a guess, so the reason says so and what to write
    ("by 05/03/07", "unreadable_date", "open-ended (on or before 05/03/2007)"),
    ("prior to 12/03/07", "unreadable_date", "open-ended (before 12/03/2007)"),
    ("before Xmas 2006", "unreadable_date", "open-ended (before 24/12/2006 to 01/01/2007)"),
    ("pre 2006", "unreadable_date", "open-ended (before 01/01/2006 to 31/12/2006)"),
    ("after 12/03/2007", "unreadable_date", "open-ended (after 12/03/2007)"),
    ("since March 2007", "unreadable_date", "open-ended (since 01/03/2007 to 31/03/2007)"),
    ("from 12/03/2007", "unreadable_date", "give the end date in the end date column"),
    # a time of day with no date
    ("1430hrs", "unreadable_date", "a time of day (14:30) with no date"),
    ("2.30pm", "unreadable_date", "a time of day (14:30) with no date"),
    # a weekend named by a day that is not next to one
    ("weekend of 14/03/2007", "unreadable_date", "14/03/2007 was a Wednesday"),
    ("FY 2006/08", "unreadable_date", "two consecutive years"),
    # words before a date: it may be when it was written, not when it happened
    ("Late entry 14/03/2007", "unreadable_date", "it has words before the date (14/03/2007)"),
    ("Recorded 12 March 2007", "unreadable_date", "put 'recorded' in the details"),
    # a weekday that is not one
    ("Wedding 14/03/2007", "unreadable_date", "cannot read 'Wedding 14/03/2007'"),
    # no words before the date: the reason does not say there are
    ("12_03_2007", "unreadable_date", "cannot read '12_03_2007' as a date; write it as a date"),
]


@pytest.mark.parametrize(("text", "code", "reason"), REJECTED)
def test_real_world_cells_rejected_with_the_right_reason(text: str, code: str, reason: str) -> None:
    row = parse_dates(pd.Series([text]), dayfirst=True).frame.iloc[0]
    assert pd.isna(row["start"])
    assert row["error_code"] == code
    assert reason in row["error"]


def test_a_time_before_the_day_but_not_a_year_before_it() -> None:
    """'1430 12/03/2007' is 14:30 that day; '2007 12/03/2007' is not 20:07 on it."""
    parsed = parse_dates(pd.Series(["1430 12/03/2007", "2007 12/03/2007"]), dayfirst=True)
    assert parsed.frame["precision"].tolist()[0] == MINUTE
    assert parsed.frame["precision"].tolist()[1] != MINUTE


def test_weeks_and_year_pairs_that_are_not_so_are_still_rejected() -> None:
    parsed = parse_dates(
        pd.Series(["fifth week of March 2007", "2008-2007", "first week of March 2007"]),
        dayfirst=True,
    )
    assert parsed.frame["error_code"].tolist()[:2] == ["unreadable_date", "reversed_range"]
    assert parsed.frame.loc[2, "precision"] == WEEK


def test_a_part_of_a_month_takes_a_two_digit_year_only_when_it_looks_like_one() -> None:
    """'mid-March 07' is 2007 as 'March 07' is; 'end of March 12' has no year."""
    parsed = parse_dates(pd.Series(["mid-March 07", "end of March 12"]), dayfirst=True)
    assert parsed.frame.loc[0, "start"] == pd.Timestamp("2007-03-11")
    assert parsed.frame.loc[1, "error_code"] == "missing_year"


@pytest.mark.parametrize(
    "text",
    [
        "2007-03-12 00:00:00",  # a database or pandas export of a date-only field
        "12/03/2007 00:00:00",
        "2007-03-12 00:00:00.000",
        "2007-03-12T00:00:00",
        "12/03/2007 12:00:00 AM",  # Excel's export of a date cell with no time
    ],
)
def test_an_exported_midnight_is_the_whole_day(text: str) -> None:
    row = parse_dates(pd.Series([text]), dayfirst=True).frame.iloc[0]
    assert (row["start"], row["end"], row["precision"]) == (
        pd.Timestamp("2007-03-12"),
        pd.Timestamp("2007-03-12 23:59:59"),
        DAY,
    )


def test_midnight_written_by_a_person_or_with_other_seconds_keeps_its_minute() -> None:
    parsed = parse_dates(pd.Series(["12/03/2007 00:00", "12/03/2007 14:30:00"]), dayfirst=True)
    assert parsed.frame["precision"].tolist() == [MINUTE, MINUTE]
    # both readers agree on an exported midnight
    cells = pd.Series(["2007-03-12 00:00:00", "w/c 12/03/2007 00:00:00", "12 March 2007 00:00:00"])
    fast, slow = (
        dates._parse_dates(
            cells, times=None, end_values=None, dayfirst=True, anchor_relative=False, vectorised=v
        )
        for v in (True, False)
    )
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.frame["precision"].tolist() == [DAY, WEEK, DAY]


@pytest.mark.parametrize("time", ["N/K", "unknown", "Not known", "time unknown", "-", "n/a"])
def test_a_time_cell_saying_no_time_keeps_the_day_without_a_warning(time: str) -> None:
    parsed = parse_dates(
        pd.Series(["12/03/2007"]), times=pd.Series([time], dtype=object), dayfirst=True
    )
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"]) == (pd.Timestamp("2007-03-12"), DAY)
    assert parsed.warnings == []


@pytest.mark.parametrize(
    "text",
    [
        '"12/03/2007"',  # quoted twice by a CSV export
        "[12/03/2007]",
        "(12/03/2007)",
        "*12/03/2007",  # a footnote mark
        "12/03/2007*",
        "\u2022 12/03/2007",  # a list bullet from a Word or PDF table
        "Date: 12/03/2007",
        "Dated 12/03/2007",
        "1. 12/03/2007",  # a date column numbered as a Word list, printed to PDF
        "12) 12/03/2007",
        "3. 12 March 2007",
    ],
)
def test_a_date_inside_quotes_brackets_stars_or_a_label(text: str) -> None:
    parsed = parse_dates(pd.Series([text]), dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"]) == (pd.Timestamp("2007-03-12"), DAY)
    assert parsed.warnings == []


def test_a_placeholder_inside_quotes_is_an_empty_date() -> None:
    row = parse_dates(pd.Series(['"N/K"']), dayfirst=True).frame.iloc[0]
    assert row["error_code"] == "empty_date"


def test_an_end_date_without_its_year_takes_the_year_of_its_start() -> None:
    """A To column written '16/03' beside 12/03/2007; '03/01' after 20/12/2007 is 2008."""
    parsed = parse_dates(
        pd.Series(["12/03/2007", "20/12/2007", "12/03/2007", "2 days later", "12/03/2007"]),
        end_values=pd.Series(["16/03", "03/01", "10/03", "20/03", "Friday 16 March"]),
        dayfirst=True,
        anchor_relative=True,
    )
    assert parsed.frame["end"].tolist() == [
        pd.Timestamp("2007-03-16 23:59:59"),
        pd.Timestamp("2008-01-03 23:59:59"),
        pd.Timestamp("2007-03-12 23:59:59"),  # before the start: ignored
        pd.Timestamp("2007-03-20 23:59:59"),  # the start counted from the row above
        pd.Timestamp("2007-03-16 23:59:59"),
    ]
    assert codes_by_row(parsed) == {
        0: ["year_inferred"],
        1: ["year_inferred"],
        2: ["end_before_start"],
        3: ["relative_date_anchored", "year_inferred"],
        4: ["year_inferred"],
    }


def codes_by_row(parsed: dates.ParsedDates) -> dict[object, list[str]]:
    found: dict[object, list[str]] = {}
    for code, _, label in parsed.warnings:
        found.setdefault(label, []).append(code)
    return found


def test_year_first_with_spaces_is_year_month_day() -> None:
    """'2007 12 03' is 3 December 2007 (not year, day, month), whatever the day-first order."""
    for dayfirst in (True, False):
        parsed = parse_dates(pd.Series(["2007 12 03", "2007 03 12"]), dayfirst=dayfirst)
        assert parsed.frame["start"].tolist() == [
            pd.Timestamp("2007-12-03"),
            pd.Timestamp("2007-03-12"),
        ]


def test_a_stray_number_is_not_taken_for_the_year() -> None:
    """'3 12 March 2007' is not 12 March 2003 at 20:07."""
    row = parse_dates(pd.Series(["3 12 March 2007"]), dayfirst=True).frame.iloc[0]
    assert row["error_code"] == "unreadable_date"


def test_a_weekday_does_not_invent_the_day_of_a_month() -> None:
    """'Monday March 2008' names no day: dateutil's 'next Monday' is not one."""
    parsed = parse_dates(pd.Series(["Monday March 2008", "monday 12 2007"]), dayfirst=True)
    assert parsed.frame["start"].isna().all()
    assert parsed.frame["error_code"].tolist() == ["unreadable_date", "unreadable_date"]


@pytest.mark.parametrize(
    ("text", "start"),
    [("12. 03. 2007", "2007-03-12"), ("12. March 2007", "2007-03-12"), ("3.12.2007", "2007-12-03")],
)
def test_a_day_with_a_full_stop_is_not_taken_for_a_list_number(text: str, start: str) -> None:
    row = parse_dates(pd.Series([text]), dayfirst=True).frame.iloc[0]
    assert row["start"] == pd.Timestamp(start)


@pytest.mark.parametrize(
    ("cell", "start", "precision"),
    [
        ("20070312", "2007-03-12", DAY),  # yyyymmdd, as systems export dates
        ("12032007", "2007-03-12", DAY),  # ddmmyyyy
        ("20070312 14:30", "2007-03-12 14:30", MINUTE),
        ("20070312T1430", "2007-03-12 14:30", MINUTE),
        (20070312, "2007-03-12", DAY),  # the same as a number in an Excel cell
    ],
)
def test_a_date_written_without_separators(cell: object, start: str, precision: str) -> None:
    row = parse_dates(pd.Series([cell]), dayfirst=True).frame.iloc[0]
    assert (row["start"], row["precision"]) == (pd.Timestamp(start), precision)


@pytest.mark.parametrize("cell", ["20071399", "29022007", "2007031", 20070229, 20071301])
def test_eight_digits_that_make_no_day_are_rejected(cell: object) -> None:
    row = parse_dates(pd.Series([cell]), dayfirst=True).frame.iloc[0]
    assert pd.isna(row["start"]) and row["error_code"] == "unreadable_date"


def test_eight_digits_follow_the_files_order_of_day_and_month() -> None:
    found = parse_dates(pd.Series(["03122007"]), dayfirst=False).frame["start"]
    assert found.tolist() == [pd.Timestamp("2007-03-12")]


def _both_readers(cells: list[str], **options: object) -> dates.ParsedDates:
    """parse_dates, checked against the reference reader alone (vectorised=False)."""
    values = pd.Series(cells, dtype=object)
    fast, slow = (
        dates._parse_dates(
            values,
            times=None,
            end_values=None,
            dayfirst=options.get("dayfirst"),  # type: ignore[arg-type]
            anchor_relative=False,
            vectorised=v,
            birth=options.get("birth"),
        )
        for v in (True, False)
    )
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.warnings == slow.warnings
    return fast


def _read_alone_without_a_warning(text: str, start: str, end: str, precision: str) -> None:
    """Both readers read ``text`` as [start, end] at ``precision``, with no warning."""
    parsed = _both_readers([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"], row["precision"]) == (
        pd.Timestamp(start),
        pd.Timestamp(end),
        precision,
    )
    assert parsed.warnings == []


def test_a_time_alone_in_a_date_cell_is_not_taken_for_a_day() -> None:
    """'12.10' under a dated row is not 12 October with year_inferred: it could be ten past
    twelve; '14.30' and '12:10' are times of day. None takes the day of the row above."""
    parsed = _both_readers(["12/03/2007", "12.10", "12:10", "14.30", "25.03"], dayfirst=True)
    frame = parsed.frame
    assert frame["start"].isna().tolist() == [False, True, True, True, False]
    assert frame["error_code"].tolist()[1:4] == ["unreadable_date"] * 3
    assert "could be the time 12:10 or 12 October" in frame.loc[1, "error"]
    assert "time of day (12:10)" in frame.loc[2, "error"]
    assert "time of day (14:30)" in frame.loc[3, "error"]
    # a day and month that cannot be a time still takes the year of the row above
    assert frame.loc[4, "start"] == pd.Timestamp("2007-03-25")
    assert codes_by_row(parsed) == {4: ["year_inferred"]}


def test_a_repeated_year_is_not_a_time() -> None:
    """'12 March 2007 2007' is 12 March 2007 (the rest ignored), not 20:07 on it."""
    cells = ["12 March 2007 2007", "12/03/2007 2007", "12 March 2007, 2007", "12/03/07 2007"]
    parsed = _both_readers([*cells, "12/03/2007 1430", "12/03/2007 2008"], dayfirst=True)
    frame = parsed.frame
    assert frame["start"].tolist()[:4] == [pd.Timestamp("2007-03-12")] * 4
    assert frame["precision"].tolist() == [DAY] * 4 + [MINUTE] * 2  # 2008 could be 20:08
    assert codes_by_row(parsed) == {i: ["extra_text"] for i in range(4)}
    assert "ignored the rest ('2007')" in parsed.warnings[0][1]


def test_a_weekday_written_after_the_date_is_checked() -> None:
    parsed = _both_readers(
        ["12/03/2007 Tuesday", "12 March 2007 (Tue)", "12/03/2007 Monday", "12/03/2007 (Mon)"],
        dayfirst=True,
    )
    assert parsed.frame["start"].tolist() == [pd.Timestamp("2007-03-12")] * 4
    assert codes_by_row(parsed) == {0: ["weekday_mismatch"], 1: ["weekday_mismatch"]}
    assert "was a Monday, not a Tuesday" in parsed.warnings[0][1]


@pytest.mark.parametrize(
    ("cells", "dayfirst", "code", "first"),
    [
        # 4 December 2007 was a Tuesday, 12 April 2007 a Thursday
        (["Tuesday 04/12/2007", "05/06/2007"], True, "day_first_from_weekdays", "2007-12-04"),
        (["Thursday 04/12/2007", "05/06/2007"], False, "month_first", "2007-04-12"),
        (["04/12/2007 (Thu)", "05/06/2007"], False, "month_first", "2007-04-12"),
        (
            ["Tue 04/12/2007 home visit", "05/06/2007"],
            True,
            "day_first_from_weekdays",
            "2007-12-04",
        ),
        # 3 December and 12 March 2007 were both Mondays: nothing settled
        (["Monday 03/12/2007", "05/06/2007"], True, "ambiguous_day_month", "2007-12-03"),
        # one weekday for each order: nothing settled either
        (["Tuesday 04/12/2007", "Thursday 04/12/2007"], True, "ambiguous_day_month", "2007-12-04"),
    ],
)
def test_weekdays_settle_the_order_of_day_and_month(
    cells: list[str], dayfirst: bool, code: str, first: str
) -> None:
    parsed = _both_readers(cells)
    assert parsed.dayfirst is dayfirst
    assert parsed.frame.loc[0, "start"] == pd.Timestamp(first)
    file_level = [(c, m) for c, m, label in parsed.warnings if label is None]
    assert [c for c, _ in file_level] == [code]
    if code != "ambiguous_day_month":
        assert "weekdays written beside 1 of them" in file_level[0][1]


def test_weekdays_do_not_overrule_a_date_that_shows_the_order() -> None:
    """13/04/2007 proves day first; a weekday that agrees only with month first is a
    mismatch on its row, not a reason to read the file month first."""
    parsed = _both_readers(["13/04/2007", "Thursday 04/12/2007"])
    assert parsed.dayfirst is True
    assert parsed.frame.loc[1, "start"] == pd.Timestamp("2007-12-04")
    assert codes_by_row(parsed) == {1: ["weekday_mismatch"]}


def test_an_approximation_mark_is_not_the_first_letter_of_a_word() -> None:
    """The 'c' of 'Christmas' is not 'c.' (circa); 'c. Christmas' and 'c2007' still are."""
    parsed = _both_readers(["Christmas 2007", "c. Christmas 2007", "c2007", "cmarch 2007"])
    assert parsed.frame["approximate"].tolist() == [False, True, True, False]
    assert parsed.frame.loc[3, "error_code"] == "unreadable_date"


def test_a_range_between_festivals() -> None:
    row = _both_readers(["Christmas 2007 - Easter 2008"], dayfirst=True).frame.iloc[0]
    assert (row["start"], row["end"], row["precision"]) == (
        pd.Timestamp("2007-12-24"),
        pd.Timestamp("2008-03-24 23:59:59"),
        WEEK,
    )


def test_midnight_after_a_date_is_not_taken_for_either_end_of_the_day() -> None:
    """'12/03/2007 at midnight' may be the night into the 12th or into the 13th: the day is
    kept and the rest named, not 00:00 on the 12th."""
    parsed = parse_dates(pd.Series(["12/03/2007 at midnight"]), dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"]) == (pd.Timestamp("2007-03-12"), DAY)
    assert codes_by_row(parsed) == {0: ["extra_text"]}


def test_a_time_range_with_am_or_pm_written_once() -> None:
    """'10-11am' and '2-3pm' after a date, or in the time column, are hours of that day
    (before, dateutil read the day and dropped the hours without a word)."""
    parsed = parse_dates(
        pd.Series(["12/03/2007", "12/03/2007", "12/03/2007 11-1pm"]),
        times=pd.Series(["10-11am", "2-3 pm", None]),
        dayfirst=True,
    )
    assert parsed.frame["start"].tolist() == [
        pd.Timestamp("2007-03-12 10:00"),
        pd.Timestamp("2007-03-12 14:00"),
        pd.Timestamp("2007-03-12 11:00"),
    ]
    assert parsed.frame["end"].tolist()[2] == pd.Timestamp("2007-03-12 13:00:59")
    assert parsed.warnings == []


def test_a_time_dateutil_cannot_read_is_named_not_dropped() -> None:
    parsed = parse_dates(pd.Series(["12/03/2007 9am/10am"]), dayfirst=True)
    assert parsed.frame.loc[0, "start"] == pd.Timestamp("2007-03-12")
    assert codes_by_row(parsed) == {0: ["extra_text"]}
    assert "'9am/10am'" in parsed.warnings[0][1]


def _starts(parsed: dates.ParsedDates) -> list[str]:
    return [str(t.date()) if pd.notna(t) else "NaT" for t in parsed.frame["start"]]


def _inferred(parsed: dates.ParsedDates) -> dict[object, str]:
    return {label: message for code, message, label in parsed.warnings if code == "year_inferred"}


def test_a_date_without_its_year_keeps_a_file_in_date_order() -> None:
    """'25.12' under 12/03/2007 in a chronology written in date order is Christmas 2007,
    not 2006 (which is nearer, but before the row above); the warning says why."""
    parsed = parse_dates(pd.Series(["01/02/2007", "12/03/2007", "25.12"]), dayfirst=True)
    assert _starts(parsed) == ["2007-02-01", "2007-03-12", "2007-12-25"]
    assert _inferred(parsed)[2] == (
        "'25.12' has no year: read as 25/12/2007, in the year of row 1 ('12/03/2007') above "
        "(the rows run in date order, so it comes after it; 25/12/2006 would be nearer)"
    )


def test_a_date_a_little_before_the_row_above_is_a_row_out_of_order() -> None:
    """Chronologies are in date order, mostly: '10/03' under 12/03/2007 is 10 March 2007,
    two days out of order, not 10 March 2008."""
    parsed = parse_dates(pd.Series(["01/02/2007", "12/03/2007", "10/03"]), dayfirst=True)
    assert _starts(parsed) == ["2007-02-01", "2007-03-12", "2007-03-10"]
    assert "would be nearer" not in _inferred(parsed)[2]


def test_a_date_without_its_year_fits_between_the_rows_above_and_below() -> None:
    """Under a year heading row ('2007'), a year-less row that would be nearer its row above
    in the year before stays in the year of the heading (before: 25/12/2006)."""
    cells = ["2007", "12 March", "25 Dec", "2008", "3 Jan", "Feb 14"]
    parsed = parse_dates(pd.Series(cells), dayfirst=True)
    assert _starts(parsed) == [
        "2007-01-01",
        "2007-03-12",
        "2007-12-25",
        "2008-01-01",
        "2008-01-03",
        "2008-02-14",
    ]
    assert set(_inferred(parsed)) == {1, 2, 4, 5}


def test_a_date_without_its_year_and_no_row_above_takes_it_from_the_row_below() -> None:
    parsed = parse_dates(pd.Series(["25 Dec", "03/01/2008", "10/01/2008"]), dayfirst=True)
    assert _starts(parsed) == ["2007-12-25", "2008-01-03", "2008-01-10"]
    assert _inferred(parsed)[0] == (
        "'25 Dec' has no year: read as 25/12/2007, in the year before that of row 1 "
        "('03/01/2008') below"
    )


def test_a_date_without_its_year_in_a_file_written_newest_first() -> None:
    """A case-system export that runs back in time: '25.03' under 10/01/2008 is 25 March
    2007 (the row before it in time), not 25 March 2008."""
    parsed = parse_dates(pd.Series(["20/03/2008", "10/01/2008", "25.03"]), dayfirst=True)
    assert _starts(parsed) == ["2008-03-20", "2008-01-10", "2007-03-25"]
    assert "so it comes before it; 25/03/2008 would be nearer" in _inferred(parsed)[2]


def test_a_date_without_its_year_in_a_file_in_no_order_is_the_nearest() -> None:
    cells = ["12/03/2007", "01/01/2007", "20/06/2007", "02/02/2007", "25.12"]
    parsed = parse_dates(pd.Series(cells), dayfirst=True)
    assert _starts(parsed)[-1] == "2006-12-25"  # nearest to 02/02/2007 above


def test_the_29th_of_february_without_a_year_takes_the_leap_year() -> None:
    parsed = parse_dates(pd.Series(["10/02/2008", "29 Feb", "01/03/2008"]), dayfirst=True)
    assert _starts(parsed) == ["2008-02-10", "2008-02-29", "2008-03-01"]


def test_a_date_without_its_year_takes_it_from_a_heading_row() -> None:
    """A reader that keeps a year heading ('2007' alone in a row of a Word table) out of the
    events passes it as a heading: the rows below it take its year, and the next heading's
    once past it."""

    def heading(year: int, where: str) -> dates.PreviousDate:
        return dates.PreviousDate(
            pd.Timestamp(f"{year}-01-01"),
            pd.Timestamp(f"{year}-12-31 23:59:59"),
            YEAR,
            where,
            str(year),
        )

    found = dates.parse_date_arrays(
        pd.Series(["12 March", "25 Dec", "3 Jan", "04/02/2008", "5 Mar"]),
        dayfirst=True,
        headings=[(0, heading(2007, "row 2")), (2, heading(2008, "row 5"))],
    )
    assert [str(t)[:10] for t in found.start] == [
        "2007-03-12",
        "2007-12-25",
        "2008-01-03",
        "2008-02-04",
        "2008-03-05",
    ]
    messages = dict(zip(found.warning_rows.tolist(), found.warning_messages.tolist(), strict=True))
    assert messages[0] == (
        "'12 March' has no year: read as 12/03/2007, in the year of the heading row 2 ('2007') "
        "above"
    )
    assert "of the heading row 5 ('2008') above" in messages[2]
    assert "of row 3 ('04/02/2008') above" in messages[4]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("12 03 07", "2007-03-12", "2007-03-12 23:59:59", DAY),
        ("12 3 07", "2007-03-12", "2007-03-12 23:59:59", DAY),
        ("12 03 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
        ("12 03 07 14:30", "2007-03-12 14:30", "2007-03-12 14:30:59", MINUTE),
        ("Mon 12 03 07", "2007-03-12", "2007-03-12 23:59:59", DAY),
        ("w/c 12 03 07", "2007-03-12", "2007-03-18 23:59:59", WEEK),
        ("12 03 07 - 14 03 07", "2007-03-12", "2007-03-14 23:59:59", DAY),
        ("12 03 99", "1999-03-12", "1999-03-12 23:59:59", DAY),
    ],
)
def test_a_numeric_date_typed_with_spaces_for_separators(
    text: str, start: str, end: str, precision: str
) -> None:
    """'12 03 07' is how a date is typed into a cell without the slashes: three numbers,
    spaces between all of them (it was unreadable_date)."""
    _read_alone_without_a_warning(text, start, end, precision)


def test_a_numeric_date_with_spaces_is_checked_as_one_with_slashes() -> None:
    """No such day, a wrong weekday, mixed separators, and two numbers alone (a day and
    month with no year, or a time?) each get their own reason."""
    parsed = _both_readers(["31 06 07", "Tue 12 03 07", "12 03/07", "12 03", "12 3"], dayfirst=True)
    frame = parsed.frame
    assert frame["error_code"].tolist()[:1] == ["impossible_date"]
    assert "June has 30 days" in frame.loc[0, "error"]
    assert frame.loc[1, "start"] == pd.Timestamp("2007-03-12")
    assert codes_by_row(parsed)[1] == ["weekday_mismatch"]
    assert frame.loc[2, "error_code"] == "unreadable_date"
    assert "the time 12:03 or 12 March with no year" in frame.loc[3, "error"]
    assert "could be 12 March with no year" in frame.loc[4, "error"]


def test_numeric_dates_with_spaces_show_the_order_of_day_and_month() -> None:
    """'04 13 2007' proves month first as '04/13/2007' does; '13 04 2007' day first."""
    month_first = _both_readers(["04 13 2007", "05 06 07"])
    assert month_first.dayfirst is False
    assert month_first.frame.loc[1, "start"] == pd.Timestamp("2007-05-06")
    assert [code for code, _, _ in month_first.warnings] == ["month_first"]
    day_first = _both_readers(["13 04 2007", "05 06 07"])
    assert day_first.dayfirst is True
    assert day_first.frame.loc[1, "start"] == pd.Timestamp("2007-06-05")
    assert day_first.warnings == []
    # a weekday beside a spaced date settles an otherwise ambiguous order
    by_weekday = _both_readers(["Tuesday 04 12 2007", "05 06 07"])
    assert by_weekday.dayfirst is True
    assert [code for code, _, _ in by_weekday.warnings] == ["day_first_from_weekdays"]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("12 or 13 March 2007", "2007-03-12", "2007-03-13 23:59:59", DAY),
        ("12th or 13th March 2007", "2007-03-12", "2007-03-13 23:59:59", DAY),
        ("12/03/2007 or 13/03/2007", "2007-03-12", "2007-03-13 23:59:59", DAY),
        ("March or April 2007", "2007-03-01", "2007-04-30 23:59:59", MONTH),
        ("2006 or 2007", "2006-01-01", "2007-12-31 23:59:59", YEAR),
    ],
)
def test_two_possible_dates_span_both(text: str, start: str, end: str, precision: str) -> None:
    """'12 or 13 March 2007': the event was on one of them; the interval holds both and is
    approximate ('12/03/2007 or 13/03/2007' was read as the 12th, the 13th ignored;
    '12 or 13 March 2007' was rejected)."""
    parsed = _both_readers([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"], row["precision"], row["approximate"]) == (
        pd.Timestamp(start),
        pd.Timestamp(end),
        precision,
        True,
    )
    assert [(code, "two possible dates" in message) for code, message, _ in parsed.warnings] == [
        ("approximate_date", True)
    ]


@pytest.mark.parametrize(
    "text", ["ditto", "Ditto", '"', "\u201d", "As above", "same as above", "do."]
)
def test_a_ditto_in_the_date_cell_is_the_date_of_the_row_above(text: str) -> None:
    """A ditto mark or 'as above' repeats the date above: a relative date, as 'same day' is
    (it was unreadable_date)."""
    alone = parse_dates(pd.Series([text]), dayfirst=True).frame.iloc[0]
    assert alone["error_code"] == "relative_date"
    parsed = parse_dates(pd.Series(["12/03/2007 14:30", text]), dayfirst=True, anchor_relative=True)
    row = parsed.frame.iloc[1]
    assert (row["start"], row["end"], row["precision"]) == (
        pd.Timestamp("2007-03-12"),
        pd.Timestamp("2007-03-12 23:59:59"),
        DAY,
    )
    assert codes_by_row(parsed)[1] == ["relative_date_anchored"]


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("unknown date in 2007", "2007-01-01", YEAR),
        ("Date unknown - 2007", "2007-01-01", YEAR),
        ("exact date unknown, March 2007", "2007-03-01", MONTH),
        ("12/03/2007 or thereabouts", "2007-03-12", DAY),
        ("2007ish", "2007-01-01", YEAR),
    ],
)
def test_a_date_said_to_be_unknown_or_rough_is_read_as_approximate(
    text: str, start: str, precision: str
) -> None:
    """'unknown date in 2007' was rejected as words before a date; 'or thereabouts' and
    'ish' were ignored as extra text, the date taken as exact."""
    parsed = _both_readers([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"], row["approximate"]) == (
        pd.Timestamp(start),
        precision,
        True,
    )
    assert [code for code, _, _ in parsed.warnings] == ["approximate_date"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("on or before 12/03/2007", "open-ended (on or before 12/03/2007)"),
        ("on or after 12/03/2007", "open-ended (on or after 12/03/2007)"),
        ("13 or 12 March 2007", "cannot read '13 or 12 March 2007'"),
    ],
)
def test_open_ended_or_reversed_alternatives_are_rejected_with_a_reason(
    text: str, reason: str
) -> None:
    row = parse_dates(pd.Series([text]), dayfirst=True).frame.iloc[0]
    assert row["error_code"] == "unreadable_date"
    assert reason in row["error"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1990s", "1990-01-01", "1999-12-31 23:59:59"),
        ("the 1990's", "1990-01-01", "1999-12-31 23:59:59"),
        ("'90s", "1990-01-01", "1999-12-31 23:59:59"),
        ("early 2000s", "2000-01-01", "2003-12-31 23:59:59"),
        ("mid-90s", "1993-01-01", "1996-12-31 23:59:59"),
        ("the late 1990s", "1996-01-01", "1999-12-31 23:59:59"),
    ],
)
def test_a_decade_as_a_family_history_dates_it(text: str, start: str, end: str) -> None:
    """'late 1990s' in a parent's history: the decade, or the four years of its part (they
    were unreadable_date)."""
    _read_alone_without_a_warning(text, start, end, YEAR)


def test_a_decade_past_2100_is_implausible() -> None:
    row = parse_dates(pd.Series(["2100s"]), dayfirst=True).frame.iloc[0]
    assert row["error_code"] == "implausible_date"


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("March of 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH),
        ("the month of March 2007", "2007-03-01", "2007-03-31 23:59:59", MONTH),
        ("the summer of 2007", "2007-06-01", "2007-08-31 23:59:59", SEASON),
        ("2007 March", "2007-03-01", "2007-03-31 23:59:59", MONTH),
        ("2007-Mar", "2007-03-01", "2007-03-31 23:59:59", MONTH),
    ],
)
def test_a_month_or_season_written_with_of_or_after_its_year(
    text: str, start: str, end: str, precision: str
) -> None:
    """'March of 2007' and 'the summer of 2007' were rejected as words before a date;
    '2007 March' was the whole year, the month ignored (extra_text)."""
    _read_alone_without_a_warning(text, start, end, precision)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Aged 6 weeks", "it gives an age, not a date"),
        ("approx 6 weeks old", "it gives an age, not a date"),
        ("at the age of 3", "it gives an age, not a date"),
        ("2 weeks", "it is a length of time, not a date"),
        ("pre-birth", "places the event by the birth"),
        ("Prior to birth", "places the event by the birth"),
        ("antenatal", "places the event by the birth"),
    ],
)
def test_an_age_or_the_birth_in_the_date_cell_is_rejected_saying_so(text: str, reason: str) -> None:
    """'6 weeks old' under a dated row was missing_year ('write the full date, e.g. 12 March
    2007'), 'pre-birth' any unreadable cell's reason: neither said what was wrong."""
    row = parse_dates(pd.Series(["12/03/2007", text]), dayfirst=True).frame.iloc[1]
    assert row["error_code"] == "unreadable_date"
    assert reason in row["error"]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("12/03/2007 14.30pm", "2007-03-12 14:30"),  # a 24-hour time with a redundant pm
        ("12/03/2007 14:30pm", "2007-03-12 14:30"),
        ("12/03/2007 (Mon) 14:30", "2007-03-12 14:30"),  # a weekday between day and time
        ("12 March 2007 (Monday) at 2pm", "2007-03-12 14:00"),
    ],
)
def test_a_time_written_after_the_date_is_kept(text: str, start: str) -> None:
    """The time was ignored (extra_text): the row lost its minute."""
    parsed = _both_readers([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"]) == (pd.Timestamp(start), MINUTE)
    assert parsed.warnings == []


def test_a_24_hour_time_with_am_is_no_time() -> None:
    parsed = _both_readers(["12/03/2007 14:30am"], dayfirst=True)
    assert parsed.frame.loc[0, "precision"] == DAY
    assert codes_by_row(parsed)[0] == ["extra_text"]
    assert dates.parse_time("14.30pm") == dt.time(14, 30)
    with pytest.raises(dates.DateParseError):
        dates.parse_time("14.30am")


@pytest.mark.parametrize(
    "text",
    ["12/03/2007 time unknown", "12/03/2007 (time not recorded)", "12/03/2007 - time n/k"],
)
def test_a_time_said_to_be_unknown_after_the_date_is_the_day_without_a_warning(text: str) -> None:
    """A time column's 'time unknown' keeps the day without a warning; written in the date
    cell it gave extra_text."""
    parsed = _both_readers([text, "time unknown"], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"], row["precision"]) == (
        pd.Timestamp("2007-03-12"),
        pd.Timestamp("2007-03-12 23:59:59"),
        DAY,
    )
    assert parsed.warnings == []
    assert parsed.frame.loc[1, "error_code"] == "empty_date"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("12/03/2007 am", "2007-03-12", "2007-03-12 11:59:59"),
        ("12/03/2007 (a.m.)", "2007-03-12", "2007-03-12 11:59:59"),
        ("12/03/2007 pm", "2007-03-12 12:00", "2007-03-12 23:59:59"),
        ("12 March 2007 PM", "2007-03-12 12:00", "2007-03-12 23:59:59"),
        ("Tuesday 13/3/07 morning", "2007-03-13", "2007-03-13 11:59:59"),
        ("12/03/2007 in the afternoon", "2007-03-12 12:00", "2007-03-12 17:59:59"),
        ("12/03/07 (Monday) - evening", "2007-03-12 17:00", "2007-03-12 23:59:59"),
    ],
)
def test_a_day_with_its_part_written_after_it(text: str, start: str, end: str) -> None:
    """'12/03/2007 pm' (a health visitor's diary) is the afternoon of that day, still of
    precision day: it was the whole day with the 'pm' ignored (extra_text), so the
    morning's and the afternoon's visits could not be ordered."""
    _read_alone_without_a_warning(text, start, end, DAY)


def test_a_time_column_gives_the_minute_of_a_part_of_a_day_it_falls_in() -> None:
    parsed = parse_dates(
        pd.Series(["12/03/2007 pm", "12/03/2007 am", "12/03/2007 pm", "later that day"]),
        times=pd.Series(["14:30", "14:30", None, None], dtype=object),
        dayfirst=True,
        anchor_relative=True,
    )
    frame = parsed.frame
    assert (frame.loc[0, "start"], frame.loc[0, "precision"]) == (
        pd.Timestamp("2007-03-12 14:30"),
        MINUTE,
    )
    # a time outside the part written is not put on it: the date cell's part stays
    assert (frame.loc[1, "start"], frame.loc[1, "end"]) == (
        pd.Timestamp("2007-03-12"),
        pd.Timestamp("2007-03-12 11:59:59"),
    )
    messages = {row: message for code, message, row in parsed.warnings if code == "time_ignored"}
    assert messages == {
        1: "ignored the time 14:30: the date '12/03/2007 am' names another part of the day"
    }
    # 'later that day' counts from the afternoon, not the morning
    assert frame.loc[3, "start"] == pd.Timestamp("2007-03-12 12:00")


def test_a_festival_term_or_half_term_without_its_year_takes_it_from_the_rows_around() -> None:
    """'Christmas' or 'Feb half term' under dated rows, as '12 March' does (they were
    unreadable_date, or missing_year with rows above to take the year from)."""
    parsed = _both_readers(
        ["10/12/2007", "Christmas", "Boxing Day", "03/01/2008", "Feb half term", "Easter"],
        dayfirst=True,
    )
    assert _starts(parsed) == [
        "2007-12-10",
        "2007-12-24",
        "2007-12-26",
        "2008-01-03",
        "2008-02-01",
        "2008-03-21",
    ]
    assert parsed.frame.loc[5, "end"] == pd.Timestamp("2008-03-24 23:59:59")
    assert _inferred(parsed)[1] == (
        "'Christmas' has no year: read as 24/12/2007 to 01/01/2008, in the year of row 0 "
        "('10/12/2007') above"
    )
    alone = _both_readers(["Christmas", "half term"], dayfirst=True).frame
    assert alone["error_code"].tolist() == ["missing_year", "unreadable_date"]
    assert "a school year has three half terms" in alone.loc[1, "error"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Early hours of 12/03/2007", "2007-03-12", "2007-03-12 06:59:59"),
        ("12/03/2007 (early hours)", "2007-03-12", "2007-03-12 06:59:59"),
        ("12/03/2007 lunchtime", "2007-03-12 11:00", "2007-03-12 14:59:59"),
        ("morning of 12 March 2007", "2007-03-12", "2007-03-12 11:59:59"),
        ("am 12/03/2007", "2007-03-12", "2007-03-12 11:59:59"),
        ("12/03/2007 night", "2007-03-12", "2007-03-13 23:59:59"),  # as 'night of 12/03/2007'
        ("Night 12/03/2007", "2007-03-12", "2007-03-13 23:59:59"),
    ],
)
def test_a_part_of_the_day_before_or_after_the_date(text: str, start: str, end: str) -> None:
    """A police log's 'early hours of 12/03/2007' was rejected (words before the date);
    '12/03/2007 night' was the day with 'night' ignored."""
    _read_alone_without_a_warning(text, start, end, DAY)


def test_two_dates_joined_by_and() -> None:
    """Two months, seasons or years joined by 'and' are the span of both, with no warning
    (two days are a list of dates: see test_a_list_of_dates_is_placed_across_them)."""
    parsed = _both_readers(["March & April 2007", "2006 and 2007"], dayfirst=True)
    frame = parsed.frame
    assert [(frame.loc[i, "start"], frame.loc[i, "end"]) for i in (0, 1)] == [
        (pd.Timestamp("2007-03-01"), pd.Timestamp("2007-04-30 23:59:59")),
        (pd.Timestamp("2006-01-01"), pd.Timestamp("2007-12-31 23:59:59")),
    ]
    assert parsed.warnings == []


@pytest.mark.parametrize(
    ("text", "start", "end", "named"),
    [
        (
            "12/03/2007, 14/03/2007",
            "2007-03-12",
            "2007-03-14 23:59:59",
            "2 dates (12/03/2007, 14/03/2007)",
        ),
        (
            "12/03/2007 & 14/03/2007",
            "2007-03-12",
            "2007-03-14 23:59:59",
            "2 dates (12/03/2007, 14/03/2007)",
        ),
        (
            "12/3/07 and 14/3/07",
            "2007-03-12",
            "2007-03-14 23:59:59",
            "2 dates (12/03/2007, 14/03/2007)",
        ),
        (
            "12/03/07; 19/03/07; 26/03/07",
            "2007-03-12",
            "2007-03-26 23:59:59",
            "3 dates (12/03/2007, 19/03/2007, 26/03/2007)",
        ),
        ("12 & 13 March 2007", "2007-03-12", "2007-03-13 23:59:59", "(12/03/2007, 13/03/2007)"),
        ("12th, 14th March 2007", "2007-03-12", "2007-03-14 23:59:59", "(12/03/2007, 14/03/2007)"),
        (
            "12, 19 & 26 March 2007",
            "2007-03-12",
            "2007-03-26 23:59:59",
            "(12/03/2007, 19/03/2007, 26/03/2007)",
        ),
        ("12/03, 19/03/07", "2007-03-12", "2007-03-19 23:59:59", "(12/03/2007, 19/03/2007)"),
        # the year-less first part is in the year that keeps it before the second
        ("20/12, 03/01/2008", "2007-12-20", "2008-01-03 23:59:59", "(20/12/2007, 03/01/2008)"),
        # written out of order: still from the earliest to the latest
        ("14/03/2007; 12/03/2007", "2007-03-12", "2007-03-14 23:59:59", "(12/03/2007, 14/03/2007)"),
        # two lines of a Word cell, read as one line
        (
            "12 March 2007\n14 March 2007",
            "2007-03-12",
            "2007-03-14 23:59:59",
            "(12/03/2007, 14/03/2007)",
        ),
        ("2007-03-12\n2007-03-14", "2007-03-12", "2007-03-14 23:59:59", "(12/03/2007, 14/03/2007)"),
        ("12/03/2007\n14/03/2007", "2007-03-12", "2007-03-14 23:59:59", "(12/03/2007, 14/03/2007)"),
        (
            "Monday 12/03/2007 & Wednesday 14/03/2007",
            "2007-03-12",
            "2007-03-14 23:59:59",
            "(12/03/2007, 14/03/2007)",
        ),
    ],
)
def test_a_list_of_dates_is_placed_across_them(text: str, start: str, end: str, named: str) -> None:
    """A cell listing several days ('12/03/07; 19/03/07; 26/03/07': weekly visits written in
    one row) kept the first day with the rest ignored (after a comma) or was rejected (after
    '&'). It is placed from the first day to the last, with a several_dates warning naming
    every date, so the row stays in the timeline and the reviewer sees the choice."""
    parsed = _both_readers([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"], row["precision"]) == (
        pd.Timestamp(start),
        pd.Timestamp(end),
        DAY,
    )
    assert not row["approximate"]
    [(code, message, label)] = parsed.warnings
    assert (code, label) == ("several_dates", 0)
    assert named in message
    assert "placed across them" in message


@pytest.mark.parametrize(
    ("text", "start", "end", "warning"),
    [
        # a date and a time, or a date and words: not a list
        ("12/03/2007, 14:30", "2007-03-12 14:30", "2007-03-12 14:30:59", None),
        ("12/03/2007, seen by GP", "2007-03-12", "2007-03-12 23:59:59", "extra_text"),
        # two times: the first, the second named (dateutil kept the last, silently)
        ("12/03/2007 10:00, 14:30", "2007-03-12 10:00", "2007-03-12 10:00:59", "extra_text"),
        # the same date twice is one date
        ("12/03/2007, 12/03/2007", "2007-03-12", "2007-03-12 23:59:59", "extra_text"),
        # a part that is no date: the first date, and the rest named
        ("12/03/2007, 31/06/2007", "2007-03-12", "2007-03-12 23:59:59", "extra_text"),
    ],
)
def test_what_is_not_a_list_of_dates(text: str, start: str, end: str, warning: str | None) -> None:
    parsed = _both_readers([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"]) == (pd.Timestamp(start), pd.Timestamp(end))
    assert [code for code, _, _ in parsed.warnings] == ([warning] if warning else [])


def test_a_time_column_naming_a_part_of_the_day() -> None:
    """A Time column holding 'AM', 'Morning' or 'early hours' narrows the day to those
    hours (precision day); '14 30' is 14:30. They were unreadable_time, the day kept."""
    times = ["AM", "Morning", "pm", "early hours", "14 30", "pm"]
    parsed = _both_readers_with_times(["12/03/2007"] * 5 + ["12/03/2007 am"], times, dayfirst=True)
    frame = parsed.frame
    assert [
        (str(s)[11:16], str(e)[11:19]) for s, e in zip(frame["start"], frame["end"], strict=True)
    ] == [
        ("00:00", "11:59:59"),
        ("00:00", "11:59:59"),
        ("12:00", "23:59:59"),
        ("00:00", "06:59:59"),
        ("14:30", "14:30:59"),
        ("00:00", "11:59:59"),  # the date's morning: the time column's 'pm' is ignored
    ]
    assert frame["precision"].tolist() == [DAY, DAY, DAY, DAY, MINUTE, DAY]
    assert [(code, row) for code, _, row in parsed.warnings] == [("time_ignored", 5)]
    assert "ignored the time 'pm': the date '12/03/2007 am'" in parsed.warnings[0][1]
    with pytest.raises(dates.DateParseError):
        dates.parse_time("AM")  # a part of the day is no one time


def _both_readers_with_times(
    cells: list[str], times: list[str], *, dayfirst: bool
) -> dates.ParsedDates:
    values, time_cells = pd.Series(cells, dtype=object), pd.Series(times, dtype=object)
    fast, slow = (
        dates._parse_dates(
            values,
            times=time_cells,
            end_values=None,
            dayfirst=dayfirst,
            anchor_relative=False,
            vectorised=v,
        )
        for v in (True, False)
    )
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.warnings == slow.warnings
    return fast


def test_two_parts_of_a_year_and_see_above() -> None:
    """'mid to late 2006' spans both parts, as 'mid to late March 2007' does (it was
    unreadable_date); 'see above' in the date cell is a ditto."""
    parsed = parse_dates(
        pd.Series(["mid to late 2006", "early-mid 2007", "see above"]),
        dayfirst=True,
        anchor_relative=True,
    )
    frame = parsed.frame
    assert [(frame.loc[i, "start"], frame.loc[i, "end"]) for i in (0, 1, 2)] == [
        (pd.Timestamp("2006-05-01"), pd.Timestamp("2006-12-31 23:59:59")),
        (pd.Timestamp("2007-01-01"), pd.Timestamp("2007-08-31 23:59:59")),
        (pd.Timestamp("2007-01-01"), pd.Timestamp("2007-08-31 23:59:59")),
    ]
    assert frame["precision"].tolist() == [SEASON, SEASON, SEASON]


@pytest.mark.parametrize("text", ["14th", "Monday 12th", "Mon the 12th"])
def test_a_day_with_no_month_says_so(text: str) -> None:
    row = parse_dates(pd.Series([text]), dayfirst=True).frame.iloc[0]
    assert row["error_code"] == "unreadable_date"
    assert "it has a day but no month or year" in row["error"]


@pytest.mark.parametrize("end", ["Ongoing", "present", "to date", "Current", "open"])
def test_an_end_date_column_saying_the_end_is_not_reached_is_no_flaw(end: str) -> None:
    """A placement's End Date 'Ongoing' keeps the row's start without an
    unreadable_end_date warning (there is no date to read), as 'N/A' does; alone in a
    start column it is an empty date, not an unreadable one."""
    parsed = parse_dates(
        pd.Series(["12/03/2007", end]),
        end_values=pd.Series([end, None], dtype=object),
        dayfirst=True,
    )
    assert parsed.frame.loc[0, "end"] == pd.Timestamp("2007-03-12 23:59:59")
    assert parsed.warnings == []
    assert parsed.frame.loc[1, "error_code"] == "empty_date"


def test_a_relative_date_naming_a_part_of_the_day_keeps_those_hours() -> None:
    """'That evening', 'the following morning' (a police log's order of events) were the
    whole day, so an evening's call-out sorted before the afternoon's visit."""
    cells = pd.Series(
        ["12/03/2007", "That evening", "The following morning", "later that afternoon"]
    )
    fast, slow = (
        dates._parse_dates(
            cells, times=None, end_values=None, dayfirst=True, anchor_relative=True, vectorised=v
        )
        for v in (True, False)
    )
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    frame = fast.frame
    assert list(zip(frame["start"], frame["end"], strict=True))[1:] == [
        (pd.Timestamp("2007-03-12 17:00"), pd.Timestamp("2007-03-12 23:59:59")),
        (pd.Timestamp("2007-03-13"), pd.Timestamp("2007-03-13 11:59:59")),
        (pd.Timestamp("2007-03-13 12:00"), pd.Timestamp("2007-03-13 17:59:59")),
    ]
    assert frame["precision"].tolist() == [DAY] * 4


AGES = ["14/02/2007", "Aged 6 weeks", "6/52", "at 4 months", "about 6 weeks old", "at birth"]


def test_an_age_in_the_date_column_is_dated_from_the_birth() -> None:
    """A health chronology writes the baby's age where the date goes ('Aged 6 weeks',
    '6/52', 'at 4 months'): rejected, although with the date of birth a reviewer dates it.
    With ``birth=`` the age is the span it names after the birth (6 weeks: the 7 days from
    day 42), at the precision of its unit, with an age_dated warning naming the birth."""
    fast = _both_readers(AGES, dayfirst=True, birth="31/01/2007")
    frame = fast.frame
    assert frame["start"].tolist() == [
        pd.Timestamp(d)
        for d in (
            "2007-02-14",
            "2007-03-14",
            "2007-03-14",
            "2007-05-31",
            "2007-03-14",
            "2007-01-31",
        )
    ]
    assert frame["end"].tolist()[1:] == [
        pd.Timestamp(d + " 23:59:59")
        for d in ("2007-03-20", "2007-03-20", "2007-06-29", "2007-03-20", "2007-01-31")
    ]
    assert frame["precision"].tolist() == [DAY, WEEK, WEEK, MONTH, WEEK, DAY]
    assert frame["approximate"].tolist() == [False] * 4 + [True, False]
    assert codes_by_row(fast) == {
        1: ["age_dated"],
        2: ["age_dated"],
        3: ["age_dated"],
        4: ["approximate_date", "age_dated"],
        5: ["age_dated"],
    }
    message = next(m for c, m, row in fast.warnings if row == 3)
    assert "4 months after the birth (31/01/2007), 31/05/2007 to 29/06/2007" in message


def test_an_age_in_the_date_column_through_the_readers_entry_point() -> None:
    """parse_date_arrays (what io/table.py calls) takes the same ``birth=``, as a date."""
    found = dates.parse_date_arrays(
        pd.Series(AGES, dtype=object), birth=dt.date(2007, 1, 31), dayfirst=True
    )
    assert found.error_code.tolist() == []
    assert found.start[2] == pd.Timestamp("2007-03-14").to_datetime64()
    assert list(found.precision) == [1, 2, 2, 3, 2, 1]
    assert "age_dated" in found.warning_codes.tolist()


def test_an_age_in_the_date_column_without_a_birth_is_rejected_as_an_age() -> None:
    """With no date of birth the row is rejected as before; '6/52' was missing_year ('has
    no year'), although it is an age in weeks, and the reason now says a date of birth
    would date it."""
    frame = dates.parse_dates(pd.Series(AGES[1:], dtype=object), dayfirst=True).frame
    assert frame["start"].isna().all()
    assert frame["error_code"].tolist() == ["unreadable_date"] * 5
    for i in range(4):
        assert "it gives an age, not a date" in frame["error"].iloc[i]
        assert "give the child's date of birth to have it dated" in frame["error"].iloc[i]


def test_a_date_of_birth_that_is_no_day_is_an_error() -> None:
    with pytest.raises(DateParseError, match="not one day"):
        dates.parse_dates(pd.Series(["Aged 6 weeks"]), birth="March 2007")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # a system's UTC time in summer is an hour behind the clock in England (BST)
        ("2007-07-12T14:32:00Z", "2007-07-12 15:32"),
        ("2007-07-12T23:30:00.000Z", "2007-07-13 00:30"),  # the next day in England
        ("12/07/2007 23:30 UTC", "2007-07-13 00:30"),
        ("2007-07-12T14:32:00+00:00", "2007-07-12 15:32"),
        ("2007-07-12T14:32:00+01:00", "2007-07-12 14:32"),  # already the clock in England
        # in winter UTC is the clock (GMT); the clocks go forward at 01:00 UTC
        ("2007-03-12T14:32:00Z", "2007-03-12 14:32"),
        ("2007-03-25T00:59:00Z", "2007-03-25 00:59"),
        ("2007-03-25T01:00:00Z", "2007-03-25 02:00"),
        # a time written as the clock in England stays as written; a range is no offset
        ("12/07/2007 14:32 BST", "2007-07-12 14:32"),
        ("12/07/2007 14:32", "2007-07-12 14:32"),
        ("12/07/2007 14:30-15:00", "2007-07-12 14:30"),
    ],
)
def test_a_time_in_utc_is_the_clock_time_in_england(text: str, start: str) -> None:
    """An NHS or police export's '2007-07-12T23:30:00Z' was read as 23:30 on 12 July,
    the clock time as written: in summer that is 00:30 on 13 July in England, where
    every other agency's times are clock times."""
    row = _both_readers([text], dayfirst=True).frame.iloc[0]
    assert row["start"] == pd.Timestamp(start)
    assert row["end"] - row["start"] == pd.Timedelta(
        seconds=59 if "-15" not in text else 30 * 60 + 59
    )


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("00/03/2007 14:30", "14:30"),
        ("00/03/2007 at 14:30", "14:30"),
        ("??/03/2007 14:30", "14:30"),
        ("2007-03-00T14:30", "14:30"),
        ("20070300 1430", "1430"),
    ],
)
def test_a_time_after_a_day_not_known_is_ignored_with_a_warning(text: str, time: str) -> None:
    """'00/03/2007 14:30' was rejected ('there is no day 0'), '??/03/2007 14:30' read as an
    approximate date with '14:30' ignored as extra text: the month, and the time ignored
    because the day it is on is not known."""
    parsed = _both_readers([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"], row["precision"], row["approximate"]) == (
        pd.Timestamp("2007-03-01"),
        pd.Timestamp("2007-03-31 23:59:59"),
        MONTH,
        False,
    )
    assert [(code, message) for code, message, _ in parsed.warnings] == [
        (
            "time_ignored",
            f"ignored the time {time!r}: the date {text!r} does not give its day "
            "(read as 01/03/2007 to 31/03/2007)",
        )
    ]


def test_an_exported_midnight_after_a_day_not_known_is_no_time() -> None:
    parsed = _both_readers(["2007-03-00 00:00:00"], dayfirst=True)
    assert parsed.frame.loc[0, "precision"] == MONTH
    assert parsed.warnings == []


def test_a_day_not_known_follows_the_files_order_of_day_and_month() -> None:
    """In a file that writes the month first, '03/00/2007' is March and '00/03/2007' has
    month 0; a day of 0 proves neither order, so it raises no day-month warning."""
    month_first = parse_dates(pd.Series(["04/13/2007", "03/00/2007", "00/03/2007"]))
    assert not month_first.dayfirst
    frame = month_first.frame
    assert (frame.loc[1, "start"], frame.loc[1, "precision"]) == (pd.Timestamp("2007-03-01"), MONTH)
    assert frame.loc[2, "error_code"] == "impossible_date"
    assert "there is no month 0 (read as month/day/year)" in frame.loc[2, "error"]
    alone = parse_dates(pd.Series(["00/03/2007", "00/04/2007"]))
    assert alone.dayfirst and alone.warnings == []
    assert alone.frame["precision"].tolist() == [MONTH, MONTH]


def test_a_day_not_known_in_a_range_starts_at_the_month() -> None:
    frame = _both_readers(["00/03/2007 - 15/03/2007", "between 00/03/2007 and 00/04/2007"]).frame
    assert frame["start"].tolist() == [pd.Timestamp("2007-03-01")] * 2
    assert frame["end"].tolist() == [
        pd.Timestamp("2007-03-15 23:59:59"),
        pd.Timestamp("2007-04-30 23:59:59"),
    ]
    assert frame["precision"].tolist() == [MONTH, MONTH]


@pytest.mark.parametrize(
    ("text", "ignored"),
    [
        ("12/03/2007 (retrospective entry)", "(retrospective entry)"),
        ("12/03/2007 entered 15/03/2007", "entered 15/03/2007"),
        ("12/03/2007 (written up 15/03/2007)", "(written up 15/03/2007)"),
        ("12/03/2007 DNA", "DNA"),
    ],
)
def test_a_note_after_the_date_keeps_the_date_of_the_event(text: str, ignored: str) -> None:
    """When a record was written (a retrospective entry, the date entered) comes after the
    date of the event: the event's date is read and the rest, as written, named in an
    extra_text warning (the table readers open the entry's details with it)."""
    parsed = _both_readers([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"]) == (pd.Timestamp("2007-03-12"), DAY)
    extra = [message for code, message, _ in parsed.warnings if code == "extra_text"]
    assert extra == [
        f"{text!r}: read the date as 12/03/2007; the words after it ({ignored!r}) open the "
        "entry's details"
    ]


def test_a_day_and_month_take_the_year_of_the_row_above_unless_no_year_has_them() -> None:
    """'13 Mar' under 12/03/2007 is 13 March 2007; '31st Febuary' was 'missing_year' (write
    the full date) although no year has it."""
    parsed = _both_readers(["12/03/2007", "13 Mar", "31st Febuary"], dayfirst=True)
    frame = parsed.frame
    assert (frame.loc[1, "start"], frame.loc[1, "precision"]) == (pd.Timestamp("2007-03-13"), DAY)
    assert [code for code, _, row in parsed.warnings if row == 1] == ["year_inferred"]
    assert frame.loc[2, "error_code"] == "impossible_date"
    assert frame.loc[2, "error"] == (
        "cannot read '31st Febuary' as a date: February has 29 days at most"
    )
    assert parse_dates(pd.Series(["13 Mar"])).frame.loc[0, "error_code"] == "missing_year"


@pytest.mark.parametrize(
    ("text", "ignored"),
    [("13/03/2007 at 10", "at 10"), ("13/03/2007 10", "10"), ("13 March 2007 at 10", "at 10")],
)
def test_a_bare_hour_after_the_date_is_named_not_dropped(text: str, ignored: str) -> None:
    """dateutil read '13/03/2007 at 10' as 10:?? (no minute), and the hour was dropped with
    no word: 10am or 10pm? The day, with the hour named in an extra_text warning."""
    parsed = _both_readers([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"]) == (pd.Timestamp("2007-03-13"), DAY)
    assert [(code, message) for code, message, _ in parsed.warnings] == [
        ("extra_text", f"{text!r}: read the date as 13/03/2007 and ignored the rest ({ignored!r})")
    ]


def test_a_time_after_a_month_in_words_is_no_evidence_of_the_day_month_order() -> None:
    """'13 March 07 - 14.30' was scanned as the numeric date 07/14/30 (a second field above
    12): it made a file month first, or, beside day-first dates, was rejected as a month-first
    conflict ('14 July 1930')."""
    beside = _both_readers(["13/03/2007", "13 March 07 - 14.30"])
    assert beside.frame["error_code"].isna().all()
    assert beside.frame.loc[1, "start"] == pd.Timestamp("2007-03-13 14:30")
    alone = _both_readers(["05/06/2007", "Tuesday 13 March 07 - 10.11"])
    assert alone.dayfirst
    assert alone.frame.loc[0, "start"] == pd.Timestamp("2007-06-05")
    assert [code for code, _, _ in alone.warnings] == ["ambiguous_day_month"]
    assert "none of the 1 numeric dates" in alone.warnings[0][1]


def test_a_qualified_part_of_the_day_in_the_time_column_is_the_whole_part() -> None:
    """'late evening', 'mid-morning' in a time column were unreadable times
    (unreadable_time): the whole evening, the whole morning, as 'evening' and 'morning'."""
    parsed = _both_readers_with_times(
        ["13/03/2007", "13/03/2007"], ["late evening", "mid-morning"], dayfirst=True
    )
    frame = parsed.frame
    assert frame["start"].tolist() == [pd.Timestamp("2007-03-13 17:00"), pd.Timestamp("2007-03-13")]
    assert frame["end"].tolist() == [
        pd.Timestamp("2007-03-13 23:59:59"),
        pd.Timestamp("2007-03-13 11:59:59"),
    ]
    assert parsed.warnings == []


@pytest.mark.parametrize(
    "cell",
    [0, 0.0, dt.datetime(1899, 12, 30), pd.Timestamp("1899-12-30"), dt.time(0)],
    ids=["int", "float", "datetime", "timestamp", "time"],
)
def test_excels_day_0_in_a_date_cell_is_an_empty_date(cell: object) -> None:
    """A date cell that a formula or a copy left at 0 (Excel shows 00/01/1900; a reader gets
    0, 30 December 1899 or the time 00:00) was 'not a date' for a reason that did not say why
    (the number 0; the year 1899; only a time of day): an empty date, saying what it is."""
    row = parse_dates(pd.Series([cell], dtype=object)).frame.iloc[0]
    assert pd.isna(row["start"])
    assert row["error_code"] == "empty_date"
    assert "Excel's day 0 (shown as 00/01/1900)" in row["error"]


def test_a_time_on_excels_day_0_is_a_time_with_no_date() -> None:
    row = parse_dates(pd.Series([dt.datetime(1899, 12, 30, 14, 30)], dtype=object)).frame.iloc[0]
    assert row["error_code"] == "unreadable_date"
    assert "a time of day (14:30) on Excel's day 0, with no date" in row["error"]
    # a real time of day in the date cell still says so
    row = parse_dates(pd.Series([dt.time(14, 30)], dtype=object)).frame.iloc[0]
    assert row["error"] == "the date cell holds only a time of day (14:30:00), no date"


def test_a_date_cell_left_at_0_in_a_workbook_is_rejected_as_an_empty_date(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "GP"
    sheet.append(["Date", "Details"])
    sheet.append([dt.datetime(2007, 3, 12), "Child A seen by Dr X"])
    sheet.append([0, "Template row"])
    sheet["A3"].number_format = "dd/mm/yyyy"
    sheet.append(["00/03/2007", "Child A seen, day not recorded"])
    path = tmp_path / "gp.xlsx"
    book.save(path)
    chron = scr.read(path)
    assert sorted(chron.events["precision"].astype(str)) == ["day", "month"]
    [(row, code, reason)] = chron.rejected[["source_row", "reason_code", "reason"]].values.tolist()
    assert (row, code) == (3, "empty_date")
    assert "Excel's day 0" in reason
