//! Copying text to the user's clipboard with OSC 52, which travels through SSH
//! to the terminal on the caseworker's own machine. No native clipboard
//! libraries: they cannot reach that machine from a server. Whether the
//! terminal accepted it cannot be known, so the app says it was *sent*.

/// The OSC 52 sequence that puts `text` on the clipboard. Plain, also
/// inside tmux: tmux's own `set-clipboard` takes it into its paste buffer and
/// hands it on to the outer terminal, while a passthrough-wrapped sequence
/// would need `allow-passthrough` and never reach tmux's buffer.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn plain_osc52_for_a_known_text() {
        assert_eq!(osc52("IPS-ung"), "\x1b]52;c;SVBTLXVuZw==\x07");
        // Danish letters are sent as UTF-8.
        assert_eq!(osc52("Århus"), "\x1b]52;c;w4VyaHVz\x07");
    }
}
