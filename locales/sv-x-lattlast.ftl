# Vaksam's texts in lättläst svenska (easy-to-read Swedish), after the guidelines of
# MTM (Myndigheten för tillgängliga medier) and Begripsam: short sentences, common
# everyday words, one instruction per sentence, active voice, "du", no abbreviations,
# numbers as digits, no figurative language. Same facts as sv.ftl; a long sentence may
# be split into several. Not yet reviewed by an easy-to-read editor (-lang-reviewed = no).
# Conventions: "nätverk" is "internet" where it means being online; "kommunens server"
# is "kommunens dator"; OSL is explained as "hemliga enligt lagen (sekretess)".
# A message left out here is shown in ordinary Swedish (sv.ftl).

-lang-name = Lättläst svenska
-lang-dir = ltr
-lang-reviewed = no

## The app's screens

app-name = Vaksam
tagline = Hjälp att skydda information – i din telefon
skip-to-content = Gå direkt till innehållet
back = Tillbaka
next = Nästa
settings = Inställningar
fn-report = Rapportera något som har hänt
fn-report-hint = Något har hänt med information. Eller med en telefon, surfplatta eller dator.
fn-sign = Skriv under
fn-sign-hint = Läs policyn. Skriv sedan under.
fn-quiz = Utbildning
fn-quiz-hint = Korta frågor. Det tar 2 minuter.
fn-classify = Var får jag spara?
fn-classify-hint = Sök var du får spara och skicka information
fn-my-reports = Mina rapporter
fn-my-reports-hint = Se vad du har skickat. Se vad kommunen har fått.
send-now = Skicka nu
all-sent = Allt är skickat
sending = Skickar…
needs-enroll-again = Telefonen är inte registrerad längre. Dina rapporter finns kvar på telefonen. Be din chef om en ny kod.
enroll-again = Registrera igen
enroll-title = Börja använda Vaksam
enroll-intro = Skriv koden som du har fått av kommunen. Du behöver internet nu. Sedan fungerar appen utan internet.
enroll-code-label = Din kod
enroll-code-hint = Koden har 12 siffror och bokstäver. Till exempel: 7K2M-Q9XD-4RTA
enroll-button = Registrera telefonen
enroll-bad-code = Koden fungerar inte. Du kanske skrev fel. Eller så har någon redan använt koden. Eller så är koden för gammal. Be din chef om en ny kod.
enroll-code-format = Koden ska ha 12 siffror och bokstäver.
enroll-offline = Vaksam får inte kontakt med kommunen just nu. Din kod kan vara rätt. Kontrollera att du har internet. Försök sedan igen.
enroll-server-error = Kommunens dator svarade med ett fel. Din kod kan vara rätt. Försök igen om en stund. Fråga din chef om det inte fungerar då heller.
enroll-working = Registrerar…
enroll-already = Den här telefonen är registrerad för { $name }. Ska telefonen bli din? Bara då ska du registrera den med en ny kod.
enroll-or = Har du ett konto i kommunen?
enroll-with-account = Logga in med ditt konto i kommunen
enroll-with-account-hint = Du loggar in 1 gång. Då behöver du internet.
step-of = Fråga { $n } av { $total }
q-category = Vad har hänt?
h-category = Välj det som passar bäst. Du kan skriva mer sedan.
occurred-at = När hände det?
discovered-at = När märkte du det?
h-place = Det kan vara en arbetsplats, ett system eller en adress. Skriv inte namnet på brukaren.
place-label = Plats
q-aspects = Vad kan ha hänt med informationen?
h-aspects = Kryssa i allt som kan stämma. Vet du inte? Då kryssar du inte i något.
q-personal-data = Handlar det om personuppgifter?
h-personal-data = Personuppgifter är allt som går att koppla till en person. Till exempel namn, personnummer eller foto.
pd-involved = Finns det personuppgifter med?
pd-kinds = Vad är det för uppgifter?
pd-people = Ungefär hur många personer gäller det?
pd-sensitive = Finns det känsliga uppgifter med? Till exempel om hälsa.
pd-secrecy = Är uppgifterna hemliga enligt lagen (sekretess)?
q-harm = Kan det här skada en brukare eller en elev?
h-harm = Svarar du ja? Då gäller också reglerna för avvikelse eller lex Sarah.
q-ongoing = Händer det fortfarande?
h-actions = Till exempel: Du har ringt IT-supporten. Eller du har bett den som fick meddelandet att ta bort det. Skriv inte personnummer.
actions-label = Det här har jag gjort
h-description = Skriv kort vad som hände. Skriv inte namn. Skriv inte personnummer.
description-label = Beskrivning
fix-errors = Du behöver rätta något. Titta på frågan nedanför.
save-failed = Telefonen kunde inte spara rapporten. Det du skrev finns kvar. Gör plats på telefonen. Försök sedan igen.
saved-title = Tack! Din rapport är sparad
what-now = Gör så här nu
advice-note = En del av råden här är allmänna råd från Vaksam. Kommunen har inte bekräftat dem än.
in-swedish = (på vanlig svenska)
reports-title = Mina rapporter
no-reports = Du har inga rapporter än.
state-waiting = Sparad på telefonen. Inte skickad än.
state-sending = Skickar…
state-received = Kommunen har fått den
state-rejected = Kommunens dator tog inte emot rapporten
state-conflict = En annan rapport har samma id-nummer
case-number = Ärendenummer
discard = Ta bort från telefonen
discard-confirm = Vill du ta bort rapporten? Kommunen har inte fått den.
waiting = Väntar
received = Har kommit fram
settings-title = Inställningar
language = Språk
device = Den här telefonen
municipality = Kommun
employee = Namn
storage-persisted = Telefonen tar inte bort dina rapporter av sig själv.
storage-not-persisted = Webbläsaren kan ta bort rapporter som inte är skickade. Det kan hända om det blir lite plats på telefonen. Lägg Vaksam på hemskärmen. Skicka rapporter när du kan.
storage-unknown = Vi vet inte om telefonen kan ta bort dina rapporter av sig själv.
update-available = Det finns en ny version av Vaksam.
update-now = Uppdatera
no-storage-title = Vaksam kan inte spara här
no-storage-text = Webbläsaren låter inte Vaksam spara. Det kan till exempel hända i privat läge. Öppna Vaksam i ett vanligt fönster. Då försvinner inga rapporter.
not-found-title = Sidan finns inte
not-found-text = Gå tillbaka till start.
old-unsent-warning = Några rapporter har väntat i mer än 3 dagar. Anslut till internet så snart du kan.
yes = Ja
no = Nej
dont-know = Vet inte
edit = Ändra
fn-policy = Policyn kort
fn-policy-hint = Det här säger kommunens regler om att skydda information
policy-not-yet = Policyn har inte kommit till telefonen än. Telefonen hämtar den nästa gång den har internet.
adopted-by = Beslutad av
policy-version = Version
revision = Så här går kommunen igenom policyn:
source-label = Här står det i policyn:
aspects-title = Det här ska vi skydda
contacts-title = Vem ska du kontakta?
training-title = Utbildning
sign-status-none = Du har inte skrivit under än.
sign-status-again = Det finns en ny version. Läs den. Skriv sedan under igen.
sign-status-current = Du har skrivit under den version som gäller nu.
what-changed = Det här är ändrat sedan du skrev under:
change-added = Ny del
change-changed = Ändrad
change-removed = Borttagen del
undertaking-changed = Texten som du skriver under är ändrad.
policy-version-changed = Det finns en ny version av policyn.
confirm-each = Kryssa i varje punkt
your-details = Dina uppgifter
field-name = Namn
field-employee-ref = Ditt nummer som anställd, eller din e-post
field-workplace = Arbetsplats
h-workplace = Till exempel din enhet, din grupp i hemtjänsten eller din skola.
sign-button = Skriv under
signed-title = Du har skrivit under
log-entry-label = Nummer i kommunens lista över underskrifter
signed-waiting = Underskriften är sparad på telefonen. Vaksam skickar den till kommunen när du har internet.
signature-item = Underskrift
view-receipt = Se vad du har skrivit under
sign-again-button = Läs och skriv under
who-is-told = De här får veta
call-label = Kontakta:
signer = Skrev under
lookup-not-yet = Listan över var du får spara har inte kommit till telefonen än. Telefonen hämtar den nästa gång den har internet.
search-label = Vad vill du spara eller skicka?
search-hint = Du kan till exempel skriva genomförandeplan, foto på brukare eller Teams.
no-hits = Vaksam hittade inget. Prova ett annat ord. Eller svara på några frågor längre ner.
places-title = Eller välj en plats
guide-link = Hittar du inte? Svara på några frågor.
why-title = Därför
guide-title = Svara på några frågor och hitta rätt plats
guide-intro = Svara ja eller nej. Svaret är ett råd. Det är inte kommunens beslut om informationen. Fråga din chef om du är osäker.
guide-label = Ett råd – inte ett beslut
guide-result = Det här gäller för din information
start-over = Börja om
security-title = Handlar det om Sveriges säkerhet?
ask-label = Fråga:
sector-school = Skola
sector-question = Var arbetar du?
sector-hint = Då får du också frågor om ditt arbete. Du kan ändra det under Inställningar.
sector-hint-settings = Utbildningen har frågor om ditt arbete.
sector-care = Hemtjänst eller omsorg
sector-other = Annat arbete
sector-save = Spara
sector-change = Ändra var du arbetar
your-sector = Var du arbetar
read-whole-policy = Läs hela policyn
diarienummer = Diarienummer (kommunens nummer för dokumentet)
call-button = Ring
ask-who = Fråga
read-in-policy = Läs mer i policyn
gq-personal-data = Går det att koppla informationen till en person?
gh-personal-data = Till exempel namn, personnummer, adress eller foto.
gq-sensitive = Handlar det om hälsa? Eller om andra känsliga uppgifter?
gh-sensitive = Känsliga uppgifter är till exempel uppgifter om hälsa, etniskt ursprung, religion och sexualliv. Det är också känsligt om en person är med i facket.
gq-secrecy = Är informationen hemlig enligt lagen (sekretess)?
gh-secrecy = Lagen om vad som är hemligt heter offentlighets- och sekretesslagen. Den gäller till exempel det mesta om brukare i omsorgen. Den gäller också det mesta om elevers stöd och hälsa.
gq-emergency = Måste informationen finnas där direkt? Till exempel när något är akut.
gh-emergency = Tänk på det här: Kan någon bli skadad om ingen kan nå informationen? Kan arbetet stoppas då?
gq-harm = Kan någon bli skadad om informationen blir fel?
gh-harm = Till exempel fel medicin, fel adress eller fel beslut.
your-answers = Dina svar
quiz-intro = Du får några frågor åt gången. Det tar ungefär 2 minuter. Du får veta direkt om ditt svar är rätt. Du får också veta varför.
quiz-start = Börja
quiz-practice = Öva ändå
quiz-not-started = Du har inte börjat utbildningen än. Den tar några minuter varje gång.
quiz-no-bank = Frågorna har inte kommit till telefonen än. Telefonen hämtar dem nästa gång den har internet.
quiz-choose-all = Välj alla svar som stämmer.
quiz-choose-one = Välj 1 svar.
quiz-answer = Svara
quiz-pick-something = Välj ett svar först. Sedan kan du gå vidare.
quiz-right = Rätt!
quiz-wrong = Det är inte rätt svar.
quiz-right-was = Rätt svar:
quiz-next = Nästa fråga
quiz-see-result = Se resultatet
quiz-result-title = Resultat
quiz-save-failed = Telefonen kunde inte spara resultatet. Dina svar finns kvar. Försök igen.
to-home = Till start
storage-quota = Det finns ingen plats kvar på telefonen. Gör plats på telefonen. Du kan till exempel ta bort bilder eller appar som du inte använder.
storage-unavailable = Vaksam kan inte spara eller läsa på telefonen just nu. Stäng Vaksam. Öppna sedan appen igen.
storage-other = Något blev fel när telefonen skulle spara. Försök igen om en stund.
draft-not-saved = Telefonen kunde inte spara det du skriver. Texten finns kvar så länge sidan är öppen.
reports-unreadable = Vaksam kunde inte läsa rapporterna på telefonen.
state-rejected-signature = Kommunens dator tog inte emot underskriften
state-rejected-quiz = Kommunens dator tog inte emot resultatet
rejected-why = Det här behöver du rätta:
correct-and-resend = Rätta och skicka igen
sign-again-after-refusal = Skriv under igen
refused-signature-help = Skriv under igen. Gör det med den policy som gäller nu. Den nya underskriften kommer i stället för den här.
refused-quiz-help = Det du har lärt dig finns kvar på telefonen. Gör en ny omgång i utbildningen. Då skickar Vaksam ett nytt resultat.
to-training = Till utbildningen
correcting-notice = Du rättar en rapport. Kommunens dator tog inte emot rapporten förut. När du skickar den rättade rapporten, kommer den i stället för den gamla.
replace-draft-confirm = Du har börjat på en rapport. Den byts ut mot rapporten som du ska rätta. Vill du fortsätta?
db-outdated = Vaksam är uppdaterad. Ladda om sidan.
reload = Ladda om
db-blocked-title = Stäng Vaksam i andra flikar
db-blocked-text = Vaksam uppdateras. Men Vaksam är öppen i en annan flik eller i ett annat fönster. Stäng de andra flikarna med Vaksam. Då fortsätter appen här av sig själv. Du förlorar inget som är sparat.
sources-title = Var texten kommer från
draft-lookup-note = Det du hittade i ”Var får jag spara?” blir en ny rapport. Om du börjar den nya rapporten, försvinner den gamla.
draft-keep-old = Fortsätt med den gamla
draft-start-new = Börja den nya
cancel-yes = Ja, ta bort rapporten
cancel-no = Nej, fortsätt
draft-started-today = i dag klockan
draft-prompt-title = Du har börjat på en rapport
draft-continue = Fortsätt
draft-start-over = Börja om
cancel = Avbryt
cancel-confirm = Vill du avbryta rapporten? Då försvinner allt som du har fyllt i.
chosen-category = Det här har hänt:
change-category = Ändra
send-report = Skicka rapporten
send-hint = Vaksam skriver in tiden just nu. Du kan lägga till plats och mer information. Men du behöver inte göra det.
tell-more = Berätta mer
tell-more-title = Berätta mer
tell-more-hint = Du väljer själv om du vill svara här. Skicka när du vill.
osl-explain = Sekretess betyder att uppgifterna är hemliga enligt lagen. Ingen får lämna ut dem. Det gäller till exempel uppgifter om en brukares hälsa eller om en elevs familj. Lagen heter offentlighets- och sekretesslagen.
sensitive-implied = Uppgifter om hälsa och socialtjänst är alltid känsliga. Skyddade personuppgifter är också alltid känsliga.
tell-manager-title = Det kan gälla personuppgifter
tell-manager-now = Berätta för din chef direkt. Då hinner kommunen bestämma om den ska anmäla det.
tell-manager-by = Om kommunen ska anmäla det, gör kommunen det inom 72 timmar. Det betyder senast
saved-calm = Rapporten är sparad på telefonen. Vaksam skickar den när du har internet.
add-information = Lägg till mer information
done = Klar
filled-in = Vi har fyllt i det här:
supplement-hint = Skriv bara det som är nytt. Det kommer till samma ärende.
supplement-send = Skicka
supplement-saved = Det du lade till är sparat på telefonen. Vaksam skickar det när du har internet.
supplements-title = Det du har lagt till
supplement-waiting = Sparat på telefonen. Vaksam skickar det när du har internet.
supplement-sent = Det du lade till är skickat
status-label = Status
status-received = Kommunen har fått den
status-in-progress = Kommunen arbetar med den
status-closed = Kommunen är klar med den
message-from-municipality = Meddelande från kommunen
status-waiting = Sparad på telefonen. Vaksam skickar den när du har internet.
sent-title = Det här skickade du
sent-gone = Det du skrev finns inte kvar på telefonen.
saved-at-label = Sparad
report-not-found = Rapporten finns inte på den här telefonen.
to-my-reports = Till Mina rapporter
card-yes = Ja, här:
card-only-if = Bara om …
card-no = Nej, inte här:
card-none-yes = Ingen av platserna här räcker. Fråga din chef var du ska spara det.
card-why = Varför?
card-assessed = Så här är bedömningen
place-yes = Ja, för:
place-no = Nej, inte för:
show-mine = Visa bara det som gäller mitt arbete
ask-sector = Då visar vi det som gäller ditt arbete. Du kan ändra det under Inställningar.
report-from-no = Har det redan hänt? Rapportera det.
error-tick-points = Kryssa i punkterna { $list }
signed-policy-dated = Policyn har datumet { $date }.
signed-policy-version = Policyns version: { $v }.
policy-what-it-says = Det här står i policyn
training-yearly = Du gör utbildningen 1 gång varje år.
training-twice-a-year = Du gör utbildningen 2 gånger varje år.
training-every-other-year = Du gör utbildningen vartannat år.
training-every-months = { $n ->
    [one] Du gör utbildningen igen efter { $n } månad.
   *[other] Du gör utbildningen igen efter { $n } månader.
}
policy-about = Mer om policyn
policy-facts = Om dokumentet
sign-read-first = Det du skriver under kommer från
error-summary-title = Det här behöver du rätta
error-tick-point = Kryssa i punkt { $n }
sign-save-failed = Telefonen kunde inte spara underskriften. Det du skrev finns kvar. Gör plats på telefonen. Försök sedan igen.
signed-on = Du skrev under den { $date }.
signed-received = Kommunen har fått din underskrift.
signed-what = Du skrev under { $u } för { $p }.
signed-done = Klar
quiz-continue-button = Fortsätt
quiz-resume-note = Du har inte svarat på alla frågor i den här omgången. Du är på fråga { $n } av { $total }.
quiz-start-over = Börja om
quiz-your-answer = Ditt svar
quiz-right-answer = Rätt svar
quiz-wrong-list = Det här svarade du fel på
quiz-practice-more = Öva på 5 frågor till
sync-saved-offline = Det är sparat på telefonen. Vaksam skickar det när du har internet.
send-now-offline = Du har inte internet just nu. Vaksam skickar det som väntar när du har internet igen.
home-todo = Att göra
home-more = Mer i Vaksam
hide = Dölj
install-title = Installera Vaksam
install-text = Då kan du öppna Vaksam från hemskärmen som en app. Det fungerar också utan internet.
install-button = Installera
ios-install-title = Lägg till på hemskärmen
ios-install-steps = Tryck på Dela i Safari. Dela är en ruta med en pil uppåt. Välj sedan Lägg till på hemskärmen.
ios-install-why = Varför? Safari kan ta bort det som en webbplats har sparat. Det kan hända när ingen har använt webbplatsen på 7 dagar. Lägg Vaksam på hemskärmen. Då finns dina rapporter som inte är skickade kvar.
app-version = Version
privacy-title = Det här sparar Vaksam om dig
privacy-text = Vaksam sparar ditt namn och din kommun. De kommer från koden som du fick. Vaksam sparar också rapporterna som du skickar. Vaksam sparar när du skrev under policyn. Vaksam sparar hur det går för dig i utbildningen. Vaksam skickar det här bara till din kommun. Det som inte är skickat än finns bara här. Alltså på din telefon, surfplatta eller dator.
storage-title = Spara på telefonen

## Before the app has loaded, and the language picker

app-starting = Vaksam startar…
language-not-reviewed = ingen har kontrollerat texten än
language-failed = Vaksam kunde inte byta språk. Kontrollera att du har internet. Försök sedan igen.
crash-title = Något blev fel i Vaksam
crash-text = Det du har sparat finns kvar i telefonen. Tryck på Ladda om. Sedan kan du fortsätta.

# A report from the lookup, when no kind of information was chosen
the-information = Informationen

## What waits to be sent (the status line)

waiting-reports-offline = { $n ->
    [one] { $n } rapport väntar på internet
   *[other] { $n } rapporter väntar på internet
}
waiting-reports-online = { $n ->
    [one] { $n } rapport är inte skickad än
   *[other] { $n } rapporter är inte skickade än
}
waiting-items-offline = { $n ->
    [one] { $n } sparad uppgift väntar på internet
   *[other] { $n } sparade uppgifter väntar på internet
}
waiting-items-online = { $n ->
    [one] { $n } sparad uppgift är inte skickad än
   *[other] { $n } sparade uppgifter är inte skickade än
}
refused-waiting = { $n ->
    [one] Allt annat är skickat. Kommunens dator tog inte emot { $n } sparad uppgift. Du behöver hjälpa till. Titta i Mina rapporter.
   *[other] Allt annat är skickat. Kommunens dator tog inte emot { $n } sparade uppgifter. Du behöver hjälpa till. Titta i Mina rapporter.
}
send-failed = Vaksam kunde inte skicka: { $reason }.
retry-in-seconds = { $s ->
    [one] Vaksam försöker igen om { $s } sekund.
   *[other] Vaksam försöker igen om { $s } sekunder.
}
retry-in-minutes = { $min ->
    [one] Vaksam försöker igen om { $min } minut.
   *[other] Vaksam försöker igen om { $min } minuter.
}
fail-no-contact = Vaksam får inte kontakt med kommunen just nu
fail-server-error = kommunens dator svarade med ett fel (felkod { $status })
fail-storage-full = det finns ingen plats kvar på telefonen
fail-storage = telefonen kan inte spara just nu
fail-no-answer = kommunens dator svarade men tog inte emot något
fail-busy = kommunens dator har mycket att göra just nu
fail-daily-limit = telefonen har skickat så mycket som kommunen tillåter på 24 timmar

## What happened (the report's first question)

category-lost-device = En telefon, surfplatta eller dator är borta eller stulen
category-lost-card-or-key = Ett kort, en tagg eller en nyckel är borta
category-wrong-recipient = E-post, brev eller sms kom till fel person
category-wrong-printer = En utskrift kom till fel skrivare
category-unauthorized-access = Någon såg eller kom åt information som de inte fick komma åt
category-wrong-access-rights = Någon har fel behörighet i ett system
category-phishing = Ett konstigt eller falskt meddelande (nätfiske)
category-malware = Virus eller ett annat farligt program
category-system-unavailable = Ett system fungerar inte
category-data-changed-or-destroyed = Någon har ändrat eller förstört information av misstag
category-other = Något annat

## The four aspects: the short name, the name with a plain explanation, and the
## explanation alone (the report's "Berätta mer" screen)

aspect-name-confidentiality = Sekretess
aspect-name-integrity = Riktighet
aspect-name-availability = Tillgänglighet
aspect-name-traceability = Spårbarhet
aspect-confidentiality = { aspect-name-confidentiality } – fel personer kan ha sett informationen
aspect-integrity = { aspect-name-integrity } – informationen kan ha blivit fel
aspect-availability = { aspect-name-availability } – det gick inte att nå informationen
aspect-traceability = { aspect-name-traceability } – det går inte att se vem som gjorde vad
aspect-plain-confidentiality = Fel personer kan ha sett informationen
aspect-plain-integrity = Informationen kan ha blivit fel
aspect-plain-availability = Det gick inte att nå informationen
aspect-plain-traceability = Det går inte att se vem som gjorde vad

## Personal data

pd-kind-identity = Namn eller personnummer
pd-kind-contact-details = Adress, telefonnummer eller e-post
pd-kind-health = Hälsa, medicin eller vård
pd-kind-social-services = Socialtjänst, beslut eller stöd från socialtjänsten
pd-kind-pupil-records = Uppgifter om elever, betyg eller stöd
pd-kind-protected-identity = Skyddade personuppgifter
pd-kind-financial = Pengar eller bankuppgifter
pd-kind-images = Foto eller film på personer
pd-kind-credentials = Lösenord eller koder
people-one = 1 person
people-few = 2 till 10 personer
people-many = 11 till 100 personer
people-very-many = Fler än 100 personer
people-unknown = Vet inte

## What to do now

step-call-it-to-block-device = Ring IT-supporten direkt. Då kan de låsa telefonen, surfplattan eller datorn. De kan också ta bort allt som finns på den.
step-block-card-or-key = Spärra kortet eller taggen. Är det en nyckel till någons hem? Berätta det för den som bor där.
step-ask-recipient-to-delete = Be den som fick meddelandet att ta bort det. Skicka inte det som stod i meddelandet en gång till.
step-fetch-printout = Hämta utskriften direkt om du kan. Du kan också be någon som är nära skrivaren att hämta den.
step-do-not-click-or-reply = Klicka inte på något. Svara inte. Öppna inte filer som finns i meddelandet.
step-change-password-if-entered = Har du klickat på något? Eller har du skrivit ett lösenord? Byt lösenord nu. Ring sedan IT-supporten.
step-disconnect-and-call-it = Koppla bort datorn eller telefonen från nätverket. Stäng av wifi. Ring sedan IT-supporten.
step-use-fallback-routine = Använd reservrutinen tills systemet fungerar igen. Reservrutinen betyder att du använder papper eller telefon.
step-ask-for-restore = Berätta för IT-supporten eller den som ansvarar för systemet vad som har ändrats. Då kan de göra det som det var förut.
step-tell-manager = Berätta för din chef direkt.
step-follow-lex-sarah-routine = En brukare eller en elev kan bli skadad. Följ rutinen för avvikelse eller lex Sarah.
step-call-now-it-is-ongoing = Det händer fortfarande. Ring IT-supporten nu. Vänta inte.

## A field's error, in words

error-choose-category = Välj vad som har hänt.
error-describe-other = Du har valt Något annat. Skriv då kort vad som hände.
error-confirm-point = Kryssa i den här punkten.
error-fill-in = Du måste fylla i det här.
error-not-email = Det ser inte ut som en e-postadress. Skriv hela adressen. Eller skriv ditt nummer som anställd.
error-enter-time = Skriv in en tid.
error-too-long = Texten är för lång. Gör den kortare.
error-bad-time = Vaksam kan inte läsa tiden. Välj datum och klockslag.
error-in-future = Den här tiden har inte kommit än.
error-before-occurred = Du kan inte ha märkt det innan det hände.
error-duplicate = Samma val finns 2 gånger.
error-inconsistent = Du svarade att det inte finns personuppgifter med. Det stämmer inte med det här.

## Why the server refused a saved item

refusal-in-future = Kommunens dator säger att den här tiden inte har kommit än. Kontrollera att klockan i telefonen är rätt. Rätta sedan tiden.
refusal-other-municipality = Telefonen var registrerad i en annan kommun när du gjorde det här.
refusal-unknown-version = Kommunen har inte den versionen av policyn.
refusal-unreadable = Kommunens dator kunde inte läsa det som skickades. Uppdatera Vaksam. Försök sedan igen.
# The question a refusal concerns, then what is wrong.
refusal-line = { $label }: { $text }

## KLASSA's levels, and what a kind or a place can take

level-0 = ingen skada eller mycket liten skada
level-1 = måttlig skada
level-2 = betydande skada
level-3 = allvarlig skada
harm-none = ingen skada
harm-when-confidentiality = om fel personer får se den
harm-when-integrity = om den blir fel
harm-when-availability = om ingen kan nå den
harm-when-traceability = om det inte går att se vem som gjorde vad
# "Sekretess: allvarlig skada om fel personer får se den"
harm-if = { $aspect }: { $harm } { $when }
# "Sekretess: tål medelstor skada om fel personer får se den"
place-takes = { $aspect }: tål { $harm } { $when }

## The lookup

show-all = Visa allt ({ $n } till som gäller annat arbete)
more-nos-places = Fler platser där det inte får finnas ({ $n })
more-nos-kinds = Mer som du inte får lägga här ({ $n })
more-yes = Mer som du får lägga här ({ $n })
instead = Använd det här i stället: { $place }.
hits = { $n ->
    [one] { $n } träff
   *[other] { $n } träffar
}
may-i-use = Kan jag använda { $place }?
misplaced-note = { $kind } har kommit till { $place }. Där får det inte finnas, enligt Vaksams lista över var information får finnas.

## Training

course-overdue = Du skulle ha gjort klart utbildningen { $date }. Du har { $left } av { $total } frågor kvar. Svara på några nu.
course-in-progress = Du har svarat rätt på { $right } av { $total } frågor. Fortsätt när du har tid.
course-done = Du har gjort klart utbildningen. Nästa gång är { $date }.
score = { $right } av { $total } rätt
