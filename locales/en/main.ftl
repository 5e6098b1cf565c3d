# SafeSteps interface — English.
# Every key here must also exist in locales/vi/main.ftl (a test checks).

app-name = SafeSteps
app-title = SafeSteps — child-safety training
skip-to-content = Skip to main content

nav-label = Main navigation
nav-home = Home
nav-sign-in = Sign in

lang-switch-label = Choose a language
lang-name-vi = Tiếng Việt
lang-name-en = English

help-banner-label = Help line
help-banner = Need help?
help-call = Call
help-hotline = 111
help-free = free, 24/7

footer-plan = Supporting Lai Châu's Plan 675/KH-UBND on preventing violence and abuse against children.
footer-emergency = Emergency: police 113 · ambulance 115 · child protection hotline 111.

home-title = Every child has the right to be safe
home-lead = SafeSteps is where students, parents and staff learn how to prevent violence and abuse against children — in short lessons and friendly quizzes.
home-start = Start learning
home-audiences = Who is it for?
home-students-title = Students
home-students-body = Short lessons for each age: my body belongs to me, which secrets to tell, saying "no" and finding a trusted adult, staying safe online.
home-parents-title = Parents
home-parents-body = Learn on your phone with little data: raising children without violence, talking about bodies, spotting signs and knowing who to call.
home-staff-title = Teachers and staff
home-staff-body = The Law on Children, recognising signs, listening to a child who tells, reporting and referral on time — for teachers, health workers, police and child-protection officers.
home-managers-title = Managers
home-managers-body = Follow completion in each school, commune and the province against the plan's targets.
home-promise-title = It is never your fault
home-promise-body = If someone makes you scared or uncomfortable, tell an adult you trust, or call 111 — free, day and night.

sign-in-title = Sign in
sign-in-not-yet = Signing in for students, parents and staff is being built.

not-found-title = Page not found
not-found-body = The page you are looking for does not exist or has moved.
not-found-home = Back to the home page

nav-modules = Lessons
loading = Loading…
content-fallback = This part is not translated into your language yet, so it is shown in Vietnamese.
content-load-error = The content could not be loaded. Please try again in a few minutes.
callout-remember = Remember
callout-try-this = Try this

audience-student-6-10 = Students aged 6–10
audience-student-11-14 = Students aged 11–14
audience-student-15-18 = Students aged 15–18
audience-parent = Parents
audience-teacher = Teachers
audience-school-manager = School managers
audience-child-protection-officer = Child-protection officers
audience-health-worker = Health workers
audience-police-officer = Police officers

catalogue-title = Lessons
catalogue-filter-label = Filter by learner
catalogue-all = All
catalogue-empty = There are no modules for this group yet.

module-minutes = about { $minutes } minutes
module-lessons = Lessons
module-start = Start the first lesson
module-quiz = Quiz ({ $count } questions)

lesson-place = Lesson { $number } of { $count }
lesson-pager-label = Lesson navigation
lesson-previous = Previous lesson
lesson-next = Next lesson
lesson-to-quiz = Take the quiz

quiz-title = Quiz
quiz-pass-mark = Answer { $mark }% of the questions correctly to pass.
quiz-choose-all = Choose every right answer.
quiz-true = True
quiz-false = False
quiz-grading-later = Submitting answers and grading are being built.
