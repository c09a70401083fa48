//! Small controls shared by the screens.

mod choice;
mod number_field;
mod text_field;
mod top_bar;
mod unit_choices;

pub use choice::{yes_no, Choice, ChoiceProps};
pub use number_field::{NumberField, NumberFieldProps};
pub use text_field::TextField;
pub use top_bar::{Screen, TopBar};
pub use unit_choices::UnitChoices;
