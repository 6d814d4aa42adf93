# The console's texts in English. One text per line: key = text.
# Placeholders are written { $name }.

console.name = Vaksam console
console.skip = Skip to content
nav.label = Main menu
nav.incidents = Cases
nav.breaches = Personal data breaches
nav.content = Content
nav.audit = Log
nav.admins = Administrators
session.sign_out = Sign out
session.sign_out_everywhere = Sign out on every device
home.title = Start
home.greeting = Hello { $name }!
home.intro = Choose what you want to do.
error.title = That did not work
error.back = To the start page
error.not_found = The page does not exist.
error.forbidden = You are not allowed to do this.
error.csrf = The form could not be accepted. It may be too old. Go back, reload the page and try again.
error.too_large = What you sent is too large.
error.busy = The database is busy right now. Nothing was saved. Try again in a moment.
error.unavailable = The server cannot save anything right now. Nothing was saved. Try again later.
error.internal = Something went wrong in the server. Nothing was saved.
test.hello = Hello { $name }!
