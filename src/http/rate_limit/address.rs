//! Who a request comes from when it has no API key: the TCP peer, or with
//! `--trusted-proxy-hops N` the address the outermost trusted proxy saw (from
//! `X-Forwarded-For`, which clients could otherwise forge); networks never limited
//! (`--rate-limit-exempt`).

use std::{
    fmt,
    net::{IpAddr, Ipv6Addr},
    str::FromStr,
};

use axum::http::HeaderMap;

/// The client's address: the peer itself with no trusted proxy; else, counting from the
/// right of `X-Forwarded-For` (the entries proxies appended) followed by the peer, the entry
/// `hops` places before the peer: the address the outermost trusted proxy saw. When the
/// header holds fewer entries its leftmost one is taken (the request met fewer proxies);
/// when that entry is not an address, the peer. `None` without a peer.
pub fn client_address(peer: Option<IpAddr>, headers: &HeaderMap, hops: usize) -> Option<IpAddr> {
    let peer = peer?;
    if hops == 0 {
        return Some(peer);
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .collect();
    let Some(entry) = forwarded
        .len()
        .checked_sub(hops)
        .and_then(|index| forwarded.get(index))
        .or(forwarded.first())
    else {
        return Some(peer);
    };
    Some(parse_forwarded(entry).unwrap_or(peer))
}

/// An `X-Forwarded-For` entry: an address, perhaps bracketed or with a port.
fn parse_forwarded(entry: &str) -> Option<IpAddr> {
    if let Ok(address) = entry.parse() {
        return Some(address);
    }
    if let Ok(socket) = entry.parse::<std::net::SocketAddr>() {
        return Some(socket.ip());
    }
    entry
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

/// The name of an address's bucket: the address itself for IPv4, its /64 network for IPv6
/// (one host commonly holds a whole /64, so single IPv6 addresses cost an attacker nothing).
pub fn bucket_name(address: Option<IpAddr>) -> String {
    match address.map(|a| a.to_canonical()) {
        None => "addr:unknown".to_string(),
        Some(IpAddr::V4(v4)) => format!("addr:{v4}"),
        Some(IpAddr::V6(v6)) => {
            let network = Ipv6Addr::from(u128::from(v6) & (u128::MAX << 64));
            format!("addr:{network}/64")
        }
    }
}

/// A network (`127.0.0.0/8`, `10.1.2.3`, `fd00::/8`) whose clients are never limited, or
/// `none`, which holds no address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    address: IpAddr,
    prefix: u8,
    empty: bool,
}

impl Network {
    /// Parses `ADDRESS[/PREFIX]` or `none`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("none") {
            return Ok(Self {
                address: IpAddr::from([0, 0, 0, 0]),
                prefix: 0,
                empty: true,
            });
        }
        let bad = || format!("\"{text}\" is not an address or a network like 10.0.0.0/8");
        let (address, prefix) = text.split_once('/').unwrap_or((text, ""));
        let address: IpAddr = address.parse().map_err(|_| bad())?;
        let bits = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            "" => bits,
            prefix => prefix
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= bits)
                .ok_or_else(bad)?,
        };
        Ok(Self {
            address,
            prefix,
            empty: false,
        })
    }

    /// True when `address` lies in this network.
    pub fn contains(&self, address: IpAddr) -> bool {
        if self.empty {
            return false;
        }
        let mask = |bits: u32| {
            let kept = u32::from(self.prefix);
            if kept == 0 {
                0
            } else {
                u128::MAX << (bits - kept)
            }
        };
        match (self.address, address.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(a)) => {
                let m = mask(32);
                (u128::from(u32::from(net)) & m) == (u128::from(u32::from(a)) & m)
            }
            (IpAddr::V6(net), IpAddr::V6(a)) => {
                let m = mask(128);
                (u128::from(net) & m) == (u128::from(a) & m)
            }
            _ => false,
        }
    }
}

impl FromStr for Network {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        Self::parse(text)
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.empty {
            return f.write_str("none");
        }
        write!(f, "{}/{}", self.address, self.prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_str(value).expect("a header"),
        );
        headers
    }

    #[test]
    fn without_a_trusted_proxy_forwarded_for_is_ignored() {
        let headers = forwarded("198.51.100.7");
        assert_eq!(
            client_address(Some(ip("203.0.113.1")), &headers, 0),
            Some(ip("203.0.113.1"))
        );
        assert_eq!(client_address(None, &headers, 1), None);
    }

    #[test]
    fn behind_trusted_proxies_the_address_the_outermost_one_saw_counts() {
        let proxy = Some(ip("10.0.0.2"));
        // The client forged the first entry; the proxy appended the address it saw.
        let headers = forwarded("1.2.3.4, 198.51.100.7");
        assert_eq!(client_address(proxy, &headers, 1), Some(ip("198.51.100.7")));
        // A CDN and a load balancer: the CDN's entry is the client's.
        let headers = forwarded("1.2.3.4, 198.51.100.7, 192.0.2.10");
        assert_eq!(client_address(proxy, &headers, 2), Some(ip("198.51.100.7")));
        // Fewer entries than proxies: the leftmost, added by the first proxy met.
        assert_eq!(
            client_address(proxy, &forwarded("198.51.100.7"), 2),
            Some(ip("198.51.100.7"))
        );
        // Two header lines read as one list; a port or brackets are dropped.
        let mut headers = forwarded("1.2.3.4");
        headers.append(
            "x-forwarded-for",
            HeaderValue::from_static("[2001:db8::1]:443"),
        );
        assert_eq!(client_address(proxy, &headers, 1), Some(ip("2001:db8::1")));
        // No header, or garbage: the peer.
        assert_eq!(client_address(proxy, &HeaderMap::new(), 1), proxy);
        assert_eq!(client_address(proxy, &forwarded("unknown"), 1), proxy);
    }

    #[test]
    fn ipv6_clients_share_a_bucket_per_64_network() {
        assert_eq!(bucket_name(Some(ip("198.51.100.7"))), "addr:198.51.100.7");
        assert_eq!(
            bucket_name(Some(ip("2001:db8:1:2:aaaa::1"))),
            bucket_name(Some(ip("2001:db8:1:2:bbbb::9")))
        );
        assert_ne!(
            bucket_name(Some(ip("2001:db8:1:2::1"))),
            bucket_name(Some(ip("2001:db8:1:3::1")))
        );
        assert_eq!(
            bucket_name(Some(ip("::ffff:198.51.100.7"))),
            "addr:198.51.100.7"
        );
        assert_eq!(bucket_name(None), "addr:unknown");
    }

    #[test]
    fn networks_hold_their_addresses() {
        let loopback = Network::parse("127.0.0.0/8").expect("a network");
        assert!(loopback.contains(ip("127.0.0.1")));
        assert!(loopback.contains(ip("127.255.0.3")));
        assert!(loopback.contains(ip("::ffff:127.0.0.1")));
        assert!(!loopback.contains(ip("128.0.0.1")));
        assert!(!loopback.contains(ip("::1")));
        let one = Network::parse("::1").expect("an address");
        assert!(one.contains(ip("::1")));
        assert!(!one.contains(ip("::2")));
        assert!(
            Network::parse("0.0.0.0/0")
                .expect("all")
                .contains(ip("8.8.8.8"))
        );
        assert!(
            !Network::parse("none")
                .expect("none")
                .contains(ip("127.0.0.1"))
        );
        for bad in ["localhost", "10.0.0.0/33", "::/129", "10.0.0.0/x"] {
            assert!(Network::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(loopback.to_string(), "127.0.0.0/8");
    }
}
