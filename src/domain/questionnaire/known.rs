//! What the reader knows of a Questionnaire: each element and extension it uses, each it
//! ignores (harmless to what is asked and how it is scored, with why), and each it refuses
//! (with why). Anything not listed that could change what is asked or scored (an unknown
//! extension, any `modifierExtension`) makes the file a configuration problem naming the
//! linkId and the URL. The documentation's table is `markdown()`, held to it by a test.

/// Where an element or extension sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The Questionnaire itself.
    Questionnaire,
    Item,
    /// `answerOption`, its `valueCoding`, or a contained ValueSet's concept.
    Option,
    /// A text's own extensions (`_text`, `_prefix`, `_title`, `_display`).
    Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// Read and acted on: what for.
    Used(&'static str),
    /// Read past: why that cannot change what is asked or scored.
    Ignored(&'static str),
    /// Makes the file a configuration problem: why.
    Refused(&'static str),
}

pub struct Known {
    pub place: Place,
    /// An element's name, or an extension's URL.
    pub name: &'static str,
    pub how: Use,
}

const fn k(place: Place, name: &'static str, how: Use) -> Known {
    Known { place, name, how }
}

use Place::{Item as I, Option as O, Questionnaire as Q, Text as T};
use Use::{Ignored, Refused, Used};

const META: Use = Ignored("metadata: who wrote it, when, for what");
const EXTRACT: Use =
    Ignored("for extracting other resources from a response; the diary keeps the response itself");
const LAYOUT: Use = Ignored("presentation only; the diary lays out every question its own way");

/// The elements (JSON members) of a Questionnaire and of its items and options.
pub const ELEMENTS: &[Known] = &[
    k(Q, "resourceType", Used("must be Questionnaire")),
    k(
        Q,
        "url",
        Used("with version, the canonical its responses name; without it, the file's own URL"),
    ),
    k(Q, "version", Used("with url, the canonical")),
    k(
        Q,
        "title",
        Used("the questionnaire's name on home and in the report"),
    ),
    k(Q, "item", Used("the questions")),
    k(
        Q,
        "contained",
        Used("ValueSets named by answerValueSet; other resources are not read"),
    ),
    k(
        Q,
        "extension",
        Used("each checked against the extensions below"),
    ),
    k(
        Q,
        "modifierExtension",
        Refused("changes the meaning of the whole file"),
    ),
    k(Q, "implicitRules", Refused("rules the diary cannot know")),
    k(Q, "id", META),
    k(Q, "meta", META),
    k(
        Q,
        "text",
        Ignored("a narrative for people reading the file"),
    ),
    k(
        Q,
        "language",
        Ignored("the texts are shown as written, or through their translations"),
    ),
    k(Q, "identifier", META),
    k(Q, "name", META),
    k(Q, "derivedFrom", META),
    k(
        Q,
        "status",
        Ignored("the clinic's list says which files to use"),
    ),
    k(Q, "experimental", META),
    k(
        Q,
        "subjectType",
        Ignored("the subject is the patient using the diary"),
    ),
    k(Q, "date", META),
    k(Q, "publisher", META),
    k(Q, "contact", META),
    k(Q, "description", META),
    k(Q, "useContext", META),
    k(Q, "jurisdiction", META),
    k(Q, "purpose", META),
    k(Q, "copyright", META),
    k(Q, "approvalDate", META),
    k(Q, "lastReviewDate", META),
    k(Q, "effectivePeriod", META),
    k(Q, "code", META),
    k(I, "linkId", Used("the answer's key")),
    k(I, "id", META),
    k(I, "definition", EXTRACT),
    k(
        I,
        "code",
        Ignored("a code for the question elsewhere; the answer keeps its linkId"),
    ),
    k(I, "prefix", Used("shown before the text")),
    k(I, "text", Used("the question")),
    k(I, "type", Used("the kind of answer")),
    k(I, "enableWhen", Used("every R4 operator")),
    k(I, "enableBehavior", Used("all or any")),
    k(
        I,
        "required",
        Used("the patient cannot go on without an answer"),
    ),
    k(
        I,
        "repeats",
        Used("several answers, on choice and open-choice; elsewhere refused"),
    ),
    k(I, "readOnly", Used("shown as information, never asked")),
    k(I, "maxLength", Used("checked, with a plain message")),
    k(
        I,
        "answerValueSet",
        Used("a contained ValueSet; an external one is refused"),
    ),
    k(I, "answerOption", Used("the options")),
    k(I, "initial", Used("pre-filled")),
    k(
        I,
        "item",
        Used("the questions inside a group or under a question"),
    ),
    k(
        I,
        "extension",
        Used("each checked against the extensions below"),
    ),
    k(
        I,
        "modifierExtension",
        Refused("changes the meaning of the item"),
    ),
    k(
        O,
        "value[x]",
        Used("the answer: valueCoding, valueString, valueInteger, valueDate, valueTime"),
    ),
    k(
        O,
        "initialSelected",
        Used("chosen before the patient answers"),
    ),
    k(
        O,
        "extension",
        Used("each checked against the extensions below"),
    ),
    k(
        O,
        "modifierExtension",
        Refused("changes the meaning of the option"),
    ),
];

/// The extensions, by URL.
pub const EXTENSIONS: &[Known] = &[
    k(Q, "http://hl7.org/fhir/StructureDefinition/variable", Used("a FHIRPath variable for the expressions")),
    k(Q, "urn:recovery-diary:due-day", Used("a day after the procedure when it is due")),
    k(Q, "urn:recovery-diary:score", Used("sum or percent of the options' weights")),
    k(Q, "urn:recovery-diary:better", Used("whether a lower or a higher score is better")),
    k(Q, "urn:recovery-diary:mid", Used("the minimal important change")),
    k(Q, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-launchContext", Refused("needs a patient, user or encounter from a launching system; the diary has none")),
    k(Q, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-sourceQueries", Refused("queries a FHIR server; the diary is offline and same-origin only")),
    k(Q, "http://hl7.org/fhir/StructureDefinition/cqf-library", Refused("CQL libraries are not run")),
    k(Q, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-assemble-expectation", Refused("a modular form to be assembled by a server")),
    k(Q, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemExtractionContext", EXTRACT),
    k(Q, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract", EXTRACT),
    k(Q, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtractCategory", EXTRACT),
    k(Q, "http://hl7.org/fhir/StructureDefinition/artifact-versionAlgorithm", META),
    k(Q, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-entryMode", Ignored("the diary asks one question per page, in order")),
    k(Q, "http://hl7.org/fhir/StructureDefinition/rendering-styleSensitive", LAYOUT),
    k(Q, "http://hl7.org/fhir/StructureDefinition/terminology-server", Ignored("only contained ValueSets are read; an item that needs a server is refused")),
    k(Q, "http://hl7.org/fhir/StructureDefinition/preferredTerminologyServer", Ignored("only contained ValueSets are read; an item that needs a server is refused")),
    k(Q, "http://hl7.org/fhir/StructureDefinition/questionnaire-signatureRequired", Refused("a signature the diary cannot take")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", Used("never shown; still computed and kept")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl", Used("help and flyover: help under its question; other controls are presentation only")),
    k(I, "http://hl7.org/fhir/StructureDefinition/entryFormat", Used("the field's placeholder")),
    k(I, "http://hl7.org/fhir/StructureDefinition/minValue", Used("checked, with a plain message")),
    k(I, "http://hl7.org/fhir/StructureDefinition/maxValue", Used("checked, with a plain message")),
    k(I, "http://hl7.org/fhir/StructureDefinition/minLength", Used("checked, with a plain message")),
    k(I, "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces", Used("checked, with a plain message")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs", Used("1 or more: the question is required")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs", Used("the most answers of a multi-select")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-unit", Used("a number's unit, or a quantity's only unit")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption", Used("a quantity's units")),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression", Used("computed with FHIRPath, never asked")),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression", Used("pre-filled with FHIRPath")),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression", Used("asked when the FHIRPath expression is true")),
    k(I, "http://hl7.org/fhir/StructureDefinition/variable", Used("a FHIRPath variable for the item's expressions")),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-openLabel", Used("the label of an open-choice's own answer")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-displayCategory", Ignored("a display text is shown as text whatever its category")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation", LAYOUT),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue", LAYOUT),
    k(I, "http://hl7.org/fhir/StructureDefinition/rendering-style", LAYOUT),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-width", LAYOUT),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-collapsible", LAYOUT),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText", LAYOUT),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-choiceColumn", LAYOUT),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-baseType", META),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationLinkPeriod", Ignored("pre-fills from a server's Observations; the diary asks instead")),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract", EXTRACT),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemExtractionContext", EXTRACT),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-definitionExtract", EXTRACT),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-unitOpen", Ignored("the listed units are offered")),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-unitSupplementalSystem", Ignored("the listed units are offered")),
    k(I, "http://hl7.org/fhir/StructureDefinition/terminology-server", Ignored("only contained ValueSets are read; an external one is refused")),
    k(I, "http://hl7.org/fhir/StructureDefinition/preferredTerminologyServer", Ignored("only contained ValueSets are read; an external one is refused")),
    k(I, "http://hl7.org/fhir/StructureDefinition/mimeType", Ignored("for attachments, which are refused")),
    k(I, "http://hl7.org/fhir/StructureDefinition/maxSize", Ignored("for attachments, which are refused")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-supportLink", Ignored("a link to more help elsewhere; the diary opens no other site")),
    k(I, "http://hl7.org/fhir/StructureDefinition/targetConstraint", Refused("a constraint on the answers the diary does not check")),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression", Refused("options computed by an expression, usually from a server")),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-candidateExpression", Refused("candidate answers from a server")),
    k(I, "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-contextExpression", Refused("context from a server")),
    k(I, "http://hl7.org/fhir/StructureDefinition/cqf-expression", Refused("an expression in a language the diary does not run")),
    k(I, "http://hl7.org/fhir/StructureDefinition/questionnaire-usageMode", Refused("changes when the item is asked")),
    k(O, "http://hl7.org/fhir/StructureDefinition/ordinalValue", Used("the option's weight")),
    k(O, "http://hl7.org/fhir/StructureDefinition/itemWeight", Used("the option's weight")),
    k(O, "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive", Used("choosing it clears the other answers")),
    k(O, "http://hl7.org/fhir/StructureDefinition/questionnaire-optionPrefix", Ignored("a label such as \"0\" before the option; the weight comes from ordinalValue or itemWeight")),
    k(O, "http://hl7.org/fhir/StructureDefinition/valueset-label", Ignored("the option's display is shown")),
    k(O, "http://hl7.org/fhir/StructureDefinition/valueset-conceptOrder", Ignored("options are shown in the file's order")),
    k(T, "http://hl7.org/fhir/StructureDefinition/translation", Used("the text in the patient's language")),
    k(T, "http://hl7.org/fhir/StructureDefinition/rendering-xhtml", Used("its plain text, never as HTML")),
    k(T, "http://hl7.org/fhir/StructureDefinition/rendering-markdown", Ignored("the plain text is shown")),
    k(T, "http://hl7.org/fhir/StructureDefinition/rendering-style", LAYOUT),
];

/// How the reader treats the element `name` at `place` (`None`: unknown, refused).
pub fn element(place: Place, name: &str) -> Option<Use> {
    ELEMENTS
        .iter()
        .find(|e| e.place == place && e.name == name)
        .map(|e| e.how)
}

/// How the reader treats the extension `url` at `place` (`None`: unknown, refused).
pub fn extension(place: Place, url: &str) -> Option<Use> {
    EXTENSIONS
        .iter()
        .find(|e| e.place == place && e.name == url)
        .map(|e| e.how)
}

/// The documentation's table of everything above.
pub fn markdown() -> String {
    let mut out = String::from(
        "| where | element or extension | the diary | why |\n| --- | --- | --- | --- |\n",
    );
    for e in ELEMENTS.iter().chain(EXTENSIONS) {
        let place = match e.place {
            Q => "Questionnaire",
            I => "item",
            O => "option",
            T => "text",
        };
        let (how, why) = match e.how {
            Used(w) => ("used", w),
            Ignored(w) => ("ignored", w),
            Refused(w) => ("refused", w),
        };
        let name = e
            .name
            .strip_prefix("http://hl7.org/fhir/StructureDefinition/")
            .or_else(|| {
                e.name
                    .strip_prefix("http://hl7.org/fhir/uv/sdc/StructureDefinition/")
            })
            .unwrap_or(e.name);
        out.push_str(&format!("| {place} | `{name}` | {how} | {why} |\n"));
    }
    out.push_str(
        "| any | any other extension | refused | it could change what is asked or scored |\n",
    );
    out
}
