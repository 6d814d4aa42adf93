# Vaksam's texts in Arabic (Modern Standard Arabic): plain, friendly, short sentences.
# Not yet reviewed by a native speaker (-lang-reviewed = no).
# Conventions: the brand Vaksam stays in Latin letters; "report" (rapport) is بلاغ;
# the municipality is البلدية, with (kommun) where a user needs to recognise the word;
# Swedish terms a user meets at work keep their Swedish name next to the Arabic
# (lex Sarah, avvikelse, OSL, personnummer). The user is addressed with the generic
# masculine imperative, as is usual in Arabic interfaces.
# Every number selector has Arabic's six CLDR plural categories:
# zero (0), one (1), two (2), few (3–10), many (11–99), other (100, 101, 102, …).

-lang-name = العربية
-lang-dir = rtl
-lang-reviewed = no

## The app's screens

app-name = Vaksam
tagline = أمن المعلومات في جيبك
skip-to-content = انتقل إلى المحتوى
back = رجوع
next = التالي
settings = الإعدادات
fn-report = الإبلاغ عن حادثة
fn-report-hint = حدث شيء للمعلومات، أو لهاتف أو جهاز لوحي أو كمبيوتر
fn-sign = التوقيع
fn-sign-hint = اقرأ السياسة ووقّع عليها
fn-quiz = التدريب
fn-quiz-hint = أسئلة قصيرة في دقيقتين
fn-classify = أين يُسمح لي بالحفظ؟
fn-classify-hint = ابحث أين يُسمح بوضع المعلومات
fn-my-reports = بلاغاتي
fn-my-reports-hint = شاهد ما أُرسل وما استُلم
send-now = أرسل الآن
all-sent = تم إرسال كل شيء
sending = جارٍ الإرسال…
needs-enroll-again = هذا الهاتف لم يعد مسجّلًا. البلاغات ما زالت محفوظة عليه. اطلب من مديرك رمزًا جديدًا.
enroll-again = سجّل من جديد
enroll-title = لنبدأ
enroll-intro = اكتب الرمز الذي حصلت عليه من بلديتك (kommun). تحتاج إلى الإنترنت الآن. بعد ذلك يعمل التطبيق بدون إنترنت.
enroll-code-label = رمز التسجيل
enroll-code-hint = 12 خانة، مثلًا 7K2M-Q9XD-4RTA
enroll-button = سجّل الهاتف
enroll-bad-code = الرمز لا يعمل. ربما كُتب بشكل خاطئ، أو استُخدم من قبل، أو أصبح قديمًا. اطلب من مديرك رمزًا جديدًا.
enroll-code-format = يجب أن يتكوّن الرمز من 12 خانة: أرقام وحروف.
enroll-offline = لا يستطيع Vaksam الوصول إلى البلدية الآن. قد يكون الرمز صحيحًا. تأكّد من أنك متصل بالإنترنت، ثم حاول مرة أخرى.
enroll-server-error = ردّ خادم البلدية بخطأ. قد يكون الرمز صحيحًا. حاول مرة أخرى بعد قليل. إذا لم ينجح ذلك، اسأل مديرك.
enroll-working = جارٍ التسجيل…
enroll-already = هذا الهاتف مسجّل باسم { $name }. لا تسجّله برمز جديد إلا إذا كان سيصبح هاتفك.
enroll-or = هل لديك حساب في البلدية؟
enroll-with-account = سجّل الدخول بحساب البلدية
enroll-with-account-hint = تسجّل الدخول مرة واحدة فقط. تحتاج إلى الإنترنت في تلك اللحظة.
step-of = السؤال { $n } من { $total }
q-category = ماذا حدث؟
h-category = اختر الأنسب. يمكنك أن تكتب المزيد لاحقًا.
occurred-at = حدث ذلك في
discovered-at = اكتشفتُ ذلك في
h-place = مثلًا مكان عمل، أو نظام، أو عنوان. لا تكتب اسم متلقي الرعاية.
place-label = المكان
q-aspects = ما الذي تأثّر؟
h-aspects = ضع علامة على كل ما قد ينطبق. إذا لم تختر شيئًا، فهذا يعني «لا أعرف».
q-personal-data = هل يتعلق الأمر ببيانات شخصية؟
h-personal-data = البيانات الشخصية هي كل ما يمكن ربطه بشخص، مثل الاسم أو الرقم الشخصي (personnummer) أو الصورة.
pd-involved = هل توجد بيانات شخصية؟
pd-kinds = ما نوع البيانات؟
pd-people = كم شخصًا تقريبًا؟
pd-sensitive = هل توجد بيانات حساسة، مثل معلومات عن الصحة؟
pd-secrecy = هل توجد بيانات سرية بحكم القانون (OSL)؟
q-harm = هل يمكن أن يتضرر متلقي رعاية أو تلميذ؟
h-harm = إذا كان الجواب نعم، فيجب التعامل مع الأمر أيضًا كبلاغ عن خلل (avvikelse) أو وفق lex Sarah (قواعد الإبلاغ عن التقصير في الرعاية).
q-ongoing = هل ما زال الأمر مستمرًا؟
h-actions = مثلًا: اتصلت بالدعم الفني (IT)، أو طلبت من المستلم أن يحذف الرسالة. لا تكتب أرقامًا شخصية.
actions-label = ما قمتُ به
h-description = صِف باختصار ما حدث. لا تكتب أسماء أو أرقامًا شخصية.
description-label = الوصف
fix-errors = هناك شيء يجب تصحيحه. انظر السؤال أدناه.
save-failed = تعذّر حفظ البلاغ على الهاتف. ما كتبته ما زال موجودًا. وفّر مساحة على الهاتف، ثم حاول مرة أخرى.
saved-title = شكرًا! تم حفظ البلاغ
what-now = افعل الآن ما يلي
advice-note = بعض هذه الخطوات نصائح عامة من Vaksam. لم تؤكّدها البلدية بعد.
in-swedish = (باللغة السويدية)
reports-title = بلاغاتي
no-reports = ليس لديك بلاغات حتى الآن.
state-waiting = محفوظ على الهاتف، ينتظر الإرسال
state-sending = جارٍ الإرسال…
state-received = استلمته البلدية
state-rejected = لم يقبل خادم البلدية البلاغ
state-conflict = يوجد بلاغ آخر له المعرّف (id) نفسه
case-number = رقم الملف
discard = احذفه من الهاتف
discard-confirm = هل تريد حذف البلاغ؟ لم يصل إلى البلدية بعد.
waiting = في الانتظار
received = تم استلامها
settings-title = الإعدادات
language = اللغة
device = هذا الهاتف
municipality = البلدية (kommun)
employee = الاسم
storage-persisted = البلاغات الموجودة على الهاتف محمية من الحذف التلقائي.
storage-not-persisted = قد يحذف المتصفح البلاغات غير المرسلة إذا امتلأت ذاكرة الهاتف. أضِف Vaksam إلى الشاشة الرئيسية، وأرسل البلاغات متى استطعت.
storage-unknown = لا نعرف هل التخزين محمي أم لا.
update-available = يتوفر إصدار جديد من Vaksam.
update-now = تحديث
no-storage-title = لا يستطيع Vaksam الحفظ هنا
no-storage-text = المتصفح لا يسمح بالتخزين، مثلًا في وضع التصفح الخاص. افتح Vaksam في نافذة عادية، حتى لا يضيع أي بلاغ.
not-found-title = الصفحة غير موجودة
not-found-text = ارجع إلى البداية.
old-unsent-warning = بعض البلاغات تنتظر منذ أكثر من ثلاثة أيام. اتصل بالإنترنت في أقرب وقت ممكن.
yes = نعم
no = لا
dont-know = لا أعرف
edit = تغيير
fn-policy = السياسة باختصار
fn-policy-hint = ماذا تقول سياسة أمن المعلومات في البلدية
policy-not-yet = لم تصل السياسة إلى الهاتف بعد. سيتم تنزيلها في المرة القادمة التي يتصل فيها الهاتف بالإنترنت.
adopted-by = اعتمدتها
policy-version = الإصدار
revision = مراجعة السياسة:
source-label = المصدر في السياسة:
aspects-title = ما يجب حمايته
contacts-title = بمن تتصل
training-title = التدريب
sign-status-none = لم توقّع بعد.
sign-status-again = يوجد إصدار جديد. اقرأه ووقّع عليه من جديد.
sign-status-current = لقد وقّعت على الإصدار الساري.
what-changed = ما تغيّر منذ أن وقّعت:
change-added = قسم جديد
change-changed = تغيّر
change-removed = قسم محذوف
undertaking-changed = النص الذي توقّع عليه قد تغيّر.
policy-version-changed = للسياسة إصدار جديد.
confirm-each = أكّد كل نقطة
your-details = بياناتك
field-name = الاسم
field-employee-ref = رقم الموظف أو البريد الإلكتروني
field-workplace = مكان العمل
h-workplace = مثلًا الوحدة، أو مجموعة الرعاية المنزلية، أو المدرسة.
sign-button = وقّع
signed-title = تم التوقيع
log-entry-label = الرقم في سجل البلدية
signed-waiting = التوقيع محفوظ على الهاتف. سيُرسل إلى البلدية عندما يتوفر لديك إنترنت.
signature-item = توقيع
view-receipt = اعرض ما وقّعت عليه
sign-again-button = اقرأ ووقّع
who-is-told = من يتم إبلاغه
call-label = تواصل مع:
signer = الموقّع
lookup-not-yet = لم يصل التصنيف إلى الهاتف بعد. سيتم تنزيله في المرة القادمة التي يتصل فيها الهاتف بالإنترنت.
search-label = ماذا تريد أن تحفظ أو ترسل؟
search-hint = اكتب بالسويدية أو الإنجليزية، مثلًا: genomförandeplan (خطة التنفيذ)، أو foto på brukare (صورة متلقي رعاية)، أو Teams.
no-hits = لم نجد شيئًا. جرّب كلمة أخرى، أو أجب عن بعض الأسئلة أدناه.
places-title = أو اختر مكانًا
guide-link = لم تجد ما تبحث عنه؟ أجب عن بعض الأسئلة
why-title = السبب
guide-title = اعثر على المكان الصحيح ببعض الأسئلة
guide-intro = أجب بنعم أو لا. النتيجة إرشاد فقط، وليست تصنيف البلدية. إذا لم تكن متأكدًا، اسأل مديرك.
guide-label = إرشاد – وليس قرارًا
guide-result = هذا ما ينطبق على معلوماتك
start-over = ابدأ من جديد
security-title = هل يتعلق الأمر بأمن السويد؟
ask-label = اسأل:
sector-school = المدرسة
sector-question = أين تعمل؟
sector-hint = عندها ستحصل أيضًا على أسئلة عن عملك. يمكنك تغيير ذلك في الإعدادات.
sector-hint-settings = يتضمّن التدريب أسئلة عن عملك.
sector-care = الرعاية المنزلية أو خدمات الرعاية
sector-other = عمل آخر
sector-save = حفظ
sector-change = غيّر مكان عملك
your-sector = مكان عملك
read-whole-policy = اقرأ السياسة كاملة
diarienummer = رقم القيد (diarienummer)
call-button = اتصل:
ask-who = اسأل
read-in-policy = اقرأ المزيد في السياسة
gq-personal-data = هل يمكن ربط المعلومات بشخص ما؟
gh-personal-data = مثلًا الاسم، أو الرقم الشخصي، أو العنوان، أو الصورة.
gq-sensitive = هل يتعلق الأمر بالصحة أو ببيانات حساسة أخرى؟
gh-sensitive = من البيانات الحساسة مثلًا: الصحة، والأصل العرقي، والدين، والحياة الجنسية، والعضوية في نقابة.
gq-secrecy = هل تخضع المعلومات للسرية؟
gh-secrecy = السرية بحسب قانون العلنية والسرية السويدي (OSL). تشمل مثلًا معظم المعلومات عن متلقي الرعاية، وعن دعم التلاميذ وصحتهم.
gq-emergency = هل يجب أن تكون المعلومات متاحة فورًا، مثلًا في حالة طوارئ؟
gh-emergency = فكّر: هل يمكن أن يتضرر أحد، أو يتوقف العمل، إذا تعذّر الوصول إليها؟
gq-harm = هل سيتضرر أحد إذا أصبحت المعلومات خاطئة؟
gh-harm = مثلًا دواء خاطئ، أو عنوان خاطئ، أو قرار خاطئ.
your-answers = إجاباتك
quiz-intro = بضعة أسئلة في كل مرة، نحو دقيقتين. ستعرف فورًا هل إجابتك صحيحة، ولماذا.
quiz-start = ابدأ
quiz-practice = تدرّب على أي حال
quiz-not-started = لم تبدأ التدريب بعد. يستغرق بضع دقائق في كل مرة.
quiz-no-bank = لم تصل الأسئلة إلى الهاتف بعد. سيتم تنزيلها في المرة القادمة التي يتصل فيها الهاتف بالإنترنت.
quiz-choose-all = اختر كل ما ينطبق.
quiz-choose-one = اختر إجابة واحدة.
quiz-answer = أجب
quiz-pick-something = اختر إجابة قبل أن تتابع.
quiz-right = صحيح!
quiz-wrong = ليس صحيحًا تمامًا.
quiz-right-was = الإجابة الصحيحة:
quiz-next = السؤال التالي
quiz-see-result = اعرض النتيجة
quiz-result-title = النتيجة
quiz-save-failed = تعذّر حفظ النتيجة على الهاتف. إجاباتك ما زالت موجودة. حاول مرة أخرى.
to-home = إلى البداية
storage-quota = ذاكرة الهاتف ممتلئة. وفّر مساحة، مثلًا بحذف الصور أو التطبيقات التي لا تستخدمها.
storage-unavailable = لا يستطيع Vaksam الوصول إلى ذاكرة الهاتف الآن. أغلق Vaksam، ثم افتح التطبيق من جديد.
storage-other = حدث خطأ أثناء الحفظ على الهاتف. حاول مرة أخرى بعد قليل.
draft-not-saved = تعذّر حفظ ما تكتبه على الهاتف. سيبقى موجودًا ما دامت الصفحة مفتوحة.
reports-unreadable = تعذّرت قراءة البلاغات الموجودة على الهاتف.
state-rejected-signature = لم يقبل خادم البلدية التوقيع
state-rejected-quiz = لم يقبل خادم البلدية النتيجة
rejected-why = يجب تصحيح ما يلي:
correct-and-resend = صحّح وأرسل من جديد
sign-again-after-refusal = وقّع من جديد
refused-signature-help = وقّع من جديد على السياسة السارية الآن. التوقيع الجديد يحلّ محلّ هذا التوقيع.
refused-quiz-help = ما تعلّمته ما زال محفوظًا على الهاتف. قم بجولة جديدة من التدريب، وستُرسل نتيجة جديدة.
to-training = إلى التدريب
correcting-notice = أنت تصحّح بلاغًا لم يقبله خادم البلدية. عندما ترسله، يحلّ البلاغ المصحَّح محلّ البلاغ القديم.
replace-draft-confirm = لديك بلاغ بدأت كتابته. سيحلّ محلّه البلاغ الذي ستصحّحه. هل تريد المتابعة؟
db-outdated = تم تحديث Vaksam – أعد تحميل الصفحة
reload = إعادة التحميل
db-blocked-title = أغلق علامات التبويب الأخرى التي فيها Vaksam
db-blocked-text = يجري تحديث Vaksam، لكنه مفتوح في علامة تبويب أو نافذة أخرى. أغلق علامات التبويب الأخرى التي فيها Vaksam، وسيتابع التطبيق هنا تلقائيًا. لن يضيع شيء مما حُفظ.
sources-title = المصادر
draft-lookup-note = ما وجدته في «أين يُسمح لي بالحفظ؟» سيصبح بلاغًا جديدًا. إذا بدأت البلاغ الجديد، فلن يُحفظ البلاغ القديم.
draft-keep-old = تابع البلاغ القديم
draft-start-new = ابدأ البلاغ الجديد
cancel-yes = نعم، احذف البلاغ
cancel-no = لا، تابع
draft-started-today = اليوم الساعة
draft-prompt-title = لديك بلاغ بدأت كتابته
draft-continue = تابع
draft-start-over = ابدأ من جديد
cancel = إلغاء
cancel-confirm = هل تريد إلغاء البلاغ؟ سيُحذف كل ما كتبته.
chosen-category = ما حدث:
change-category = تغيير
send-report = أرسل البلاغ
send-hint = الوقت المسجَّل هو الآن. يمكنك إضافة المكان والتفاصيل، لكن هذا ليس ضروريًا.
tell-more = أخبرنا بالمزيد
tell-more-title = أخبرنا بالمزيد
tell-more-hint = كل شيء هنا اختياري. أرسل متى شئت.
osl-explain = السرية بحسب قانون العلنية والسرية السويدي (OSL) تعني أنه لا يجوز الكشف عن هذه البيانات، مثلًا عن صحة متلقي رعاية أو عن عائلة تلميذ.
sensitive-implied = الصحة، والخدمات الاجتماعية، والبيانات الشخصية المحمية (skyddade personuppgifter): هذه دائمًا بيانات حساسة.
tell-manager-title = قد تكون بيانات شخصية متأثرة
tell-manager-now = أخبر مديرك فورًا، حتى يكون لدى البلدية وقت لتقرّر هل يجب الإبلاغ عن الأمر.
tell-manager-by = إذا وجب الإبلاغ، فستقوم البلدية بذلك خلال 72 ساعة، في موعد أقصاه
saved-calm = البلاغ محفوظ على الهاتف. سيُرسل عندما يتوفر لديك إنترنت.
add-information = أضِف معلومات
done = تم
filled-in = ملأنا لك ما يلي:
supplement-hint = اكتب فقط ما هو جديد. سيُضاف إلى الملف نفسه.
supplement-send = أرسل
supplement-saved = الإضافة محفوظة على الهاتف. ستُرسل عندما يتوفر لديك إنترنت.
supplements-title = الإضافات
supplement-waiting = محفوظة على الهاتف. ستُرسل عندما يتوفر لديك إنترنت.
supplement-sent = تم إرسال الإضافة
status-label = الحالة
status-received = تم الاستلام
status-in-progress = قيد المعالجة
status-closed = مُغلق
message-from-municipality = رسالة من البلدية
status-waiting = محفوظ على الهاتف. سيُرسل عندما يتوفر لديك إنترنت.
sent-title = هذا ما أرسلته
sent-gone = لم تعد التفاصيل محفوظة على الهاتف.
saved-at-label = وقت الحفظ
report-not-found = هذا البلاغ غير موجود على هذا الهاتف.
to-my-reports = إلى «بلاغاتي»
card-yes = نعم، هنا:
card-only-if = فقط إذا …
card-no = لا، ليس هنا:
card-none-yes = لا يكفي أيٌّ من هذه الأماكن. اسأل مديرك أين يجب حفظها.
card-why = لماذا؟
card-assessed = هكذا تم تقييمها
place-yes = نعم، من أجل:
place-no = لا، ليس من أجل:
show-mine = اعرض فقط ما يخص عملي
ask-sector = عندها نعرض لك ما يخص عملك. يمكنك تغيير ذلك في الإعدادات.
report-from-no = هل حدث ذلك بالفعل؟ أبلِغ عنه
error-tick-points = ضع علامة على النقاط { $list }
signed-policy-dated = تاريخ السياسة: { $date }.
signed-policy-version = إصدار السياسة: { $v }.
policy-what-it-says = ماذا تقول السياسة
training-yearly = تقوم بالتدريب مرة واحدة في السنة.
training-twice-a-year = تقوم بالتدريب مرتين في السنة.
training-every-other-year = تقوم بالتدريب مرة كل سنتين.
training-every-months = { $n ->
    [zero] تقوم بالتدريب مرة أخرى بعد { $n } شهر.
    [one] تقوم بالتدريب مرة أخرى بعد شهر واحد.
    [two] تقوم بالتدريب مرة أخرى بعد شهرين.
    [few] تقوم بالتدريب مرة أخرى بعد { $n } أشهر.
    [many] تقوم بالتدريب مرة أخرى بعد { $n } شهرًا.
   *[other] تقوم بالتدريب مرة أخرى بعد { $n } شهر.
}
policy-about = المزيد عن السياسة
policy-facts = عن الوثيقة
sign-read-first = ما توقّع عليه مبنيّ على
error-summary-title = يجب أن تصحّح ما يلي
error-tick-point = ضع علامة على النقطة { $n }
sign-save-failed = تعذّر حفظ التوقيع على الهاتف. ما كتبته ما زال موجودًا. وفّر مساحة على الهاتف، ثم حاول مرة أخرى.
signed-on = وقّعت بتاريخ { $date }.
signed-received = استلمت البلدية توقيعك.
signed-what = وقّعت على { $u } لـ{ $p }.
signed-done = تم
quiz-continue-button = تابع
quiz-resume-note = لديك جولة لم تنتهِ بعد. أنت عند السؤال { $n } من { $total }.
quiz-start-over = ابدأ من جديد
quiz-your-answer = إجابتك
quiz-right-answer = الإجابة الصحيحة
quiz-wrong-list = ما أخطأت فيه
quiz-practice-more = تدرّب على 5 أسئلة أخرى
sync-saved-offline = محفوظ على الهاتف. سيُرسل عندما يتوفر لديك إنترنت.
send-now-offline = ليس لديك إنترنت الآن. ما ينتظر الإرسال سيُرسل تلقائيًا عندما يعود الإنترنت.
home-todo = المهام
home-more = المزيد في Vaksam
hide = إخفاء
install-title = ثبّت Vaksam
install-text = عندها تفتح Vaksam من الشاشة الرئيسية مثل أي تطبيق، حتى بدون إنترنت.
install-button = تثبيت
ios-install-title = أضِف إلى الشاشة الرئيسية
ios-install-steps = في Safari اضغط على «مشاركة» (المربع الذي فيه سهم إلى الأعلى). ثم اختر «إضافة إلى الشاشة الرئيسية».
ios-install-why = لماذا؟ قد يحذف Safari ما حفظه موقع ويب بعد سبعة أيام دون استخدام. عندما يكون Vaksam على الشاشة الرئيسية، تبقى بلاغاتك غير المرسلة محفوظة.
app-version = الإصدار
privacy-title = ما يحفظه Vaksam عنك
privacy-text = اسمك وبلديتك، من الرمز الذي حصلت عليه. البلاغات التي ترسلها، ومتى وقّعت على السياسة، وكيف تتقدّم في التدريب. يُرسل هذا إلى بلديتك فقط. ما لم يُرسل بعد يبقى هنا فقط، على هاتفك أو جهازك اللوحي أو الكمبيوتر.
storage-title = التخزين

## Before the app has loaded, and the language picker

app-starting = جارٍ تشغيل Vaksam…
language-not-reviewed = لم يراجع أحد هذه الترجمة بعد
language-failed = تعذّر على Vaksam تغيير اللغة الآن. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.
crash-title = حدث خطأ في Vaksam
crash-text = ما حفظته لا يزال على هذا الهاتف. أعد تحميل التطبيق لتتابع.

# A report from the lookup, when no kind of information was chosen
the-information = المعلومات

## What waits to be sent (the status line)

waiting-reports-offline = { $n ->
    [zero] لا توجد بلاغات تنتظر الاتصال بالإنترنت
    [one] بلاغ واحد ينتظر الاتصال بالإنترنت
    [two] بلاغان ينتظران الاتصال بالإنترنت
    [few] { $n } بلاغات تنتظر الاتصال بالإنترنت
    [many] { $n } بلاغًا تنتظر الاتصال بالإنترنت
   *[other] { $n } بلاغ تنتظر الاتصال بالإنترنت
}
waiting-reports-online = { $n ->
    [zero] لا توجد بلاغات تنتظر الإرسال
    [one] بلاغ واحد ينتظر الإرسال
    [two] بلاغان ينتظران الإرسال
    [few] { $n } بلاغات تنتظر الإرسال
    [many] { $n } بلاغًا تنتظر الإرسال
   *[other] { $n } بلاغ تنتظر الإرسال
}
waiting-items-offline = { $n ->
    [zero] لا توجد عناصر محفوظة تنتظر الاتصال بالإنترنت
    [one] عنصر محفوظ واحد ينتظر الاتصال بالإنترنت
    [two] عنصران محفوظان ينتظران الاتصال بالإنترنت
    [few] { $n } عناصر محفوظة تنتظر الاتصال بالإنترنت
    [many] { $n } عنصرًا محفوظًا تنتظر الاتصال بالإنترنت
   *[other] { $n } عنصر محفوظ تنتظر الاتصال بالإنترنت
}
waiting-items-online = { $n ->
    [zero] لا توجد عناصر محفوظة تنتظر الإرسال
    [one] عنصر محفوظ واحد ينتظر الإرسال
    [two] عنصران محفوظان ينتظران الإرسال
    [few] { $n } عناصر محفوظة تنتظر الإرسال
    [many] { $n } عنصرًا محفوظًا تنتظر الإرسال
   *[other] { $n } عنصر محفوظ تنتظر الإرسال
}
refused-waiting = { $n ->
    [zero] تم إرسال كل شيء آخر. { $n } عنصر محفوظ لم تُقبل وتحتاج إلى مساعدتك: انظر «بلاغاتي».
    [one] تم إرسال كل شيء آخر. عنصر محفوظ واحد لم يُقبل ويحتاج إلى مساعدتك: انظر «بلاغاتي».
    [two] تم إرسال كل شيء آخر. عنصران محفوظان لم يُقبلا ويحتاجان إلى مساعدتك: انظر «بلاغاتي».
    [few] تم إرسال كل شيء آخر. { $n } عناصر محفوظة لم تُقبل وتحتاج إلى مساعدتك: انظر «بلاغاتي».
    [many] تم إرسال كل شيء آخر. { $n } عنصرًا محفوظًا لم تُقبل وتحتاج إلى مساعدتك: انظر «بلاغاتي».
   *[other] تم إرسال كل شيء آخر. { $n } عنصر محفوظ لم تُقبل وتحتاج إلى مساعدتك: انظر «بلاغاتي».
}
send-failed = تعذّر الإرسال: { $reason }.
retry-in-seconds = { $s ->
    [zero] المحاولة التالية بعد { $s } ثانية.
    [one] المحاولة التالية بعد ثانية واحدة.
    [two] المحاولة التالية بعد ثانيتين.
    [few] المحاولة التالية بعد { $s } ثوانٍ.
    [many] المحاولة التالية بعد { $s } ثانية.
   *[other] المحاولة التالية بعد { $s } ثانية.
}
retry-in-minutes = { $min ->
    [zero] المحاولة التالية بعد { $min } دقيقة.
    [one] المحاولة التالية بعد دقيقة واحدة.
    [two] المحاولة التالية بعد دقيقتين.
    [few] المحاولة التالية بعد { $min } دقائق.
    [many] المحاولة التالية بعد { $min } دقيقة.
   *[other] المحاولة التالية بعد { $min } دقيقة.
}
fail-no-contact = لا يستطيع Vaksam الوصول إلى البلدية الآن
fail-server-error = ردّ الخادم بخطأ ({ $status })
fail-storage-full = ذاكرة الهاتف ممتلئة
fail-storage = ذاكرة الهاتف لا تستجيب
fail-no-answer = ردّ الخادم دون أن يستلم شيئًا
fail-busy = الخادم مشغول جدًا الآن
fail-daily-limit = أرسل الهاتف أقصى ما تسمح به البلدية في يوم واحد

## What happened (the report's first question)

category-lost-device = هاتف أو جهاز لوحي أو كمبيوتر مفقود أو مسروق
category-lost-card-or-key = بطاقة أو شريحة دخول أو مفتاح مفقود
category-wrong-recipient = بريد إلكتروني أو رسالة ورقية أو رسالة نصية وصلت إلى الشخص الخطأ
category-wrong-printer = طباعة على الطابعة الخطأ
category-unauthorized-access = شخص رأى معلومات أو وصل إليها دون أن يحق له ذلك
category-wrong-access-rights = صلاحيات خاطئة في نظام
category-phishing = تصيّد احتيالي أو رسالة مشبوهة
category-malware = فيروس أو برنامج ضار
category-system-unavailable = نظام لا يعمل
category-data-changed-or-destroyed = معلومات تغيّرت أو أُتلفت بالخطأ
category-other = شيء آخر

## The four aspects: the short name, the name with a plain explanation, and the
## explanation alone (the report's "Berätta mer" screen)

aspect-name-confidentiality = السرية
aspect-name-integrity = السلامة
aspect-name-availability = التوافر
aspect-name-traceability = إمكانية التتبّع
aspect-confidentiality = { aspect-name-confidentiality } – ربما رأى المعلومات أشخاص لا يحق لهم ذلك
aspect-integrity = { aspect-name-integrity } – ربما أصبحت المعلومات خاطئة
aspect-availability = { aspect-name-availability } – تعذّر الوصول إلى المعلومات
aspect-traceability = { aspect-name-traceability } – لا يمكن معرفة من فعل ماذا
aspect-plain-confidentiality = ربما رأى المعلومات أشخاص لا يحق لهم ذلك
aspect-plain-integrity = ربما أصبحت المعلومات خاطئة
aspect-plain-availability = تعذّر الوصول إلى المعلومات
aspect-plain-traceability = لا يمكن معرفة من فعل ماذا

## Personal data

pd-kind-identity = الاسم أو الرقم الشخصي
pd-kind-contact-details = العنوان أو الهاتف أو البريد الإلكتروني
pd-kind-health = الصحة أو الأدوية أو الرعاية الصحية
pd-kind-social-services = الخدمات الاجتماعية أو قراراتها أو أشكال الدعم المقدَّمة
pd-kind-pupil-records = بيانات التلاميذ أو الدرجات أو الدعم
pd-kind-protected-identity = بيانات شخصية محمية (skyddade personuppgifter)
pd-kind-financial = المال أو البيانات المصرفية
pd-kind-images = صور أو فيديو لأشخاص
pd-kind-credentials = كلمات مرور أو رموز
people-one = شخص واحد
people-few = من 2 إلى 10 أشخاص
people-many = من 11 إلى 100 شخص
people-very-many = أكثر من 100
people-unknown = لا أعرف

## What to do now

step-call-it-to-block-device = اتصل بالدعم الفني (IT) فورًا، حتى يمكن قفل الهاتف أو الجهاز اللوحي أو الكمبيوتر ومسح محتواه.
step-block-card-or-key = أوقِف البطاقة أو الشريحة. إذا كان مفتاحًا لمسكن: أخبر الشخص الذي يسكن فيه.
step-ask-recipient-to-delete = اطلب من المستلم أن يحذف الرسالة. لا ترسل المحتوى مرة أخرى.
step-fetch-printout = خذ المطبوعة فورًا إن استطعت، أو اطلب من شخص قريب منها أن يأخذها.
step-do-not-click-or-reply = لا تضغط على شيء، ولا تردّ، ولا تفتح أي مرفقات.
step-change-password-if-entered = هل ضغطت على شيء أو كتبت كلمة مرور؟ غيّر كلمة المرور الآن، واتصل بالدعم الفني (IT).
step-disconnect-and-call-it = افصل الكمبيوتر أو الهاتف عن الشبكة (أوقف الواي فاي)، واتصل بالدعم الفني (IT).
step-use-fallback-routine = استخدم الإجراء البديل (الورق أو الهاتف) حتى يعود النظام إلى العمل.
step-ask-for-restore = أخبر مسؤول النظام أو الدعم الفني (IT) بما تغيّر، حتى يمكن إرجاعه كما كان.
step-tell-manager = أخبر مديرك فورًا.
step-follow-lex-sarah-routine = قد يتضرر متلقي رعاية أو تلميذ: اتبع إجراء الإبلاغ عن خلل (avvikelse) أو إجراء lex Sarah.
step-call-now-it-is-ongoing = الأمر ما زال مستمرًا: اتصل بالدعم الفني (IT) الآن بدل أن تنتظر.

## A field's error, in words

error-choose-category = اختر ما حدث.
error-describe-other = اخترت «شيء آخر»، لذلك صِف باختصار ما حدث.
error-confirm-point = أكّد هذه النقطة.
error-fill-in = املأ هذا الحقل.
error-not-email = هذا لا يبدو عنوان بريد إلكتروني. اكتب العنوان كاملًا، أو رقم الموظف الخاص بك.
error-enter-time = أدخل وقتًا.
error-too-long = النص طويل جدًا. اختصره.
error-bad-time = لا يمكن قراءة الوقت. اختر التاريخ والساعة.
error-in-future = هذا الوقت في المستقبل.
error-before-occurred = لا يمكن أن يكون الاكتشاف قبل الحادثة.
error-duplicate = الاختيار نفسه موجود مرتين.
error-inconsistent = هذا لا يتفق مع إجابتك بأنه لا توجد بيانات شخصية.

## Why the server refused a saved item

refusal-in-future = بحسب خادم البلدية، هذا الوقت في المستقبل. تأكّد من أن ساعة الهاتف مضبوطة، وصحّح الوقت.
refusal-other-municipality = أُنشئ عندما كان الهاتف مسجّلًا في بلدية أخرى.
refusal-unknown-version = ليس لدى البلدية هذا الإصدار من السياسة.
refusal-unreadable = لم يستطع الخادم قراءة المحتوى. حدّث Vaksam، ثم حاول مرة أخرى.
# The question a refusal concerns, then what is wrong.
refusal-line = { $label }: { $text }

## KLASSA's levels, and what a kind or a place can take

level-0 = لا ضرر أو ضرر ضئيل
level-1 = ضرر متوسط
level-2 = ضرر كبير
level-3 = ضرر جسيم
harm-none = لا ضرر
harm-when-confidentiality = إذا تسرّبت
harm-when-integrity = إذا أصبحت خاطئة
harm-when-availability = إذا تعذّر الوصول إليها
harm-when-traceability = إذا تعذّرت معرفة من فعل ماذا
# "السرية: ضرر جسيم إذا تسرّبت"
harm-if = { $aspect }: { $harm } { $when }
# "السرية – أقصى حد مقبول: ضرر متوسط إذا تسرّبت" (the place takes at most this much;
# written with a colon so the level stays in the nominative)
place-takes = { $aspect } – أقصى حد مقبول: { $harm } { $when }

## The lookup

show-all = { $n ->
    [zero] اعرض الكل ({ $n } نتيجة أخرى، لعمل آخر)
    [one] اعرض الكل (نتيجة أخرى واحدة، لعمل آخر)
    [two] اعرض الكل (نتيجتان أخريان، لعمل آخر)
    [few] اعرض الكل ({ $n } نتائج أخرى، لعمل آخر)
    [many] اعرض الكل ({ $n } نتيجة أخرى، لعمل آخر)
   *[other] اعرض الكل ({ $n } نتيجة أخرى، لعمل آخر)
}
more-nos-places = أماكن أخرى لا يجوز أن تكون فيها ({ $n })
more-nos-kinds = أشياء أخرى لا يجوز وضعها هنا ({ $n })
more-yes = أشياء أخرى يمكن وضعها هنا ({ $n })
instead = استخدم بدلًا من ذلك: { $place }.
hits = { $n ->
    [zero] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $n } نتائج
    [many] { $n } نتيجة
   *[other] { $n } نتيجة
}
may-i-use = هل يمكنني استخدام { $place }؟
misplaced-note = تم وضع { $kind } في { $place }، وهذا غير مسموح بحسب التصنيف في Vaksam.

## Training

course-overdue = كان يجب إنهاء التدريب في { $date }. الأسئلة المتبقية: { $left } من { $total }. أجب عن بعضها الآن.
course-in-progress = الأسئلة التي أجبت عنها بشكل صحيح: { $right } من { $total }. تابع عندما يكون لديك وقت.
course-done = اكتمل التدريب. المرة القادمة: { $date }.
score = إجابات صحيحة: { $right } من { $total }
