//! A questionnaire's score: its calculated total item when it has one (the value the
//! response holds, computed by the file's own FHIRPath), else the `urn:recovery-diary:score`
//! rule over the options' weights (`ordinalValue`, `itemWeight`).

use super::{enable, Answers, Item, ItemKind, Questionnaire, Scoring};

/// The calculated item that is the score: the first calculated number that is shown, else
/// the first calculated number.
pub fn score_item(q: &Questionnaire) -> Option<String> {
    let numbers: Vec<&Item> = q
        .all_items()
        .into_iter()
        .filter(|i| {
            i.calculated.is_some() && matches!(i.kind, ItemKind::Decimal | ItemKind::Integer)
        })
        .collect();
    numbers
        .iter()
        .find(|i| !i.hidden)
        .or(numbers.first())
        .map(|i| i.link_id.clone())
}

impl Questionnaire {
    /// Whether the score is a percentage (the `percent` rule, no calculated total).
    pub fn percent(&self) -> bool {
        self.score_item.is_none() && self.scoring == Some(Scoring::Percent)
    }

    /// The score of a response's `answers`, or `None` (no score, or nothing scored answered).
    pub fn score(&self, answers: &Answers) -> Option<f64> {
        if let Some(id) = &self.score_item {
            return answers.get(id)?.first()?.number();
        }
        let scoring = self.scoring?;
        let (mut sum, mut max, mut any) = (0.0, 0.0, false);
        for i in self.enabled_statically(answers) {
            let ItemKind::Choice { options, .. } = &i.kind else {
                continue;
            };
            let weights = options.iter().filter_map(|o| o.score);
            let best = if i.repeats {
                weights.filter(|w| *w > 0.0).sum::<f64>()
            } else {
                weights.fold(f64::NEG_INFINITY, f64::max)
            };
            let chosen: Vec<f64> = answers
                .get(&i.link_id)
                .into_iter()
                .flatten()
                .filter_map(|a| {
                    options
                        .iter()
                        .find(|o| super::read::same_option(&o.value, a))
                        .and_then(|o| o.score)
                })
                .collect();
            if chosen.is_empty() || !best.is_finite() {
                continue;
            }
            sum += chosen.iter().sum::<f64>();
            max += best;
            any = true;
        }
        match (any, scoring) {
            (false, _) => None,
            (true, Scoring::Sum) => Some(sum),
            (true, Scoring::Percent) if max > 0.0 => Some(sum / max * 100.0),
            (true, Scoring::Percent) => Some(0.0),
        }
    }

    /// The items enabled by their enableWhen and the items they are in (a response holds the
    /// answers of enabled items only; an enableWhenExpression item counts when answered).
    fn enabled_statically<'a>(&'a self, answers: &Answers) -> Vec<&'a Item> {
        fn walk<'a>(items: &'a [Item], answers: &Answers, out: &mut Vec<&'a Item>) {
            for i in items.iter().filter(|i| enable::enabled_by(i, answers)) {
                out.push(i);
                walk(&i.items, answers, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.items, answers, &mut out);
        out
    }
}
