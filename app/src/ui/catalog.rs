//! Browsing the catalogue: modules by audience, a module, its lessons and its quiz.

use super::islands::QuizForm;
use super::not_found::NotFound;
use super::session::{use_page_session, CsrfField};
use crate::api::catalog::{
    get_lesson, get_module, get_quiz, list_modules, ModuleCard, QuestionView,
};
use crate::api::learning::{attempt_review, module_progress, my_certificates, verify_certificate};
use crate::domain::content::Audience;
use crate::i18n::{t, use_i18n, I18n};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The audience's name in the current language.
pub(crate) fn audience_name(i18n: I18n, code: &str) -> String {
    match code {
        "student-6-10" => i18n.tr("audience-student-6-10"),
        "student-11-14" => i18n.tr("audience-student-11-14"),
        "student-15-18" => i18n.tr("audience-student-15-18"),
        "parent" => i18n.tr("audience-parent"),
        "teacher" => i18n.tr("audience-teacher"),
        "school-manager" => i18n.tr("audience-school-manager"),
        "child-protection-officer" => i18n.tr("audience-child-protection-officer"),
        "health-worker" => i18n.tr("audience-health-worker"),
        "police-officer" => i18n.tr("audience-police-officer"),
        other => other.to_owned(),
    }
}

fn minutes(i18n: I18n, minutes: u16) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("minutes", minutes);
    i18n.tr_args("module-minutes", &args)
}

/// Shown where a text is in Vietnamese because this language lacks it.
#[component]
fn FallbackNotice(show: bool) -> impl IntoView {
    show.then(|| view! { <p class="notice" role="note">{t("content-fallback")}</p> })
}

#[component]
fn LoadError() -> impl IntoView {
    view! { <p class="notice" role="alert">{t("content-load-error")}</p> }
}

/// Waits for a page's data: renders it, or the 404 page when it does not exist, or a
/// load error. Every catalogue page with a subject (module, lesson, quiz) goes through here.
pub(crate) fn found_or_not<T, V>(
    data: Resource<Result<Option<T>, ServerFnError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(Some(found)) => render(found).into_any(),
                        Ok(None) => view! { <NotFound /> }.into_any(),
                        Err(_) => view! { <LoadError /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let audience = move || {
        query
            .read()
            .get("for")
            .filter(|code| Audience::parse(code).is_some())
    };
    let modules = Resource::new(
        move || (audience(), i18n.lang()),
        |(audience, lang)| list_modules(audience, lang),
    );

    view! {
        <section class="catalogue">
            <h1>{t("catalogue-title")}</h1>
            <nav class="filters" aria-label=t("catalogue-filter-label")>
                <A href="/modules" attr:aria-current=move || audience().is_none().then_some("true")>
                    {t("catalogue-all")}
                </A>
                {Audience::all()
                    .into_iter()
                    .map(|a| {
                        let code = a.code();
                        let href = format!("/modules?for={code}");
                        let current = {
                            let code = code.clone();
                            move || (audience().as_deref() == Some(code.as_str())).then_some("true")
                        };
                        view! {
                            <A href=href attr:aria-current=current>
                                {move || audience_name(i18n, &code)}
                            </A>
                        }
                    })
                    .collect_view()}
            </nav>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match modules.await {
                        Ok(list) if list.is_empty() => view! { <p>{t("catalogue-empty")}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="cards module-cards">
                                {list.into_iter().map(|m| view! { <ModuleCardView module=m /> }).collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(_) => view! { <LoadError /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ModuleCardView(module: ModuleCard) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/modules/{}", module.id);
    let audiences = module.audiences.clone();
    view! {
        <li class="card module-card">
            <h2><A href=href>{module.title}</A></h2>
            <p>{module.summary}</p>
            <p class="meta">
                {move || minutes(i18n, module.minutes)}
                " · "
                {move || audiences.iter().map(|a| audience_name(i18n, a)).collect::<Vec<_>>().join(", ")}
            </p>
        </li>
    }
}

#[component]
pub fn ModulePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let detail = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), i18n.lang()),
        |(id, lang)| get_module(id, lang),
    );
    let progress = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        module_progress,
    );
    let progress_view = move || {
        Suspend::new(async move {
            let p = progress.await.ok().flatten()?;
            let best = p.best_percent.map(|best| {
                move || {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("percent", best);
                    i18n.tr_args("progress-best", &args)
                }
            });
            let done = p.completed;
            let seen = p.seen_lessons.len();
            let certificate = p.certificate.map(|code| {
                view! {
                    " · " <A href=format!("/certificates/{code}")>{t("certificate-link")}</A>
                }
            });
            Some(view! {
                <div class=if done { "progress done" } else { "progress" } role="status">
                    {if done {
                        view! { <strong>{t("progress-completed")}</strong> }.into_any()
                    } else {
                        let seen_text = move || {
                            let mut args = fluent_bundle::FluentArgs::new();
                            args.set("seen", seen);
                            i18n.tr_args("progress-seen", &args)
                        };
                        view! { <span>{seen_text}</span> }.into_any()
                    }}
                    {best.map(|b| view! { " · " <span>{b}</span> })}
                    {certificate}
                </div>
            })
        })
    };
    found_or_not(detail, move |m| {
        let lesson_ids: Vec<String> = m.lessons.iter().map(|l| l.id.clone()).collect();
        let quiz = format!("/modules/{}/quiz", m.card.id);
        let id = m.card.id.clone();
        let audiences = m.card.audiences.clone();
        let count = m.question_count;
        // The first lesson; once one is read, the next lesson not read; once all are read, the
        // quiz comes first.
        let actions = {
            let id = id.clone();
            move || {
                let (id, quiz, lesson_ids) = (id.clone(), quiz.clone(), lesson_ids.clone());
                Suspend::new(async move {
                    let seen = progress
                        .await
                        .ok()
                        .flatten()
                        .map(|p| p.seen_lessons)
                        .unwrap_or_default();
                    let next = lesson_ids.iter().position(|l| !seen.contains(l));
                    let lesson = |i: usize| format!("/modules/{id}/lessons/{}", lesson_ids[i]);
                    let read = match (seen.is_empty(), next) {
                        (_, None) if lesson_ids.is_empty() => None,
                        (true, _) => Some((lesson(0), "button primary", i18n.tr("module-start"))),
                        (false, Some(i)) => {
                            let mut args = fluent_bundle::FluentArgs::new();
                            args.set("number", i + 1);
                            Some((
                                lesson(i),
                                "button primary",
                                i18n.tr_args("module-continue", &args),
                            ))
                        }
                        (false, None) => Some((lesson(0), "button", i18n.tr("module-read-again"))),
                    };
                    let quiz_class = if next.is_none() {
                        "button primary"
                    } else {
                        "button"
                    };
                    view! {
                        {read.map(|(href, class, label)| view! { <A href=href attr:class=class>{label}</A> })}
                        <A href=quiz attr:class=quiz_class>
                            {move || {
                                let mut args = fluent_bundle::FluentArgs::new();
                                args.set("count", count);
                                i18n.tr_args("module-quiz", &args)
                            }}
                        </A>
                    }
                })
            }
        };
        view! {
            <article class="module">
                <p class="breadcrumb"><A href="/modules">{t("catalogue-title")}</A></p>
                <h1>{m.card.title}</h1>
                <FallbackNotice show=m.card.fallback />
                <p class="lead">{m.card.summary}</p>
                <p class="meta">
                    {move || minutes(i18n, m.card.minutes)}
                    " · "
                    {move || audiences.iter().map(|a| audience_name(i18n, a)).collect::<Vec<_>>().join(", ")}
                </p>
                <Suspense fallback=|| ()>{progress_view}</Suspense>
                {(!m.prerequisites.is_empty()).then(|| {
                    let prerequisites = m.prerequisites.clone();
                    view! {
                        <section class="prerequisites" aria-labelledby="prerequisites-title">
                            <h2 id="prerequisites-title">{t("module-prerequisites")}</h2>
                            <Suspense fallback=|| ()>{move || {
                                let prerequisites = prerequisites.clone();
                                Suspend::new(async move {
                                    let p = progress.await.ok().flatten().unwrap_or_default();
                                    let left = prerequisites
                                        .iter()
                                        .any(|(id, _)| !p.prerequisites_done.contains(id));
                                    view! {
                                        <ul>
                                            {prerequisites.into_iter().map(|(id, title)| {
                                                let done = p.prerequisites_done.contains(&id);
                                                view! {
                                                    <li>
                                                        <A href=format!("/modules/{id}")>{title}</A>
                                                        {done.then(|| view! { " · " {t("progress-completed")} })}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                        <p class=if p.prerequisites_bind && left { "notice" } else { "hint" }>
                                            {if p.prerequisites_bind {
                                                t("module-prerequisites-bind")
                                            } else {
                                                t("module-prerequisites-advice")
                                            }}
                                        </p>
                                    }
                                })
                            }}</Suspense>
                        </section>
                    }
                })}
                <h2>{t("module-lessons")}</h2>
                <ol class="lesson-list">
                    {m.lessons.into_iter().map(|l| {
                        let href = format!("/modules/{id}/lessons/{}", l.id);
                        view! { <li><A href=href>{l.title}</A></li> }
                    }).collect_view()}
                </ol>
                <p class="actions">
                    <Suspense fallback=|| ()>{actions}</Suspense>
                </p>
            </article>
        }
    })
}

#[component]
pub fn LessonPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let lesson = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").unwrap_or_default(),
                p.get("lesson").unwrap_or_default(),
                i18n.lang(),
            )
        },
        |(module, lesson, lang)| get_lesson(module, lesson, lang),
    );
    found_or_not(lesson, move |l| {
        let module_href = format!("/modules/{}", l.module_id);
        let link = |id: &str| format!("/modules/{}/lessons/{id}", l.module_id);
        let previous = l.previous.map(|p| (link(&p.id), p.title));
        let next = l.next.map(|n| (link(&n.id), n.title));
        let quiz = format!("/modules/{}/quiz", l.module_id);
        let (number, count) = (l.number, l.count);
        let place = move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("number", number);
            args.set("count", count);
            i18n.tr_args("lesson-place", &args)
        };
        view! {
            <article class="lesson">
                <p class="breadcrumb"><A href=module_href>{l.module_title}</A></p>
                <p class="lesson-place">
                    <span>{place}</span>
                    <progress max=count value=number aria-hidden="true"></progress>
                </p>
                <h1>{l.title}</h1>
                <FallbackNotice show=l.fallback />
                <div class="lesson-body" inner_html=l.html></div>
                <nav class="pager" aria-label=t("lesson-pager-label")>
                    {previous.map(|(href, title)| view! {
                        <A href=href attr:class="button" attr:rel="prev">
                            <span class="pager-dir">{t("lesson-previous")}</span>
                            <span class="pager-title">{title}</span>
                        </A>
                    })}
                    {match next {
                        Some((href, title)) => view! {
                            <A href=href attr:class="button primary" attr:rel="next">
                                <span class="pager-dir">{t("lesson-next")}</span>
                                <span class="pager-title">{title}</span>
                            </A>
                        }.into_any(),
                        None => view! {
                            <A href=quiz attr:class="button primary">{t("lesson-to-quiz")}</A>
                        }.into_any(),
                    }}
                </nav>
            </article>
        }
    })
}

#[component]
pub fn QuizPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let quiz = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), i18n.lang()),
        |(id, lang)| get_quiz(id, lang),
    );
    let signed_in = use_page_session().signed_in.is_some();
    let changed = use_query_map().with_untracked(|q| q.get("changed").is_some());
    found_or_not(quiz, move |q| {
        let module_href = format!("/modules/{}", q.module_id);
        let module_title = q.module_title.clone();
        let pass_mark = q.pass_mark;
        view! {
            <article class="quiz">
                <p class="breadcrumb"><A href=module_href>{module_title}</A></p>
                <h1>{t("quiz-title")}</h1>
                <p>
                    {move || {
                        let mut args = fluent_bundle::FluentArgs::new();
                        args.set("mark", pass_mark);
                        i18n.tr_args("quiz-pass-mark", &args)
                    }}
                </p>
                {(!signed_in).then(|| view! {
                    <p class="notice" role="note">
                        {t("quiz-sign-in-first")} " "
                        <A href=format!("/sign-in?next=/modules/{}/quiz", q.module_id)>{t("nav-sign-in")}</A>
                    </p>
                })}
                {(!q.kept.is_empty()).then(|| view! {
                    <p class="notice" role="status">{t("quiz-answers-kept")}</p>
                })}
                {(changed && q.reread.is_empty()).then(|| view! {
                    <p class="notice" role="status">{t("quiz-changed")}</p>
                })}
                {if !q.reread.is_empty() {
                    let objectives = q.reread_objectives;
                    view! {
                        <LessonLinks class="notice reread-first" key="quiz-reread-first" links=q.reread>
                            {(!objectives.is_empty()).then(|| view! {
                                <p>{t("quiz-reread-objectives")}</p>
                                <ul class="objectives">
                                    {objectives.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}
                                </ul>
                            })}
                        </LessonLinks>
                    }.into_any()
                } else if !signed_in {
                    // A sample of the bank to look at; answers are given once signed in.
                    view! {
                        <div class="quiz-preview">
                            {q.questions.into_iter().enumerate().map(|(i, question)| view! {
                                <QuestionField number=i + 1 question chosen=Default::default() preview=true />
                            }).collect_view()}
                        </div>
                    }.into_any()
                } else if q.prerequisites_first.is_empty() {
                    view! { <QuizFormView q /> }.into_any()
                } else {
                    view! {
                        <div class="notice prerequisites-first" role="status">
                            <p>{t("quiz-prerequisites-first")}</p>
                            <ul>
                                {q.prerequisites_first.into_iter().map(|(id, title)| view! {
                                    <li><A href=format!("/modules/{id}")>{title}</A></li>
                                }).collect_view()}
                            </ul>
                        </div>
                    }.into_any()
                }}
            </article>
        }
    })
}

/// The quiz form: its questions rendered here, the posting done by the `QuizForm` island
/// (a plain form post without JavaScript).
#[component]
fn QuizFormView(q: crate::api::catalog::QuizPage) -> impl IntoView {
    let i18n = use_i18n();
    let kept = q.kept;
    view! {
        <QuizForm
            action=format!("/modules/{}/quiz", q.module_id)
            submit_label=i18n.tr("quiz-submit")
            failed_text=i18n.tr("quiz-send-failed")
            blanks_text=i18n.tr("quiz-unanswered-confirm")
        >
            <CsrfField />
            <input type="hidden" name="submission" value=q.submission_key />
            <input type="hidden" name="draw" value=q.draw_key />
            {q.questions.into_iter().enumerate().map(|(i, question)| {
                let chosen = kept.get(&question.id).cloned().unwrap_or_default();
                view! { <QuestionField number=i + 1 question chosen preview=false /> }
            }).collect_view()}
        </QuizForm>
    }
}

#[component]
fn QuestionField(
    number: usize,
    question: QuestionView,
    /// Options to show ticked (answers kept across a sign-in).
    chosen: std::collections::BTreeSet<String>,
    /// Shown to look at, not to answer (a visitor's sample of the bank).
    preview: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let multiple = question.kind == "multiple";
    let input_type = if multiple { "checkbox" } else { "radio" };
    let name = format!("q-{}", question.id);
    let hint = multiple.then(|| view! { <p class="hint">{t("quiz-choose-all")}</p> });
    let qid = question.id.clone();
    view! {
        <fieldset class="question">
            <legend>
                <span class="question-number">{number}". "</span>
                {question.prompt}
            </legend>
            {hint}
            {question.options.into_iter().map(|(id, text)| {
                let input_id = format!("q-{qid}-{id}");
                let label = if question.kind == "true-false" {
                    let id = id.clone();
                    Either::Left(move || if id == "true" { i18n.tr("quiz-true") } else { i18n.tr("quiz-false") })
                } else {
                    Either::Right(text)
                };
                let checked = chosen.contains(&id);
                view! {
                    <div class="option">
                        <input type=input_type id=input_id.clone() name=name.clone() value=id checked=checked disabled=preview />
                        <label for=input_id>{label}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// `/modules/{id}/quiz/attempts/{attempt}`: the score, passed or not, and each question with
/// what was right and why.
#[component]
pub fn AttemptPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let review = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").unwrap_or_default(),
                p.get("attempt")
                    .and_then(|a| a.parse::<i64>().ok())
                    .unwrap_or(0),
                i18n.lang(),
            )
        },
        |(id, attempt, lang)| attempt_review(id, attempt, lang),
    );
    found_or_not(review, move |r| {
        let (correct, total, percent, pass_mark) = (r.correct, r.total, r.percent, r.pass_mark);
        let score = move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("correct", correct);
            args.set("total", total);
            args.set("percent", percent);
            i18n.tr_args("result-score", &args)
        };
        let verdict = move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("mark", pass_mark);
            i18n.tr_args(
                if r.passed {
                    "result-passed"
                } else {
                    "result-not-yet"
                },
                &args,
            )
        };
        let module_href = format!("/modules/{}", r.module_id);
        let quiz_href = format!("/modules/{}/quiz", r.module_id);
        view! {
            <article class="quiz result">
                <p class="breadcrumb"><A href=module_href.clone()>{r.module_title.clone()}</A></p>
                <h1>{t("result-title")}</h1>
                <p class="score">{score}</p>
                <p class=if r.passed { "notice passed" } else { "notice" } role="status">{verdict}</p>
                {r.completed.then(|| view! { <p class="progress done"><strong>{t("progress-completed")}</strong></p> })}
                {r.certificate.map(|code| view! {
                    <p class="certificate-ready">
                        <A href=format!("/certificates/{code}") attr:class="button">{t("certificate-view")}</A>
                    </p>
                })}
                {(!r.lessons_left.is_empty()).then(|| {
                    let n = r.lessons_left.len();
                    view! {
                        <div class="notice lessons-left">
                            <p>{move || i18n.tr_args("result-lessons-left", &count_args(n))}</p>
                            <ul>
                                {r.lessons_left.into_iter().map(|(title, href)| view! {
                                    <li><A href=href>{title}</A></li>
                                }).collect_view()}
                            </ul>
                        </div>
                    }
                })}
                {(r.reread.is_empty() && !r.review_lessons.is_empty()).then(|| view! {
                    <LessonLinks class="notice review-lessons" key="result-review-lessons" links=r.review_lessons />
                })}
                {(!r.reread.is_empty()).then(|| view! {
                    <LessonLinks class="notice reread-first" key="result-reread" links=r.reread />
                })}
                {(!r.unanswered.is_empty()).then(|| {
                    let n = r.unanswered.len();
                    let which = r.unanswered.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                    view! {
                        <p class="notice unanswered">{move || {
                            let mut args = count_args(n);
                            args.set("which", which.clone());
                            i18n.tr_args("result-unanswered", &args)
                        }}</p>
                    }
                })}
                <ol class="review">
                    {r.questions.into_iter().map(|q| view! {
                        <li class=if q.correct { "review-question right" } else { "review-question wrong" }>
                            <p class="review-prompt">{q.prompt}</p>
                            <p class="review-mark">{if q.correct {
                                t("result-right")
                            } else if q.answered {
                                t("result-wrong")
                            } else {
                                t("result-no-answer")
                            }}</p>
                            <ul class="review-options">
                                {q.options.into_iter().map(|o| {
                                    let text = if q.kind == "true-false" {
                                        if o.id == "true" { i18n.tr("quiz-true") } else { i18n.tr("quiz-false") }
                                    } else {
                                        o.text
                                    };
                                    let class = match (o.chosen, o.right) {
                                        (true, true) => "chosen right",
                                        (true, false) => "chosen wrong",
                                        (false, true) => "right",
                                        (false, false) => "",
                                    };
                                    view! {
                                        <li class=class>
                                            {text}
                                            {o.chosen.then(|| view! { " — " <em>{t("result-your-choice")}</em> })}
                                            {o.right.then(|| view! { " ✓ " <span class="sr-only">{t("result-right-answer")}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            {(!q.explanation.is_empty()).then(|| view! { <p class="explanation">{q.explanation}</p> })}
                        </li>
                    }).collect_view()}
                </ol>
                <p class="actions">
                    <A href=quiz_href attr:class="button primary">{t("result-try-again")}</A>
                    <A href=module_href attr:class="button">{t("result-back")}</A>
                </p>
            </article>
        }
    })
}

/// A notice: a line of text (the message `key`), the lessons it points to (title, address) and
/// anything more below them.
#[component]
fn LessonLinks(
    class: &'static str,
    key: &'static str,
    links: Vec<(String, String)>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class=class role="status">
            <p>{t(key)}</p>
            <ul>
                {links.into_iter().map(|(title, href)| view! {
                    <li><A href=href>{title}</A></li>
                }).collect_view()}
            </ul>
            {children.map(|c| c())}
        </div>
    }
}

/// Fluent arguments holding one count, `$count`.
fn count_args(count: usize) -> fluent_bundle::FluentArgs<'static> {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", count);
    args
}

/// The signed-in person's certificates (on `/learn` and `/account`); nothing when they have none.
#[component]
pub fn MyCertificates() -> impl IntoView {
    let i18n = use_i18n();
    // Only staff earn certificates: nobody else's page asks.
    let staff = super::session::use_page_session()
        .signed_in
        .is_some_and(|(_, role)| role.is_staff());
    let list = Resource::new(
        move || i18n.lang(),
        move |lang| async move {
            match staff {
                true => my_certificates(lang).await,
                false => Ok(Vec::new()),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = list.await.unwrap_or_default();
                (!list.is_empty()).then(|| view! {
                    <section class="certificates">
                        <h2>{t("certificate-list-title")}</h2>
                        <ul>
                            {list.into_iter().map(|c| view! {
                                <li>
                                    <A href=format!("/certificates/{}", c.code)>{c.module_title}</A>
                                    " · " {c.date}
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Suspense>
    }
}

/// `/certificates/{code}`: a printable certificate anyone can check: who (name, role, unit),
/// which module, when, who issues it, its code and the full address to check it at.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let certificate = Resource::new(
        move || (params.read().get("code").unwrap_or_default(), i18n.lang()),
        |(code, lang)| verify_certificate(code, lang),
    );
    found_or_not(certificate, move |c| {
        let role = c.role;
        view! {
            <article class="certificate">
                <h1 class="certificate-kind">{t("certificate-title")}</h1>
                <p>{t("certificate-certifies")}</p>
                <p class="certificate-name">{c.name}</p>
                <p class="certificate-holder">
                    {move || i18n.tr(role.label_key())} " · " {c.unit}
                </p>
                <p>{t("certificate-completed")}</p>
                <p class="certificate-module">{c.module_title}</p>
                <p>{t("certificate-date")} " " {c.date}</p>
                <p class="certificate-issuer">{t("certificate-issuer")} " " <strong>{c.issuer}</strong></p>
                <p class="certificate-code">{t("certificate-code")} " " <strong class="code">{c.code}</strong></p>
                <p class="certificate-check">{t("certificate-check-at")} " " <span class="url">{c.url}</span></p>
            </article>
        }
    })
}
