//! Calendar days and months as people in Vietnam count them (UTC+7 all year, no daylight
//! saving), on `time::Date`: the one date type of SafeSteps.

use time::{Date, Month, OffsetDateTime, UtcOffset};

/// The platform's clock for calendar days: UTC+7.
pub const LOCAL_OFFSET: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

fn local(unix_seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .to_offset(LOCAL_OFFSET)
}

/// The calendar day in Vietnam at a Unix time.
pub fn local_day(unix_seconds: i64) -> Date {
    local(unix_seconds).date()
}

/// The year in Vietnam at a Unix time.
pub fn local_year(unix_seconds: i64) -> i32 {
    local_day(unix_seconds).year()
}

/// A date as files, forms and URLs write it (`YYYY-MM-DD`).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let mut parts = text.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// A month counted from year 0 (`year × 12 + month − 1`), for grouping by month.
pub type MonthIndex = i32;

pub fn month_index(date: Date) -> MonthIndex {
    date.year() * 12 + i32::from(u8::from(date.month())) - 1
}

/// The month in Vietnam at a Unix time.
pub fn local_month(unix_seconds: i64) -> MonthIndex {
    month_index(local_day(unix_seconds))
}

/// `(year, month 1–12)` of a month index.
pub fn year_month(index: MonthIndex) -> (i32, u8) {
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// `2026-12` for a month index (files, URLs, charts).
pub fn month_label(index: MonthIndex) -> String {
    let (y, m) = year_month(index);
    format!("{y}-{m:02}")
}

/// A day as Vietnamese readers write it: `06/12/2026`.
pub fn vi_date(date: Date) -> String {
    format!(
        "{:02}/{:02}/{}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

/// A moment in the reader's language, to the minute, in Vietnam's time: `06/12/2026 14:05`,
/// or `2026-12-06 14:05` in English.
pub fn display_date_time(unix_seconds: i64, lang: crate::i18n::Lang) -> String {
    let at = local(unix_seconds);
    format!(
        "{} {:02}:{:02}",
        display_date(at.date(), lang),
        at.hour(),
        at.minute()
    )
}

/// A day in the reader's language: `06/12/2026` in Vietnamese, `2026-12-06` in English (the
/// ISO form, unambiguous for international readers).
pub fn display_date(date: Date, lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::Vi => vi_date(date),
        crate::i18n::Lang::En => date.to_string(),
    }
}

/// A moment in Vietnam as stored in a report: `2026-12-06 14:05` (what `display_written`
/// reads).
pub fn iso_date_time(unix_seconds: i64) -> String {
    let at = local(unix_seconds);
    format!("{} {:02}:{:02}", at.date(), at.hour(), at.minute())
}

/// A day, or a day and a time, stored as text (`2026-12-06`, `2026-12-06 14:05`; reports
/// closed before dates were stored this way hold `06/12/2026`, `06/12/2026 14:05`), in the
/// reader's language. Text that is neither comes back as it is.
pub fn display_written(text: &str, lang: crate::i18n::Lang) -> String {
    let text = text.trim();
    let (day, time) = match text.split_once(' ') {
        Some((day, time)) => (day, Some(time)),
        None => (text, None),
    };
    let date = parse_date(day).or_else(|| {
        let mut parts = day.splitn(3, '/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        parse_date(&format!("{y}-{m}-{d}"))
    });
    let time_ok = time.is_none_or(|t| {
        t.len() == 5 && t.as_bytes()[2] == b':' && t.bytes().filter(u8::is_ascii_digit).count() == 4
    });
    match date {
        Some(date) if time_ok => match time {
            Some(time) => format!("{} {time}", display_date(date, lang)),
            None => display_date(date, lang),
        },
        _ => text.to_owned(),
    }
}

/// The Unix time at which a calendar day starts in Vietnam.
pub fn day_start(date: Date) -> i64 {
    date.midnight().assume_offset(LOCAL_OFFSET).unix_timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_months_are_vietnamese() {
        // 2026-11-28 17:30 UTC is already 00:30 on the 29th in Lai Châu.
        let unix = 1_795_887_000;
        assert_eq!(local_day(unix).to_string(), "2026-11-29");
        assert_eq!(month_label(local_month(unix)), "2026-11");
        assert_eq!(
            year_month(month_index(parse_date("2026-01-31").unwrap())),
            (2026, 1)
        );
        assert_eq!(vi_date(parse_date("2026-12-06").unwrap()), "06/12/2026");
        assert_eq!(
            display_date_time(unix, crate::i18n::Lang::Vi),
            "29/11/2026 00:30"
        );
        assert_eq!(iso_date_time(unix), "2026-11-29 00:30");
        assert_eq!(
            local_year(1_798_736_400 - 1),
            2026,
            "23:59:59 on 31/12 in Vietnam"
        );
        assert_eq!(local_year(1_798_736_400), 2027);
        assert_eq!(day_start(parse_date("2027-01-01").unwrap()), 1_798_736_400);
    }

    #[test]
    fn only_real_dates_parse() {
        assert!(parse_date("2024-02-29").is_some());
        for bad in [
            "",
            "2026-13-01",
            "2026-02-30",
            "26-12-05",
            "2026/12/05",
            "2026-12-5",
            "31/12/2025",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn stored_dates_are_written_in_the_readers_language() {
        use crate::i18n::Lang::{En, Vi};
        assert_eq!(display_written("2026-12-06", Vi), "06/12/2026");
        assert_eq!(display_written("2026-12-06", En), "2026-12-06");
        assert_eq!(display_written("2026-12-06 14:05", Vi), "06/12/2026 14:05");
        // As reports closed before stored them.
        assert_eq!(display_written("06/12/2026 14:05", En), "2026-12-06 14:05");
        assert_eq!(display_written("31/12/2026", En), "2026-12-31");
        assert_eq!(display_written("31/12/2026", Vi), "31/12/2026");
        // Anything else is left alone.
        assert_eq!(display_written("31/02/2026", En), "31/02/2026");
        assert_eq!(display_written("2026-12-06 late", En), "2026-12-06 late");
        assert_eq!(display_written("", En), "");
    }
}
