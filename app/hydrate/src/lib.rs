//! Browser entry point. Pages are rendered on the server; only the islands
//! (`safesteps_app::ui::islands`) come to life here, each from the props the server wrote
//! into the page.

// The islands' entry points live in the app crate: link it in so they are exported.
extern crate safesteps_app;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
