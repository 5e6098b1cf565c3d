//! How a share is shown: rounded half up, as people round by hand (6 of 134 is 4.5%, a child's
//! 4 of 6 right is 67%), but never to the whole while someone is still missing, nor to nothing
//! while someone counts (99.96% shows 99.9%, not 100%).

/// `part / whole` in units of `1 / scale` (`scale` 100: whole percent; 1000: tenths of a
/// percent), rounded half up; `None` when `whole` is zero.
pub fn rounded(part: u64, whole: u64, scale: u64) -> Option<u64> {
    if whole == 0 {
        return None;
    }
    let half_up = (part * scale * 2 + whole) / (whole * 2);
    Some(if part > 0 && part < whole {
        half_up.clamp(1, scale - 1)
    } else {
        half_up
    })
}

#[cfg(test)]
mod tests {
    use super::rounded;

    #[test]
    fn halves_go_up_and_the_ends_are_only_for_all_or_none() {
        assert_eq!(rounded(6, 134, 1000), Some(45), "4.477…% shows 4.5%");
        assert_eq!(rounded(4, 6, 100), Some(67), "66.66…% shows 67%");
        assert_eq!(rounded(1, 8, 100), Some(13), "12.5% shows 13%");
        assert_eq!(rounded(1, 3, 100), Some(33));
        assert_eq!(rounded(2, 3, 1000), Some(667));
        assert_eq!(
            rounded(2499, 2500, 100),
            Some(99),
            "not 100% while one is missing"
        );
        assert_eq!(rounded(1, 3000, 100), Some(1), "not 0% while one counts");
        assert_eq!(rounded(0, 7, 100), Some(0));
        assert_eq!(rounded(7, 7, 100), Some(100));
        assert_eq!(rounded(90, 60, 1000), Some(1500));
        assert_eq!(rounded(3, 0, 100), None);
    }
}
