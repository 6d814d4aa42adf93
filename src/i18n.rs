//! The one translation layer: every UI text goes through here. Swedish is the default;
//! English is complete by construction, because each key's arm holds both languages.

use serde::{Deserialize, Serialize};
use vaksam_core::guidance::Step;
use vaksam_core::incident::{Answer, Aspect, Category, PeopleAffected, PersonalDataKind};
use vaksam_core::protocol::RecordKind;
use vaksam_core::validation::{FieldError, FieldErrorCode};

pub use crate::store::StoreErrorKind;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Svenska (default).
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The same language as packs and signatures name it.
    pub fn pack_lang(self) -> vaksam_core::text::Lang {
        match self {
            Lang::Sv => vaksam_core::text::Lang::sv(),
            Lang::En => vaksam_core::text::Lang::en(),
        }
    }

    /// Picks the text for this language.
    pub fn pick(self, sv: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }
}

/// Fixed UI texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum T {
    AppName,
    Tagline,
    SkipToContent,
    Back,
    Next,
    Settings,
    FnReport,
    FnReportHint,
    FnSign,
    FnSignHint,
    FnQuiz,
    FnQuizHint,
    FnClassify,
    FnClassifyHint,
    FnMyReports,
    FnMyReportsHint,
    SendNow,
    AllSent,
    Sending,
    NeedsEnrollAgain,
    EnrollAgain,
    EnrollTitle,
    EnrollIntro,
    EnrollCodeLabel,
    EnrollCodeHint,
    EnrollButton,
    EnrollOr,
    EnrollAlready,
    EnrollWithAccount,
    EnrollWithAccountHint,
    EnrollBadCode,
    EnrollCodeFormat,
    EnrollOffline,
    EnrollServerError,
    EnrollWorking,
    StepOf,
    QCategory,
    HCategory,
    OccurredAt,
    DiscoveredAt,
    HPlace,
    PlaceLabel,
    QAspects,
    HAspects,
    QPersonalData,
    HPersonalData,
    PdInvolved,
    PdKinds,
    PdPeople,
    PdSensitive,
    PdSecrecy,
    QHarm,
    HHarm,
    QOngoing,
    HActions,
    ActionsLabel,
    HDescription,
    DescriptionLabel,
    FixErrors,
    SaveFailed,
    SavedTitle,
    WhatNow,
    AdviceNote,
    InSwedish,
    ReportsTitle,
    NoReports,
    StateWaiting,
    StateSending,
    StateReceived,
    StateRejected,
    StateConflict,
    CaseNumber,
    Discard,
    DiscardConfirm,
    Waiting,
    Received,
    SettingsTitle,
    Language,
    Device,
    Municipality,
    Employee,
    StoragePersisted,
    StorageNotPersisted,
    StorageUnknown,
    UpdateAvailable,
    UpdateNow,
    NoStorageTitle,
    NoStorageText,
    NotFoundTitle,
    NotFoundText,
    OldUnsentWarning,
    Yes,
    No,
    DontKnow,
    Edit,
    FnPolicy,
    FnPolicyHint,
    PolicyNotYet,
    AdoptedBy,
    PolicyVersion,
    Revision,
    SourceLabel,
    AspectsTitle,
    ContactsTitle,
    TrainingTitle,
    SignStatusNone,
    SignStatusAgain,
    SignStatusCurrent,
    WhatChanged,
    ChangeAdded,
    ChangeChanged,
    ChangeRemoved,
    UndertakingChanged,
    PolicyVersionChanged,
    ConfirmEach,
    YourDetails,
    FieldName,
    FieldEmployeeRef,
    FieldWorkplace,
    HWorkplace,
    SignButton,
    SignedTitle,
    LogEntryLabel,
    SignedWaiting,
    SignatureItem,
    ViewReceipt,
    SignAgainButton,
    WhoIsTold,
    CallLabel,
    Signer,
    LookupNotYet,
    SearchLabel,
    SearchHint,
    NoHits,
    PlacesTitle,
    GuideLink,
    WhyTitle,
    GuideTitle,
    GuideIntro,
    GuideLabel,
    GuideResult,
    StartOver,
    SecurityTitle,
    AskLabel,
    SectorSchool,
    SectorQuestion,
    SectorHint,
    SectorHintSettings,
    SectorCare,
    SectorOther,
    SectorSave,
    SectorChange,
    YourSector,
    ReadWholePolicy,
    Diarienummer,
    CallButton,
    AskWho,
    ReadInPolicy,
    GqPersonalData,
    GhPersonalData,
    GqSensitive,
    GhSensitive,
    GqSecrecy,
    GhSecrecy,
    GqEmergency,
    GhEmergency,
    GqHarm,
    GhHarm,
    YourAnswers,
    QuizIntro,
    QuizStart,
    QuizPractice,
    QuizNotStarted,
    QuizNoBank,
    QuizChooseAll,
    QuizChooseOne,
    QuizAnswer,
    QuizPickSomething,
    QuizRight,
    QuizWrong,
    QuizRightWas,
    QuizNext,
    QuizSeeResult,
    QuizResultTitle,
    QuizSaveFailed,
    ToHome,
    StorageQuota,
    StorageUnavailable,
    StorageOther,
    DraftNotSaved,
    ReportsUnreadable,
    StateRejectedSignature,
    StateRejectedQuiz,
    RejectedWhy,
    CorrectAndResend,
    SignAgainAfterRefusal,
    RefusedSignatureHelp,
    RefusedQuizHelp,
    ToTraining,
    CorrectingNotice,
    ReplaceDraftConfirm,
    DbOutdated,
    Reload,
    DbBlockedTitle,
    DbBlockedText,
    SourcesTitle,
    // -- report flow and reports --
    DraftLookupNote,
    DraftKeepOld,
    DraftStartNew,
    CancelYes,
    CancelNo,
    DraftStartedToday,
    DraftPromptTitle,
    DraftContinue,
    DraftStartOver,
    Cancel,
    CancelConfirm,
    ChosenCategory,
    ChangeCategory,
    SendReport,
    SendHint,
    TellMore,
    TellMoreTitle,
    TellMoreHint,
    OslExplain,
    SensitiveImplied,
    TellManagerTitle,
    TellManagerNow,
    TellManagerBy,
    SavedCalm,
    AddInformation,
    Done,
    FilledIn,
    SupplementHint,
    SupplementSend,
    SupplementSaved,
    SupplementsTitle,
    SupplementWaiting,
    SupplementSent,
    StatusLabel,
    StatusReceived,
    StatusInProgress,
    StatusClosed,
    /// The heading of the municipality's message on a report.
    MessageFromMunicipality,
    StatusWaiting,
    SentTitle,
    SentGone,
    SavedAtLabel,
    ReportNotFound,
    ToMyReports,
    // -- lookup --
    CardYes,
    CardOnlyIf,
    CardNo,
    CardNoneYes,
    CardWhy,
    CardAssessed,
    PlaceYes,
    PlaceNo,
    ShowMine,
    AskSector,
    ReportFromNo,
    // -- shell, home, settings, enrollment, policy, quiz --
    ErrorTickPoints,
    SignedPolicyDated,
    SignedPolicyVersion,
    PolicyWhatItSays,
    TrainingYearly,
    TrainingTwiceAYear,
    TrainingEveryOtherYear,
    TrainingEveryMonths,
    PolicyAbout,
    PolicyFacts,
    SignReadFirst,
    ErrorSummaryTitle,
    ErrorTickPoint,
    SignSaveFailed,
    SignedOn,
    SignedReceived,
    SignedWhat,
    SignedDone,
    QuizContinueButton,
    QuizResumeNote,
    QuizStartOver,
    QuizYourAnswer,
    QuizRightAnswer,
    QuizWrongList,
    QuizPracticeMore,
    SyncSavedOffline,
    SendNowOffline,
    HomeTodo,
    HomeMore,
    Hide,
    InstallTitle,
    InstallText,
    InstallButton,
    IosInstallTitle,
    IosInstallSteps,
    IosInstallWhy,
    AppVersion,
    PrivacyTitle,
    PrivacyText,
    StorageTitle,
}

impl T {
    /// The text in `lang`.
    pub fn in_(self, lang: Lang) -> &'static str {
        use T::*;
        let (sv, en) = match self {
            AppName => ("Vaksam", "Vaksam"),
            Tagline => ("Informationssäkerhet i fickan", "Information security in your pocket"),
            SkipToContent => ("Hoppa till innehållet", "Skip to content"),
            Back => ("Tillbaka", "Back"),
            Next => ("Nästa", "Next"),
            Settings => ("Inställningar", "Settings"),
            FnReport => ("Rapportera incident", "Report an incident"),
            FnReportHint => ("Något har hänt med information, en telefon, surfplatta eller dator", "Something happened to information, a phone, tablet or computer"),
            FnSign => ("Skriv under", "Sign"),
            FnSignHint => ("Läs policyn och skriv under", "Read the policy and sign"),
            FnQuiz => ("Utbildning", "Training"),
            FnQuizHint => ("Korta frågor på två minuter", "Short two-minute quizzes"),
            FnClassify => ("Var får jag spara?", "Where may I store this?"),
            FnClassifyHint => ("Sök vart information får ta vägen", "Find where information may go"),
            FnMyReports => ("Mina rapporter", "My reports"),
            FnMyReportsHint => ("Se vad som är skickat och mottaget", "See what is sent and received"),
            SendNow => ("Skicka nu", "Send now"),
            AllSent => ("Allt är skickat", "Everything is sent"),
            Sending => ("Skickar…", "Sending…"),
            NeedsEnrollAgain => ("Telefonen är inte längre registrerad. Rapporterna ligger kvar. Be din chef om en ny kod.", "This phone is no longer registered. Your reports are kept. Ask your manager for a new code."),
            EnrollAgain => ("Registrera igen", "Register again"),
            EnrollTitle => ("Kom igång", "Get started"),
            EnrollIntro => ("Skriv koden du fick av din kommun. Du behöver nätverk just nu. Sedan fungerar appen utan.", "Enter the code your municipality gave you. You need a network now. After that the app works without one."),
            EnrollCodeLabel => ("Registreringskod", "Enrollment code"),
            EnrollCodeHint => ("12 tecken, till exempel 7K2M-Q9XD-4RTA", "12 characters, for example 7K2M-Q9XD-4RTA"),
            EnrollButton => ("Registrera telefonen", "Register this phone"),
            EnrollBadCode => ("Koden fungerar inte. Den kan vara felskriven, redan använd eller för gammal. Be din chef om en ny kod.", "The code does not work. It may be mistyped, already used or expired. Ask your manager for a new code."),
            EnrollCodeFormat => ("Koden ska ha 12 tecken: siffror och bokstäver.", "The code has 12 characters: digits and letters."),
            EnrollOffline => ("Vaksam når inte kommunen just nu. Koden kan vara rätt. Kontrollera att du har nätverk och försök igen.", "Vaksam cannot reach the municipality right now. The code may well be right. Check that you have a network and try again."),
            EnrollServerError => ("Kommunens server svarade med ett fel. Koden kan vara rätt. Försök igen om en stund. Fungerar det inte, fråga din chef.", "The municipality's server answered with an error. The code may well be right. Try again in a while. If it still fails, ask your manager."),
            EnrollWorking => ("Registrerar…", "Registering…"),
            EnrollAlready => ("Den här telefonen är registrerad för {name}. Registrera den bara med en ny kod om den ska bli din.", "This phone is registered to {name}. Only register it with a new code if it is to be yours."),
            EnrollOr => ("Har du ett konto i kommunen?", "Do you have an account at the municipality?"),
            EnrollWithAccount => ("Logga in med kommunens konto", "Sign in with the municipality's account"),
            EnrollWithAccountHint => ("Du loggar in en gång. Du behöver nätverk just då.", "You sign in once. You need a network at that moment."),
            StepOf => ("Fråga {n} av {total}", "Question {n} of {total}"),
            QCategory => ("Vad har hänt?", "What happened?"),
            HCategory => ("Välj det som passar bäst. Du kan skriva mer senare.", "Choose what fits best. You can write more later."),
            OccurredAt => ("Det hände", "It happened"),
            DiscoveredAt => ("Jag upptäckte det", "I discovered it"),
            HPlace => ("Till exempel en arbetsplats, ett system eller en adress. Skriv inte brukarens namn.", "For example a workplace, a system or an address. Do not write the client's name."),
            PlaceLabel => ("Plats", "Place"),
            QAspects => ("Vad påverkades?", "What was affected?"),
            HAspects => ("Kryssa i allt som kan stämma. Inget val betyder vet inte.", "Tick everything that may apply. No choice means don't know."),
            QPersonalData => ("Gäller det personuppgifter?", "Are personal data involved?"),
            HPersonalData => ("Personuppgifter är allt som kan kopplas till en person, till exempel namn, personnummer eller foto.", "Personal data is anything that can be linked to a person, such as a name, ID number or photo."),
            PdInvolved => ("Finns personuppgifter med?", "Are personal data involved?"),
            PdKinds => ("Vilka slags uppgifter?", "What kinds of data?"),
            PdPeople => ("Ungefär hur många personer?", "About how many people?"),
            PdSensitive => ("Känsliga uppgifter, till exempel hälsa?", "Sensitive data, such as health?"),
            PdSecrecy => ("Uppgifter med sekretess (OSL)?", "Data under secrecy (OSL)?"),
            QHarm => ("Kan en brukare eller elev ta skada?", "Could a care recipient or pupil be harmed?"),
            HHarm => ("Om ja ska det också hanteras som avvikelse eller lex Sarah.", "If yes, it is also handled as a deviation or under lex Sarah."),
            QOngoing => ("Pågår det fortfarande?", "Is it still going on?"),
            HActions => ("Till exempel ringt IT eller bett mottagaren radera. Skriv inga personnummer.", "For example called IT or asked the recipient to delete. Write no ID numbers."),
            ActionsLabel => ("Det här har jag gjort", "What I have done"),
            HDescription => ("Beskriv kort vad som hände. Skriv inga namn eller personnummer.", "Briefly describe what happened. Write no names or ID numbers."),
            DescriptionLabel => ("Beskrivning", "Description"),
            FixErrors => ("Något behöver rättas. Se frågan nedan.", "Something needs fixing. See the question below."),
            SaveFailed => ("Rapporten kunde inte sparas på telefonen. Det du skrev finns kvar. Frigör utrymme och försök igen.", "The report could not be saved on the phone. What you typed is kept. Free some space and try again."),
            SavedTitle => ("Tack! Rapporten är sparad", "Thank you! The report is saved"),
            WhatNow => ("Gör så här nu", "Do this now"),
            AdviceNote => ("En del av det här är allmänna råd från Vaksam. Kommunen har inte bekräftat dem än.", "Some of this is general advice from Vaksam. The municipality has not confirmed it yet."),
            InSwedish => ("(på svenska)", "(in Swedish)"),
            ReportsTitle => ("Mina rapporter", "My reports"),
            NoReports => ("Du har inga rapporter ännu.", "You have no reports yet."),
            StateWaiting => ("Sparad på telefonen, väntar på att skickas", "Saved on this phone, waiting to be sent"),
            StateSending => ("Skickas…", "Sending…"),
            StateReceived => ("Mottagen av kommunen", "Received by the municipality"),
            StateRejected => ("Kommunens server tog inte emot rapporten", "The municipality's server did not accept the report"),
            StateConflict => ("En annan rapport har samma id", "Another report has the same id"),
            CaseNumber => ("Ärende", "Case"),
            Discard => ("Ta bort från telefonen", "Remove from this phone"),
            DiscardConfirm => ("Ta bort rapporten? Den har inte nått kommunen.", "Remove the report? It has not reached the municipality."),
            Waiting => ("Väntar", "Waiting"),
            Received => ("Mottagna", "Received"),
            SettingsTitle => ("Inställningar", "Settings"),
            Language => ("Språk", "Language"),
            Device => ("Den här telefonen", "This phone"),
            Municipality => ("Kommun", "Municipality"),
            Employee => ("Namn", "Name"),
            StoragePersisted => ("Rapporter på telefonen är skyddade mot automatisk rensning.", "Reports on this phone are protected from automatic clean-up."),
            StorageNotPersisted => ("Webbläsaren kan rensa osända rapporter om telefonen får ont om utrymme. Lägg till Vaksam på hemskärmen och skicka rapporter när du kan.", "The browser may clear unsent reports if the phone runs low on space. Add Vaksam to the home screen and send reports when you can."),
            StorageUnknown => ("Okänt om lagringen är skyddad.", "Unknown whether storage is protected."),
            UpdateAvailable => ("En ny version av Vaksam finns.", "A new version of Vaksam is available."),
            UpdateNow => ("Uppdatera", "Update"),
            NoStorageTitle => ("Vaksam kan inte spara här", "Vaksam cannot save here"),
            NoStorageText => ("Webbläsaren tillåter inte lagring, till exempel i privat läge. Öppna Vaksam i ett vanligt fönster så att inga rapporter går förlorade.", "The browser does not allow storage, for example in private mode. Open Vaksam in a normal window so no reports are lost."),
            NotFoundTitle => ("Sidan finns inte", "Page not found"),
            NotFoundText => ("Gå tillbaka till start.", "Go back to the start page."),
            OldUnsentWarning => ("Vissa rapporter har väntat i mer än tre dagar. Anslut till nätverk så snart du kan.", "Some reports have waited for more than three days. Connect to a network as soon as you can."),
            Yes => ("Ja", "Yes"),
            No => ("Nej", "No"),
            DontKnow => ("Vet inte", "Don't know"),
            Edit => ("Ändra", "Change"),
            FnPolicy => ("Policyn i korthet", "The policy in brief"),
            FnPolicyHint => ("Vad kommunens informationssäkerhetspolicy säger", "What the municipality's information security policy says"),
            PolicyNotYet => ("Policyn har inte kommit till telefonen än. Den hämtas nästa gång telefonen är online.", "The policy has not reached this phone yet. It is fetched the next time the phone is online."),
            AdoptedBy => ("Antagen av", "Adopted by"),
            PolicyVersion => ("Version", "Version"),
            Revision => ("Ses över", "Reviewed"),
            SourceLabel => ("Källa i policyn:", "Source in the policy:"),
            AspectsTitle => ("Det här ska skyddas", "What is protected"),
            ContactsTitle => ("Vem du kontaktar", "Who to contact"),
            TrainingTitle => ("Utbildning", "Training"),
            SignStatusNone => ("Du har inte skrivit under än.", "You have not signed yet."),
            SignStatusAgain => ("Det finns en ny version. Läs och skriv under igen.", "There is a new version. Please read it and sign again."),
            SignStatusCurrent => ("Du har skrivit under den gällande versionen.", "You have signed the current version."),
            WhatChanged => ("Det här har ändrats sedan du skrev under:", "What changed since you signed:"),
            ChangeAdded => ("Nytt avsnitt", "New section"),
            ChangeChanged => ("Ändrat", "Changed"),
            ChangeRemoved => ("Borttaget avsnitt", "Section removed"),
            UndertakingChanged => ("Texten du skriver under har ändrats.", "The text you sign has changed."),
            PolicyVersionChanged => ("Policyn har en ny version.", "The policy has a new version."),
            ConfirmEach => ("Bekräfta varje punkt", "Confirm each point"),
            YourDetails => ("Dina uppgifter", "Your details"),
            FieldName => ("Namn", "Name"),
            FieldEmployeeRef => ("Anställningsnummer eller e-post", "Employee number or e-mail"),
            FieldWorkplace => ("Arbetsplats", "Workplace"),
            HWorkplace => ("Till exempel enhet, hemtjänstgrupp eller skola.", "For example unit, home-care group or school."),
            SignButton => ("Skriv under", "Sign"),
            SignedTitle => ("Underskriven", "Signed"),
            LogEntryLabel => ("Nummer i kommunens logg", "Number in the municipality's log"),
            SignedWaiting => ("Underskriften är sparad på telefonen och skickas till kommunen när du har nätverk.", "The signature is saved on this phone and sent to the municipality when you have a network."),
            SignatureItem => ("Underskrift", "Signature"),
            ViewReceipt => ("Visa vad du har skrivit under", "See what you signed"),
            SignAgainButton => ("Läs och skriv under", "Read and sign"),
            WhoIsTold => ("Vem får veta", "Who is told"),
            CallLabel => ("Kontakta:", "Contact:"),
            Signer => ("Undertecknare", "Signed by"),
            LookupNotYet => ("Klassningen har inte kommit till telefonen än. Den hämtas nästa gång telefonen är online.", "The classification has not reached this phone yet. It is fetched the next time the phone is online."),
            SearchLabel => ("Vad vill du spara eller skicka?", "What do you want to store or send?"),
            SearchHint => ("Skriv till exempel genomförandeplan, foto på brukare eller Teams.", "For example care plan, photo of a client or Teams."),
            NoHits => ("Inget hittades. Prova ett annat ord, eller svara på några frågor nedan.", "Nothing found. Try another word, or answer a few questions below."),
            PlacesTitle => ("Eller välj en plats", "Or pick a place"),
            GuideLink => ("Hittar du inte? Svara på några frågor", "Not listed? Answer a few questions"),
            WhyTitle => ("Därför", "Why"),
            GuideTitle => ("Hitta rätt plats med några frågor", "Find the right place with a few questions"),
            GuideIntro => ("Svara ja eller nej. Svaret blir en vägledning, inte kommunens klassning. Är du osäker, fråga din chef.", "Answer yes or no. The result is guidance, not the municipality's classification. If unsure, ask your manager."),
            GuideLabel => ("Vägledning – inte ett beslut", "Guidance – not a decision"),
            GuideResult => ("Det här gäller för din information", "What applies to your information"),
            StartOver => ("Börja om", "Start over"),
            SecurityTitle => ("Rör det Sveriges säkerhet?", "Does it concern national security?"),
            AskLabel => ("Fråga:", "Ask:"),
            SectorSchool => ("Skola", "School"),
            SectorQuestion => ("Var arbetar du?", "Where do you work?"),
            SectorHint => ("Då får du också frågor om ditt arbete. Du kan ändra det under Inställningar.", "Then you also get questions about your work. You can change it in Settings."),
            SectorHintSettings => ("Utbildningen tar upp frågor om ditt arbete.", "The training includes questions about your work."),
            SectorCare => ("Hemtjänst eller omsorg", "Home care or care"),
            SectorOther => ("Annat arbete", "Other work"),
            SectorSave => ("Spara", "Save"),
            SectorChange => ("Ändra var du arbetar", "Change where you work"),
            YourSector => ("Var du arbetar", "Where you work"),
            ReadWholePolicy => ("Läs hela policyn", "Read the whole policy"),
            Diarienummer => ("Diarienummer", "Reference number"),
            CallButton => ("Ring", "Call"),
            AskWho => ("Fråga", "Ask"),
            ReadInPolicy => ("Läs mer i policyn", "Read more in the policy"),
            GqPersonalData => ("Går informationen att koppla till en person?", "Can the information be linked to a person?"),
            GhPersonalData => ("Till exempel namn, personnummer, adress eller foto.", "For example a name, ID number, address or photo."),
            GqSensitive => ("Handlar det om hälsa eller andra känsliga uppgifter?", "Is it about health or other sensitive matters?"),
            GhSensitive => ("Känsligt är till exempel hälsa, etniskt ursprung, religion, sexualliv och fackligt medlemskap.", "Sensitive means for example health, ethnic origin, religion, sex life and union membership."),
            GqSecrecy => ("Gäller sekretess för informationen?", "Is the information covered by secrecy?"),
            GhSecrecy => ("Sekretess enligt offentlighets- och sekretesslagen (OSL). Den gäller till exempel det mesta om brukare i omsorgen och om elevers stöd och hälsa.", "Secrecy under the Public Access to Information and Secrecy Act (OSL). It covers for example most things about care clients and about pupils' support and health."),
            GqEmergency => ("Måste informationen finnas till hands direkt, till exempel i en nödsituation?", "Must the information be at hand at once, for example in an emergency?"),
            GhEmergency => ("Tänk på om någon kan skadas eller arbetet stoppas om den inte går att nå.", "Think of whether someone could be harmed or work would stop if it could not be reached."),
            GqHarm => ("Skulle någon skadas om informationen blev fel?", "Would someone be harmed if the information became wrong?"),
            GhHarm => ("Till exempel fel medicin, fel adress eller ett felaktigt beslut.", "For example the wrong medicine, the wrong address or a wrong decision."),
            YourAnswers => ("Dina svar", "Your answers"),
            QuizIntro => ("Några frågor i taget, ungefär två minuter. Du får veta direkt om du svarat rätt och varför.", "A few questions at a time, about two minutes. You learn at once whether you were right, and why."),
            QuizStart => ("Starta", "Start"),
            QuizPractice => ("Öva ändå", "Practise anyway"),
            QuizNotStarted => ("Du har inte börjat utbildningen än. Den tar några minuter åt gången.", "You have not started the training yet. It takes a few minutes at a time."),
            QuizNoBank => ("Frågorna har inte kommit till telefonen än. De hämtas nästa gång telefonen är online.", "The questions have not reached this phone yet. They are fetched the next time the phone is online."),
            QuizChooseAll => ("Välj alla som stämmer.", "Choose all that apply."),
            QuizChooseOne => ("Välj ett svar.", "Choose one answer."),
            QuizAnswer => ("Svara", "Answer"),
            QuizPickSomething => ("Välj ett svar innan du går vidare.", "Choose an answer before you go on."),
            QuizRight => ("Rätt!", "Right!"),
            QuizWrong => ("Inte riktigt.", "Not quite."),
            QuizRightWas => ("Rätt svar:", "The right answer:"),
            QuizNext => ("Nästa fråga", "Next question"),
            QuizSeeResult => ("Se resultatet", "See the result"),
            QuizResultTitle => ("Resultat", "Result"),
            QuizSaveFailed => ("Resultatet kunde inte sparas på telefonen. Dina svar finns kvar. Försök igen.", "The result could not be saved on this phone. Your answers are kept. Try again."),
            ToHome => ("Till start", "To the start page"),
            StorageQuota => ("Telefonens lagring är full. Frigör utrymme, till exempel genom att ta bort bilder eller appar du inte använder.", "The phone's storage is full. Free some space, for example by removing photos or apps you do not use."),
            StorageUnavailable => ("Vaksam kommer inte åt lagringen på telefonen just nu. Stäng Vaksam och öppna appen igen.", "Vaksam cannot reach the phone's storage right now. Close Vaksam and open it again."),
            StorageOther => ("Något gick fel när telefonen skulle spara. Försök igen om en stund.", "Something went wrong when the phone was saving. Try again in a while."),
            DraftNotSaved => ("Det du skriver kunde inte sparas på telefonen. Det finns kvar så länge sidan är öppen.", "What you type could not be saved on this phone. It is kept while this page is open."),
            ReportsUnreadable => ("Rapporterna på telefonen kunde inte läsas.", "The reports on this phone could not be read."),
            StateRejectedSignature => ("Kommunens server tog inte emot underskriften", "The municipality's server did not accept the signature"),
            StateRejectedQuiz => ("Kommunens server tog inte emot resultatet", "The municipality's server did not accept the result"),
            RejectedWhy => ("Det här behöver rättas:", "This needs to be corrected:"),
            CorrectAndResend => ("Rätta och skicka igen", "Correct and send again"),
            SignAgainAfterRefusal => ("Skriv under igen", "Sign again"),
            RefusedSignatureHelp => ("Skriv under igen med policyn som gäller nu. Den nya underskriften ersätter den här.", "Sign again with the policy that applies now. The new signature replaces this one."),
            RefusedQuizHelp => ("Det du lärt dig finns kvar på telefonen. Gör en ny omgång i utbildningen, så skickas ett nytt resultat.", "What you have learnt is kept on this phone. Take a new round of training and a new result is sent."),
            ToTraining => ("Till utbildningen", "Go to training"),
            CorrectingNotice => ("Du rättar en rapport som kommunens server inte tog emot. När du skickar ersätter den rättade rapporten den gamla.", "You are correcting a report the municipality's server did not accept. When you send it, the corrected report replaces the old one."),
            ReplaceDraftConfirm => ("Du har en påbörjad rapport. Den ersätts av rapporten du ska rätta. Fortsätta?", "You have a report in progress. It will be replaced by the report you are correcting. Go on?"),
            DbOutdated => ("Vaksam har uppdaterats – ladda om", "Vaksam has been updated – reload"),
            Reload => ("Ladda om", "Reload"),
            DbBlockedTitle => ("Stäng andra flikar med Vaksam", "Close other Vaksam tabs"),
            DbBlockedText => ("Vaksam uppdateras, men är öppen i en annan flik eller ett annat fönster. Stäng de andra flikarna med Vaksam, så fortsätter appen här av sig själv. Inget sparat går förlorat.", "Vaksam is being updated, but it is open in another tab or window. Close the other Vaksam tabs and the app goes on here by itself. Nothing saved is lost."),
            SourcesTitle => ("Källor", "Sources"),
            // -- report flow and reports --
            DraftLookupNote => ("Det du hittade i ”Var får jag spara?” blir en ny rapport. Den gamla sparas inte om du börjar den nya.", "What you found in “Where may I store this?” becomes a new report. The old one is not kept if you start the new one."),
            DraftKeepOld => ("Fortsätt med den gamla", "Continue with the old one"),
            DraftStartNew => ("Börja den nya", "Start the new one"),
            CancelYes => ("Ja, ta bort rapporten", "Yes, delete the report"),
            CancelNo => ("Nej, fortsätt", "No, go on"),
            DraftStartedToday => ("i dag kl.", "today at"),
            DraftPromptTitle => ("Du har en påbörjad rapport", "You have a report you started"),
            DraftContinue => ("Fortsätt", "Continue"),
            DraftStartOver => ("Börja om", "Start over"),
            Cancel => ("Avbryt", "Cancel"),
            CancelConfirm => ("Vill du avbryta rapporten? Det du har fyllt i tas bort.", "Cancel the report? What you have filled in will be deleted."),
            ChosenCategory => ("Det här har hänt:", "What happened:"),
            ChangeCategory => ("Ändra", "Change"),
            SendReport => ("Skicka rapporten", "Send the report"),
            SendHint => ("Tiden är nu. Plats och detaljer kan du lägga till, men du behöver inte.", "The time is now. You can add place and details, but you do not have to."),
            TellMore => ("Berätta mer", "Tell us more"),
            TellMoreTitle => ("Berätta mer", "Tell us more"),
            TellMoreHint => ("Allt här är frivilligt. Skicka när du vill.", "Everything here is optional. Send whenever you like."),
            OslExplain => ("Sekretess enligt offentlighets- och sekretesslagen (OSL) betyder att uppgifterna inte får lämnas ut, till exempel om en brukares hälsa eller en elevs familj.", "Secrecy under the Public Access to Information and Secrecy Act (OSL) means the data may not be given out, for example about a care recipient's health or a pupil's family."),
            SensitiveImplied => ("Hälsa, socialtjänst och skyddade personuppgifter är alltid känsliga uppgifter.", "Health, social services and protected identities are always sensitive data."),
            TellManagerTitle => ("Personuppgifter kan vara berörda", "Personal data may be involved"),
            TellManagerNow => ("Tala om det för din chef genast, så hinner kommunen bedöma om den ska anmälas.", "Tell your manager at once, so the municipality has time to judge whether it must be reported."),
            TellManagerBy => ("Om det ska anmälas, gör kommunen det inom 72 timmar, senast", "If it must be reported, the municipality does so within 72 hours, by"),
            SavedCalm => ("Den är sparad på telefonen. Den skickas när du har nätverk.", "It is saved on this phone. It is sent when you have a network."),
            AddInformation => ("Lägg till information", "Add information"),
            Done => ("Klar", "Done"),
            FilledIn => ("Vi har fyllt i:", "We have filled in:"),
            SupplementHint => ("Skriv bara det som är nytt. Det hamnar i samma ärende.", "Write only what is new. It goes to the same case."),
            SupplementSend => ("Skicka", "Send"),
            SupplementSaved => ("Tillägget är sparat på telefonen. Det skickas när du har nätverk.", "The addition is saved on this phone. It is sent when you have a network."),
            SupplementsTitle => ("Tillägg", "Additions"),
            SupplementWaiting => ("Sparat på telefonen. Skickas när du har nätverk.", "Saved on this phone. Sent when you have a network."),
            SupplementSent => ("Tillägg skickat", "Addition sent"),
            StatusLabel => ("Status", "Status"),
            StatusReceived => ("Mottagen", "Received"),
            StatusInProgress => ("Under handläggning", "Being handled"),
            StatusClosed => ("Avslutad", "Closed"),
            MessageFromMunicipality => ("Meddelande från kommunen", "Message from the municipality"),
            StatusWaiting => ("Sparad på telefonen. Skickas när du har nätverk.", "Saved on this phone. Sent when you have a network."),
            SentTitle => ("Det här skickade du", "What you sent"),
            SentGone => ("Detaljerna finns inte längre kvar på telefonen.", "The details are no longer kept on this phone."),
            SavedAtLabel => ("Sparad", "Saved"),
            ReportNotFound => ("Rapporten finns inte på den här telefonen.", "This report is not on this phone."),
            ToMyReports => ("Till Mina rapporter", "To My reports"),
            // -- lookup --
            CardYes => ("Ja, här:", "Yes, here:"),
            CardOnlyIf => ("Bara om …", "Only if …"),
            CardNo => ("Nej, inte här:", "No, not here:"),
            CardNoneYes => ("Inget av ställena här räcker. Fråga din chef var det ska sparas.", "None of these places is enough. Ask your manager where it belongs."),
            CardWhy => ("Varför?", "Why?"),
            CardAssessed => ("Så här är det bedömt", "How it is assessed"),
            PlaceYes => ("Ja, för:", "Yes, for:"),
            PlaceNo => ("Nej, inte för:", "No, not for:"),
            ShowMine => ("Visa bara det som gäller mitt arbete", "Show only what concerns my work"),
            AskSector => ("Då visar vi det som gäller ditt arbete. Du kan ändra det under Inställningar.", "Then we show what concerns your work. You can change it in Settings."),
            ReportFromNo => ("Har det redan hänt? Rapportera", "Has it already happened? Report it"),
            // -- shell, home, settings, enrollment, policy, quiz --
            ErrorTickPoints => ("Kryssa i punkterna {list}", "Tick points {list}"),
            SignedPolicyDated => ("Policyn är daterad {date}.", "The policy is dated {date}."),
            SignedPolicyVersion => ("Policyns version: {v}.", "Policy version: {v}."),
            PolicyWhatItSays => ("Det här säger policyn", "What the policy says"),
            TrainingYearly => ("Du gör utbildningen en gång om året.", "You take the training once a year."),
            TrainingTwiceAYear => ("Du gör utbildningen två gånger om året.", "You take the training twice a year."),
            TrainingEveryOtherYear => ("Du gör utbildningen vartannat år.", "You take the training every other year."),
            TrainingEveryMonths => ("Du gör utbildningen igen efter {n} månader.", "You take the training again after {n} months."),
            PolicyAbout => ("Mer om policyn", "More about the policy"),
            PolicyFacts => ("Om dokumentet", "About the document"),
            SignReadFirst => ("Det du skriver under bygger på", "What you sign is based on"),
            ErrorSummaryTitle => ("Det här behöver du rätta", "Please fix this"),
            ErrorTickPoint => ("Kryssa i punkt {n}", "Tick point {n}"),
            SignSaveFailed => ("Underskriften kunde inte sparas på telefonen. Det du skrev finns kvar. Frigör utrymme och försök igen.", "The signature could not be saved on this phone. What you typed is kept. Free some space and try again."),
            SignedOn => ("Du skrev under den {date}.", "You signed on {date}."),
            SignedReceived => ("Kommunen har fått din underskrift.", "The municipality has received your signature."),
            SignedWhat => ("Du skrev under {u} för {p}.", "You signed {u} for {p}."),
            SignedDone => ("Klar", "Done"),
            QuizContinueButton => ("Fortsätt", "Continue"),
            QuizResumeNote => ("Du har en omgång på gång. Du är på fråga {n} av {total}.", "You have a round under way. You are on question {n} of {total}."),
            QuizStartOver => ("Börja om", "Start over"),
            QuizYourAnswer => ("Ditt svar", "Your answer"),
            QuizRightAnswer => ("Rätt svar", "Right answer"),
            QuizWrongList => ("Det här blev fel", "What went wrong"),
            QuizPracticeMore => ("Öva 5 till", "Practise 5 more"),
            SyncSavedOffline => ("Sparad på telefonen. Skickas när du har nätverk.", "Saved on this phone. Sent when you have a network."),
            SendNowOffline => ("Du har inget nätverk just nu. Det som väntar skickas av sig själv när nätverket är tillbaka.", "You have no network right now. What is waiting is sent by itself when the network is back."),
            HomeTodo => ("Att göra", "To do"),
            HomeMore => ("Mer i Vaksam", "More in Vaksam"),
            Hide => ("Dölj", "Hide"),
            InstallTitle => ("Installera Vaksam", "Install Vaksam"),
            InstallText => ("Då öppnar du Vaksam från hemskärmen som en app, även utan nätverk.", "Then you open Vaksam from the home screen like an app, even without a network."),
            InstallButton => ("Installera", "Install"),
            IosInstallTitle => ("Lägg till på hemskärmen", "Add to Home Screen"),
            IosInstallSteps => ("Tryck på Dela (rutan med en pil uppåt) i Safari. Välj sedan Lägg till på hemskärmen.", "Tap Share (the square with an arrow pointing up) in Safari. Then choose Add to Home Screen."),
            IosInstallWhy => ("Varför? Safari kan ta bort det en webbplats har sparat efter sju dagar utan användning. Vaksam på hemskärmen behåller dina osända rapporter.", "Why? Safari can delete what a website has saved after seven days without use. Vaksam on the home screen keeps your unsent reports."),
            AppVersion => ("Version", "Version"),
            PrivacyTitle => ("Det här sparar Vaksam om dig", "What Vaksam keeps about you"),
            PrivacyText => ("Ditt namn och din kommun, från koden du fick. Rapporterna du skickar, när du skrivit under policyn och hur det går i utbildningen. Det skickas bara till din kommun. Det som inte är skickat än finns bara här, på din telefon, surfplatta eller dator.", "Your name and your municipality, from the code you were given. The reports you send, when you signed the policy and how your training goes. It is sent only to your municipality. What is not sent yet is kept only here, on your phone, tablet or computer."),
            StorageTitle => ("Lagring", "Storage"),
        };
        lang.pick(sv, en)
    }
}

/// "Fråga 3 av 10".
pub fn step_of(lang: Lang, n: usize, total: usize) -> String {
    T::StepOf
        .in_(lang)
        .replace("{n}", &n.to_string())
        .replace("{total}", &total.to_string())
}

/// The status line for what waits to be sent: "reports" when all of it is incident
/// reports, otherwise "saved items" (a signature or a training result may wait too).
pub fn waiting(lang: Lang, n: usize, offline: bool, reports_only: bool) -> String {
    let what = match (lang, n == 1, reports_only) {
        (Lang::Sv, true, true) => "1 rapport".to_owned(),
        (Lang::Sv, false, true) => format!("{n} rapporter"),
        (Lang::Sv, true, false) => "1 sparad uppgift".to_owned(),
        (Lang::Sv, false, false) => format!("{n} sparade uppgifter"),
        (Lang::En, true, true) => "1 report is".to_owned(),
        (Lang::En, false, true) => format!("{n} reports are"),
        (Lang::En, true, false) => "1 saved item is".to_owned(),
        (Lang::En, false, false) => format!("{n} saved items are"),
    };
    match (lang, offline) {
        (Lang::Sv, true) => format!("{what} väntar på nätverk"),
        (Lang::Sv, false) => format!("{what} väntar på att skickas"),
        (Lang::En, true) => format!("{what} waiting for a network"),
        (Lang::En, false) => format!("{what} waiting to be sent"),
    }
}

/// Nothing waits for the network, but `n` records the server refused wait for the user.
pub fn refused_waiting(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "Allt annat är skickat. 1 sparad uppgift togs inte emot och behöver din hjälp: se Mina rapporter.".into(),
        (Lang::Sv, n) => format!("Allt annat är skickat. {n} sparade uppgifter togs inte emot och behöver din hjälp: se Mina rapporter."),
        (Lang::En, 1) => "Everything else is sent. 1 saved item was not accepted and needs your help: see My reports.".into(),
        (Lang::En, n) => format!("Everything else is sent. {n} saved items were not accepted and need your help: see My reports."),
    }
}

/// "Kunde inte skicka: …. Försöker igen om 30 s."
pub fn send_failed(lang: Lang, reason: &str, retry_in_s: Option<u64>) -> String {
    let retry = match (lang, retry_in_s) {
        (_, None) => String::new(),
        (Lang::Sv, Some(s)) if s >= 120 => format!(" Försöker igen om {} min.", s.div_ceil(60)),
        (Lang::En, Some(s)) if s >= 120 => format!(" Trying again in {} min.", s.div_ceil(60)),
        (Lang::Sv, Some(s)) => format!(" Försöker igen om {s} s."),
        (Lang::En, Some(s)) => format!(" Trying again in {s} s."),
    };
    match lang {
        Lang::Sv => format!("Kunde inte skicka: {reason}.{retry}"),
        Lang::En => format!("Could not send: {reason}.{retry}"),
    }
}

/// Why a send failed, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailReason {
    /// No answer at all (offline, captive portal, timeout).
    NoContact,
    /// The server answered with an error status.
    ServerError(u16),
    /// The phone's own storage failed (reading what waits, or writing the answers).
    Storage(StoreErrorKind),
    /// The server answered, but for none of the records sent.
    NoAnswer,
    /// The server is busy or limits this phone for now (429/503); wait the seconds it said.
    Busy(u32),
    /// This phone has delivered as much as its municipality allows in 24 hours.
    DailyLimit(u32),
}

impl FailReason {
    /// Seconds the server asked the phone to wait (0 when it did not say).
    pub fn retry_after_s(&self) -> u32 {
        match self {
            FailReason::Busy(s) | FailReason::DailyLimit(s) => *s,
            _ => 0,
        }
    }

    /// The reason in `lang`.
    pub fn in_(&self, lang: Lang) -> String {
        match (self, lang) {
            (FailReason::NoContact, Lang::Sv) => "Vaksam når inte kommunen just nu".into(),
            (FailReason::NoContact, Lang::En) => {
                "Vaksam cannot reach the municipality right now".into()
            }
            (FailReason::ServerError(s), Lang::Sv) => format!("servern svarade med fel ({s})"),
            (FailReason::ServerError(s), Lang::En) => {
                format!("the server answered with an error ({s})")
            }
            (FailReason::Storage(StoreErrorKind::Quota), Lang::Sv) => {
                "telefonens lagring är full".into()
            }
            (FailReason::Storage(StoreErrorKind::Quota), Lang::En) => {
                "the phone's storage is full".into()
            }
            (FailReason::Storage(_), Lang::Sv) => "telefonens lagring svarar inte".into(),
            (FailReason::Storage(_), Lang::En) => "the phone's storage does not respond".into(),
            (FailReason::NoAnswer, Lang::Sv) => "servern svarade utan att ta emot något".into(),
            (FailReason::NoAnswer, Lang::En) => {
                "the server answered without taking anything".into()
            }
            (FailReason::Busy(_), Lang::Sv) => "servern har mycket att göra just nu".into(),
            (FailReason::Busy(_), Lang::En) => "the server is busy right now".into(),
            (FailReason::DailyLimit(_), Lang::Sv) => {
                "telefonen har skickat så mycket som kommunen tillåter på ett dygn".into()
            }
            (FailReason::DailyLimit(_), Lang::En) => {
                "this phone has sent as much as the municipality allows in a day".into()
            }
        }
    }
}

/// Category names.
pub fn category(lang: Lang, c: Category) -> &'static str {
    let (sv, en) = match c {
        Category::LostDevice => (
            "Borttappad eller stulen telefon, surfplatta eller dator",
            "Lost or stolen phone, tablet or computer",
        ),
        Category::LostCardOrKey => (
            "Borttappat kort, tagg eller nyckel",
            "Lost card, tag or key",
        ),
        Category::WrongRecipient => (
            "E-post, brev eller sms till fel mottagare",
            "E-mail, letter or text to the wrong recipient",
        ),
        Category::WrongPrinter => ("Utskrift på fel skrivare", "Printout on the wrong printer"),
        Category::UnauthorizedAccess => (
            "Någon såg eller kom åt information de inte skulle",
            "Someone saw or reached information they should not",
        ),
        Category::WrongAccessRights => (
            "Fel behörighet i ett system",
            "Wrong access rights in a system",
        ),
        Category::Phishing => (
            "Nätfiske eller misstänkt meddelande",
            "Phishing or a suspicious message",
        ),
        Category::Malware => ("Virus eller skadlig kod", "Virus or malware"),
        Category::SystemUnavailable => ("Ett system fungerar inte", "A system is unavailable"),
        Category::DataChangedOrDestroyed => (
            "Information ändrad eller förstörd av misstag",
            "Information changed or destroyed by mistake",
        ),
        Category::Other => ("Något annat", "Something else"),
    };
    lang.pick(sv, en)
}

/// Aspect names with a plain explanation.
pub fn aspect(lang: Lang, a: Aspect) -> &'static str {
    let (sv, en) = match a {
        Aspect::Confidentiality => (
            "Sekretess – fel personer kan ha sett informationen",
            "Confidentiality – the wrong people may have seen it",
        ),
        Aspect::Integrity => (
            "Riktighet – informationen kan ha blivit fel",
            "Integrity – the information may have become wrong",
        ),
        Aspect::Availability => (
            "Tillgänglighet – informationen gick inte att nå",
            "Availability – the information could not be reached",
        ),
        Aspect::Traceability => (
            "Spårbarhet – det går inte att se vem som gjorde vad",
            "Traceability – it cannot be seen who did what",
        ),
    };
    lang.pick(sv, en)
}

/// What an aspect means for a report, in plain words and without its name: on the report's
/// "Berätta mer" screen "Sekretess" means OSL secrecy only.
pub fn aspect_plain(lang: Lang, a: Aspect) -> &'static str {
    let (sv, en) = match a {
        Aspect::Confidentiality => (
            "Fel personer kan ha sett informationen",
            "The wrong people may have seen the information",
        ),
        Aspect::Integrity => (
            "Informationen kan ha blivit fel",
            "The information may have become wrong",
        ),
        Aspect::Availability => (
            "Informationen gick inte att nå",
            "The information could not be reached",
        ),
        Aspect::Traceability => (
            "Det går inte att se vem som gjorde vad",
            "It cannot be seen who did what",
        ),
    };
    lang.pick(sv, en)
}

/// Kinds of personal data.
pub fn pd_kind(lang: Lang, k: PersonalDataKind) -> &'static str {
    let (sv, en) = match k {
        PersonalDataKind::Identity => ("Namn eller personnummer", "Names or ID numbers"),
        PersonalDataKind::ContactDetails => {
            ("Adress, telefon eller e-post", "Address, phone or e-mail")
        }
        PersonalDataKind::Health => ("Hälsa, läkemedel eller vård", "Health, medication or care"),
        PersonalDataKind::SocialServices => (
            "Socialtjänst, beslut eller insatser",
            "Social services, decisions or support",
        ),
        PersonalDataKind::PupilRecords => (
            "Elevuppgifter, betyg eller stöd",
            "Pupil records, grades or support",
        ),
        PersonalDataKind::ProtectedIdentity => ("Skyddade personuppgifter", "Protected identity"),
        PersonalDataKind::Financial => ("Ekonomi eller bankuppgifter", "Money or bank details"),
        PersonalDataKind::Images => ("Foto eller film på personer", "Photos or video of people"),
        PersonalDataKind::Credentials => ("Lösenord eller koder", "Passwords or codes"),
    };
    lang.pick(sv, en)
}

/// How many people.
pub fn people(lang: Lang, p: PeopleAffected) -> &'static str {
    let (sv, en) = match p {
        PeopleAffected::One => ("En person", "One person"),
        PeopleAffected::Few => ("2–10 personer", "2–10 people"),
        PeopleAffected::Many => ("11–100 personer", "11–100 people"),
        PeopleAffected::VeryMany => ("Fler än 100", "More than 100"),
        PeopleAffected::Unknown => ("Vet inte", "Don't know"),
    };
    lang.pick(sv, en)
}

/// Yes / no / don't know.
pub fn answer(lang: Lang, a: Answer) -> &'static str {
    match a {
        Answer::Yes => T::Yes.in_(lang),
        Answer::No => T::No.in_(lang),
        Answer::Unknown => T::DontKnow.in_(lang),
    }
}

/// A "what to do now" step.
pub fn step(lang: Lang, s: Step) -> &'static str {
    let (sv, en) = match s {
        Step::CallItToBlockDevice => ("Ring IT-supporten direkt så att telefonen, surfplattan eller datorn kan spärras och raderas.", "Call IT support at once so the phone, tablet or computer can be locked and wiped."),
        Step::BlockCardOrKey => ("Spärra kortet eller taggen. Gäller det en nyckel till en bostad: berätta för den som bor där.", "Have the card or tag blocked. If it is a key to a home: tell the person who lives there."),
        Step::AskRecipientToDelete => ("Be mottagaren radera meddelandet. Skicka inte innehållet igen.", "Ask the recipient to delete the message. Do not send the content again."),
        Step::FetchPrintout => ("Hämta utskriften direkt om du kan, eller be någon i närheten göra det.", "Fetch the printout at once if you can, or ask someone nearby to."),
        Step::DoNotClickOrReply => ("Klicka inte, svara inte och öppna inga bilagor.", "Do not click, reply or open attachments."),
        Step::ChangePasswordIfEntered => ("Har du klickat eller skrivit ett lösenord? Byt lösenord nu och ring IT.", "Did you click or type a password? Change it now and call IT."),
        Step::DisconnectAndCallIt => ("Koppla bort datorn eller telefonen från nätverket (stäng av wifi) och ring IT.", "Disconnect the computer or phone from the network (Wi-Fi off) and call IT."),
        Step::UseFallbackRoutine => ("Använd reservrutinen (papper eller telefon) tills systemet fungerar.", "Use the fallback routine (paper or phone) until the system works."),
        Step::AskForRestore => ("Berätta för systemförvaltaren eller IT vad som ändrats, så att det kan återställas.", "Tell the system administrator or IT what changed so it can be restored."),
        Step::TellManager => ("Berätta för din chef genast.", "Tell your manager at once."),
        Step::FollowLexSarahRoutine => ("En brukare eller elev kan ta skada: följ rutinen för avvikelse eller lex Sarah.", "A care recipient or pupil may be harmed: follow the deviation or lex Sarah routine."),
        Step::CallNowItIsOngoing => ("Det pågår fortfarande: ring IT-supporten nu i stället för att vänta.", "It is still going on: call IT support now instead of waiting."),
    };
    lang.pick(sv, en)
}

/// A field error in words, for the field it belongs to.
pub fn field_error(lang: Lang, code: FieldErrorCode, field: &str) -> String {
    let (sv, en) = match code {
        FieldErrorCode::Required if field == "category" => {
            ("Välj vad som har hänt.", "Choose what happened.")
        }
        FieldErrorCode::Required if field == "description" => (
            "Beskriv kort vad som hänt när du valt Något annat.",
            "Briefly describe what happened when you chose Something else.",
        ),
        FieldErrorCode::Required if field.starts_with("confirmed") => {
            ("Bekräfta den här punkten.", "Confirm this point.")
        }
        FieldErrorCode::Required if matches!(field, "name" | "employee_ref" | "workplace") => {
            ("Fyll i det här fältet.", "Fill in this field.")
        }
        FieldErrorCode::Invalid if field == "employee_ref" => (
            "Det ser inte ut som en e-postadress. Skriv hela adressen eller ditt anställningsnummer.",
            "That does not look like an e-mail address. Write the whole address or your employee number.",
        ),
        FieldErrorCode::Required => ("Fyll i en tid.", "Enter a time."),
        FieldErrorCode::TooLong => (
            "Texten är för lång. Korta ner den.",
            "The text is too long. Please shorten it.",
        ),
        FieldErrorCode::Invalid => (
            "Kan inte läsa tiden. Välj datum och klockslag.",
            "Cannot read the time. Choose a date and time.",
        ),
        FieldErrorCode::InFuture => ("Tiden ligger i framtiden.", "The time lies in the future."),
        FieldErrorCode::BeforeOccurred => (
            "Upptäckten kan inte vara före händelsen.",
            "Discovery cannot be before the event.",
        ),
        FieldErrorCode::Duplicate => (
            "Samma val finns två gånger.",
            "The same choice appears twice.",
        ),
        FieldErrorCode::Inconsistent => (
            "Stämmer inte med svaret att inga personuppgifter finns med.",
            "Does not match the answer that no personal data is involved.",
        ),
    };
    lang.pick(sv, en).to_owned()
}

/// KLASSA's words for a level.
pub fn level_word(lang: Lang, level: u8) -> &'static str {
    let (sv, en) = match level {
        0 => ("ingen eller försumbar skada", "no or negligible harm"),
        1 => ("måttlig skada", "moderate harm"),
        2 => ("betydande skada", "significant harm"),
        _ => ("allvarlig skada", "serious harm"),
    };
    lang.pick(sv, en)
}

/// The harm a level names, said about one aspect: "allvarlig skada om den kommer ut".
fn harm(lang: Lang, aspect: Aspect, level: u8) -> String {
    let when = match aspect {
        Aspect::Confidentiality => lang.pick("om den kommer ut", "if it gets out"),
        Aspect::Integrity => lang.pick("om den blir fel", "if it becomes wrong"),
        Aspect::Availability => lang.pick("om den inte går att nå", "if it cannot be reached"),
        Aspect::Traceability => lang.pick(
            "om det inte går att se vem som gjort vad",
            "if no one can see who did what",
        ),
    };
    let word = match level {
        0 => lang.pick("ingen skada", "no harm"),
        l => level_word(lang, l),
    };
    format!("{word} {when}")
}

/// A kind's level in words, never as a code: "Sekretess: allvarlig skada om den kommer ut".
pub fn harm_if(lang: Lang, aspect: Aspect, level: u8) -> String {
    format!(
        "{}: {}",
        aspect_name(lang, aspect),
        harm(lang, aspect, level)
    )
}

/// The most a place takes, in words: "Sekretess: tål måttlig skada om den kommer ut".
pub fn place_takes(lang: Lang, aspect: Aspect, level: u8) -> String {
    let takes = lang.pick("tål", "takes");
    format!(
        "{}: {takes} {}",
        aspect_name(lang, aspect),
        harm(lang, aspect, level)
    )
}

/// The short name of an aspect ("Sekretess"), the same word the report flow uses.
pub fn aspect_name(lang: Lang, a: Aspect) -> &'static str {
    let full = aspect(lang, a);
    full.split(" – ").next().unwrap_or(full)
}

/// "Visa allt (3 till, för annat arbete)".
pub fn show_all(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("Visa allt ({n} till, för annat arbete)"),
        Lang::En => format!("Show all ({n} more, for other work)"),
    }
}

/// "Fler ställen där det inte får finnas (8)"; on a place's card (`of_kinds`) "Mer som inte
/// får läggas här (8)".
pub fn more_nos(lang: Lang, n: usize, of_kinds: bool) -> String {
    match (lang, of_kinds) {
        (Lang::Sv, false) => format!("Fler ställen där det inte får finnas ({n})"),
        (Lang::En, false) => format!("More places where it must not go ({n})"),
        (Lang::Sv, true) => format!("Mer som inte får läggas här ({n})"),
        (Lang::En, true) => format!("More that must not go here ({n})"),
    }
}

/// "Mer som går bra här (7)", on a place's card.
pub fn more_yes(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Sv => format!("Mer som går bra här ({n})"),
        Lang::En => format!("More that is fine here ({n})"),
    }
}

/// "Använd i stället: Verksamhetssystemet."
pub fn instead(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Sv => format!("Använd i stället: {place}."),
        Lang::En => format!("Use instead: {place}."),
    }
}

/// "3 träffar".
pub fn hits(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "1 träff".into(),
        (Lang::Sv, n) => format!("{n} träffar"),
        (Lang::En, 1) => "1 result".into(),
        (Lang::En, n) => format!("{n} results"),
    }
}

/// "Kan jag använda Teams?"
pub fn may_i_use(lang: Lang, place: &str) -> String {
    match lang {
        Lang::Sv => format!("Kan jag använda {place}?"),
        Lang::En => format!("Can I use {place}?"),
    }
}

/// The note a report from a "no" starts with.
pub fn misplaced_note(lang: Lang, kind: &str, place: &str) -> String {
    match lang {
        Lang::Sv => format!(
            "{kind} har hamnat i {place}, där det inte får finnas enligt klassningen i Vaksam."
        ),
        Lang::En => format!(
            "{kind} ended up in {place}, where the classification in Vaksam says it must not be."
        ),
    }
}

/// Where the employee stands with training, in one sentence.
pub fn course_status(lang: Lang, status: vaksam_core::quiz::CourseStatus) -> String {
    use vaksam_core::quiz::CourseStatus;
    let day = |t: time::OffsetDateTime| crate::clock::display(t)[..10].to_owned();
    match (status, lang) {
        (CourseStatus::NotStarted, _) => T::QuizNotStarted.in_(lang).to_owned(),
        (
            CourseStatus::InProgress {
                right,
                total,
                due_since: Some(due),
            },
            Lang::Sv,
        ) => format!(
            "Utbildningen skulle vara klar {}. {} av {total} frågor återstår. Ta några nu.",
            day(due),
            total - right
        ),
        (
            CourseStatus::InProgress {
                right,
                total,
                due_since: Some(due),
            },
            Lang::En,
        ) => format!(
            "The training was due {}. {} of {total} questions are left. Take a few now.",
            day(due),
            total - right
        ),
        (
            CourseStatus::InProgress {
                right,
                total,
                due_since: None,
            },
            Lang::Sv,
        ) => format!("Du har klarat {right} av {total} frågor. Fortsätt när du har en stund."),
        (
            CourseStatus::InProgress {
                right,
                total,
                due_since: None,
            },
            Lang::En,
        ) => format!(
            "You have got {right} of {total} questions right. Go on when you have a moment."
        ),
        (CourseStatus::Done { next_due }, Lang::Sv) => {
            format!("Utbildningen är genomförd. Nästa gång: {}.", day(next_due))
        }
        (CourseStatus::Done { next_due }, Lang::En) => {
            format!("The training is complete. Next time: {}.", day(next_due))
        }
    }
}

/// "4 av 5 rätt".
pub fn score(lang: Lang, right: usize, total: usize) -> String {
    match lang {
        Lang::Sv => format!("{right} av {total} rätt"),
        Lang::En => format!("{right} of {total} right"),
    }
}

/// What a storage failure means for the user, and what to do.
pub fn storage_problem(lang: Lang, kind: StoreErrorKind) -> &'static str {
    match kind {
        StoreErrorKind::Quota => T::StorageQuota,
        StoreErrorKind::Unavailable => T::StorageUnavailable,
        StoreErrorKind::Other => T::StorageOther,
    }
    .in_(lang)
}

/// The label of the question or field a refusal names (`payload.` already removed).
fn refused_field_label(kind: RecordKind, field: &str) -> Option<T> {
    let head = field.split('.').next().unwrap_or(field);
    Some(match (kind, head) {
        (RecordKind::Incident, "category") => T::QCategory,
        (RecordKind::Incident, "occurred_at") => T::OccurredAt,
        (RecordKind::Incident, "discovered_at") => T::DiscoveredAt,
        (RecordKind::Incident, "place") => T::PlaceLabel,
        (RecordKind::Incident, "aspects") => T::QAspects,
        (RecordKind::Incident, "personal_data") => T::QPersonalData,
        (RecordKind::Incident, "harm_to_person") => T::QHarm,
        (RecordKind::Incident, "ongoing") => T::QOngoing,
        (RecordKind::Incident, "actions_taken") => T::ActionsLabel,
        (RecordKind::Incident, "description") => T::DescriptionLabel,
        (_, "kommunkod") => T::Municipality,
        (_, "pack_version") => T::PolicyVersion,
        (RecordKind::Signature, "name") => T::FieldName,
        (RecordKind::Signature, "employee_ref") => T::FieldEmployeeRef,
        (RecordKind::Signature, "workplace") => T::FieldWorkplace,
        (RecordKind::Signature, "confirmed") => T::ConfirmEach,
        _ => return None,
    })
}

/// One reason the server gave for refusing a record, in plain words: the question it
/// concerns, then what is wrong (`Det hände: Tiden ligger i framtiden …`).
pub fn refusal(lang: Lang, kind: RecordKind, error: &FieldError) -> String {
    let field = error.field.strip_prefix("payload.").unwrap_or(&error.field);
    let (sv, en) = match (error.code, field) {
        (FieldErrorCode::InFuture, _) => (
            "Tiden ligger i framtiden enligt kommunens server. Kontrollera att telefonens klocka går rätt och rätta tiden.",
            "The time lies in the future according to the municipality's server. Check that the phone's clock is right and correct the time.",
        ),
        (_, "kommunkod") => (
            "Den gjordes när telefonen var registrerad i en annan kommun.",
            "It was made while the phone was registered with another municipality.",
        ),
        (_, "pack_version") => (
            "Kommunen har inte den versionen av policyn.",
            "The municipality does not have that version of the policy.",
        ),
        (_, "payload") => (
            "Servern kunde inte läsa innehållet. Uppdatera Vaksam och försök igen.",
            "The server could not read the content. Update Vaksam and try again.",
        ),
        _ => {
            let text = field_error(lang, error.code, field);
            return match refused_field_label(kind, field) {
                Some(label) => format!("{}: {text}", label.in_(lang)),
                None => format!("{text} ({field}: {})", error.message),
            };
        }
    };
    let text = lang.pick(sv, en);
    match refused_field_label(kind, field) {
        Some(label) => format!("{}: {text}", label.in_(lang)),
        None => text.to_owned(),
    }
}
