//! Small controls shared by the screens.

pub mod choice;
pub mod field;
pub mod input_field;
pub mod language_choice;
pub mod multi_choice;
pub mod number_field;
pub mod text_field;
pub mod top_bar;
pub mod unit_choices;
