//! Business-day calendars: weekends and national public holidays, computed by
//! rule (fixed dates, Easter-based dates via the Gregorian computus, n-th
//! weekday of a month, substitute days) for sixteen countries.
//!
//! A business day is a Monday to Friday that is not a holiday of the
//! calendar. [`Calendar::WEEKENDS_ONLY`] knows no holidays, for countries not
//! covered.
//!
//! ```
//! use chrono::NaiveDate;
//! use wismo::calendar::{Calendar, Country};
//!
//! let nl = Calendar::of(Country::Nl);
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
//! // Thursday before Easter 2025; Easter Monday 21 April is a holiday.
//! assert_eq!(nl.add_business_days(d(2025, 4, 17), 2), d(2025, 4, 22));
//! assert_eq!(nl.holiday(d(2025, 4, 26)), Some("King's Day"));
//! ```
//!
//! # What each country's calendar holds
//!
//! Only holidays of the whole country are in a calendar; regional ones are
//! left out, because a parcel's region is rarely known. The simplifications,
//! per country:
//!
//! | country | included | left out |
//! |---|---|---|
//! | NL | New Year, Easter Sunday and Monday, King's Day (27 April, 26 if a Sunday; Queen's Day 30 April before 2014), Ascension, Whit Sunday and Monday, Christmas, Boxing Day | Good Friday and Liberation Day (5 May): official, but not general days off, and carriers deliver |
//! | BE | the ten legal holidays | regional community days |
//! | DE | the nine nationwide holidays (and Reformation Day in 2017) | Epiphany, Corpus Christi, Assumption, Reformation Day, All Saints, Repentance Day and others of single states |
//! | FR | the eleven national holidays | Good Friday and 26 December (Alsace-Moselle only) |
//! | GB | bank holidays of England and Wales, substitute days, one-off days since 2011 | Scotland's and Northern Ireland's own days |
//! | US | the eleven federal holidays (Juneteenth from 2021), observed on the Friday before / Monday after when on a weekend | state holidays; UPS and FedEx work some federal holidays |
//! | CA | the general holidays of the Canada Labour Code (Truth and Reconciliation Day from 2021), moved to the next weekday when on a weekend | provincial days (Family Day, Civic Holiday, Saint-Jean-Baptiste, …), Easter Monday |
//! | AU | the nationally observed days (New Year, Australia Day, Good Friday, Easter Monday, Anzac Day, the King's or Queen's Birthday, Christmas, Boxing Day), with substitute days | Easter Saturday, Labour Day and other state days; WA and QLD keep the King's Birthday on other dates |
//! | SE | the statutory holidays plus Midsummer Eve, Christmas Eve and New Year's Eve, which are de facto days off (PostNord does not deliver) | |
//! | NO | the statutory holidays and the public days of 1 and 17 May | |
//! | DK | the statutory holidays (Great Prayer Day until 2023) | Constitution Day, Christmas Eve, New Year's Eve (days off by agreement only) |
//! | AT | the statutory holidays of the Arbeitsruhegesetz | Good Friday (only until 2018, for some churches), patron saints' days of the states |
//! | CH | days off of the federal administration and of most cantons: New Year, Berchtold's Day (2 January), Good Friday, Easter Monday, Ascension, Whit Monday, National Day, Christmas, St Stephen's Day | the many cantonal days; Berchtold's Day and Good Friday are not holidays in a few cantons |
//! | ES | the national holidays of the yearly BOE list | Maundy Thursday, Easter Monday and the days each region chooses, and regional moves of a national holiday falling on a Sunday |
//! | IT | the national holidays (St Francis, 4 October, from 2026) | patron saints' days of the cities |
//! | PL | the statutory days off (Christmas Eve from 2025) | |

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use core::fmt;
use core::str::FromStr;
use serde::{Deserialize, Serialize};

/// A country with a holiday calendar. Written as its ISO 3166-1 alpha-2 code
/// (`"NL"`) in `Display`, `FromStr` and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Country {
    /// Austria.
    At,
    /// Australia.
    Au,
    /// Belgium.
    Be,
    /// Canada.
    Ca,
    /// Switzerland.
    Ch,
    /// Germany.
    De,
    /// Denmark.
    Dk,
    /// Spain.
    Es,
    /// France.
    Fr,
    /// United Kingdom (England and Wales bank holidays).
    Gb,
    /// Italy.
    It,
    /// The Netherlands.
    Nl,
    /// Norway.
    No,
    /// Poland.
    Pl,
    /// Sweden.
    Se,
    /// United States.
    Us,
}

impl Country {
    /// Every country with a calendar, sorted by code.
    pub const ALL: &'static [Country] = &[
        Country::At,
        Country::Au,
        Country::Be,
        Country::Ca,
        Country::Ch,
        Country::De,
        Country::Dk,
        Country::Es,
        Country::Fr,
        Country::Gb,
        Country::It,
        Country::Nl,
        Country::No,
        Country::Pl,
        Country::Se,
        Country::Us,
    ];

    /// The ISO 3166-1 alpha-2 code (`"NL"`).
    pub const fn as_str(self) -> &'static str {
        self.codes().0
    }

    /// (alpha-2, alpha-3, English name).
    const fn codes(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Country::At => ("AT", "AUT", "Austria"),
            Country::Au => ("AU", "AUS", "Australia"),
            Country::Be => ("BE", "BEL", "Belgium"),
            Country::Ca => ("CA", "CAN", "Canada"),
            Country::Ch => ("CH", "CHE", "Switzerland"),
            Country::De => ("DE", "DEU", "Germany"),
            Country::Dk => ("DK", "DNK", "Denmark"),
            Country::Es => ("ES", "ESP", "Spain"),
            Country::Fr => ("FR", "FRA", "France"),
            Country::Gb => ("GB", "GBR", "United Kingdom"),
            Country::It => ("IT", "ITA", "Italy"),
            Country::Nl => ("NL", "NLD", "Netherlands"),
            Country::No => ("NO", "NOR", "Norway"),
            Country::Pl => ("PL", "POL", "Poland"),
            Country::Se => ("SE", "SWE", "Sweden"),
            Country::Us => ("US", "USA", "United States"),
        }
    }

    /// The country's English name.
    pub const fn name(self) -> &'static str {
        self.codes().2
    }

    /// Reads a country as carriers write it: the alpha-2 or alpha-3 code in
    /// any case, `UK` for GB, or the English name. `None` for anything else
    /// (including countries without a calendar).
    pub fn from_code(s: &str) -> Option<Country> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("UK") {
            return Some(Country::Gb);
        }
        Country::ALL.iter().copied().find(|c| {
            let (a2, a3, name) = c.codes();
            s.eq_ignore_ascii_case(a2) || s.eq_ignore_ascii_case(a3) || s.eq_ignore_ascii_case(name)
        })
    }

    /// The business-day calendar of this country.
    pub const fn calendar(self) -> Calendar {
        Calendar::of(self)
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Country {
    type Err = crate::status::UnknownWord;
    /// A country with a calendar, by code or name ([`Country::from_code`]).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Country::from_code(s).ok_or_else(|| crate::status::UnknownWord::new("country", s))
    }
}

impl Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Serde for [`NaiveDate`] as `YYYY-MM-DD` (chrono's serde feature is not
/// enabled).
pub(crate) mod date_serde {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&d.format("%Y-%m-%d"))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(serde::de::Error::custom)
    }
}

/// One holiday of a calendar. A holiday moved off a weekend appears twice: on
/// its own date and on the substitute day (named `"… (substitute day)"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Holiday {
    /// The date.
    #[serde(with = "date_serde")]
    pub date: NaiveDate,
    /// The holiday's English name.
    pub name: &'static str,
}

/// Business days of one country (or weekends only): Monday to Friday minus the
/// country's public holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Calendar {
    /// The country whose holidays count; `None` for weekends only.
    pub country: Option<Country>,
}

impl Calendar {
    /// Saturdays and Sundays only, no holidays.
    pub const WEEKENDS_ONLY: Calendar = Calendar { country: None };

    /// The calendar of `country`.
    pub const fn of(country: Country) -> Calendar {
        Calendar {
            country: Some(country),
        }
    }

    /// The calendar for a country as carriers write it (see
    /// [`Country::from_code`]); weekends only when it is not covered.
    pub fn for_code(code: &str) -> Calendar {
        Calendar {
            country: Country::from_code(code),
        }
    }

    /// The holidays of `year`, sorted by date (substitute days included,
    /// also those moved into `year` from a neighbouring year).
    pub fn holidays(&self, year: i32) -> Vec<Holiday> {
        let Some(country) = self.country else {
            return Vec::new();
        };
        let mut out: Vec<Holiday> = (year - 1..=year + 1)
            .flat_map(|y| rules(country, y))
            .filter(|h| h.date.year() == year)
            .collect();
        out.sort();
        out.dedup_by_key(|h| h.date);
        out
    }

    /// The name of the holiday on `date`, if it is one.
    pub fn holiday(&self, date: NaiveDate) -> Option<&'static str> {
        let country = self.country?;
        // Substitute days move a holiday by a few days at most, so only the
        // turn of the year needs the neighbouring year's rules.
        let year = date.year();
        let first = if date.ordinal() <= 7 { year - 1 } else { year };
        let last = if date.ordinal() >= 358 {
            year + 1
        } else {
            year
        };
        (first..=last)
            .flat_map(|y| rules(country, y))
            .find(|h| h.date == date)
            .map(|h| h.name)
    }

    /// Monday to Friday and not a holiday.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && self.holiday(date).is_none()
    }

    /// The first business day strictly after `date`.
    pub fn next_business_day(&self, date: NaiveDate) -> NaiveDate {
        self.add_business_days(date, 1)
    }

    /// `date` itself when it is a business day, else the next one.
    pub fn roll_forward(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        while !self.is_business_day(d) {
            d += Duration::days(1);
        }
        d
    }

    /// The `n`-th business day after `date` (`date` itself for `n == 0`).
    pub fn add_business_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut d = date;
        let mut left = n;
        while left > 0 {
            d += Duration::days(1);
            if self.is_business_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// The business days in `(from, to]`: 0 for the same day, 1 from a Friday
    /// to the next Monday (without holidays). Negative when `to` is before
    /// `from`.
    pub fn business_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.business_days_between(to, from);
        }
        let mut n = 0;
        let mut d = from;
        while d < to {
            d += Duration::days(1);
            if self.is_business_day(d) {
                n += 1;
            }
        }
        n
    }
}

/// Easter Sunday of `year` (Gregorian calendar): the anonymous Gregorian
/// algorithm (Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The `n`-th `weekday` of a month (1-based).
fn nth(year: i32, month: u32, weekday: Weekday, n: u8) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n).unwrap_or_default()
}

/// The last `weekday` of a month.
fn last(year: i32, month: u32, weekday: Weekday) -> NaiveDate {
    let next = if month == 12 {
        ymd(year + 1, 1, 1)
    } else {
        ymd(year, month + 1, 1)
    };
    let mut d = next - Duration::days(1);
    while d.weekday() != weekday {
        d -= Duration::days(1);
    }
    d
}

/// The first `weekday` on or after `date`.
fn on_or_after(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let mut d = date;
    while d.weekday() != weekday {
        d += Duration::days(1);
    }
    d
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A small builder for one year's list.
struct Year {
    year: i32,
    easter: NaiveDate,
    list: Vec<Holiday>,
}

impl Year {
    fn new(year: i32) -> Self {
        Year {
            year,
            easter: easter_sunday(year),
            list: Vec::with_capacity(16),
        }
    }
    fn fixed(&mut self, month: u32, day: u32, name: &'static str) -> &mut Self {
        let date = ymd(self.year, month, day);
        self.list.push(Holiday { date, name });
        self
    }
    fn easter(&mut self, offset: i64, name: &'static str) -> &mut Self {
        let date = self.easter + Duration::days(offset);
        self.list.push(Holiday { date, name });
        self
    }
    fn on(&mut self, date: NaiveDate, name: &'static str) -> &mut Self {
        self.list.push(Holiday { date, name });
        self
    }
    /// For each listed fixed-date holiday falling on a weekend, adds a
    /// substitute on the next weekday that is not a holiday already (in list
    /// order, so Christmas takes its substitute before Boxing Day).
    fn substitute_next(&mut self, names: &[(&'static str, &'static str)]) {
        for &(name, sub_name) in names {
            let Some(h) = self.list.iter().find(|h| h.name == name).copied() else {
                continue;
            };
            if !is_weekend(h.date) {
                continue;
            }
            let mut d = h.date + Duration::days(1);
            while is_weekend(d) || self.list.iter().any(|x| x.date == d) {
                d += Duration::days(1);
            }
            self.list.push(Holiday {
                date: d,
                name: sub_name,
            });
        }
    }
}

const GOOD_FRIDAY: i64 = -2;
const EASTER_MONDAY: i64 = 1;
const ASCENSION: i64 = 39;
const WHIT_SUNDAY: i64 = 49;
const WHIT_MONDAY: i64 = 50;
const CORPUS_CHRISTI: i64 = 60;

/// The holidays of `country` whose rule belongs to `year` (a substitute may
/// fall into the next or previous year).
fn rules(country: Country, year: i32) -> Vec<Holiday> {
    use Weekday::*;
    let mut y = Year::new(year);
    match country {
        // Rijksoverheid, "Officiële feestdagen".
        Country::Nl => {
            y.fixed(1, 1, "New Year's Day")
                .easter(0, "Easter Sunday")
                .easter(EASTER_MONDAY, "Easter Monday");
            let (day, name) = if year >= 2014 {
                (27, "King's Day")
            } else {
                (30, "Queen's Day")
            };
            let d = ymd(year, 4, day);
            let d = if d.weekday() == Sun {
                d - Duration::days(1)
            } else {
                d
            };
            y.on(d, name)
                .easter(ASCENSION, "Ascension Day")
                .easter(WHIT_SUNDAY, "Whit Sunday")
                .easter(WHIT_MONDAY, "Whit Monday")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "Boxing Day");
        }
        // belgium.be, "Feestdagen".
        Country::Be => {
            y.fixed(1, 1, "New Year's Day")
                .easter(EASTER_MONDAY, "Easter Monday")
                .fixed(5, 1, "Labour Day")
                .easter(ASCENSION, "Ascension Day")
                .easter(WHIT_MONDAY, "Whit Monday")
                .fixed(7, 21, "National Day")
                .fixed(8, 15, "Assumption Day")
                .fixed(11, 1, "All Saints' Day")
                .fixed(11, 11, "Armistice Day")
                .fixed(12, 25, "Christmas Day");
        }
        // Bundesministerium des Innern, "Gesetzliche Feiertage".
        Country::De => {
            y.fixed(1, 1, "New Year's Day")
                .easter(GOOD_FRIDAY, "Good Friday")
                .easter(EASTER_MONDAY, "Easter Monday")
                .fixed(5, 1, "Labour Day")
                .easter(ASCENSION, "Ascension Day")
                .easter(WHIT_MONDAY, "Whit Monday")
                .fixed(10, 3, "German Unity Day")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "St Stephen's Day");
            if year == 2017 {
                y.fixed(10, 31, "Reformation Day");
            }
        }
        // service-public.fr, "Jours fériés".
        Country::Fr => {
            y.fixed(1, 1, "New Year's Day")
                .easter(EASTER_MONDAY, "Easter Monday")
                .fixed(5, 1, "Labour Day")
                .fixed(5, 8, "Victory in Europe Day")
                .easter(ASCENSION, "Ascension Day")
                .easter(WHIT_MONDAY, "Whit Monday")
                .fixed(7, 14, "Bastille Day")
                .fixed(8, 15, "Assumption Day")
                .fixed(11, 1, "All Saints' Day")
                .fixed(11, 11, "Armistice Day")
                .fixed(12, 25, "Christmas Day");
        }
        // gov.uk, "UK bank holidays" (England and Wales).
        Country::Gb => {
            y.fixed(1, 1, "New Year's Day")
                .easter(GOOD_FRIDAY, "Good Friday")
                .easter(EASTER_MONDAY, "Easter Monday");
            let early_may = match year {
                2020 => ymd(2020, 5, 8),
                _ => nth(year, 5, Mon, 1),
            };
            let spring = match year {
                2012 => ymd(2012, 6, 4),
                2022 => ymd(2022, 6, 2),
                _ => last(year, 5, Mon),
            };
            y.on(early_may, "Early May bank holiday")
                .on(spring, "Spring bank holiday")
                .on(last(year, 8, Mon), "Summer bank holiday")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "Boxing Day");
            match year {
                2011 => {
                    y.fixed(4, 29, "Royal wedding");
                }
                2012 => {
                    y.fixed(6, 5, "Queen's Diamond Jubilee");
                }
                2022 => {
                    y.fixed(6, 3, "Platinum Jubilee bank holiday").fixed(
                        9,
                        19,
                        "State Funeral of Queen Elizabeth II",
                    );
                }
                2023 => {
                    y.fixed(5, 8, "Coronation of King Charles III");
                }
                _ => {}
            }
            y.substitute_next(&[
                ("New Year's Day", "New Year's Day (substitute day)"),
                ("Christmas Day", "Christmas Day (substitute day)"),
                ("Boxing Day", "Boxing Day (substitute day)"),
            ]);
        }
        // opm.gov, "Federal Holidays" (5 U.S.C. 6103).
        Country::Us => {
            let fixed: &[(u32, u32, &str, &str)] = &[
                (1, 1, "New Year's Day", "New Year's Day (observed)"),
                (7, 4, "Independence Day", "Independence Day (observed)"),
                (11, 11, "Veterans Day", "Veterans Day (observed)"),
                (12, 25, "Christmas Day", "Christmas Day (observed)"),
            ];
            y.on(nth(year, 1, Mon, 3), "Birthday of Martin Luther King, Jr.")
                .on(nth(year, 2, Mon, 3), "Washington's Birthday")
                .on(last(year, 5, Mon), "Memorial Day")
                .on(nth(year, 9, Mon, 1), "Labor Day")
                .on(nth(year, 10, Mon, 2), "Columbus Day")
                .on(nth(year, 11, Thu, 4), "Thanksgiving Day");
            let mut all = fixed.to_vec();
            if year >= 2021 {
                all.push((
                    6,
                    19,
                    "Juneteenth National Independence Day",
                    "Juneteenth National Independence Day (observed)",
                ));
            }
            for (m, d, name, observed) in all {
                let date = ymd(year, m, d);
                y.on(date, name);
                match date.weekday() {
                    Sat => {
                        y.on(date - Duration::days(1), observed);
                    }
                    Sun => {
                        y.on(date + Duration::days(1), observed);
                    }
                    _ => {}
                }
            }
        }
        // Canada Labour Code, s. 166 "general holiday"; canada.ca.
        Country::Ca => {
            y.fixed(1, 1, "New Year's Day")
                .easter(GOOD_FRIDAY, "Good Friday")
                .on(
                    on_or_after(ymd(year, 5, 18), Mon),
                    "Victoria Day", // the Monday before 25 May
                )
                .fixed(7, 1, "Canada Day")
                .on(nth(year, 9, Mon, 1), "Labour Day");
            if year >= 2021 {
                y.fixed(9, 30, "National Day for Truth and Reconciliation");
            }
            y.on(nth(year, 10, Mon, 2), "Thanksgiving Day")
                .fixed(11, 11, "Remembrance Day")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "Boxing Day");
            y.substitute_next(&[
                ("New Year's Day", "New Year's Day (substitute day)"),
                ("Canada Day", "Canada Day (substitute day)"),
                (
                    "National Day for Truth and Reconciliation",
                    "National Day for Truth and Reconciliation (substitute day)",
                ),
                ("Remembrance Day", "Remembrance Day (substitute day)"),
                ("Christmas Day", "Christmas Day (substitute day)"),
                ("Boxing Day", "Boxing Day (substitute day)"),
            ]);
        }
        // australia.gov.au, "Public holidays" (national days).
        Country::Au => {
            let birthday = if year >= 2023 {
                "King's Birthday"
            } else {
                "Queen's Birthday"
            };
            y.fixed(1, 1, "New Year's Day")
                .fixed(1, 26, "Australia Day")
                .easter(GOOD_FRIDAY, "Good Friday")
                .easter(EASTER_MONDAY, "Easter Monday")
                .fixed(4, 25, "Anzac Day")
                .on(nth(year, 6, Mon, 2), birthday)
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "Boxing Day");
            if year == 2022 {
                y.fixed(9, 22, "National Day of Mourning for Queen Elizabeth II");
            }
            y.substitute_next(&[
                ("New Year's Day", "New Year's Day (substitute day)"),
                ("Australia Day", "Australia Day (substitute day)"),
                ("Christmas Day", "Christmas Day (substitute day)"),
                ("Boxing Day", "Boxing Day (substitute day)"),
            ]);
        }
        // Lag (1989:253) om allmänna helgdagar; the eves are de facto days off.
        Country::Se => {
            y.fixed(1, 1, "New Year's Day")
                .fixed(1, 6, "Epiphany")
                .easter(GOOD_FRIDAY, "Good Friday")
                .easter(0, "Easter Sunday")
                .easter(EASTER_MONDAY, "Easter Monday")
                .fixed(5, 1, "May Day")
                .easter(ASCENSION, "Ascension Day")
                .easter(WHIT_SUNDAY, "Whit Sunday")
                .fixed(6, 6, "National Day of Sweden")
                .on(
                    on_or_after(ymd(year, 6, 19), Fri),
                    "Midsummer Eve (de facto)",
                )
                .on(on_or_after(ymd(year, 6, 20), Sat), "Midsummer Day")
                .on(on_or_after(ymd(year, 10, 31), Sat), "All Saints' Day")
                .fixed(12, 24, "Christmas Eve (de facto)")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "Boxing Day")
                .fixed(12, 31, "New Year's Eve (de facto)");
        }
        // Lov om helligdager og helligdagsfred; lov om 1. og 17. mai.
        Country::No => {
            y.fixed(1, 1, "New Year's Day")
                .easter(-3, "Maundy Thursday")
                .easter(GOOD_FRIDAY, "Good Friday")
                .easter(0, "Easter Sunday")
                .easter(EASTER_MONDAY, "Easter Monday")
                .fixed(5, 1, "Labour Day")
                .fixed(5, 17, "Constitution Day")
                .easter(ASCENSION, "Ascension Day")
                .easter(WHIT_SUNDAY, "Whit Sunday")
                .easter(WHIT_MONDAY, "Whit Monday")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "Boxing Day");
        }
        // borger.dk, "Helligdage"; Great Prayer Day abolished from 2024.
        Country::Dk => {
            y.fixed(1, 1, "New Year's Day")
                .easter(-3, "Maundy Thursday")
                .easter(GOOD_FRIDAY, "Good Friday")
                .easter(0, "Easter Sunday")
                .easter(EASTER_MONDAY, "Easter Monday");
            if year <= 2023 {
                y.easter(26, "Great Prayer Day");
            }
            y.easter(ASCENSION, "Ascension Day")
                .easter(WHIT_SUNDAY, "Whit Sunday")
                .easter(WHIT_MONDAY, "Whit Monday")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "Boxing Day");
        }
        // Arbeitsruhegesetz § 7; oesterreich.gv.at, "Feiertage".
        Country::At => {
            y.fixed(1, 1, "New Year's Day")
                .fixed(1, 6, "Epiphany")
                .easter(EASTER_MONDAY, "Easter Monday")
                .fixed(5, 1, "Labour Day")
                .easter(ASCENSION, "Ascension Day")
                .easter(WHIT_MONDAY, "Whit Monday")
                .easter(CORPUS_CHRISTI, "Corpus Christi")
                .fixed(8, 15, "Assumption Day")
                .fixed(10, 26, "National Day")
                .fixed(11, 1, "All Saints' Day")
                .fixed(12, 8, "Immaculate Conception")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "St Stephen's Day");
        }
        // Federal Office of Justice, "Feiertage"; federal administration.
        Country::Ch => {
            y.fixed(1, 1, "New Year's Day")
                .fixed(1, 2, "Berchtold's Day")
                .easter(GOOD_FRIDAY, "Good Friday")
                .easter(EASTER_MONDAY, "Easter Monday")
                .easter(ASCENSION, "Ascension Day")
                .easter(WHIT_MONDAY, "Whit Monday")
                .fixed(8, 1, "Swiss National Day")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "St Stephen's Day");
        }
        // BOE, yearly resolution of the Dirección General de Trabajo.
        Country::Es => {
            y.fixed(1, 1, "New Year's Day")
                .fixed(1, 6, "Epiphany")
                .easter(GOOD_FRIDAY, "Good Friday")
                .fixed(5, 1, "Labour Day")
                .fixed(8, 15, "Assumption Day")
                .fixed(10, 12, "National Day of Spain")
                .fixed(11, 1, "All Saints' Day")
                .fixed(12, 6, "Constitution Day")
                .fixed(12, 8, "Immaculate Conception")
                .fixed(12, 25, "Christmas Day");
        }
        // Legge 260/1949 and later amendments; governo.it.
        Country::It => {
            y.fixed(1, 1, "New Year's Day")
                .fixed(1, 6, "Epiphany")
                .easter(0, "Easter Sunday")
                .easter(EASTER_MONDAY, "Easter Monday")
                .fixed(4, 25, "Liberation Day")
                .fixed(5, 1, "Labour Day")
                .fixed(6, 2, "Republic Day")
                .fixed(8, 15, "Assumption Day")
                .fixed(11, 1, "All Saints' Day")
                .fixed(12, 8, "Immaculate Conception")
                .fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "St Stephen's Day");
            if year >= 2026 {
                y.fixed(10, 4, "St Francis of Assisi");
            }
        }
        // Ustawa o dniach wolnych od pracy (1951, as amended).
        Country::Pl => {
            y.fixed(1, 1, "New Year's Day")
                .fixed(1, 6, "Epiphany")
                .easter(0, "Easter Sunday")
                .easter(EASTER_MONDAY, "Easter Monday")
                .fixed(5, 1, "Labour Day")
                .fixed(5, 3, "Constitution Day")
                .easter(WHIT_SUNDAY, "Whit Sunday")
                .easter(CORPUS_CHRISTI, "Corpus Christi")
                .fixed(8, 15, "Assumption Day")
                .fixed(11, 1, "All Saints' Day")
                .fixed(11, 11, "Independence Day");
            if year >= 2025 {
                y.fixed(12, 24, "Christmas Eve");
            }
            y.fixed(12, 25, "Christmas Day")
                .fixed(12, 26, "St Stephen's Day");
        }
    }
    y.list
}
