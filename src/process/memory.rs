//! Memory given back to the system once the catalogue is loaded.
//!
//! Loading parses every entry into a tree, checks it and folds its texts;
//! the allocator keeps what that freed for later use, about a quarter of
//! what the process holds after a load (20 of 82 MiB at 10,000 entries, 100
//! of 606 MiB at 100,000). On a server where many caseworkers run the app at
//! once, that memory is better back with the system.

/// Returns the heap's free memory to the system (glibc's `malloc_trim`);
/// does nothing where the C library has no such call.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the allocator's own
    // heaps; every allocation stays valid.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(all(test, target_os = "linux", target_env = "gnu"))]
mod tests {
    /// The process's anonymous resident memory, in KiB.
    fn anonymous_kib() -> u64 {
        std::fs::read_to_string("/proc/self/status")
            .unwrap_or_default()
            .lines()
            .find_map(|l| l.strip_prefix("RssAnon:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    }

    #[test]
    fn freed_memory_goes_back_to_the_system() {
        // 32 MiB in small blocks, which the allocator keeps when freed, but
        // for the last one, so the heap cannot simply shrink from its top.
        let mut blocks: Vec<Box<[u8]>> = (0..32 * 1024)
            .map(|i| vec![i as u8; 1024].into_boxed_slice())
            .collect();
        let last = blocks.pop();
        drop(blocks);
        let before = anonymous_kib();
        super::give_back();
        let after = anonymous_kib();
        drop(last);
        assert!(
            after + 16 * 1024 < before,
            "RssAnon {before} KiB before, {after} KiB after"
        );
    }
}
