//! Exports: CSV (one row per check-in) and FHIR R4. The JSON export is `format::to_json`.

pub mod csv;
pub mod fhir;
