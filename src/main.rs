fn main() {
    #[cfg(target_arch = "wasm32")]
    recovery_diary::app::mount::start();
}
