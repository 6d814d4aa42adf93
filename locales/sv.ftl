# Vaksam's texts in Swedish: the reference every other language is read against.
# Plain, friendly, short sentences. Placeholders are { $name }; a number chooses its
# form with { $n -> [one] … *[other] … } (CLDR plural categories).

-lang-name = Svenska
-lang-dir = ltr
-lang-reviewed = yes

## The app's screens

app-name = Vaksam
tagline = Informationssäkerhet i fickan
skip-to-content = Hoppa till innehållet
back = Tillbaka
next = Nästa
settings = Inställningar
fn-report = Rapportera incident
fn-report-hint = Något har hänt med information, en telefon, surfplatta eller dator
fn-sign = Skriv under
fn-sign-hint = Läs policyn och skriv under
fn-quiz = Utbildning
fn-quiz-hint = Korta frågor på två minuter
fn-classify = Var får jag spara?
fn-classify-hint = Sök vart information får ta vägen
fn-my-reports = Mina rapporter
fn-my-reports-hint = Se vad som är skickat och mottaget
send-now = Skicka nu
all-sent = Allt är skickat
sending = Skickar…
needs-enroll-again = Telefonen är inte längre registrerad. Rapporterna ligger kvar. Be din chef om en ny kod.
enroll-again = Registrera igen
enroll-title = Kom igång
enroll-intro = Skriv koden du fick av din kommun. Du behöver nätverk just nu. Sedan fungerar appen utan.
enroll-code-label = Registreringskod
enroll-code-hint = 12 tecken, till exempel 7K2M-Q9XD-4RTA
enroll-button = Registrera telefonen
enroll-bad-code = Koden fungerar inte. Den kan vara felskriven, redan använd eller för gammal. Be din chef om en ny kod.
enroll-code-format = Koden ska ha 12 tecken: siffror och bokstäver.
enroll-offline = Vaksam når inte kommunen just nu. Koden kan vara rätt. Kontrollera att du har nätverk och försök igen.
enroll-server-error = Kommunens server svarade med ett fel. Koden kan vara rätt. Försök igen om en stund. Fungerar det inte, fråga din chef.
enroll-working = Registrerar…
enroll-already = Den här telefonen är registrerad för { $name }. Registrera den bara med en ny kod om den ska bli din.
enroll-or = Har du ett konto i kommunen?
enroll-with-account = Logga in med kommunens konto
enroll-with-account-hint = Du loggar in en gång. Du behöver nätverk just då.
step-of = Fråga { $n } av { $total }
q-category = Vad har hänt?
h-category = Välj det som passar bäst. Du kan skriva mer senare.
occurred-at = Det hände
discovered-at = Jag upptäckte det
h-place = Till exempel en arbetsplats, ett system eller en adress. Skriv inte brukarens namn.
place-label = Plats
q-aspects = Vad påverkades?
h-aspects = Kryssa i allt som kan stämma. Inget val betyder vet inte.
q-personal-data = Gäller det personuppgifter?
h-personal-data = Personuppgifter är allt som kan kopplas till en person, till exempel namn, personnummer eller foto.
pd-involved = Finns personuppgifter med?
pd-kinds = Vilka slags uppgifter?
pd-people = Ungefär hur många personer?
pd-sensitive = Känsliga uppgifter, till exempel hälsa?
pd-secrecy = Uppgifter med sekretess (OSL)?
q-harm = Kan en brukare eller elev ta skada?
h-harm = Om ja ska det också hanteras som avvikelse eller lex Sarah.
q-ongoing = Pågår det fortfarande?
h-actions = Till exempel ringt IT eller bett mottagaren radera. Skriv inga personnummer.
actions-label = Det här har jag gjort
h-description = Beskriv kort vad som hände. Skriv inga namn eller personnummer.
description-label = Beskrivning
fix-errors = Något behöver rättas. Se frågan nedan.
save-failed = Rapporten kunde inte sparas på telefonen. Det du skrev finns kvar. Frigör utrymme och försök igen.
saved-title = Tack! Rapporten är sparad
what-now = Gör så här nu
advice-note = En del av det här är allmänna råd från Vaksam. Kommunen har inte bekräftat dem än.
in-swedish = (på svenska)
reports-title = Mina rapporter
no-reports = Du har inga rapporter ännu.
state-waiting = Sparad på telefonen, väntar på att skickas
state-sending = Skickas…
state-received = Mottagen av kommunen
state-rejected = Kommunens server tog inte emot rapporten
state-conflict = En annan rapport har samma id
case-number = Ärende
discard = Ta bort från telefonen
discard-confirm = Ta bort rapporten? Den har inte nått kommunen.
waiting = Väntar
received = Mottagna
settings-title = Inställningar
language = Språk
device = Den här telefonen
municipality = Kommun
employee = Namn
storage-persisted = Rapporter på telefonen är skyddade mot automatisk rensning.
storage-not-persisted = Webbläsaren kan rensa osända rapporter om telefonen får ont om utrymme. Lägg till Vaksam på hemskärmen och skicka rapporter när du kan.
storage-unknown = Okänt om lagringen är skyddad.
update-available = En ny version av Vaksam finns.
update-now = Uppdatera
no-storage-title = Vaksam kan inte spara här
no-storage-text = Webbläsaren tillåter inte lagring, till exempel i privat läge. Öppna Vaksam i ett vanligt fönster så att inga rapporter går förlorade.
not-found-title = Sidan finns inte
not-found-text = Gå tillbaka till start.
old-unsent-warning = Vissa rapporter har väntat i mer än tre dagar. Anslut till nätverk så snart du kan.
yes = Ja
no = Nej
dont-know = Vet inte
edit = Ändra
fn-policy = Policyn i korthet
fn-policy-hint = Vad kommunens informationssäkerhetspolicy säger
policy-not-yet = Policyn har inte kommit till telefonen än. Den hämtas nästa gång telefonen är online.
adopted-by = Antagen av
policy-version = Version
revision = Ses över
source-label = Källa i policyn:
aspects-title = Det här ska skyddas
contacts-title = Vem du kontaktar
training-title = Utbildning
sign-status-none = Du har inte skrivit under än.
sign-status-again = Det finns en ny version. Läs och skriv under igen.
sign-status-current = Du har skrivit under den gällande versionen.
what-changed = Det här har ändrats sedan du skrev under:
change-added = Nytt avsnitt
change-changed = Ändrat
change-removed = Borttaget avsnitt
undertaking-changed = Texten du skriver under har ändrats.
policy-version-changed = Policyn har en ny version.
confirm-each = Bekräfta varje punkt
your-details = Dina uppgifter
field-name = Namn
field-employee-ref = Anställningsnummer eller e-post
field-workplace = Arbetsplats
h-workplace = Till exempel enhet, hemtjänstgrupp eller skola.
sign-button = Skriv under
signed-title = Underskriven
log-entry-label = Nummer i kommunens logg
signed-waiting = Underskriften är sparad på telefonen och skickas till kommunen när du har nätverk.
signature-item = Underskrift
view-receipt = Visa vad du har skrivit under
sign-again-button = Läs och skriv under
who-is-told = Vem får veta
call-label = Kontakta:
signer = Undertecknare
lookup-not-yet = Klassningen har inte kommit till telefonen än. Den hämtas nästa gång telefonen är online.
search-label = Vad vill du spara eller skicka?
search-hint = Skriv till exempel genomförandeplan, foto på brukare eller Teams.
no-hits = Inget hittades. Prova ett annat ord, eller svara på några frågor nedan.
places-title = Eller välj en plats
guide-link = Hittar du inte? Svara på några frågor
why-title = Därför
guide-title = Hitta rätt plats med några frågor
guide-intro = Svara ja eller nej. Svaret blir en vägledning, inte kommunens klassning. Är du osäker, fråga din chef.
guide-label = Vägledning – inte ett beslut
guide-result = Det här gäller för din information
start-over = Börja om
security-title = Rör det Sveriges säkerhet?
ask-label = Fråga:
sector-school = Skola
sector-question = Var arbetar du?
sector-hint = Då får du också frågor om ditt arbete. Du kan ändra det under Inställningar.
sector-hint-settings = Utbildningen tar upp frågor om ditt arbete.
sector-care = Hemtjänst eller omsorg
sector-other = Annat arbete
sector-save = Spara
sector-change = Ändra var du arbetar
your-sector = Var du arbetar
read-whole-policy = Läs hela policyn
diarienummer = Diarienummer
call-button = Ring
ask-who = Fråga
read-in-policy = Läs mer i policyn
gq-personal-data = Går informationen att koppla till en person?
gh-personal-data = Till exempel namn, personnummer, adress eller foto.
gq-sensitive = Handlar det om hälsa eller andra känsliga uppgifter?
gh-sensitive = Känsligt är till exempel hälsa, etniskt ursprung, religion, sexualliv och fackligt medlemskap.
gq-secrecy = Gäller sekretess för informationen?
gh-secrecy = Sekretess enligt offentlighets- och sekretesslagen (OSL). Den gäller till exempel det mesta om brukare i omsorgen och om elevers stöd och hälsa.
gq-emergency = Måste informationen finnas till hands direkt, till exempel i en nödsituation?
gh-emergency = Tänk på om någon kan skadas eller arbetet stoppas om den inte går att nå.
gq-harm = Skulle någon skadas om informationen blev fel?
gh-harm = Till exempel fel medicin, fel adress eller ett felaktigt beslut.
your-answers = Dina svar
quiz-intro = Några frågor i taget, ungefär två minuter. Du får veta direkt om du svarat rätt och varför.
quiz-start = Starta
quiz-practice = Öva ändå
quiz-not-started = Du har inte börjat utbildningen än. Den tar några minuter åt gången.
quiz-no-bank = Frågorna har inte kommit till telefonen än. De hämtas nästa gång telefonen är online.
quiz-choose-all = Välj alla som stämmer.
quiz-choose-one = Välj ett svar.
quiz-answer = Svara
quiz-pick-something = Välj ett svar innan du går vidare.
quiz-right = Rätt!
quiz-wrong = Inte riktigt.
quiz-right-was = Rätt svar:
quiz-next = Nästa fråga
quiz-see-result = Se resultatet
quiz-result-title = Resultat
quiz-save-failed = Resultatet kunde inte sparas på telefonen. Dina svar finns kvar. Försök igen.
to-home = Till start
storage-quota = Telefonens lagring är full. Frigör utrymme, till exempel genom att ta bort bilder eller appar du inte använder.
storage-unavailable = Vaksam kommer inte åt lagringen på telefonen just nu. Stäng Vaksam och öppna appen igen.
storage-other = Något gick fel när telefonen skulle spara. Försök igen om en stund.
draft-not-saved = Det du skriver kunde inte sparas på telefonen. Det finns kvar så länge sidan är öppen.
reports-unreadable = Rapporterna på telefonen kunde inte läsas.
state-rejected-signature = Kommunens server tog inte emot underskriften
state-rejected-quiz = Kommunens server tog inte emot resultatet
rejected-why = Det här behöver rättas:
correct-and-resend = Rätta och skicka igen
sign-again-after-refusal = Skriv under igen
refused-signature-help = Skriv under igen med policyn som gäller nu. Den nya underskriften ersätter den här.
refused-quiz-help = Det du lärt dig finns kvar på telefonen. Gör en ny omgång i utbildningen, så skickas ett nytt resultat.
to-training = Till utbildningen
correcting-notice = Du rättar en rapport som kommunens server inte tog emot. När du skickar ersätter den rättade rapporten den gamla.
replace-draft-confirm = Du har en påbörjad rapport. Den ersätts av rapporten du ska rätta. Fortsätta?
db-outdated = Vaksam har uppdaterats – ladda om
reload = Ladda om
db-blocked-title = Stäng andra flikar med Vaksam
db-blocked-text = Vaksam uppdateras, men är öppen i en annan flik eller ett annat fönster. Stäng de andra flikarna med Vaksam, så fortsätter appen här av sig själv. Inget sparat går förlorat.
sources-title = Källor
draft-lookup-note = Det du hittade i ”Var får jag spara?” blir en ny rapport. Den gamla sparas inte om du börjar den nya.
draft-keep-old = Fortsätt med den gamla
draft-start-new = Börja den nya
cancel-yes = Ja, ta bort rapporten
cancel-no = Nej, fortsätt
draft-started-today = i dag kl.
draft-prompt-title = Du har en påbörjad rapport
draft-continue = Fortsätt
draft-start-over = Börja om
cancel = Avbryt
cancel-confirm = Vill du avbryta rapporten? Det du har fyllt i tas bort.
chosen-category = Det här har hänt:
change-category = Ändra
send-report = Skicka rapporten
send-hint = Tiden är nu. Plats och detaljer kan du lägga till, men du behöver inte.
tell-more = Berätta mer
tell-more-title = Berätta mer
tell-more-hint = Allt här är frivilligt. Skicka när du vill.
osl-explain = Sekretess enligt offentlighets- och sekretesslagen (OSL) betyder att uppgifterna inte får lämnas ut, till exempel om en brukares hälsa eller en elevs familj.
sensitive-implied = Hälsa, socialtjänst och skyddade personuppgifter är alltid känsliga uppgifter.
tell-manager-title = Personuppgifter kan vara berörda
tell-manager-now = Tala om det för din chef genast, så hinner kommunen bedöma om den ska anmälas.
tell-manager-by = Om det ska anmälas, gör kommunen det inom 72 timmar, senast
saved-calm = Den är sparad på telefonen. Den skickas när du har nätverk.
add-information = Lägg till information
done = Klar
filled-in = Vi har fyllt i:
supplement-hint = Skriv bara det som är nytt. Det hamnar i samma ärende.
supplement-send = Skicka
supplement-saved = Tillägget är sparat på telefonen. Det skickas när du har nätverk.
supplements-title = Tillägg
supplement-waiting = Sparat på telefonen. Skickas när du har nätverk.
supplement-sent = Tillägg skickat
status-label = Status
status-received = Mottagen
status-in-progress = Under handläggning
status-closed = Avslutad
message-from-municipality = Meddelande från kommunen
status-waiting = Sparad på telefonen. Skickas när du har nätverk.
sent-title = Det här skickade du
sent-gone = Detaljerna finns inte längre kvar på telefonen.
saved-at-label = Sparad
report-not-found = Rapporten finns inte på den här telefonen.
to-my-reports = Till Mina rapporter
card-yes = Ja, här:
card-only-if = Bara om …
card-no = Nej, inte här:
card-none-yes = Inget av ställena här räcker. Fråga din chef var det ska sparas.
card-why = Varför?
card-assessed = Så här är det bedömt
place-yes = Ja, för:
place-no = Nej, inte för:
show-mine = Visa bara det som gäller mitt arbete
ask-sector = Då visar vi det som gäller ditt arbete. Du kan ändra det under Inställningar.
report-from-no = Har det redan hänt? Rapportera
error-tick-points = Kryssa i punkterna { $list }
signed-policy-dated = Policyn är daterad { $date }.
signed-policy-version = Policyns version: { $v }.
policy-what-it-says = Det här säger policyn
training-yearly = Du gör utbildningen en gång om året.
training-twice-a-year = Du gör utbildningen två gånger om året.
training-every-other-year = Du gör utbildningen vartannat år.
training-every-months = Du gör utbildningen igen efter { $n } månader.
policy-about = Mer om policyn
policy-facts = Om dokumentet
sign-read-first = Det du skriver under bygger på
error-summary-title = Det här behöver du rätta
error-tick-point = Kryssa i punkt { $n }
sign-save-failed = Underskriften kunde inte sparas på telefonen. Det du skrev finns kvar. Frigör utrymme och försök igen.
signed-on = Du skrev under den { $date }.
signed-received = Kommunen har fått din underskrift.
signed-what = Du skrev under { $u } för { $p }.
signed-done = Klar
quiz-continue-button = Fortsätt
quiz-resume-note = Du har en omgång på gång. Du är på fråga { $n } av { $total }.
quiz-start-over = Börja om
quiz-your-answer = Ditt svar
quiz-right-answer = Rätt svar
quiz-wrong-list = Det här blev fel
quiz-practice-more = Öva 5 till
sync-saved-offline = Sparad på telefonen. Skickas när du har nätverk.
send-now-offline = Du har inget nätverk just nu. Det som väntar skickas av sig själv när nätverket är tillbaka.
home-todo = Att göra
home-more = Mer i Vaksam
hide = Dölj
install-title = Installera Vaksam
install-text = Då öppnar du Vaksam från hemskärmen som en app, även utan nätverk.
install-button = Installera
ios-install-title = Lägg till på hemskärmen
ios-install-steps = Tryck på Dela (rutan med en pil uppåt) i Safari. Välj sedan Lägg till på hemskärmen.
ios-install-why = Varför? Safari kan ta bort det en webbplats har sparat efter sju dagar utan användning. Vaksam på hemskärmen behåller dina osända rapporter.
app-version = Version
privacy-title = Det här sparar Vaksam om dig
privacy-text = Ditt namn och din kommun, från koden du fick. Rapporterna du skickar, när du skrivit under policyn och hur det går i utbildningen. Det skickas bara till din kommun. Det som inte är skickat än finns bara här, på din telefon, surfplatta eller dator.
storage-title = Lagring

## Before the app has loaded, and the language picker

app-starting = Vaksam startar…
# Under a language in the picker whose texts no native speaker (for lättläst: no
# easy-to-read editor) has reviewed yet (-lang-reviewed = no).
language-not-reviewed = översättningen är inte granskad än
language-failed = Vaksam kunde inte byta språk just nu. Kontrollera att du har nätverk och försök igen.
# The crash screen, shown over everything when the app has stopped (a bug, or texts that
# could not be loaded). Its button is `reload`. The page carries these texts, so they
# must be plain text.
crash-title = Något gick fel i Vaksam
crash-text = Det du har sparat finns kvar på telefonen. Ladda om appen för att fortsätta.

# A report from the lookup, when no kind of information was chosen
the-information = Informationen

## What waits to be sent (the status line)

waiting-reports-offline = { $n ->
    [one] { $n } rapport väntar på nätverk
   *[other] { $n } rapporter väntar på nätverk
}
waiting-reports-online = { $n ->
    [one] { $n } rapport väntar på att skickas
   *[other] { $n } rapporter väntar på att skickas
}
waiting-items-offline = { $n ->
    [one] { $n } sparad uppgift väntar på nätverk
   *[other] { $n } sparade uppgifter väntar på nätverk
}
waiting-items-online = { $n ->
    [one] { $n } sparad uppgift väntar på att skickas
   *[other] { $n } sparade uppgifter väntar på att skickas
}
refused-waiting = { $n ->
    [one] Allt annat är skickat. { $n } sparad uppgift togs inte emot och behöver din hjälp: se Mina rapporter.
   *[other] Allt annat är skickat. { $n } sparade uppgifter togs inte emot och behöver din hjälp: se Mina rapporter.
}
send-failed = Kunde inte skicka: { $reason }.
retry-in-seconds = Försöker igen om { $s } s.
retry-in-minutes = Försöker igen om { $min } min.
fail-no-contact = Vaksam når inte kommunen just nu
fail-server-error = servern svarade med fel ({ $status })
fail-storage-full = telefonens lagring är full
fail-storage = telefonens lagring svarar inte
fail-no-answer = servern svarade utan att ta emot något
fail-busy = servern har mycket att göra just nu
fail-daily-limit = telefonen har skickat så mycket som kommunen tillåter på ett dygn

## What happened (the report's first question)

category-lost-device = Borttappad eller stulen telefon, surfplatta eller dator
category-lost-card-or-key = Borttappat kort, tagg eller nyckel
category-wrong-recipient = E-post, brev eller sms till fel mottagare
category-wrong-printer = Utskrift på fel skrivare
category-unauthorized-access = Någon såg eller kom åt information de inte skulle
category-wrong-access-rights = Fel behörighet i ett system
category-phishing = Nätfiske eller misstänkt meddelande
category-malware = Virus eller skadlig kod
category-system-unavailable = Ett system fungerar inte
category-data-changed-or-destroyed = Information ändrad eller förstörd av misstag
category-other = Något annat

## The four aspects: the short name, the name with a plain explanation, and the
## explanation alone (the report's "Berätta mer" screen)

aspect-name-confidentiality = Sekretess
aspect-name-integrity = Riktighet
aspect-name-availability = Tillgänglighet
aspect-name-traceability = Spårbarhet
aspect-confidentiality = { aspect-name-confidentiality } – fel personer kan ha sett informationen
aspect-integrity = { aspect-name-integrity } – informationen kan ha blivit fel
aspect-availability = { aspect-name-availability } – informationen gick inte att nå
aspect-traceability = { aspect-name-traceability } – det går inte att se vem som gjorde vad
aspect-plain-confidentiality = Fel personer kan ha sett informationen
aspect-plain-integrity = Informationen kan ha blivit fel
aspect-plain-availability = Informationen gick inte att nå
aspect-plain-traceability = Det går inte att se vem som gjorde vad

## Personal data

pd-kind-identity = Namn eller personnummer
pd-kind-contact-details = Adress, telefon eller e-post
pd-kind-health = Hälsa, läkemedel eller vård
pd-kind-social-services = Socialtjänst, beslut eller insatser
pd-kind-pupil-records = Elevuppgifter, betyg eller stöd
pd-kind-protected-identity = Skyddade personuppgifter
pd-kind-financial = Ekonomi eller bankuppgifter
pd-kind-images = Foto eller film på personer
pd-kind-credentials = Lösenord eller koder
people-one = En person
people-few = 2–10 personer
people-many = 11–100 personer
people-very-many = Fler än 100
people-unknown = Vet inte

## What to do now

step-call-it-to-block-device = Ring IT-supporten direkt så att telefonen, surfplattan eller datorn kan spärras och raderas.
step-block-card-or-key = Spärra kortet eller taggen. Gäller det en nyckel till en bostad: berätta för den som bor där.
step-ask-recipient-to-delete = Be mottagaren radera meddelandet. Skicka inte innehållet igen.
step-fetch-printout = Hämta utskriften direkt om du kan, eller be någon i närheten göra det.
step-do-not-click-or-reply = Klicka inte, svara inte och öppna inga bilagor.
step-change-password-if-entered = Har du klickat eller skrivit ett lösenord? Byt lösenord nu och ring IT.
step-disconnect-and-call-it = Koppla bort datorn eller telefonen från nätverket (stäng av wifi) och ring IT.
step-use-fallback-routine = Använd reservrutinen (papper eller telefon) tills systemet fungerar.
step-ask-for-restore = Berätta för systemförvaltaren eller IT vad som ändrats, så att det kan återställas.
step-tell-manager = Berätta för din chef genast.
step-follow-lex-sarah-routine = En brukare eller elev kan ta skada: följ rutinen för avvikelse eller lex Sarah.
step-call-now-it-is-ongoing = Det pågår fortfarande: ring IT-supporten nu i stället för att vänta.

## A field's error, in words

error-choose-category = Välj vad som har hänt.
error-describe-other = Beskriv kort vad som hänt när du valt Något annat.
error-confirm-point = Bekräfta den här punkten.
error-fill-in = Fyll i det här fältet.
error-not-email = Det ser inte ut som en e-postadress. Skriv hela adressen eller ditt anställningsnummer.
error-enter-time = Fyll i en tid.
error-too-long = Texten är för lång. Korta ner den.
error-bad-time = Kan inte läsa tiden. Välj datum och klockslag.
error-in-future = Tiden ligger i framtiden.
error-before-occurred = Upptäckten kan inte vara före händelsen.
error-duplicate = Samma val finns två gånger.
error-inconsistent = Stämmer inte med svaret att inga personuppgifter finns med.

## Why the server refused a saved item

refusal-in-future = Tiden ligger i framtiden enligt kommunens server. Kontrollera att telefonens klocka går rätt och rätta tiden.
refusal-other-municipality = Den gjordes när telefonen var registrerad i en annan kommun.
refusal-unknown-version = Kommunen har inte den versionen av policyn.
refusal-unreadable = Servern kunde inte läsa innehållet. Uppdatera Vaksam och försök igen.
# The question a refusal concerns, then what is wrong.
refusal-line = { $label }: { $text }

## KLASSA's levels, and what a kind or a place can take

level-0 = ingen eller försumbar skada
level-1 = måttlig skada
level-2 = betydande skada
level-3 = allvarlig skada
harm-none = ingen skada
harm-when-confidentiality = om den kommer ut
harm-when-integrity = om den blir fel
harm-when-availability = om den inte går att nå
harm-when-traceability = om det inte går att se vem som gjort vad
# "Sekretess: allvarlig skada om den kommer ut"
harm-if = { $aspect }: { $harm } { $when }
# "Sekretess: tål måttlig skada om den kommer ut"
place-takes = { $aspect }: tål { $harm } { $when }

## The lookup

show-all = Visa allt ({ $n } till, för annat arbete)
more-nos-places = Fler ställen där det inte får finnas ({ $n })
more-nos-kinds = Mer som inte får läggas här ({ $n })
more-yes = Mer som går bra här ({ $n })
instead = Använd i stället: { $place }.
hits = { $n ->
    [one] { $n } träff
   *[other] { $n } träffar
}
may-i-use = Kan jag använda { $place }?
misplaced-note = { $kind } har hamnat i { $place }, där det inte får finnas enligt klassningen i Vaksam.

## Training

course-overdue = Utbildningen skulle vara klar { $date }. { $left } av { $total } frågor återstår. Ta några nu.
course-in-progress = Du har klarat { $right } av { $total } frågor. Fortsätt när du har en stund.
course-done = Utbildningen är genomförd. Nästa gång: { $date }.
score = { $right } av { $total } rätt
