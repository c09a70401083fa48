//! Test builds (feature `panic-test`): a `recovery-diary-test-panic` event panics, to test
//! the recovery screen. Nothing in a release.

use yew::prelude::*;

#[cfg(feature = "panic-test")]
#[hook]
pub fn use_test_panic() {
    use_effect_with((), |_| {
        let listener = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "recovery-diary-test-panic", |_| {
                panic!("a deliberate panic of the panic-test build")
            })
        });
        move || drop(listener)
    });
}

#[cfg(not(feature = "panic-test"))]
#[hook]
pub fn use_test_panic() {}
