title = Safe schools: what school managers must do
summary = Decree 80/2017 on safe, healthy and friendly schools and on preventing school violence: who it covers, spotting and supporting pupils at risk, and what a school does when violence or abuse happens.

objective-scope-and-violence = Know whom Decree 80/2017 protects, recognise which acts are school violence, and know the target Plan 675 set for schools.
objective-detect-assess-counsel = Organise spotting in time, assessing the level of risk and counselling learners at risk.
objective-respond-at-school = Take the right steps when violence happens at school and protect the pupil who told.
objective-report-suspected-abuse = Report to the authorities at once when a pupil may be abused, and keep identifying details private.

q-age-17 = An upper-secondary school has many year-12 pupils who are 17. Does Decree 80/2017 protect them?
    .yes-under-18 = Yes, as the decree applies to learners under 18
    .no-under-16 = No, as the decree protects under-16s only
    .no-primary = No, it is for primary and lower-secondary only
    .explanation = Decree 80/2017 applies to every education institution and independent class with learners under 18, so a 17-year-old pupil is protected, at any level of school.

q-teacher-isolates = As a punishment, a teacher makes a pupil sit apart at the back and forbids the class to play with them for a week. This is
    .isolation = School violence: isolating a learner
    .discipline = A form of discipline, since nobody hit the pupil
    .pupils-only = Not school violence, since it is a teacher doing it
    .explanation = Isolating or driving away a learner is school violence even when nobody is hit. It holds for managers, teachers and staff too: teachers may not isolate pupils "to teach them".

q-insults-harm = Under Decree 80/2017, a group of pupils who verbally abuse a classmate at school again and again, offending their honour and dignity, commit school violence, even though the classmate is not injured.
    .explanation = True. School violence includes verbal abuse, offending honour and dignity, and other deliberate acts causing mental harm, not only beating.

q-which-violence = Under Decree 80/2017, which of these, happening at school, are school violence?
    .group-beating = Several pupils beat a classmate in the school toilets
    .teacher-insult = A teacher verbally abuses a pupil in front of the class
    .drive-away = A group of pupils drive a classmate away from where they play
    .accident = Two pupils bump into each other by accident playing football, and one falls
    .phone-rule = A teacher takes phones used in class, as the rules say, and returns them after school
    .explanation = Beating, verbally abusing and driving away a learner are school violence, whether a pupil or a teacher does it. An accidental bump at play, or taking phones under the school rules and returning them, is not a deliberate act causing harm.

q-plan-675-target = What target did Lai Châu's Plan 675/KH-UBND (2020–2025) set for education authorities and institutions?
    .all-institutions = 100% run awareness on preventing violence and abuse, and intervene in time
    .ninety-five = 95% run awareness on preventing violence and abuse, and intervene in time
    .incident-schools = Schools that have had violence run awareness on preventing it, and intervene in time
    .explanation = The target set was that 100% of education authorities and institutions run awareness on preventing school violence and sexual abuse for managers, teachers, staff and learners, and intervene in time — not only the schools where something has happened.

q-aggressive-pupil = A form teacher sees that a pupil often picks fights and is at risk of hitting classmates. Under Decree 80/2017 (Article 6), the school should
    .assess-counsel = Assess the level of risk, then counsel the pupil
    .suspend = Send the pupil home to protect the others
    .wait-incident = Wait until the pupil actually hits someone, then discipline them
    .explanation = Article 6 also covers learners at risk of causing violence: spot them in time, assess the level of risk and the likely form of violence, then counsel them. Waiting for an incident misses the chance to prevent it.

q-safe-channel = Pupils at a school rarely report bullying because they fear classmates will find out who "told". What helps the school spot it in time?
    .private-channel = A way for pupils to report without being exposed
    .name-in-class = Asking pupils to name the bullies during the weekly class meeting
    .punish-silence = Disciplining pupils who know about it and don't report
    .explanation = The school needs a way for pupils to report without being exposed, so that they dare to speak. Naming bullies in front of the class or punishing silence only makes pupils more afraid to report.

q-in-practice = To spot and support learners at risk in time, what does a school need to do?
    .train-form-teachers = Train form teachers to recognise the signs
    .record-cases = Keep a careful written record of each case
    .work-with-parents = Work with parents (unless someone at home is suspected)
    .publish-list = Publish a list of pupils at risk for the school
    .no-records = Keep no records, so pupils' details cannot leak
    .explanation = In practice it takes form teachers trained to recognise signs, a way for pupils to report unexposed, working with parents (unless someone at home is suspected: then report to the authorities) and a record of each case. Publishing a list exposes pupils; without records nothing can be followed up, and the records themselves are kept private.

q-fight-steps = Two pupils fight at break time, and one has a bleeding nose. What must the school do?
    .stop-and-care = Stop it at once and get medical care for the hurt pupil
    .counsel-both = Support and counsel both the pupil hurt and the one who hurt
    .family-and-record = Inform both families and record what happened
    .punish-only = Discipline the pupil who hit at once; counselling is not needed
    .keep-from-family = Keep it from the families, for the school's name
    .explanation = When violence happens: stop it at once, keep the pupil who was hurt safe and get medical care, inform the families, record what happened, and support and counsel both the pupil who was hurt and the pupil who caused it.

q-counsel-aggressor = After violence at school, the pupil who was hurt needs support and counselling; for the pupil who caused it, discipline is the end of it.
    .explanation = False. The school supports and counsels both the pupil who was hurt and the pupil who caused the violence.

q-teased-for-telling = A pupil tells a teacher that classmates are bullying them. Afterwards some pupils tease them as a "telltale". The school should
    .not-your-fault = Tell the pupil it is not their fault, and stop the teasing
    .move-class = Move the pupil to another class for some peace
    .sort-it-out = Advise the pupil to sort it out alone next time
    .explanation = A pupil who suffers violence is never to blame. The school tells them so and makes sure they are not teased, disciplined or isolated for having told; moving them makes them pay for having told.

q-suspect-at-home = A teacher reports that a year-3 pupil may be being abused by someone at home. What should the head teacher do first?
    .report-authorities = Report at once to 111, the police or the commune
    .invite-family = Invite the family in at once to find out what happened
    .verify-first = Question the pupil first, to verify it
    .internal-only = Deal with it by the internal procedure, without reporting out
    .explanation = When you suspect a pupil is being abused, report at once to 111, the police or the commune People's Committee; don't investigate yourself. Calling in a possible abuser can put the pupil in more danger, and an internal procedure does not replace reporting to the authorities.

q-internal-enough = A school that has an internal procedure for suspected abuse does not need to report to the authorities as well.
    .explanation = False. An internal procedure does not replace reporting to the authorities: the school still reports at once to the 111 hotline, the police or the commune People's Committee.

q-identifying-info = While a school handles a case of suspected abuse, which information about the pupil must be kept private?
    .name = The pupil's full name
    .photo = Photographs of the pupil
    .class-and-school = The pupil's class and school
    .case-count = The number of cases handled this year
    .explanation = Anything that identifies the pupil must be kept private: name, photos, address, school, class. A figure that does not tell who the pupil is does not expose them.

q-concealing-fine = A school that conceals, and does not report, information about an abused pupil to protect its record can be fined.
    .explanation = True. Concealing or not reporting information about a child who is abused or at risk can be fined (Decree 130/2021/NĐ-CP, Article 28).
