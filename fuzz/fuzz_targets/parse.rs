//! Every parser: the first byte picks the carrier, the rest is the body.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((&pick, body)) = data.split_first() {
        let all = wismo::Carrier::ALL;
        wismo_fuzz::check_parse(all[usize::from(pick) % all.len()], body);
    }
});
