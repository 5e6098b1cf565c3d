title = Responding to a disclosure, reporting and referral
summary = What to do when a child tells you about abuse, how to ask without leading (TED), reporting at once, and the support and intervention steps and time limits of Decree 56/2017.

objective-respond-to-disclosure = Respond well when a child tells: stay calm, take the child seriously, promise no secrecy, record their exact words.
objective-open-prompts = Ask only open prompts using TED, and avoid leading and "why" questions.
objective-report-at-once = Report at once to 111, the police or the commune, and keep the child safe when the abuser may be at home.
objective-referral-steps = Know the support and intervention steps of Decree 56/2017 and the authorities' time limits.

q-promise-to-keep = After class, a pupil says: "I'll only tell you if you promise not to tell anyone." The teacher should
    .no-promise = Not promise, and gently say she has to tell people who can help
    .promise = Promise secrecy so the pupil feels safe to tell it all
    .parents-first = Tell the pupil to go home and tell the parents first
    .another-day = Ask the pupil to come back when a counselling room is free
    .explanation = Never promise secrecy: say gently that you will only tell people who can help. Don't send the child to tell the family first, as the abuser may be at home; don't put it off — find a private, quiet place and listen.

q-first-words = A pupil has just told their form teacher that someone they know abused them. What should the teacher say?
    .did-right = "You did right to tell me. It is not your fault."
    .are-you-sure = "Are you sure you haven't remembered something wrong?"
    .keep-it-between-us = "I'll keep this between us and tell no one."
    .explanation = Take the child seriously and say: "You did right to tell me. It is not your fault." Doubting the child makes them stop telling; promising secrecy is something you must not do.

q-must-not-do = When a child tells you about abuse, what must you NOT do?
    .confront = Confront the suspected person with the child
    .undress = Ask the child to undress to show the injuries
    .ask-neighbours = Go round the neighbours yourself to check
    .private-place = Take the child to a private, quiet place to listen
    .own-words = Let the child tell it in their own words
    .explanation = Don't investigate, don't ask the child to undress, don't confront the suspected person. Finding a private, quiet place and letting the child speak in their own words are the right things to do.

q-record-words = When a child tells you, you should record the child's exact words, with the date, the time and your signature.
    .explanation = True. Record the child's exact words (not your own summary of them), the date and time, and sign.

q-ted-prompt = Which is an open prompt, using TED?
    .tell-more = "Tell me more about that day."
    .suggest-person = "Was it the man next door who did it?"
    .why = "Why did that person do such a thing?"
    .suggest-act = "Did that person hit you? Go on, say it."
    .explanation = TED is: "Tell me…", "Explain…", "Describe…". A question that suggests a person or an event is leading; "why" questions are to be avoided too.

q-stepfather-question = "Was it your stepfather who did it?" is an open question, good to use when a child tells you.
    .explanation = False. A question that names a person for the child is leading, and is to be avoided. Use TED: "Tell me…", "Explain…", "Describe…".

q-next-prompt = The child says: "He hurt me." How should you go on?
    .describe = "Describe what happened to you."
    .suggest-touch = "He touched your private parts, didn't he?"
    .suggest-name = "Was it Mr Hùng next door?"
    .why = "Why did he do that to you, do you think?"
    .explanation = "Describe…" is an open prompt from TED: the child tells it in their own words. Suggesting the act or a name is leading; asking "why" is not allowed either.

q-where-to-report = You suspect a child is being abused. Where can you report to meet your duty?
    .hotline = The 111 hotline (free, 24/7)
    .police = The police (113 in an emergency)
    .commune = The commune or ward People's Committee
    .leaders-only = Your own leadership, and nobody else
    .family-first = The child's family, before any authority
    .explanation = Anyone who knows a child is abused or at risk must report at once to the 111 hotline, the police or the commune or ward People's Committee. Telling your leadership by the internal procedure does not replace that, and when someone at home may be the abuser the family is not told first.

q-father-picks-up = A pupil with a fresh bruise tells you their father beat them last night and they are afraid to go home. At the end of the day the father comes to collect them. You should
    .keep-safe = Keep the pupil somewhere safe, with an adult, and phone 113
    .home-then-report = Let the pupil go home, then phone 111 that evening
    .talk-to-father = Talk with the father to understand what happened
    .explanation = A child in danger is not sent home with the suspected person: keep the child somewhere safe, with an adult, and phone 113. Telling the father first can get the child threatened or harmed again.

q-authorities-decide = When someone at home may be the abuser, it is the authorities who decide whom in the family to tell, and when.
    .explanation = True. Don't tell the family first: report to 111, the police or the commune and let them decide. Telling the family first can get the child threatened, pressed to change their story or harmed again.

q-told-the-head = By the internal procedure, a teacher has told the head teacher that a pupil may be being abused. What now?
    .still-report = Still report it to 111, the police or the commune
    .duty-done = The duty to report has been done
    .head-decides = Wait for the head to decide whether to report it outside
    .gather-proof = The school first gathers more proof, then reports it
    .explanation = The internal procedure does not replace reporting to the authorities: it must still be reported at once to 111, the police or the commune. Nobody needs to wait for proof or for someone else to decide.

q-serious-risk-hours = The initial assessment finds a serious risk to the child's life or health. Emergency measures or temporary separation must be taken within
    .h12 = 12 hours of receiving the information
    .h24 = 24 hours of receiving the information
    .d5 = 5 working days of receiving the information
    .explanation = Decree 56/2017: within 12 hours of receiving the information. 5 working days is the limit for drawing up the support and intervention plan. These limits are the authorities'; a reporter reports at once.

q-plan-and-approval = After the detailed assessment (Form 03), within how long is the support and intervention plan (Form 04) drawn up, and who approves it?
    .d5-chair = 5 working days; approved by the commune chairperson
    .h12-chair = 12 hours; approved by the commune chairperson
    .d5-head = 5 working days; approved by the head of the reporting school
    .d5-police = 5 working days; approved by the police on the case
    .explanation = The plan is drawn up within 5 working days and approved by the commune chairperson. 12 hours is the limit for emergency measures; the school and the police work alongside and do not approve the plan.

q-reporter-timing = Someone who knows about abuse has 12 hours to think before reporting.
    .explanation = False. A reporter reports at once. The 12 hours are the authorities' limit for emergency measures.

q-after-form-01 = The report has been received and recorded (Form 01). Under Decree 56/2017, the next step is
    .initial-assessment = An initial risk assessment (Form 02)
    .plan-first = The support and intervention plan (Form 04)
    .separate-first = Temporarily separating the child first, then assessing
    .explanation = After Form 01, the commune chairperson directs the child-protection worker to an initial risk assessment (Form 02). Emergency measures or temporary separation (within 12 hours) apply when there is serious risk; the plan (Form 04) comes after the detailed assessment (Form 03).
