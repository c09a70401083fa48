//! The app's effects and the values it keeps beside the diary, each a named hook, so that
//! `App` and the screens read as lists of what they do.

pub mod focus;
pub mod persist;
pub mod stored;
pub mod tab_sync;
pub mod test_panic;
pub mod update_notice;
