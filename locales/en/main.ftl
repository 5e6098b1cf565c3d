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

# People: signing in, accounts, classes
sign-in-signed-out = You have signed out. See you soon!
sign-in-student-title = Students
sign-in-student-hint = Type the class code your teacher wrote on the board, then pick your name.
sign-in-class-code = Class code
sign-in-continue = Continue
sign-in-parent-title = Parents
sign-in-phone = Phone number
sign-in-password = Password
sign-in-submit = Sign in
sign-in-first-time = First time? Use the family code from school
sign-in-staff-title = Staff and teachers
sign-in-username = Username
sign-in-pick-name = Tap your name
sign-in-other-class = Type another class code
sign-in-unknown-class = No class has this code. Check the code on the board.
sign-in-pick-pictures = Pick your two secret pictures
sign-in-pin = PIN (4 digits)
sign-in-hello = Hello
sign-in-not-me = Not you? Back to the names
sign-in-wrong = Those sign-in details are not right. Please try again.
sign-in-wait = Too many wrong tries. Wait { $minutes } minutes and try again, or ask your teacher.
sign-in-ask-teacher = Too many wrong tries. Ask your teacher to unlock your account.
sign-in-bad-input = That is not in the right form. Please check it.
sign-up-title = Parents: create your account
sign-up-lead = Type the family code printed on the letter from school. Next time you only need your phone number and password.
sign-up-family-code = Family code
sign-up-name = Your full name
sign-up-password = Choose a password
sign-up-submit = Create account
sign-up-have-account = Have an account? Sign in
sign-up-unknown-family = This family code was not found. Check the letter from school.
sign-up-phone-taken = This phone number already has an account. Please sign in.
password-hint = At least 15 characters. A short sentence you remember is best, e.g. "spring bauhinia flowers whiten the hills".
password-too-short = This password is too short: use at least 15 characters. A short sentence works well.
password-too-long = This password is too long: at most 256 characters.
password-guessable = This password is too easy to guess (common, leaked, or built from your name or phone). Please choose another.
error-server = Something went wrong on our side. Please try again in a few minutes.
error-csrf = This form has expired or did not come from this site. Go back, reload the page and try again.
error-forbidden = You do not have access to this page.
error-sign-in-needed = Please sign in first.
role-student = Student
role-parent = Parent
role-teacher = Teacher
role-school-manager = School manager
role-protection-officer = Child-protection officer
role-health-worker = Health worker
role-police-officer = Police officer
role-unit-manager = Unit manager
role-admin = Administrator
picture-sun = Sun
picture-moon = Moon
picture-star = Star
picture-tree = Tree
picture-flower = Flower
picture-fish = Fish
picture-cat = Cat
picture-dog = Dog
picture-house = House
sign-out = Sign out
account-role = Role
account-unit = Unit
account-username = Username
account-phone = Phone number
account-class = Class
account-birth-year = Year of birth
account-children = Your children
account-go-learn = Start learning
classes-title = My classes
classes-none = No classes yet.
classes-class = Class
classes-school = School
classes-year = School year
classes-code = Class code
classes-print-cards = Print sign-in cards
classes-print-hint = One card per student: class code, name and secret pictures (or PIN). Cut along the borders.
classes-reset-done = The student is unlocked.
classes-student = Student
classes-secret = Pictures / PIN
classes-state = State
classes-actions = Actions
classes-locked = Locked
classes-failures = Wrong tries
classes-ok = OK
classes-unlock = Unlock
classes-new-secret = New pictures/PIN

# Rosters
roster-title = Import a roster
roster-lead = Upload a CSV file (UTF-8) with these columns. The whole file is checked first: if any row is wrong, nothing is imported and every wrong row is listed. Importing the same file again changes nothing.
roster-col-role = role: student or teacher. A teacher of several classes has one row per class.
roster-col-key = key: the school's student number (the same at every import), or the teacher's username.
roster-col-family = family: siblings get the same label so they share one household (one family code for their parents).
roster-col-secret = secret: empty to make one (pictures for young children, a PIN for older ones), or 4 digits, or two pictures like sun+dog.
roster-file = Roster file (CSV)
roster-submit = Check and import
roster-bad-rows = { $count } problem(s); nothing was imported. Fix the file and upload it again.
roster-done = Imported { $rows } rows: { $classes } new classes; students: { $s_added } added, { $s_updated } updated, { $s_unchanged } unchanged; teachers: { $t_added } added, { $t_updated } updated, { $t_unchanged } unchanged.
roster-new-teachers = First passwords of new teachers
roster-new-teachers-hint = Shown only once. Give each teacher theirs in person.
roster-first-password = First password
roster-no-file = No file was chosen, or the file is empty.
roster-too-big = The file is too big (at most 2 MB).
roster-not-utf8 = The file is not UTF-8. In your spreadsheet, save it as "CSV UTF-8".
roster-problem-header = Row { $row }: the header is "{ $value }"; it must be: school_code,school_year,class,role,key,name,birth_year,family,secret
roster-problem-unreadable = Row { $row }: not readable as CSV ({ $value }).
roster-problem-field-count = Row { $row }: has { $value } fields; it needs 9.
roster-problem-empty = Row { $row }: { $value } is empty.
roster-problem-too-long = Row { $row }: { $value } is longer than 100 characters.
roster-problem-unknown-school = Row { $row }: no unit has the code "{ $value }".
roster-problem-not-your-school = Row { $row }: the unit "{ $value }" is not under your unit.
roster-problem-school-year = Row { $row }: school year "{ $value }" must be like 2026-2027.
roster-problem-role = Row { $row }: role "{ $value }" must be student or teacher.
roster-problem-username = Row { $row }: username "{ $value }" must be 3–40 of a–z, digits, '.', '_' or '-'.
roster-problem-birth-year = Row { $row }: birth year "{ $value }" is not a year.
roster-problem-secret = Row { $row }: "{ $value }" is not a 4-digit PIN or two pictures like sun+dog.
roster-problem-not-for-teachers = Row { $row }: { $value } is for students; leave it empty for a teacher.
roster-problem-duplicate = Row { $row }: the same person and class as row { $value }.
roster-problem-username-taken = Row { $row }: username "{ $value }" belongs to someone who is not a teacher.
roster-problem-not-in-your-units = Row { $row }: "{ $value }" is not in your units.
password-title = Change password
password-current = Current password
password-new = New password
password-submit = Change password
password-changed = Your password is changed. Your other sessions have ended.

# Learning: progress and results
quiz-sign-in-first = Sign in so your answers are saved and graded.
quiz-submit = Submit answers
quiz-answers-kept = Your answers are still here. Check them, then press Submit answers.
quiz-send-failed = Your answers were not sent yet. They are all still here — check the connection and press Submit answers again.
sign-in-answers-kept = Your session ended while you were doing the quiz. Your answers are kept: sign in again and they will be sent straight away.
progress-best = Best score: { $percent }%
progress-completed = ✓ Completed
progress-seen = { $seen } lesson(s) read
result-title = Your result
result-score = { $correct } of { $total } right ({ $percent }%)
result-passed = Well done! You passed (the pass mark is { $mark }%).
result-not-yet = Not this time (the pass mark is { $mark }%) — that is fine! Read the explanations below and try again.
result-right = Right
result-wrong = Not quite
result-your-choice = your choice
result-right-answer = the right answer
result-try-again = Try again
result-back = Back to the module
certificate-link = Certificate
certificate-title = Certificate of completion
certificate-certifies = This certifies that
certificate-completed = has completed the module
certificate-date = Date
certificate-code = Verification code
certificate-check = Anyone can check this certificate at this page's address.
learn-hello = Hello
learn-continue-title = Continue where you left off
learn-for-you = For you
learn-children = Your children's learning
learn-child-progress = { $completed } module(s) completed, { $started } started
learn-lessons-read = { $seen } of { $total } lessons read
learn-start = Start
learn-continue = Continue
learn-all-modules = See all lessons
error-not-found = This page or item was not found.
error-too-big = What was sent is too big.
error-bad-form = The form that was sent is not right. Reload the page and try again.
quiz-reload = This quiz form has no submission key. Reload the quiz and submit again.

# Assignments
assign-title = Assigned modules
assign-done = The module is assigned to the class.
assign-none = Nothing is assigned to this class yet.
assign-module = Module
assign-due = Due date
assign-completed = Completed
assign-completed-count = { $done } of { $all } students
assign-overdue = Overdue
assign-remove = Unassign
assign-progress = Each student's progress
assign-not-started = Not started
assign-new = Assign a module
assign-submit = Assign
assign-error-date = Choose a valid date.
assign-error-past = The due date cannot be in the past.
assign-error-far = The due date is too far ahead: choose a day in this school year.
assign-error-module = There is no such module.
assign-error-not-for-students = This module is for adults; it cannot be assigned to students.
learn-assigned = Assigned by your teacher
learn-overdue = { $days ->
    [one] One day late
   *[other] { $days } days late
} (due { $date })
learn-due-today = Due today ({ $date })
learn-due-in = { $days ->
    [one] One day left
   *[other] { $days } days left
} (due { $date })
learn-due-on = Due { $date }
