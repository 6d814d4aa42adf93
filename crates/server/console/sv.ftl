# Konsolens texter på svenska (referensspråket). En rad per text: nyckel = text.
# Platshållare skrivs { $namn }.

console.name = Vaksam konsol
console.skip = Hoppa till innehållet
nav.label = Huvudmeny
nav.incidents = Ärenden
nav.breaches = Personuppgiftsincidenter
nav.content = Innehåll
nav.audit = Logg
nav.admins = Administratörer
session.sign_out = Logga ut
session.sign_out_everywhere = Logga ut på alla enheter
home.title = Start
home.greeting = Hej { $name }!
home.intro = Välj vad du vill göra.
error.title = Det gick inte
error.back = Till startsidan
error.not_found = Sidan finns inte.
error.forbidden = Du har inte behörighet till det här.
error.csrf = Formuläret kunde inte tas emot. Det kan vara för gammalt. Gå tillbaka, ladda om sidan och försök igen.
error.too_large = Det du skickade är för stort.
error.busy = Databasen är upptagen just nu. Inget sparades. Försök igen om en stund.
error.unavailable = Servern kan inte spara något just nu. Inget sparades. Försök igen senare.
error.internal = Något gick fel i servern. Inget sparades.
test.hello = Hej { $name }!
