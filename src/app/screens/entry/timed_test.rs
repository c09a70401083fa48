//! "Time my walk" / "Time my standing" on the walking step: Start, "Symptoms started",
//! Stop, why, then keep or discard. Large targets for one thumb while walking. The time is
//! computed from the start instant (right after a lock or a sleeping tab); the test under
//! way is kept in storage, so a reload can go back to it or discard it.

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

#[function_component]
pub fn TimedTestPanel(props: &TimedTestProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let (kind, date) = (props.kind, props.date);
    // A test of this kind for this date left running (a reload) comes back as it was.
    let timer = use_running_timer();
    let running = timer.running.filter(|r| r.kind == kind && r.date == date);
    let open = use_state(|| running.is_some());
    let because = use_state(|| None::<StopReason>);
    let kept = use_state(|| None::<f64>);
    let live = use_state(String::new);
    let lock = use_mut_ref(|| None::<JsValue>);
    // Re-render once a second while the clock runs (the time itself comes from the instants).
    let tick = use_state(|| 0u32);
    let ticking = running.as_ref().is_some_and(|r| r.stopped_at.is_none());
    // The button pressed goes away: focus moves to what comes next (Stop, then the time it
    // stopped at, before "Why did you stop?"), so a
    // keyboard or screen-reader user is never left on the page itself.
    let next_ref = use_node_ref();
    {
        let next_ref = next_ref.clone();
        let phase = running.as_ref().map(|r| r.stopped_at.is_some());
        use_effect_with(phase, move |phase| {
            if phase.is_some() {
                platform::focus(next_ref.cast::<web_sys::HtmlElement>());
            }
        });
    }
    {
        let tick = tick.clone();
        use_effect_with(ticking, move |on| {
            let interval = on.then(|| {
                gloo_timers::callback::Interval::new(1_000, move || tick.set(tick.wrapping_add(1)))
            });
            move || drop(interval)
        });
    }
    let store = timer.set;

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
        let (store, running, because, kept, live, on_keep) = (
            store.clone(),
            running.clone(),
            because.clone(),
            kept.clone(),
            live.clone(),
            props.on_keep.clone(),
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
            }
        })
    };
    let discard = {
        let (store, open, lock) = (store.clone(), open.clone(), lock.clone());
        Callback::from(move |_: MouseEvent| {
            release(lock.borrow_mut().take());
            store.emit(None);
            open.set(false);
        })
    };
    let id = match kind {
        TimedKind::Walk => "walk",
        TimedKind::Stand => "stand",
    };
    let (button, intro) = match kind {
        TimedKind::Walk => (t.timed_walk_button, t.timed_walk_intro),
        TimedKind::Stand => (t.timed_stand_button, t.timed_stand_intro),
    };
    let result_words = |today: f64| match props.baseline {
        Some(before) => fill(
            t.timed_result_baseline,
            &[
                ("before", &locale.number((before * 10.0).round() / 10.0)),
                ("today", &locale.number(today)),
            ],
        ),
        None => fill(t.timed_result, &[("today", &locale.number(today))]),
    };
    let now_or_start = |r: &Running| platform::now().unwrap_or(r.started_at);
    let body = match (&running, *open) {
        (None, false) => html! {
            <button type="button" class="button" aria-expanded="false"
                onclick={ { let open = open.clone(); Callback::from(move |_| open.set(true)) } }>{ button }</button>
        },
        (None, true) => html! {
            <>
                <p>{ intro }</p>
                <p class="hint">{ t.timed_screen_on }</p>
                <button type="button" class="button primary huge" onclick={start}>{ t.timed_start }</button>
                if let Some(today) = *kept {
                    <p class="timed-result">{ result_words(today) }</p>
                }
            </>
        },
        (Some(r), _) if r.stopped_at.is_none() => html! {
            <>
                <p class="timer" role="timer" aria-label={t.timed_elapsed}>{ clock(r.seconds(now_or_start(r))) }</p>
                if let Some(s) = r.symptoms_at {
                    <p>{ fill(t.timed_symptoms_at, &[("time", &clock((s - r.started_at).num_seconds().max(0)))]) }</p>
                } else {
                    <button type="button" class="button huge" onclick={symptoms}>{ t.timed_symptoms }</button>
                }
                <button type="button" class="button primary huge stop" ref={next_ref.clone()} onclick={stop}>{ t.timed_stop }</button>
            </>
        },
        (Some(r), _) => {
            let options = vec![
                (StopReason::Symptoms, AttrValue::from(t.stop_symptoms)),
                (StopReason::Tired, AttrValue::from(t.stop_tired)),
                (StopReason::Other, AttrValue::from(t.stop_other)),
            ];
            let on_because = {
                let because = because.clone();
                Callback::from(move |b| because.set(Some(b)))
            };
            let minutes = r.result(now_or_start(r), None).minutes.get();
            html! {
                <>
                    <p class="timer" tabindex="-1" ref={next_ref.clone()}>{ clock(r.seconds(now_or_start(r))) }</p>
                    <p class="timed-result">{ result_words(minutes) }</p>
                    <Choice<StopReason> name={format!("timed-{id}-why")} legend={t.timed_why} {options}
                        selected={*because} on_select={on_because} />
                    <button type="button" class="button primary" onclick={keep}>{ t.timed_keep }</button>
                    <button type="button" class="button" onclick={discard}>{ t.timed_discard }</button>
                </>
            }
        }
    };
    html! {
        <div class="timed-test" id={format!("timed-{id}")}>
            { body }
            <p class="sr-only" aria-live="polite">{ (*live).clone() }</p>
        </div>
    }
}
