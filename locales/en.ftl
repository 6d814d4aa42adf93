# Vaksam's texts in English. Must be complete: the build fails on a missing message.

-lang-name = English
-lang-dir = ltr
-lang-reviewed = yes

## The app's screens

app-name = Vaksam
tagline = Information security in your pocket
skip-to-content = Skip to content
back = Back
next = Next
settings = Settings
fn-report = Report an incident
fn-report-hint = Something happened to information, a phone, tablet or computer
fn-sign = Sign
fn-sign-hint = Read the policy and sign
fn-quiz = Training
fn-quiz-hint = Short two-minute quizzes
fn-classify = Where may I store this?
fn-classify-hint = Find where information may go
fn-my-reports = My reports
fn-my-reports-hint = See what is sent and received
send-now = Send now
all-sent = Everything is sent
sending = Sending…
needs-enroll-again = This phone is no longer registered. Your reports are kept. Ask your manager for a new code.
enroll-again = Register again
enroll-title = Get started
enroll-intro = Enter the code your municipality gave you. You need a network now. After that the app works without one.
enroll-code-label = Enrollment code
enroll-code-hint = 12 characters, for example 7K2M-Q9XD-4RTA
enroll-button = Register this phone
enroll-bad-code = The code does not work. It may be mistyped, already used or expired. Ask your manager for a new code.
enroll-code-format = The code has 12 characters: digits and letters.
enroll-offline = Vaksam cannot reach the municipality right now. The code may well be right. Check that you have a network and try again.
enroll-server-error = The municipality's server answered with an error. The code may well be right. Try again in a while. If it still fails, ask your manager.
enroll-working = Registering…
enroll-already = This phone is registered to { $name }. Only register it with a new code if it is to be yours.
enroll-or = Do you have an account at the municipality?
enroll-with-account = Sign in with the municipality's account
enroll-with-account-hint = You sign in once. You need a network at that moment.
step-of = Question { $n } of { $total }
q-category = What happened?
h-category = Choose what fits best. You can write more later.
occurred-at = It happened
discovered-at = I discovered it
h-place = For example a workplace, a system or an address. Do not write the client's name.
place-label = Place
q-aspects = What was affected?
h-aspects = Tick everything that may apply. No choice means don't know.
q-personal-data = Are personal data involved?
h-personal-data = Personal data is anything that can be linked to a person, such as a name, ID number or photo.
pd-involved = Are personal data involved?
pd-kinds = What kinds of data?
pd-people = About how many people?
pd-sensitive = Sensitive data, such as health?
pd-secrecy = Data under secrecy (OSL)?
q-harm = Could a care recipient or pupil be harmed?
h-harm = If yes, it is also handled as a deviation or under lex Sarah.
q-ongoing = Is it still going on?
h-actions = For example called IT or asked the recipient to delete. Write no ID numbers.
actions-label = What I have done
h-description = Briefly describe what happened. Write no names or ID numbers.
description-label = Description
fix-errors = Something needs fixing. See the question below.
save-failed = The report could not be saved on the phone. What you typed is kept. Free some space and try again.
saved-title = Thank you! The report is saved
what-now = Do this now
advice-note = Some of this is general advice from Vaksam. The municipality has not confirmed it yet.
in-swedish = (in Swedish)
reports-title = My reports
no-reports = You have no reports yet.
state-waiting = Saved on this phone, waiting to be sent
state-sending = Sending…
state-received = Received by the municipality
state-rejected = The municipality's server did not accept the report
state-conflict = Another report has the same id
case-number = Case
discard = Remove from this phone
discard-confirm = Remove the report? It has not reached the municipality.
waiting = Waiting
received = Received
settings-title = Settings
language = Language
device = This phone
municipality = Municipality
employee = Name
storage-persisted = Reports on this phone are protected from automatic clean-up.
storage-not-persisted = The browser may clear unsent reports if the phone runs low on space. Add Vaksam to the home screen and send reports when you can.
storage-unknown = Unknown whether storage is protected.
update-available = A new version of Vaksam is available.
update-now = Update
no-storage-title = Vaksam cannot save here
no-storage-text = The browser does not allow storage, for example in private mode. Open Vaksam in a normal window so no reports are lost.
not-found-title = Page not found
not-found-text = Go back to the start page.
old-unsent-warning = Some reports have waited for more than three days. Connect to a network as soon as you can.
yes = Yes
no = No
dont-know = Don't know
edit = Change
fn-policy = The policy in brief
fn-policy-hint = What the municipality's information security policy says
policy-not-yet = The policy has not reached this phone yet. It is fetched the next time the phone is online.
adopted-by = Adopted by
policy-version = Version
revision = Reviewed
source-label = Source in the policy:
aspects-title = What is protected
contacts-title = Who to contact
training-title = Training
sign-status-none = You have not signed yet.
sign-status-again = There is a new version. Please read it and sign again.
sign-status-current = You have signed the current version.
what-changed = What changed since you signed:
change-added = New section
change-changed = Changed
change-removed = Section removed
undertaking-changed = The text you sign has changed.
policy-version-changed = The policy has a new version.
confirm-each = Confirm each point
your-details = Your details
field-name = Name
field-employee-ref = Employee number or e-mail
field-workplace = Workplace
h-workplace = For example unit, home-care group or school.
sign-button = Sign
signed-title = Signed
log-entry-label = Number in the municipality's log
signed-waiting = The signature is saved on this phone and sent to the municipality when you have a network.
signature-item = Signature
view-receipt = See what you signed
sign-again-button = Read and sign
who-is-told = Who is told
call-label = Contact:
signer = Signed by
lookup-not-yet = The classification has not reached this phone yet. It is fetched the next time the phone is online.
search-label = What do you want to store or send?
search-hint = For example care plan, photo of a client or Teams.
no-hits = Nothing found. Try another word, or answer a few questions below.
places-title = Or pick a place
guide-link = Not listed? Answer a few questions
why-title = Why
guide-title = Find the right place with a few questions
guide-intro = Answer yes or no. The result is guidance, not the municipality's classification. If unsure, ask your manager.
guide-label = Guidance – not a decision
guide-result = What applies to your information
start-over = Start over
security-title = Does it concern national security?
ask-label = Ask:
sector-school = School
sector-question = Where do you work?
sector-hint = Then you also get questions about your work. You can change it in Settings.
sector-hint-settings = The training includes questions about your work.
sector-care = Home care or care
sector-other = Other work
sector-save = Save
sector-change = Change where you work
your-sector = Where you work
read-whole-policy = Read the whole policy
diarienummer = Reference number
call-button = Call
ask-who = Ask
read-in-policy = Read more in the policy
gq-personal-data = Can the information be linked to a person?
gh-personal-data = For example a name, ID number, address or photo.
gq-sensitive = Is it about health or other sensitive matters?
gh-sensitive = Sensitive means for example health, ethnic origin, religion, sex life and union membership.
gq-secrecy = Is the information covered by secrecy?
gh-secrecy = Secrecy under the Public Access to Information and Secrecy Act (OSL). It covers for example most things about care clients and about pupils' support and health.
gq-emergency = Must the information be at hand at once, for example in an emergency?
gh-emergency = Think of whether someone could be harmed or work would stop if it could not be reached.
gq-harm = Would someone be harmed if the information became wrong?
gh-harm = For example the wrong medicine, the wrong address or a wrong decision.
your-answers = Your answers
quiz-intro = A few questions at a time, about two minutes. You learn at once whether you were right, and why.
quiz-start = Start
quiz-practice = Practise anyway
quiz-not-started = You have not started the training yet. It takes a few minutes at a time.
quiz-no-bank = The questions have not reached this phone yet. They are fetched the next time the phone is online.
quiz-choose-all = Choose all that apply.
quiz-choose-one = Choose one answer.
quiz-answer = Answer
quiz-pick-something = Choose an answer before you go on.
quiz-right = Right!
quiz-wrong = Not quite.
quiz-right-was = The right answer:
quiz-next = Next question
quiz-see-result = See the result
quiz-result-title = Result
quiz-save-failed = The result could not be saved on this phone. Your answers are kept. Try again.
to-home = To the start page
storage-quota = The phone's storage is full. Free some space, for example by removing photos or apps you do not use.
storage-unavailable = Vaksam cannot reach the phone's storage right now. Close Vaksam and open it again.
storage-other = Something went wrong when the phone was saving. Try again in a while.
draft-not-saved = What you type could not be saved on this phone. It is kept while this page is open.
reports-unreadable = The reports on this phone could not be read.
state-rejected-signature = The municipality's server did not accept the signature
state-rejected-quiz = The municipality's server did not accept the result
rejected-why = This needs to be corrected:
correct-and-resend = Correct and send again
sign-again-after-refusal = Sign again
refused-signature-help = Sign again with the policy that applies now. The new signature replaces this one.
refused-quiz-help = What you have learnt is kept on this phone. Take a new round of training and a new result is sent.
to-training = Go to training
correcting-notice = You are correcting a report the municipality's server did not accept. When you send it, the corrected report replaces the old one.
replace-draft-confirm = You have a report in progress. It will be replaced by the report you are correcting. Go on?
db-outdated = Vaksam has been updated – reload
reload = Reload
db-blocked-title = Close other Vaksam tabs
db-blocked-text = Vaksam is being updated, but it is open in another tab or window. Close the other Vaksam tabs and the app goes on here by itself. Nothing saved is lost.
sources-title = Sources
draft-lookup-note = What you found in “Where may I store this?” becomes a new report. The old one is not kept if you start the new one.
draft-keep-old = Continue with the old one
draft-start-new = Start the new one
cancel-yes = Yes, delete the report
cancel-no = No, go on
draft-started-today = today at
draft-prompt-title = You have a report you started
draft-continue = Continue
draft-start-over = Start over
cancel = Cancel
cancel-confirm = Cancel the report? What you have filled in will be deleted.
chosen-category = What happened:
change-category = Change
send-report = Send the report
send-hint = The time is now. You can add place and details, but you do not have to.
tell-more = Tell us more
tell-more-title = Tell us more
tell-more-hint = Everything here is optional. Send whenever you like.
osl-explain = Secrecy under the Public Access to Information and Secrecy Act (OSL) means the data may not be given out, for example about a care recipient's health or a pupil's family.
sensitive-implied = Health, social services and protected identities are always sensitive data.
tell-manager-title = Personal data may be involved
tell-manager-now = Tell your manager at once, so the municipality has time to judge whether it must be reported.
tell-manager-by = If it must be reported, the municipality does so within 72 hours, by
saved-calm = It is saved on this phone. It is sent when you have a network.
add-information = Add information
done = Done
filled-in = We have filled in:
supplement-hint = Write only what is new. It goes to the same case.
supplement-send = Send
supplement-saved = The addition is saved on this phone. It is sent when you have a network.
supplements-title = Additions
supplement-waiting = Saved on this phone. Sent when you have a network.
supplement-sent = Addition sent
status-label = Status
status-received = Received
status-in-progress = Being handled
status-closed = Closed
message-from-municipality = Message from the municipality
status-waiting = Saved on this phone. Sent when you have a network.
sent-title = What you sent
sent-gone = The details are no longer kept on this phone.
saved-at-label = Saved
report-not-found = This report is not on this phone.
to-my-reports = To My reports
card-yes = Yes, here:
card-only-if = Only if …
card-no = No, not here:
card-none-yes = None of these places is enough. Ask your manager where it belongs.
card-why = Why?
card-assessed = How it is assessed
place-yes = Yes, for:
place-no = No, not for:
show-mine = Show only what concerns my work
ask-sector = Then we show what concerns your work. You can change it in Settings.
report-from-no = Has it already happened? Report it
error-tick-points = Tick points { $list }
signed-policy-dated = The policy is dated { $date }.
signed-policy-version = Policy version: { $v }.
policy-what-it-says = What the policy says
training-yearly = You take the training once a year.
training-twice-a-year = You take the training twice a year.
training-every-other-year = You take the training every other year.
training-every-months = You take the training again after { $n } months.
policy-about = More about the policy
policy-facts = About the document
sign-read-first = What you sign is based on
error-summary-title = Please fix this
error-tick-point = Tick point { $n }
sign-save-failed = The signature could not be saved on this phone. What you typed is kept. Free some space and try again.
signed-on = You signed on { $date }.
signed-received = The municipality has received your signature.
signed-what = You signed { $u } for { $p }.
signed-done = Done
quiz-continue-button = Continue
quiz-resume-note = You have a round under way. You are on question { $n } of { $total }.
quiz-start-over = Start over
quiz-your-answer = Your answer
quiz-right-answer = Right answer
quiz-wrong-list = What went wrong
quiz-practice-more = Practise 5 more
sync-saved-offline = Saved on this phone. Sent when you have a network.
send-now-offline = You have no network right now. What is waiting is sent by itself when the network is back.
home-todo = To do
home-more = More in Vaksam
hide = Hide
install-title = Install Vaksam
install-text = Then you open Vaksam from the home screen like an app, even without a network.
install-button = Install
ios-install-title = Add to Home Screen
ios-install-steps = Tap Share (the square with an arrow pointing up) in Safari. Then choose Add to Home Screen.
ios-install-why = Why? Safari can delete what a website has saved after seven days without use. Vaksam on the home screen keeps your unsent reports.
app-version = Version
privacy-title = What Vaksam keeps about you
privacy-text = Your name and your municipality, from the code you were given. The reports you send, when you signed the policy and how your training goes. It is sent only to your municipality. What is not sent yet is kept only here, on your phone, tablet or computer.
storage-title = Storage

## Before the app has loaded, and the language picker

app-starting = Vaksam is starting…
language-not-reviewed = the translation has not been reviewed yet
language-failed = Vaksam could not change the language just now. Check that you have a network and try again.
crash-title = Something went wrong in Vaksam
crash-text = What you have saved is still on this phone. Reload the app to go on.

# A report from the lookup, when no kind of information was chosen
the-information = The information

## What waits to be sent (the status line)

waiting-reports-offline = { $n ->
    [one] { $n } report is waiting for a network
   *[other] { $n } reports are waiting for a network
}
waiting-reports-online = { $n ->
    [one] { $n } report is waiting to be sent
   *[other] { $n } reports are waiting to be sent
}
waiting-items-offline = { $n ->
    [one] { $n } saved item is waiting for a network
   *[other] { $n } saved items are waiting for a network
}
waiting-items-online = { $n ->
    [one] { $n } saved item is waiting to be sent
   *[other] { $n } saved items are waiting to be sent
}
refused-waiting = { $n ->
    [one] Everything else is sent. { $n } saved item was not accepted and needs your help: see My reports.
   *[other] Everything else is sent. { $n } saved items were not accepted and need your help: see My reports.
}
send-failed = Could not send: { $reason }.
retry-in-seconds = Trying again in { $s } s.
retry-in-minutes = Trying again in { $min } min.
fail-no-contact = Vaksam cannot reach the municipality right now
fail-server-error = the server answered with an error ({ $status })
fail-storage-full = the phone's storage is full
fail-storage = the phone's storage does not respond
fail-no-answer = the server answered without taking anything
fail-busy = the server is busy right now
fail-daily-limit = this phone has sent as much as the municipality allows in a day

## What happened (the report's first question)

category-lost-device = Lost or stolen phone, tablet or computer
category-lost-card-or-key = Lost card, tag or key
category-wrong-recipient = E-mail, letter or text to the wrong recipient
category-wrong-printer = Printout on the wrong printer
category-unauthorized-access = Someone saw or reached information they should not
category-wrong-access-rights = Wrong access rights in a system
category-phishing = Phishing or a suspicious message
category-malware = Virus or malware
category-system-unavailable = A system is unavailable
category-data-changed-or-destroyed = Information changed or destroyed by mistake
category-other = Something else

## The four aspects

aspect-name-confidentiality = Confidentiality
aspect-name-integrity = Integrity
aspect-name-availability = Availability
aspect-name-traceability = Traceability
aspect-confidentiality = { aspect-name-confidentiality } – the wrong people may have seen it
aspect-integrity = { aspect-name-integrity } – the information may have become wrong
aspect-availability = { aspect-name-availability } – the information could not be reached
aspect-traceability = { aspect-name-traceability } – it cannot be seen who did what
aspect-plain-confidentiality = The wrong people may have seen the information
aspect-plain-integrity = The information may have become wrong
aspect-plain-availability = The information could not be reached
aspect-plain-traceability = It cannot be seen who did what

## Personal data

pd-kind-identity = Names or ID numbers
pd-kind-contact-details = Address, phone or e-mail
pd-kind-health = Health, medication or care
pd-kind-social-services = Social services, decisions or support
pd-kind-pupil-records = Pupil records, grades or support
pd-kind-protected-identity = Protected identity
pd-kind-financial = Money or bank details
pd-kind-images = Photos or video of people
pd-kind-credentials = Passwords or codes
people-one = One person
people-few = 2–10 people
people-many = 11–100 people
people-very-many = More than 100
people-unknown = Don't know

## What to do now

step-call-it-to-block-device = Call IT support at once so the phone, tablet or computer can be locked and wiped.
step-block-card-or-key = Have the card or tag blocked. If it is a key to a home: tell the person who lives there.
step-ask-recipient-to-delete = Ask the recipient to delete the message. Do not send the content again.
step-fetch-printout = Fetch the printout at once if you can, or ask someone nearby to.
step-do-not-click-or-reply = Do not click, reply or open attachments.
step-change-password-if-entered = Did you click or type a password? Change it now and call IT.
step-disconnect-and-call-it = Disconnect the computer or phone from the network (Wi-Fi off) and call IT.
step-use-fallback-routine = Use the fallback routine (paper or phone) until the system works.
step-ask-for-restore = Tell the system administrator or IT what changed so it can be restored.
step-tell-manager = Tell your manager at once.
step-follow-lex-sarah-routine = A care recipient or pupil may be harmed: follow the deviation or lex Sarah routine.
step-call-now-it-is-ongoing = It is still going on: call IT support now instead of waiting.

## A field's error, in words

error-choose-category = Choose what happened.
error-describe-other = Briefly describe what happened when you chose Something else.
error-confirm-point = Confirm this point.
error-fill-in = Fill in this field.
error-not-email = That does not look like an e-mail address. Write the whole address or your employee number.
error-enter-time = Enter a time.
error-too-long = The text is too long. Please shorten it.
error-bad-time = Cannot read the time. Choose a date and time.
error-in-future = The time lies in the future.
error-before-occurred = Discovery cannot be before the event.
error-duplicate = The same choice appears twice.
error-inconsistent = Does not match the answer that no personal data is involved.

## Why the server refused a saved item

refusal-in-future = The time lies in the future according to the municipality's server. Check that the phone's clock is right and correct the time.
refusal-other-municipality = It was made while the phone was registered with another municipality.
refusal-unknown-version = The municipality does not have that version of the policy.
refusal-unreadable = The server could not read the content. Update Vaksam and try again.
refusal-line = { $label }: { $text }

## KLASSA's levels

level-0 = no or negligible harm
level-1 = moderate harm
level-2 = significant harm
level-3 = serious harm
harm-none = no harm
harm-when-confidentiality = if it gets out
harm-when-integrity = if it becomes wrong
harm-when-availability = if it cannot be reached
harm-when-traceability = if no one can see who did what
harm-if = { $aspect }: { $harm } { $when }
place-takes = { $aspect }: takes { $harm } { $when }

## The lookup

show-all = Show all ({ $n } more, for other work)
more-nos-places = More places where it must not go ({ $n })
more-nos-kinds = More that must not go here ({ $n })
more-yes = More that is fine here ({ $n })
instead = Use instead: { $place }.
hits = { $n ->
    [one] { $n } result
   *[other] { $n } results
}
may-i-use = Can I use { $place }?
misplaced-note = { $kind } ended up in { $place }, where the classification in Vaksam says it must not be.

## Training

course-overdue = The training was due { $date }. { $left } of { $total } questions are left. Take a few now.
course-in-progress = You have got { $right } of { $total } questions right. Go on when you have a moment.
course-done = The training is complete. Next time: { $date }.
score = { $right } of { $total } right
