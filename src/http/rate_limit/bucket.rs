//! The token bucket: a rate (`50/s`, `600/min`), a burst, and the arithmetic of taking a
//! token at a given instant. Pure: the clock is passed in, so tests need no sleeps.

use std::{fmt, str::FromStr, time::Duration, time::Instant};

/// Requests allowed per period, as written on the command line (`50/s`, `600/min`, `100/h`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// Requests per period; 0 means no limit.
    pub count: f64,
    /// The period: a second, a minute or an hour.
    pub per: Period,
}

/// The period of a [`Rate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A second (`/s`).
    Second,
    /// A minute (`/min`).
    Minute,
    /// An hour (`/h`).
    Hour,
}

impl Period {
    fn seconds(self) -> f64 {
        match self {
            Period::Second => 1.0,
            Period::Minute => 60.0,
            Period::Hour => 3600.0,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Period::Second => "second",
            Period::Minute => "minute",
            Period::Hour => "hour",
        }
    }
}

impl Rate {
    /// `count` requests per `per`.
    pub const fn new(count: f64, per: Period) -> Self {
        Self { count, per }
    }

    /// Tokens added per second.
    pub fn per_second(self) -> f64 {
        self.count / self.per.seconds()
    }

    /// True for `0/s`: this role is not limited.
    pub fn is_unlimited(self) -> bool {
        self.count <= 0.0
    }

    /// Parses `N/s`, `N/min` or `N/h` (`N` may have decimals; a bare `N` is per second).
    pub fn parse(text: &str) -> Result<Self, String> {
        let (count, unit) = text.trim().split_once('/').unwrap_or((text.trim(), "s"));
        let per = match unit.trim() {
            "s" | "sec" | "second" => Period::Second,
            "m" | "min" | "minute" => Period::Minute,
            "h" | "hour" => Period::Hour,
            other => {
                return Err(format!(
                    "\"{other}\" is not a period: write the rate as N/s, N/min or N/h"
                ));
            }
        };
        match count.trim().parse::<f64>() {
            Ok(count) if count.is_finite() && count >= 0.0 => Ok(Self { count, per }),
            _ => Err(format!(
                "\"{text}\" is not a rate: write N/s, N/min or N/h with N a number from 0 up \
                 (0 for no limit)"
            )),
        }
    }
}

impl FromStr for Rate {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Self::parse(text)
    }
}

impl fmt::Display for Rate {
    /// `50 requests per second`, as messages to clients say it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.count == 1.0 { "" } else { "s" };
        write!(f, "{} request{plural} per {}", self.count, self.per.word())
    }
}

/// The limit of one role: a steady rate and a burst (the bucket's size: requests that may
/// arrive at once after a quiet spell).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    /// The steady rate.
    pub rate: Rate,
    /// The most requests allowed at once; at least 1.
    pub burst: u32,
}

impl Limit {
    /// A limit of `rate` with `burst`.
    pub const fn new(rate: Rate, burst: u32) -> Self {
        Self { rate, burst }
    }
}

/// The tokens of one client at one instant.
#[derive(Debug, Clone, Copy)]
pub struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    /// A full bucket at `now`: a new client may send its whole burst.
    pub fn full(limit: Limit, now: Instant) -> Self {
        Self {
            tokens: f64::from(limit.burst),
            at: now,
        }
    }

    /// Takes one token at `now`, after refilling for the time since the last call; when the
    /// bucket holds less than one token, takes nothing and says how long until it will.
    pub fn take(&mut self, limit: Limit, now: Instant) -> Result<(), Duration> {
        if limit.rate.is_unlimited() {
            return Ok(());
        }
        let per_second = limit.rate.per_second();
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.tokens = (self.tokens + elapsed * per_second).min(f64::from(limit.burst));
        self.at = self.at.max(now);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            return Ok(());
        }
        Err(Duration::from_secs_f64((1.0 - self.tokens) / per_second))
    }
}

/// `Retry-After` for a wait: whole seconds, rounded up, at least 1.
pub fn retry_after_seconds(wait: Duration) -> u64 {
    let whole = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    whole.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(text: &str, burst: u32) -> Limit {
        Limit::new(text.parse().expect("a rate"), burst)
    }

    #[test]
    fn rates_read_per_second_minute_or_hour() {
        assert_eq!(Rate::parse("50/s"), Ok(Rate::new(50.0, Period::Second)));
        assert_eq!(
            Rate::parse(" 600 / min "),
            Ok(Rate::new(600.0, Period::Minute))
        );
        assert_eq!(Rate::parse("0.5/h"), Ok(Rate::new(0.5, Period::Hour)));
        assert_eq!(Rate::parse("20"), Ok(Rate::new(20.0, Period::Second)));
        assert!((Rate::new(600.0, Period::Minute).per_second() - 10.0).abs() < 1e-9);
        assert!(Rate::parse("0/s").expect("a rate").is_unlimited());
        for bad in ["fast", "10/day", "-1/s", "/s", "NaN/s", "inf/s"] {
            assert!(Rate::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Rate::new(50.0, Period::Second).to_string(),
            "50 requests per second"
        );
        assert_eq!(
            Rate::new(1.0, Period::Minute).to_string(),
            "1 request per minute"
        );
    }

    #[test]
    fn a_new_client_may_send_its_burst_at_once_then_waits_for_the_rate() {
        let limit = limit("2/s", 3);
        let start = Instant::now();
        let mut bucket = Bucket::full(limit, start);
        for _ in 0..3 {
            assert_eq!(bucket.take(limit, start), Ok(()));
        }
        let wait = bucket.take(limit, start).expect_err("the burst is spent");
        assert_eq!(wait, Duration::from_millis(500));
        // Half a second later one token has come back, and only one.
        let later = start + Duration::from_millis(500);
        assert_eq!(bucket.take(limit, later), Ok(()));
        assert!(bucket.take(limit, later).is_err());
    }

    #[test]
    fn refilling_stops_at_the_burst() {
        let limit = limit("10/s", 2);
        let start = Instant::now();
        let mut bucket = Bucket::full(limit, start);
        assert_eq!(bucket.take(limit, start), Ok(()));
        assert_eq!(bucket.take(limit, start), Ok(()));
        let much_later = start + Duration::from_secs(3600);
        assert_eq!(bucket.take(limit, much_later), Ok(()));
        assert_eq!(bucket.take(limit, much_later), Ok(()));
        assert!(bucket.take(limit, much_later).is_err());
    }

    #[test]
    fn refused_requests_take_nothing() {
        let limit = limit("1/min", 1);
        let start = Instant::now();
        let mut bucket = Bucket::full(limit, start);
        assert_eq!(bucket.take(limit, start), Ok(()));
        let first = bucket.take(limit, start).expect_err("empty");
        assert_eq!(first, Duration::from_secs(60));
        let second = start + Duration::from_secs(45);
        assert_eq!(
            bucket.take(limit, second).expect_err("still empty"),
            Duration::from_secs(15)
        );
        assert_eq!(bucket.take(limit, start + Duration::from_secs(60)), Ok(()));
    }

    #[test]
    fn a_clock_going_backwards_refills_nothing() {
        let limit = limit("1/s", 1);
        let start = Instant::now() + Duration::from_secs(10);
        let mut bucket = Bucket::full(limit, start);
        assert_eq!(bucket.take(limit, start), Ok(()));
        assert!(bucket.take(limit, start - Duration::from_secs(5)).is_err());
    }

    #[test]
    fn retry_after_is_whole_seconds_rounded_up() {
        assert_eq!(retry_after_seconds(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_seconds(Duration::ZERO), 1);
        assert_eq!(retry_after_seconds(Duration::from_secs(2)), 2);
        assert_eq!(retry_after_seconds(Duration::from_millis(2001)), 3);
        assert_eq!(retry_after_seconds(Duration::from_secs_f64(19.5)), 20);
    }
}
