//! "Time my walk" / "Time my standing" on the walking step: Start, "Symptoms started",
//! Stop, why, then keep or discard. Large targets for one thumb while walking. The time is
//! computed from the start instant (right after a lock or a sleeping tab); the test under
//! way is kept in storage, so a reload can go back to it or discard it. From "Time my walk"
//! until the result is kept or discarded the panel is the only thing on the check-in under
//! the step's heading
//! (`focused`: the stylesheet hides the rest, and Back / Next; the tabs are hidden during a
//! check-in; "Warning sign now" stays), at the top of the screen.

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::app::context::use_locale;
use crate::app::hooks::stored::use_running_timer;
use crate::app::platform;
use crate::app::widgets::choice::Choice;
use crate::domain::i18n::fill;
use crate::domain::model::{StopReason, TimedKind, TimedTest};
use crate::domain::timed::{clock, Running};

#[derive(Properties, PartialEq)]
pub struct TimedTestProps {
    pub kind: TimedKind,
    pub date: NaiveDate,
    /// The baseline value of this measure, for "Before the procedure: … Today: …".
    pub baseline: Option<f64>,
    /// The patient kept the result.
    pub on_keep: Callback<TimedTest>,
}

/// Asks the browser to keep the screen on (Screen Wake Lock, where it exists). Resolves to
/// the lock, to be released at the stop.
async fn wake_lock() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let lock = js_sys::Reflect::get(&navigator, &"wakeLock".into()).ok()?;
    if lock.is_undefined() {
        return None;
    }
    let request: js_sys::Function = js_sys::Reflect::get(&lock, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = request
        .call1(&lock, &"screen".into())
        .ok()?
        .dyn_into()
        .ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

fn release(lock: Option<JsValue>) {
    if let Some(lock) = lock {
        if let Some(f) = js_sys::Reflect::get(&lock, &"release".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            let _ = f.call0(&lock);
        }
    }
}

/// Where a timed test is: not opened, ready to start, running, stopped (why, keep it?).
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Closed,
    Ready,
    Running,
    Stopped,
}

#[function_component]
pub fn TimedTestPanel(props: &TimedTestProps) -> Html {
    let (kind, date) = (props.kind, props.date);
    // A test of this kind for this date left running (a reload) comes back as it was.
    let timer = use_running_timer();
    let running = timer.running.filter(|r| r.kind == kind && r.date == date);
    let open = use_state(|| running.is_some());
    let phase = match (&running, *open) {
        (None, false) => Phase::Closed,
        (None, true) => Phase::Ready,
        (Some(r), _) if r.stopped_at.is_none() => Phase::Running,
        (Some(_), _) => Phase::Stopped,
    };
    let panel = use_node_ref();
    let next_ref = use_node_ref();
    use_phase_effects(phase, &panel, &next_ref);
    let actions = use_timer_actions(props, running.clone(), timer.set, open.clone());
    let id = match kind {
        TimedKind::Walk => "walk",
        TimedKind::Stand => "stand",
    };
    let focused = phase != Phase::Closed;
    let body = match (phase, &running) {
        (Phase::Closed, _) => {
            let t = actions.t;
            let button = match kind {
                TimedKind::Walk => t.timed_walk_button,
                TimedKind::Stand => t.timed_stand_button,
            };
            let open = open.clone();
            html! {
                <>
                    if let Some(today) = actions.kept {
                        <p class="timed-result">{ actions.result_words(today) }</p>
                    }
                    <button type="button" class="button" aria-expanded="false"
                        onclick={Callback::from(move |_| open.set(true))}>{ button }</button>
                </>
            }
        }
        (Phase::Running, Some(r)) => running_view(&actions, r, &next_ref),
        (Phase::Stopped, Some(r)) => stopped_view(&actions, r, &next_ref, id),
        _ => ready_view(&actions, &next_ref),
    };
    html! {
        <div class={classes!("timed-test", focused.then_some("focused"))} id={format!("timed-{id}")} ref={panel}>
            { body }
            <p class="sr-only" aria-live="polite">{ (*actions.live).clone() }</p>
        </div>
    }
}

/// On each phase: focus on what comes next (Start, Stop, then the time it stopped at,
/// before "Why did you stop?"), so a keyboard or screen-reader user is never left on the
/// page itself; a focused phase starts at the top of the screen; the clock re-renders once
/// a second while it runs (the time itself comes from the instants).
#[hook]
fn use_phase_effects(phase: Phase, panel: &NodeRef, next_ref: &NodeRef) {
    let (panel, next_ref) = (panel.clone(), next_ref.clone());
    use_effect_with(phase, move |phase| {
        if *phase != Phase::Closed {
            platform::scroll_to_diary_top(panel.cast::<web_sys::Element>());
        }
        if *phase != Phase::Closed {
            platform::focus(next_ref.cast::<web_sys::HtmlElement>());
        }
    });
    let tick = use_state(|| 0u32);
    use_effect_with(phase == Phase::Running, move |on| {
        let interval = on.then(|| {
            gloo_timers::callback::Interval::new(1_000, move || tick.set(tick.wrapping_add(1)))
        });
        move || drop(interval)
    });
}

/// What the panel's buttons do, and what it says.
struct TimerActions {
    t: &'static crate::domain::i18n::Texts,
    locale: crate::domain::i18n::Locale,
    kind: TimedKind,
    baseline: Option<f64>,
    kept: Option<f64>,
    because: UseStateHandle<Option<StopReason>>,
    live: UseStateHandle<String>,
    start: Callback<MouseEvent>,
    close: Callback<MouseEvent>,
    symptoms: Callback<MouseEvent>,
    stop: Callback<MouseEvent>,
    keep: Callback<MouseEvent>,
    discard: Callback<MouseEvent>,
}

impl TimerActions {
    /// "Before the procedure: 8 min. Today: 12 min." (or today alone).
    fn result_words(&self, today: f64) -> String {
        let (t, l) = (self.t, &self.locale);
        match self.baseline {
            Some(before) => fill(
                t.timed_result_baseline,
                &[
                    ("before", &l.number((before * 10.0).round() / 10.0)),
                    ("today", &l.number(today)),
                ],
            ),
            None => fill(t.timed_result, &[("today", &l.number(today))]),
        }
    }
}

#[hook]
fn use_timer_actions(
    props: &TimedTestProps,
    running: Option<Running>,
    store: Callback<Option<Running>>,
    open: UseStateHandle<bool>,
) -> TimerActions {
    let locale = use_locale();
    let t = locale.t();
    let (kind, date) = (props.kind, props.date);
    let because = use_state(|| None::<StopReason>);
    let kept = use_state(|| None::<f64>);
    let live = use_state(String::new);
    let lock = use_mut_ref(|| None::<JsValue>);
    let start = {
        let (store, live, lock, kept) = (store.clone(), live.clone(), lock.clone(), kept.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(now) = platform::now() else { return };
            store.emit(Some(Running::new(kind, date, now)));
            kept.set(None);
            live.set(t.timed_started_live.to_string());
            let lock = lock.clone();
            wasm_bindgen_futures::spawn_local(async move {
                *lock.borrow_mut() = wake_lock().await;
            });
        })
    };
    let symptoms = {
        let (store, running) = (store.clone(), running.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some(mut r), Some(now)) = (running.clone(), platform::now()) {
                r.symptoms_at.get_or_insert(now);
                store.emit(Some(r));
            }
        })
    };
    let stop = {
        let (store, running, live, lock) =
            (store.clone(), running.clone(), live.clone(), lock.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some(mut r), Some(now)) = (running.clone(), platform::now()) {
                r.stopped_at = Some(now);
                live.set(fill(
                    t.timed_stopped_live,
                    &[("time", &clock(r.seconds(now)))],
                ));
                store.emit(Some(r));
                release(lock.borrow_mut().take());
            }
        })
    };
    let keep = {
        let (store, running, because, kept, live, on_keep, open) = (
            store.clone(),
            running,
            because.clone(),
            kept.clone(),
            live.clone(),
            props.on_keep.clone(),
            open.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let (Some(r), Some(now)) = (running.clone(), platform::now()) {
                let result = r.result(now, *because);
                kept.set(Some(result.minutes.get()));
                live.set(
                    match kind {
                        TimedKind::Walk => t.timed_kept_walk,
                        TimedKind::Stand => t.timed_kept_stand,
                    }
                    .to_string(),
                );
                on_keep.emit(result);
                store.emit(None);
                open.set(false);
            }
        })
    };
    let discard = {
        let (open, lock) = (open.clone(), lock.clone());
        Callback::from(move |_: MouseEvent| {
            release(lock.borrow_mut().take());
            store.emit(None);
            open.set(false);
        })
    };
    TimerActions {
        t,
        locale,
        kind,
        baseline: props.baseline,
        kept: *kept,
        because,
        live,
        start,
        close: Callback::from(move |_: MouseEvent| open.set(false)),
        symptoms,
        stop,
        keep,
        discard,
    }
}

/// Ready: what to do, keeping safe, and Start (with the way back to the check-in).
fn ready_view(a: &TimerActions, start_ref: &NodeRef) -> Html {
    let t = a.t;
    let intro = match a.kind {
        TimedKind::Walk => t.timed_walk_intro,
        TimedKind::Stand => t.timed_stand_intro,
    };
    html! {
        <>
            <p>{ intro }</p>
            <p class="safety">{ t.timed_safety }</p>
            <button type="button" class="button primary huge" ref={start_ref.clone()} onclick={a.start.clone()}>{ t.timed_start }</button>
            <p class="hint">{ t.timed_screen_on }</p>
            <button type="button" class="button" onclick={a.close.clone()}>{ t.back }</button>
        </>
    }
}

/// Running: the time, large; what "Symptoms started" means and the button; Stop.
fn running_view(a: &TimerActions, r: &Running, stop_ref: &NodeRef) -> Html {
    let t = a.t;
    let now = platform::now().unwrap_or(r.started_at);
    html! {
        <>
            <p class="timer" role="timer" aria-label={t.timed_elapsed}>{ clock(r.seconds(now)) }</p>
            if let Some(s) = r.symptoms_at {
                <p>{ fill(t.timed_symptoms_at, &[("time", &clock((s - r.started_at).num_seconds().max(0)))]) }</p>
            } else {
                <p>{ t.timed_symptoms_means }</p>
                <button type="button" class="button huge" onclick={a.symptoms.clone()}>{ t.timed_symptoms }</button>
            }
            <button type="button" class="button primary huge stop" ref={stop_ref.clone()} onclick={a.stop.clone()}>{ t.timed_stop }</button>
            <p class="safety">{ t.timed_safety }</p>
        </>
    }
}

/// Stopped: the time, the result against before the procedure, why, keep or discard.
fn stopped_view(a: &TimerActions, r: &Running, time_ref: &NodeRef, id: &str) -> Html {
    let t = a.t;
    let options = vec![
        (StopReason::Symptoms, AttrValue::from(t.stop_symptoms)),
        (StopReason::Tired, AttrValue::from(t.stop_tired)),
        (StopReason::Other, AttrValue::from(t.stop_other)),
    ];
    let on_because = {
        let because = a.because.clone();
        Callback::from(move |b| because.set(Some(b)))
    };
    let now = platform::now().unwrap_or(r.started_at);
    let minutes = r.result(now, None).minutes.get();
    html! {
        <>
            <p class="timer" tabindex="-1" ref={time_ref.clone()}>{ clock(r.seconds(now)) }</p>
            <p class="timed-result">{ a.result_words(minutes) }</p>
            <Choice<StopReason> name={format!("timed-{id}-why")} legend={t.timed_why} {options}
                selected={*a.because} on_select={on_because} />
            <button type="button" class="button primary" onclick={a.keep.clone()}>{ t.timed_keep }</button>
            <button type="button" class="button" onclick={a.discard.clone()}>{ t.timed_discard }</button>
        </>
    }
}
