//! API keys: generating a key and the hash it is stored (and looked up) by.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// What every key starts with, so a leaked key is recognisable in logs and scanners.
pub const PREFIX: &str = "kg_";

/// Characters of a key shown by `keys list` (the prefix and the first random characters).
pub const SHOWN: usize = 10;

/// A new key: the prefix and 256 random bits, base64url without padding.
pub fn generate() -> String {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The stored form of a key: lower-case hex SHA-256. Keys carry 256 random bits, so a fast
/// hash is as safe as a slow one and costs a request nothing.
pub fn hash(key: &str) -> String {
    Sha256::digest(key.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The start of a key shown to recognise it by.
pub fn shown(key: &str) -> String {
    key.chars().take(SHOWN).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_long_random_and_recognisable() {
        let (a, b) = (generate(), generate());
        assert_ne!(a, b);
        assert!(a.starts_with(PREFIX));
        assert_eq!(a.len(), PREFIX.len() + 43);
        assert!(
            a[PREFIX.len()..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
    }

    #[test]
    fn the_hash_is_sha256_in_hex() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_ne!(hash("kg_a"), hash("kg_b"));
    }
}
