//! The rules for single values: ids, characters, web addresses, phone
//! numbers, e-mail addresses, ages.

/// Highest age an `age` bound may name.
pub const MAX_AGE: u64 = 120;

/// Whether `id` is a valid identifier: non-empty `[a-z0-9-]+`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `c` must never appear in catalogue text: C0/C1 control characters,
/// DEL and invisible format characters ([`crate::charrules`]).
pub fn is_forbidden_char(c: char) -> bool {
    crate::charrules::is_forbidden(c)
}

/// Whether text is empty or only white space (required text may not be).
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Whether a `url` field holds a secure web address (`https://` and a host).
pub fn is_web_address(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| {
        rest.split('/')
            .next()
            .is_some_and(|host| host.contains('.'))
    })
}

/// Whether a `phone` field holds a Danish number: 8 digits, optionally after
/// `+45`, with spaces anywhere between them (`70 12 34 56`, `+45 70123456`).
pub fn is_phone_number(phone: &str) -> bool {
    let phone = phone.trim();
    let digits = phone.strip_prefix("+45").unwrap_or(phone);
    digits.chars().all(|c| c.is_ascii_digit() || c == ' ')
        && digits.chars().filter(char::is_ascii_digit).count() == 8
}

/// Whether an `email` field looks like one address: `local@domain.tld`,
/// no spaces, the domain with a dot and a top-level part of 2 letters or more.
pub fn is_email_address(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let tld = domain.rsplit('.').next().unwrap_or_default();
    !local.is_empty()
        && !email.contains(char::is_whitespace)
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.contains("..")
        && tld.len() >= 2
        && tld.chars().all(|c| c.is_alphabetic())
}

/// Whether an age bound is in range.
pub fn is_valid_age(age: u64) -> bool {
    age <= MAX_AGE
}
