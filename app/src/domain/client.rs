//! Which client a request comes from, as throttling and the audit log see it.
//!
//! Behind a reverse proxy every request arrives from the proxy's address; the proxy says whose
//! request it forwards in `X-Forwarded-For`, appending the address it saw to whatever the
//! client sent. So the header is believed only when the request came from a proxy we were
//! told to trust, and only from its right end: walking right to left past our own proxies,
//! the first other address is the client. Anything to its left is the client's own say-so.

use std::net::IpAddr;

/// The client's address, put in each request's extensions for handlers and server functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// The client of a request that reached us from `peer` carrying these `X-Forwarded-For`
/// header values (in order), when `trusted` are our reverse proxies.
pub fn client_ip<'a>(
    peer: IpAddr,
    forwarded_for: impl IntoIterator<Item = &'a str>,
    trusted: &[IpAddr],
) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.contains(&ip.to_canonical());
    if !is_trusted(peer.to_canonical()) {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for
        .into_iter()
        .flat_map(|value| value.split(','))
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match parse_hop(hop) {
            Some(ip) if is_trusted(ip) => client = ip,
            Some(ip) => return ip,
            // Garbage from the right end: trust nothing further left.
            None => return client,
        }
    }
    client
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:5678`,
/// `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    if let Ok(socket) = hop.parse::<std::net::SocketAddr>() {
        return Some(socket.ip().to_canonical());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_proxy_and_only_from_its_right_end() {
        let proxy = [ip("10.0.0.2")];
        // No proxy configured: the header is the client's say-so.
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["203.0.113.9"], &[]),
            ip("10.0.0.2")
        );
        // From someone else than the proxy: ignored.
        assert_eq!(
            client_ip(ip("198.51.100.7"), ["203.0.113.9"], &proxy),
            ip("198.51.100.7")
        );
        // From the proxy: the address it appended.
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["203.0.113.9"], &proxy),
            ip("203.0.113.9")
        );
        // A client that sends its own header cannot choose its address: the right end wins.
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["1.1.1.1, 203.0.113.9"], &proxy),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["1.1.1.1", "203.0.113.9"], &proxy),
            ip("203.0.113.9")
        );
        // Two proxies of ours in a row are walked past.
        let both = [ip("10.0.0.2"), ip("10.0.0.3")];
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["1.1.1.1, 203.0.113.9, 10.0.0.3"], &both),
            ip("203.0.113.9")
        );
        // Ports, IPv6 and IPv4-mapped addresses.
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["203.0.113.9:51234"], &proxy),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["[2001:db8::7]:443"], &proxy),
            ip("2001:db8::7")
        );
        assert_eq!(
            client_ip(ip("::ffff:10.0.0.2"), ["203.0.113.9"], &proxy),
            ip("203.0.113.9")
        );
        // Nothing usable: the proxy itself (every such request shares one address).
        assert_eq!(
            client_ip(ip("10.0.0.2"), ["unknown"], &proxy),
            ip("10.0.0.2")
        );
        assert_eq!(client_ip(ip("10.0.0.2"), [], &proxy), ip("10.0.0.2"));
    }
}
