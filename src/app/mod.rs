//! The Yew front end (wasm only). State flows one way: screens send `state::Action`s to the
//! reducer, and one effect (`hooks::persist`) writes storage once per change. Modules from
//! the top down: `mount` puts an `App` in the page; `root` is `App`, one diary; `diary_screens` and
//! `screens` are what the patient sees; `widgets` are shared controls; `hooks`, `state`,
//! `actions` and `storage` hold the state and its effects; `chunks` is the code split.

pub mod actions;
pub mod chunks;
pub mod clinic_questionnaires;
pub mod context;
pub mod diary_screens;
pub mod hooks;
pub mod keys;
pub mod locale;
pub mod mount;
pub mod navigation;
pub mod panic_screen;
pub mod platform;
pub mod root;
pub mod screens;
pub mod state;
pub mod storage;
pub mod widgets;
