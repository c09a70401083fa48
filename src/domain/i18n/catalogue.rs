//! The `catalogue!` macro: a catalogue's English file writes each key once with its English
//! text, and the macro makes the struct (so the other languages must give every key, or they
//! do not compile), the English constant and, for the tests, the list of every text by key.
//! The app's catalogue is `Texts` (`en.rs`); the follow-up report has its own
//! (`domain::report::texts`), so that its words travel in the report's chunk.

/// Flattens one catalogue value into `(key, text)` pairs for the tests.
#[cfg(test)]
pub trait Entries {
    fn entries(&self, key: &str, out: &mut Vec<(String, &'static str)>);
}

#[cfg(test)]
impl Entries for &'static str {
    fn entries(&self, key: &str, out: &mut Vec<(String, &'static str)>) {
        out.push((key.to_string(), self));
    }
}

#[cfg(test)]
impl<const N: usize> Entries for [&'static str; N] {
    fn entries(&self, key: &str, out: &mut Vec<(String, &'static str)>) {
        for (i, v) in self.iter().enumerate() {
            out.push((format!("{key}[{i}]"), v));
        }
    }
}

/// Keyed lists, such as a rule id and its words.
#[cfg(test)]
impl<const N: usize> Entries for [(&'static str, &'static str); N] {
    fn entries(&self, key: &str, out: &mut Vec<(String, &'static str)>) {
        for (id, v) in self.iter() {
            out.push((format!("{key}.{id}"), v));
        }
    }
}

macro_rules! catalogue {
    (
        $(#[$sdoc:meta])* $texts:ident, $en:ident;
        strings { $( $(#[$doc:meta])* $name:ident = $value:expr, )* }
        lists { $( $(#[$ldoc:meta])* $lname:ident : $lty:ty = $lvalue:expr, )* }
    ) => {
        $(#[$sdoc])*
        pub struct $texts {
            $( $(#[$doc])* pub $name: &'static str, )*
            $( $(#[$ldoc])* pub $lname: $lty, )*
        }

        pub const $en: $texts = $texts {
            $( $name: $value, )*
            $( $lname: $lvalue, )*
        };

        impl $texts {
            /// Every text by key (list items as `key[i]` or `key.id`), for the tests.
            #[cfg(test)]
            pub fn entries(&self) -> Vec<(String, &'static str)> {
                use $crate::domain::i18n::catalogue::Entries;
                let mut out = Vec::new();
                $( Entries::entries(&self.$name, stringify!($name), &mut out); )*
                $( Entries::entries(&self.$lname, stringify!($lname), &mut out); )*
                out
            }
        }
    };
}

pub(crate) use catalogue;
