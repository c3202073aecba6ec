//! The lookup hot path allocates nothing: proven with a counting global allocator.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use wismo::Carrier;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn lookups_do_not_allocate() {
    // Collect the keys first (this allocates), then count only the lookups.
    let mut keys: Vec<(Carrier, &'static str)> = Vec::new();
    for &c in Carrier::ALL {
        keys.extend(c.mappings().iter().map(|m| (c, m.code())));
    }
    let misses = [
        "",
        "X",
        "status/",
        "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
    ];
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let mut found = 0usize;
    for &(c, k) in &keys {
        found += c.lookup(k).is_some() as usize;
        found += c.lookup_pair(k, Some("NOPE")).is_some() as usize;
        found += c.lookup_parts(&[k, ""]).is_some() as usize;
        for m in misses {
            found += c.lookup(m).is_some() as usize;
        }
    }
    let after = ALLOCATIONS.load(Ordering::Relaxed);
    assert_eq!(after - before, 0, "lookups allocated");
    assert!(found >= keys.len() * 3, "every real code is found");
}
