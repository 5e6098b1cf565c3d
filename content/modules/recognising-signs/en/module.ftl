title = Recognising signs of abuse
summary = Physical, behavioural and neglect indicators, and signs of child marriage and trafficking; why one sign is not proof; and what to do when you are worried.

objective-signs-not-proof = Judge signs in context: a sign is not proof, but don't wait for proof to report.
objective-physical-and-behaviour = Recognise the physical and behavioural signs to watch for.
objective-neglect-marriage-trafficking = Recognise signs of neglect, child marriage and trafficking, and know what the law forbids.
objective-act-on-concern = When worried: record the facts, don't investigate, report at once to the right places.

q-one-sign-alone = A single sign, such as a child often sleeping badly, does not allow you to conclude that the child is being abused.
    .explanation = True. A sign shows only that a child may be in trouble; judge it in context. But a reasonable concern is still reported, without waiting for proof.

q-withdrawn-pupil = For some weeks a pupil has been withdrawn and seems afraid to go home, but has told nobody anything. The form teacher should
    .record-and-report = Record what they observed and report it
    .wait-for-proof = Watch for longer until there is clear proof, then report
    .ask-family = Ask the family whether something is wrong at home
    .not-proof-yet = Nothing yet: a sign is not proof
    .explanation = Don't wait for proof to report: record the facts you observed and report; establishing the facts is the authorities' job. If someone at home may be the abuser, don't tell the family first.

q-context-factors = When you judge a sign "in context", what do you weigh?
    .age-circumstances = The child's age and circumstances
    .several-signs = Whether there are several signs together
    .explanation-fits = Whether the explanation fits
    .family-reputation = Whether the family is well thought of locally
    .good-pupil = Whether the child is a model pupil
    .explanation = Context means age, circumstances, several signs together and whether the explanation fits. A family's good name or a child's good behaviour and marks do not rule out abuse.

q-who-verifies = Before reporting, a teacher or health worker should first check for themselves whether the child really is being abused.
    .explanation = False. The job of teachers and health workers is to notice early and report; establishing the facts is the authorities' job. Don't investigate.

q-bruises-record-report = Examining a child, a health worker sees several bruises at different stages of healing. This is
    .record-report = A sign to record and report, though it is not proof
    .active-child = Normal for a lively child, not worth noting down
    .proof = Proof that an adult is hitting the child
    .ask-parents-first = A sign to watch; ask the parents first, then decide whether to report
    .explanation = Injuries at different stages of healing are a sign to watch, especially with an explanation that does not fit. It is still a sign, not proof: record it and report; reaching a conclusion is the authorities' job. Don't ask the family first, as the abuser may be someone at home.

q-behaviour-signs = Which of these changes in behaviour are signs to watch for, as the child may be abused?
    .sleep-aggression = Sleep problems, becoming aggressive
    .sexual-knowledge = Sexual knowledge or behaviour unusual for the age
    .shy-changing = Shy to change in front of others at puberty
    .grief = Sad and crying a lot after grandpa died
    .explanation = Behavioural signs include withdrawal, fear of going home, wariness of adults; aggression, sleep problems; sexual knowledge or behaviour unusual for the age; self-harm. Judge in context: shyness about changing in front of others is normal at puberty; sadness and crying after a grandparent's death has a clear explanation.

q-aggression-sleep = Lately a pupil often hits classmates, and says they sleep badly every night. The right way to see it is
    .possible-sign = It may be a sign, to be judged in context
    .discipline-family = A discipline matter: warn the pupil and tell the family
    .proof-of-abuse = Proof that the pupil is abused at home
    .explanation = Aggression and sleep problems are behavioural signs to watch: the child may be in trouble. Judge them in context and report a reasonable concern; they are not proof, and not just a matter of discipline.

q-neglect-signs = Which of these can indicate that a child is neglected?
    .hunger-hoarding = Often hungry, hoarding food
    .untreated = An illness that is left untreated
    .left-alone = Left at home alone, without supervision
    .old-uniform = Wearing a sibling's old clothes
    .with-grandparents = Living with grandparents while parents work away
    .explanation = Signs of neglect: hunger or hoarding food; poor hygiene; untreated medical needs; frequent absence; being left without supervision. Wearing a sibling's old clothes or being cared for by grandparents is not neglect.

q-arranged-marriage = In a border commune, a 15-year-old girl suddenly misses many days of school; her friends say her family has accepted gifts and set a wedding date. This is
    .possible-child-marriage = A possible sign of child marriage, to report
    .family-matter = The family's private business; the school stays out
    .persuade-first = Possibly child marriage; advise the family first, no report yet
    .fine-if-she-agrees = No problem, if she herself agrees to marry
    .explanation = A woman may marry only from 18; child marriage is forbidden, even if she agrees. Suddenly missing school, gifts accepted and a date set are signs of child marriage: don't wait for proof, report to the commune People's Committee and the 111 hotline. The family itself is arranging it, so don't go to the family first.

q-far-away-job = A 16-year-old pupil is offered a job far away, with very high pay and travel paid for, and someone offers to hold the pupil's papers. This is
    .trafficking-sign = A possible sign of human trafficking
    .good-chance = A good job chance for the pupil and the family
    .no-force = Fine, since nobody forces the pupil
    .advise-only = Worrying, but just advise the pupil to keep the papers
    .explanation = A far-away job with very high pay, travel paid for and someone holding the papers is a sign of trafficking: report it at once, don't just advise the pupil. The Law on Prevention and Combat of Human Trafficking 2024 (Article 2) treats handing over, receiving, recruiting or transporting a person under 18 for money or to exploit them as trafficking, with no force or deceit needed.

q-under-16-no-force = Handing over or receiving a person under 16 for money is the crime of trafficking a person under 16, even with no force or deceit.
    .explanation = True. Criminal Code, Article 151: handing over, receiving, recruiting or transporting a person under 16 for money or to exploit them is a crime, with no force or deceit needed.

q-what-to-record = When you are worried about a child, what do you write down?
    .date-time = The date and time you saw it
    .exact-words = What the child said, word for word
    .own-summary = What the child said, in short
    .view-of-family = Your own opinion of the child's family
    .explanation = Record the facts you observed: date, time, the child's exact words. Your own summary or your opinion of the family are not facts you observed.

q-wedding-this-weekend = A teacher learns that the family of a 14-year-old girl will hold her wedding this weekend. The first thing the teacher should do is
    .report-now = Report at once to the police, the commune and 111
    .visit-family = Visit the family to persuade them to put the wedding off
    .after-wedding = Report to the commune after the wedding
    .school-first = Tell the school's leaders at once and wait for their view
    .explanation = The wedding is imminent: report at once to the police (113 or the commune police), and to the commune People's Committee and the 111 hotline; tell the school's leadership by its procedure, but don't wait. The family itself is arranging it, so don't tell the family first; working with the family is for the authorities to decide, after the report.

q-reasonable-concern = Someone who reported a reasonable concern was wrong to do so if it later turns out there was no abuse.
    .explanation = False. Reporting a reasonable concern is doing your duty, even if it later turns out there was no abuse.

q-border-trip = In a border commune, a child says that tomorrow they will "go to the other side for a few days" with a new boyfriend or girlfriend met online. Where should it be reported?
    .police = The police (113 or the commune police)
    .border-post = The border guard post in the area
    .commune-and-111 = The commune and the 111 hotline
    .wait-return = Wait until the child is back home
    .school-only = The school's leaders, and no one outside it
    .explanation = The trip across the border is imminent: report at once to the police (113 or the commune police) and, near the border, the border guard post; report to the commune People's Committee and the 111 hotline too. Telling the school's leadership by its procedure does not replace that.
