//! Running one function over a slice on several threads, results in input order: the
//! scan's stages and the index's batches spread their work this way.

/// `f` over `items` on `threads` threads, results in input order (a panic on a thread
/// is resumed here: its results are never silently left out).
pub(crate) fn parallel_map<'t, T: Sync, U: Send>(
    items: &'t [T],
    threads: usize,
    f: impl Fn(&'t T) -> U + Sync,
) -> Vec<U> {
    if threads <= 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_and_a_panic_is_not_swallowed() {
        let items: Vec<u32> = (0..103).collect();
        for threads in [1, 2, 3, 8] {
            let got = parallel_map(&items, threads, |&x| x * 2);
            assert_eq!(got, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        }
        // A thread's panic reaches the caller: its results are not dropped silently.
        let caught = std::panic::catch_unwind(|| {
            parallel_map(&items, 3, |&x| {
                assert!(x != 70, "item 70");
                x
            })
        });
        assert!(caught.is_err());
    }
}
