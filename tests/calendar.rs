//! Business-day calendars against the holiday lists the countries publish,
//! for 2024 and 2025. Each list below names its source. Holidays on a weekend
//! are listed on their own date; a substitute day is listed as well.
//! Where `wismo` deliberately leaves a published day out (regional or not a
//! general day off), the comment says so; see the table in `src/calendar.rs`.

use chrono::{Datelike, NaiveDate, Weekday};
use wismo::calendar::{easter_sunday, Calendar, Country};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// `(month, day)` pairs of one year.
fn dates(year: i32, md: &[(u32, u32)]) -> Vec<NaiveDate> {
    md.iter().map(|&(m, day)| d(year, m, day)).collect()
}

fn check(country: Country, year: i32, want: &[(u32, u32)]) {
    let cal = Calendar::of(country);
    let got: Vec<NaiveDate> = cal.holidays(year).iter().map(|h| h.date).collect();
    let want = dates(year, want);
    assert_eq!(got, want, "{country} {year}: holidays differ");
    for day in &want {
        assert!(!cal.is_business_day(*day), "{country}: {day} is a holiday");
    }
}

/// Weekday holidays only: the days off a published list with substitute days
/// names.
fn check_weekdays(country: Country, year: i32, want: &[(u32, u32)]) {
    let cal = Calendar::of(country);
    let got: Vec<NaiveDate> = cal
        .holidays(year)
        .iter()
        .map(|h| h.date)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    assert_eq!(got, dates(year, want), "{country} {year}: days off differ");
}

// Rijksoverheid, "Welke datums vallen de officiële feestdagen?" (rijksoverheid.nl).
// Left out on purpose: Good Friday (29 Mar 2024, 18 Apr 2025) and Liberation
// Day (5 May), official but not general days off.
#[test]
fn nl() {
    check(
        Country::Nl,
        2024,
        &[
            (1, 1),
            (3, 31),
            (4, 1),
            (4, 27),
            (5, 9),
            (5, 19),
            (5, 20),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::Nl,
        2025,
        &[
            (1, 1),
            (4, 20),
            (4, 21),
            (4, 26), // 27 April is a Sunday
            (5, 29),
            (6, 8),
            (6, 9),
            (12, 25),
            (12, 26),
        ],
    );
}

// belgium.be, "Feestdagen" (the ten legal public holidays).
#[test]
fn be() {
    let list = |y| {
        let e = easter_sunday(y);
        let off = |n: i64| {
            let x = e + chrono::Duration::days(n);
            (x.month(), x.day())
        };
        vec![
            (1, 1),
            off(1),
            (5, 1),
            off(39),
            off(50),
            (7, 21),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
        ]
    };
    let mut l24 = list(2024);
    l24.sort();
    assert_eq!(
        l24,
        vec![
            (1, 1),
            (4, 1),
            (5, 1),
            (5, 9),
            (5, 20),
            (7, 21),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25)
        ]
    );
    check(Country::Be, 2024, &l24);
    check(
        Country::Be,
        2025,
        &[
            (1, 1),
            (4, 21),
            (5, 1),
            (5, 29),
            (6, 9),
            (7, 21),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
        ],
    );
}

// Bundesministerium des Innern und für Heimat, "Gesetzliche Feiertage"
// (bmi.bund.de): the nationwide holidays only.
#[test]
fn de() {
    check(
        Country::De,
        2024,
        &[
            (1, 1),
            (3, 29),
            (4, 1),
            (5, 1),
            (5, 9),
            (5, 20),
            (10, 3),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::De,
        2025,
        &[
            (1, 1),
            (4, 18),
            (4, 21),
            (5, 1),
            (5, 29),
            (6, 9),
            (10, 3),
            (12, 25),
            (12, 26),
        ],
    );
    // Reformation Day was nationwide once, for its 500th anniversary.
    assert!(!Calendar::of(Country::De).is_business_day(d(2017, 10, 31)));
    assert!(Calendar::of(Country::De).is_business_day(d(2018, 10, 31)));
}

// service-public.fr, "Jours fériés et ponts" (Code du travail, art. L3133-1);
// Alsace-Moselle's Good Friday and 26 December left out.
#[test]
fn fr() {
    check(
        Country::Fr,
        2024,
        &[
            (1, 1),
            (4, 1),
            (5, 1),
            (5, 8),
            (5, 9),
            (5, 20),
            (7, 14),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
        ],
    );
    check(
        Country::Fr,
        2025,
        &[
            (1, 1),
            (4, 21),
            (5, 1),
            (5, 8),
            (5, 29),
            (6, 9),
            (7, 14),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
        ],
    );
}

// gov.uk, "UK bank holidays" (gov.uk/bank-holidays), England and Wales.
#[test]
fn gb() {
    check(
        Country::Gb,
        2024,
        &[
            (1, 1),
            (3, 29),
            (4, 1),
            (5, 6),
            (5, 27),
            (8, 26),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::Gb,
        2025,
        &[
            (1, 1),
            (4, 18),
            (4, 21),
            (5, 5),
            (5, 26),
            (8, 25),
            (12, 25),
            (12, 26),
        ],
    );
    // Substitute days and one-off days, as gov.uk lists them.
    check_weekdays(
        Country::Gb,
        2021,
        &[
            (1, 1),
            (4, 2),
            (4, 5),
            (5, 3),
            (5, 31),
            (8, 30),
            (12, 27),
            (12, 28),
        ],
    );
    check_weekdays(
        Country::Gb,
        2022,
        &[
            (1, 3),
            (4, 15),
            (4, 18),
            (5, 2),
            (6, 2),
            (6, 3),
            (8, 29),
            (9, 19),
            (12, 26),
            (12, 27),
        ],
    );
}

// U.S. Office of Personnel Management, "Federal Holidays" (opm.gov).
#[test]
fn us() {
    check(
        Country::Us,
        2024,
        &[
            (1, 1),
            (1, 15),
            (2, 19),
            (5, 27),
            (6, 19),
            (7, 4),
            (9, 2),
            (10, 14),
            (11, 11),
            (11, 28),
            (12, 25),
        ],
    );
    check(
        Country::Us,
        2025,
        &[
            (1, 1),
            (1, 20),
            (2, 17),
            (5, 26),
            (6, 19),
            (7, 4),
            (9, 1),
            (10, 13),
            (11, 11),
            (11, 27),
            (12, 25),
        ],
    );
    // OPM 2021: Juneteenth observed Friday 18 June, Independence Day Monday
    // 5 July, Christmas Friday 24 December, and New Year's Day 2022 on Friday
    // 31 December 2021 (Inauguration Day, 20 January, is for the DC area only).
    check_weekdays(
        Country::Us,
        2021,
        &[
            (1, 1),
            (1, 18),
            (2, 15),
            (5, 31),
            (6, 18),
            (7, 5),
            (9, 6),
            (10, 11),
            (11, 11),
            (11, 25),
            (12, 24),
            (12, 31),
        ],
    );
}

// Canada Labour Code, s. 166 "general holiday" (laws-lois.justice.gc.ca), and
// Employment and Social Development Canada, "General holidays" (canada.ca).
#[test]
fn ca() {
    check(
        Country::Ca,
        2024,
        &[
            (1, 1),
            (3, 29),
            (5, 20),
            (7, 1),
            (9, 2),
            (9, 30),
            (10, 14),
            (11, 11),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::Ca,
        2025,
        &[
            (1, 1),
            (4, 18),
            (5, 19),
            (7, 1),
            (9, 1),
            (9, 30),
            (10, 13),
            (11, 11),
            (12, 25),
            (12, 26),
        ],
    );
}

// Australian Government, "Public holidays" (australia.gov.au):
// the days observed nationally (the King's Birthday is in June in all states
// but WA and QLD).
#[test]
fn au() {
    check(
        Country::Au,
        2024,
        &[
            (1, 1),
            (1, 26),
            (3, 29),
            (4, 1),
            (4, 25),
            (6, 10),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::Au,
        2025,
        &[
            (1, 1),
            (1, 26),
            (1, 27), // Australia Day falls on a Sunday
            (4, 18),
            (4, 21),
            (4, 25),
            (6, 9),
            (12, 25),
            (12, 26),
        ],
    );
}

// Lag (1989:253) om allmänna helgdagar (riksdagen.se); Midsummer Eve,
// Christmas Eve and New Year's Eve added as de facto days off.
#[test]
fn se() {
    check(
        Country::Se,
        2024,
        &[
            (1, 1),
            (1, 6),
            (3, 29),
            (3, 31),
            (4, 1),
            (5, 1),
            (5, 9),
            (5, 19),
            (6, 6),
            (6, 21),
            (6, 22),
            (11, 2),
            (12, 24),
            (12, 25),
            (12, 26),
            (12, 31),
        ],
    );
    check(
        Country::Se,
        2025,
        &[
            (1, 1),
            (1, 6),
            (4, 18),
            (4, 20),
            (4, 21),
            (5, 1),
            (5, 29),
            (6, 6),
            (6, 8),
            (6, 20),
            (6, 21),
            (11, 1),
            (12, 24),
            (12, 25),
            (12, 26),
            (12, 31),
        ],
    );
}

// Lov om helligdager og helligdagsfred and lov om 1. og 17. mai som offentlige
// høytidsdager (lovdata.no).
#[test]
fn no() {
    check(
        Country::No,
        2024,
        &[
            (1, 1),
            (3, 28),
            (3, 29),
            (3, 31),
            (4, 1),
            (5, 1),
            (5, 9),
            (5, 17),
            (5, 19),
            (5, 20),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::No,
        2025,
        &[
            (1, 1),
            (4, 17),
            (4, 18),
            (4, 20),
            (4, 21),
            (5, 1),
            (5, 17),
            (5, 29),
            (6, 8),
            (6, 9),
            (12, 25),
            (12, 26),
        ],
    );
}

// borger.dk / Beskæftigelsesministeriet, "Helligdage"; Great Prayer Day
// abolished as a holiday from 2024 by law of February 2023.
#[test]
fn dk() {
    check(
        Country::Dk,
        2024,
        &[
            (1, 1),
            (3, 28),
            (3, 29),
            (3, 31),
            (4, 1),
            (5, 9),
            (5, 19),
            (5, 20),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::Dk,
        2025,
        &[
            (1, 1),
            (4, 17),
            (4, 18),
            (4, 20),
            (4, 21),
            (5, 29),
            (6, 8),
            (6, 9),
            (12, 25),
            (12, 26),
        ],
    );
    assert_eq!(
        Calendar::of(Country::Dk).holiday(d(2023, 5, 5)),
        Some("Great Prayer Day")
    );
}

// Arbeitsruhegesetz § 7 (ris.bka.gv.at) and oesterreich.gv.at, "Feiertage".
#[test]
fn at() {
    check(
        Country::At,
        2024,
        &[
            (1, 1),
            (1, 6),
            (4, 1),
            (5, 1),
            (5, 9),
            (5, 20),
            (5, 30),
            (8, 15),
            (10, 26),
            (11, 1),
            (12, 8),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::At,
        2025,
        &[
            (1, 1),
            (1, 6),
            (4, 21),
            (5, 1),
            (5, 29),
            (6, 9),
            (6, 19),
            (8, 15),
            (10, 26),
            (11, 1),
            (12, 8),
            (12, 25),
            (12, 26),
        ],
    );
}

// Federal Office of Justice, "Feiertage" (bj.admin.ch): 1 August is the only
// federal holiday; the others listed are days off of the federal
// administration and of most cantons.
#[test]
fn ch() {
    check(
        Country::Ch,
        2024,
        &[
            (1, 1),
            (1, 2),
            (3, 29),
            (4, 1),
            (5, 9),
            (5, 20),
            (8, 1),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::Ch,
        2025,
        &[
            (1, 1),
            (1, 2),
            (4, 18),
            (4, 21),
            (5, 29),
            (6, 9),
            (8, 1),
            (12, 25),
            (12, 26),
        ],
    );
}

// BOE, the yearly Resolución de la Dirección General de Trabajo publishing the
// "relación de fiestas laborales" for 2024 and for 2025 (boe.es): the national
// holidays; Maundy Thursday and the regions' own choices left out.
#[test]
fn es() {
    check(
        Country::Es,
        2024,
        &[
            (1, 1),
            (1, 6),
            (3, 29),
            (5, 1),
            (8, 15),
            (10, 12),
            (11, 1),
            (12, 6),
            (12, 8),
            (12, 25),
        ],
    );
    check(
        Country::Es,
        2025,
        &[
            (1, 1),
            (1, 6),
            (4, 18),
            (5, 1),
            (8, 15),
            (10, 12),
            (11, 1),
            (12, 6),
            (12, 8),
            (12, 25),
        ],
    );
}

// Legge 27 maggio 1949, n. 260, as amended (governo.it, "Giorni festivi").
#[test]
fn it() {
    check(
        Country::It,
        2024,
        &[
            (1, 1),
            (1, 6),
            (3, 31),
            (4, 1),
            (4, 25),
            (5, 1),
            (6, 2),
            (8, 15),
            (11, 1),
            (12, 8),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::It,
        2025,
        &[
            (1, 1),
            (1, 6),
            (4, 20),
            (4, 21),
            (4, 25),
            (5, 1),
            (6, 2),
            (8, 15),
            (11, 1),
            (12, 8),
            (12, 25),
            (12, 26),
        ],
    );
}

// Ustawa z dnia 18 stycznia 1951 r. o dniach wolnych od pracy (isap.sejm.gov.pl),
// with Christmas Eve a day off from 2025.
#[test]
fn pl() {
    check(
        Country::Pl,
        2024,
        &[
            (1, 1),
            (1, 6),
            (3, 31),
            (4, 1),
            (5, 1),
            (5, 3),
            (5, 19),
            (5, 30),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 25),
            (12, 26),
        ],
    );
    check(
        Country::Pl,
        2025,
        &[
            (1, 1),
            (1, 6),
            (4, 20),
            (4, 21),
            (5, 1),
            (5, 3),
            (6, 8),
            (6, 19),
            (8, 15),
            (11, 1),
            (11, 11),
            (12, 24),
            (12, 25),
            (12, 26),
        ],
    );
}

#[test]
fn easter_dates() {
    for (y, m, day) in [
        (1961, 4, 2),
        (2000, 4, 23),
        (2008, 3, 23),
        (2011, 4, 24),
        (2019, 4, 21),
        (2024, 3, 31),
        (2025, 4, 20),
        (2038, 4, 25),
        (2285, 3, 22),
    ] {
        assert_eq!(easter_sunday(y), d(y, m, day), "Easter {y}");
    }
}

#[test]
fn every_country_has_a_calendar_and_a_code() {
    assert_eq!(Country::ALL.len(), 16);
    for c in Country::ALL {
        assert_eq!(Country::from_code(c.as_str()), Some(*c));
        assert_eq!(c.as_str().parse::<Country>().unwrap(), *c);
        assert_eq!(Country::from_code(c.name()), Some(*c));
        assert!(!c.calendar().holidays(2025).is_empty());
        let json = serde_json::to_string(c).unwrap();
        assert_eq!(json, format!("\"{}\"", c.as_str()));
        assert_eq!(serde_json::from_str::<Country>(&json).unwrap(), *c);
    }
    assert_eq!(Country::from_code("uk"), Some(Country::Gb));
    assert_eq!(Country::from_code("NLD"), Some(Country::Nl));
    assert_eq!(Country::from_code("xx"), None);
    assert_eq!(
        "xx".parse::<Country>().unwrap_err().to_string(),
        "unknown country `xx`"
    );
}

#[test]
fn business_day_arithmetic() {
    let nl = Calendar::of(Country::Nl);
    // Friday 20 Dec 2024 + 1 business day: Monday 23.
    assert_eq!(nl.next_business_day(d(2024, 12, 20)), d(2024, 12, 23));
    // Tuesday 24 Dec + 1: Christmas and Boxing Day skipped, Friday 27.
    assert_eq!(nl.next_business_day(d(2024, 12, 24)), d(2024, 12, 27));
    assert_eq!(nl.add_business_days(d(2024, 12, 24), 0), d(2024, 12, 24));
    assert_eq!(nl.add_business_days(d(2024, 12, 20), 5), d(2024, 12, 31));
    assert_eq!(
        nl.business_days_between(d(2024, 12, 20), d(2024, 12, 31)),
        5
    );
    assert_eq!(
        nl.business_days_between(d(2024, 12, 31), d(2024, 12, 20)),
        -5
    );
    assert_eq!(
        nl.business_days_between(d(2024, 12, 20), d(2024, 12, 20)),
        0
    );
    assert_eq!(nl.roll_forward(d(2024, 12, 25)), d(2024, 12, 27));
    // Weekends only: Christmas is a business day.
    assert!(Calendar::WEEKENDS_ONLY.is_business_day(d(2024, 12, 25)));
    assert!(!Calendar::WEEKENDS_ONLY.is_business_day(d(2024, 12, 28)));
    assert_eq!(Calendar::for_code("zz"), Calendar::WEEKENDS_ONLY);
    // A US holiday observed in the previous year is found from either side.
    let us = Calendar::of(Country::Us);
    assert_eq!(
        us.holiday(d(2021, 12, 31)),
        Some("New Year's Day (observed)")
    );
    assert!(us.holidays(2021).iter().any(|h| h.date == d(2021, 12, 31)));
}

#[test]
fn holidays_serialize_with_dates() {
    let h = Calendar::of(Country::Nl).holidays(2025);
    let json = serde_json::to_string(&h[0]).unwrap();
    assert_eq!(json, r#"{"date":"2025-01-01","name":"New Year's Day"}"#);
    let cal = serde_json::to_string(&Calendar::of(Country::Nl)).unwrap();
    assert_eq!(cal, r#"{"country":"NL"}"#);
    assert_eq!(
        serde_json::from_str::<Calendar>(&cal).unwrap(),
        Calendar::of(Country::Nl)
    );
}
