//! Every sentence the user reads, in Russian and English, as tables.
//! Placeholders `{0}`, `{1}`… are filled by [`message`].

use chrono::Datelike;

use super::model::{Channel, Date, Locale, TouchKind};

/// Message templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    // Validation.
    ExpectedType,
    AnObject,
    AString,
    ADate,
    AnInteger,
    ANumber,
    ABoolean,
    AList,
    Missing,
    Empty,
    TooLong,
    TooMany,
    TooLarge,
    AndMore,
    BadDate,
    BadBirthday,
    DateRange,
    TodayRange,
    OutOfRange,
    NonNegative,
    Unknown,
    UnknownReason,
    EndBeforeStart,
    SilenceVsCheck,
    // Why a touch is there.
    WhyMandatoryOrder,
    WhyMandatoryInUse,
    WhyStandard,
    WhyStandardAutomated,
    WhyTopUp,
    WhyNeedBeforeOrder,
    WhyNeedEarly,
    WhyNeedMonthly,
    WhyEvent,
    WhyEventSlot,
    WhyMeeting,
    WhyBirthday,
    WhyBirthdayScheduled,
    WhyNewYear,
    WhyNewYearEarlier,
    WhyOnboarding,
    WhyOnboardingCampaign,
    WhyOnboardingMembership,
    WhyOnboardingContract,
    WhyOnboardingPolicy,
    WhyCheckLate,
    WhyCheckServiceLate,
    ReasonBirthdayOffer,
    WarnNoCompanyEvents,
    WarnNoCompanyEventsInYear,
    WhyFirstDay,
    WhyCheck,
    WhyCheckService,
    WhyReactionLast,
    WhyReactionGap,
    WhyRenewal,
    WhyRenewalPromo,
    WhyExpiry,
    WhyApology,
    WhyApologyMessage,
    WhyFollowUp,
    WhyContent,
    WhyServiceStep,
    WhyMandatoryExpected,
    WhyMandatoryInUseExpected,
    WhyStandardMonthlyAutomated,
    WhyNeedFirstOrder,
    WhyNeedFirstOrderTasks,
    WhyNeedLead,
    WhyNeedSecond,
    WhyNeedMidCycle,
    WhyNeedMidCycleAndOrder,
    WhyNeedAfterPeriod,
    WhyNeedLeadPerson,
    WhyNeedSecondPerson,
    WhyNeedRenewalLead,
    WhyNeedRenewalSecond,
    WhyStandardForPerson,
    WhyStandardReferral,
    WhyStandardLoyalty,
    WhyStandardGift,
    WhyBirthdayMoved,
    WhyEventSlotMonth,
    WhyHobbyNovelty,
    WhyPriceChange,
    WhyPriceChangeAutomated,
    WhyPersonalItem,
    WhyPersonalItemAutomated,
    WhyAlsoStandard,
    // Notes.
    NotePromo,
    NotePromoUntil,
    NoteFrozen,
    NoteFrozenMoved,
    NoteDecisionMaker,
    NoteIncident,
    MoreFailures,
    MoreExpiries,
    NoteApologyMessageSent,
    NoteCheckLate,
    NoteMovedPastFreeze,
    NoteMovedAfterQuiet,
    NoteNoOnPhone,
    // Warnings.
    WarnNoSpecificReason,
    CauseDailyCap,
    CauseWeeklyCap,
    CauseMergeGap,
    CauseEffort,
    CauseChannelGap,
    LabelAutomated,
    WarnDroppedGap,
    WarnDropped,
    WarnDroppedFreeze,
    WarnDroppedQuiet,
    WarnPeriodTooShort,
    WarnGapExceeded,
    WarnGapHolidays,
    WarnShortCycleTopUps,
    WarnCalendarNotCovered,
    WarnNeedPaused,
    WarnDiscouraged,
    WarnChannelGap,
    WarnRatioBelowTarget,
    WarnNoOrders,
    WarnTopUpNoRoom,
    // Reason suggestion whys.
    RwRule,
    RwFirstOrder,
    RwContent,
    RwContentPilot,
    RwRole,
    RwPurchases,
    RwPromo,
    RwIndustry,
    RwInterests,
    RwAfterCheck,
    RwDurable,
    RwCampaign,
    RwGeneric,
    RwLoyal,
    RwIncident,
    RwExpiry,
    RwTopSegment,
    RwCampaignAhead,
    RwCampaignEnded,
    RwPriceChange,
    // Placement: what cannot be placed, and why (session 4).
    WarnFulfilmentNoDay,
    WarnFulfilmentNoDays,
}

fn template(m: Msg) -> (&'static str, &'static str) {
    use Msg::*;
    match m {
        ExpectedType => ("ожидается {0}, получено {1}", "expected {0}, got {1}"),
        AnObject => ("объект", "an object"),
        AString => ("строка", "a string"),
        ADate => ("дата вида 2026-11-22", "a date like 2026-11-22"),
        AnInteger => ("целое число от {0} до {1}", "a whole number from {0} to {1}"),
        ANumber => ("число", "a number"),
        ABoolean => ("true или false", "true or false"),
        AList => ("список", "a list"),
        Missing => ("обязательное поле не заполнено", "this field is required"),
        Empty => ("не может быть пустым", "must not be empty"),
        TooLong => ("не длиннее {0} символов, получено {1}", "at most {0} characters, got {1}"),
        TooMany => ("не больше {0} элементов, получено {1}", "at most {0} entries, got {1}"),
        AndMore => ("{0} и ещё {1}", "{0} and {1} more"),
        TooLarge => ("входные данные слишком велики: не больше {0} значений и {1} символов текста в сумме", "the input is too large: at most {0} values and {1} characters of text in all"),
        BadDate => ("ожидается дата вида 2026-11-22, получено \"{0}\"", "expected a date like 2026-11-22, got \"{0}\""),
        BadBirthday => ("ожидается дата вида 1980-05-17 или --05-17, получено {0}", "expected a date like 1980-05-17 or --05-17, got {0}"),
        DateRange => ("дата должна быть между 1900-01-01 и 2100-12-31, получено {0}", "the date must be between 1900-01-01 and 2100-12-31, got {0}"),
        TodayRange => ("«сегодня» должно быть между 2000 и 2099 годом", "today must be between the years 2000 and 2099"),
        OutOfRange => ("ожидается значение от {0} до {1}, получено {2}", "expected a value from {0} to {1}, got {2}"),
        NonNegative => ("ожидается конечное число не меньше 0, получено {0}", "expected a finite number of at least 0, got {0}"),
        Unknown => ("неизвестное значение \"{0}\"; допустимо: {1}", "unknown value \"{0}\"; allowed: {1}"),
        UnknownReason => ("неизвестный код повода \"{0}\": см. reasonCatalog()", "unknown reason code \"{0}\": see reasonCatalog()"),
        EndBeforeStart => ("дата окончания раньше даты начала", "the end is before the start"),
        SilenceVsCheck => ("дни тишины должны быть меньше срока проверки после покупки", "silence days must be fewer than the post-purchase check day"),

        WhyMandatoryOrder => ("Обязательное касание по заказу от {0}: {1}.", "Mandatory touch for the order of {0}: {1}."),
        WhyMandatoryExpected => ("Обязательное касание по следующему ожидаемому заказу (около {0}): {1}. Если заказ сдвинется, план пересчитается.", "Mandatory touch for the next expected order (about {0}): {1}. If the order moves, the plan is recalculated."),
        WhyMandatoryInUseExpected => ("Обязательное касание по продукту после следующего ожидаемого заказа (около {1}): {0}.", "Mandatory touch about the product after the next expected order (about {1}): {0}."),
        WhyServiceStep => ("Обязательный шаг периода обслуживания: {0}.", "A mandatory step of the service period: {0}."),
        WhyStandardMonthlyAutomated => ("Короткий цикл заказов: касание месяца с пользой делает маркетинг (рассылка, мессенджер, кабинет).", "Short order cycle: marketing makes this month's useful touch (newsletter, messenger, portal)."),
        WhyNeedFirstOrder => ("Заказов ещё не было: предложить первый шаг — пробный заказ, расчёт или образец.", "No orders yet: offer a first step (a trial order, a quote or a sample)."),
        WhyNeedFirstOrderTasks => ("Заказов ещё не было: узнать, какие задачи у клиента сейчас и чего ему не хватает у нынешних поставщиков.", "No orders yet: find out what the client is working on and what their current suppliers do not give them."),
        WhyNeedLead => ("Следующий проект ожидается около {0}: узнать о нём или подсказать идею раньше, чем клиент начнёт собирать предложения.", "The next project is expected about {0}: learn of it or seed the idea before the client starts collecting offers."),
        WhyNeedSecond => ("До ожидаемого проекта (около {0}) есть время: уточнить задачу, сроки и кто решает.", "There is still time before the expected project (about {0}): clarify the task, timing and who decides."),
        WhyNeedAfterPeriod => ("Период обслуживания закончился: узнать, нужен ли клиенту следующий и что в нём изменить.", "The service period is over: ask whether the client wants another one and what to change in it."),
        WhyNeedMidCycle => ("Середина цикла заказов: узнать, как идут дела и что может понадобиться сверх обычного заказа.", "Mid-cycle: ask how things go and what may be needed beyond the usual order."),
        WhyNeedMidCycleAndOrder => ("Середина цикла заказов: узнать, как идут дела, что может понадобиться сверх обычного заказа и что войдёт в следующий ожидаемый заказ (около {0}), пока не позвонили конкуренты.", "Mid-cycle: ask how things go, what may be needed beyond the usual order and what the next expected order (about {0}) will hold, before competitors call."),
        WhyNeedLeadPerson => ("Следующая покупка ожидается около {0}: узнать планы клиента заранее, пока он не начал выбирать.", "The next purchase is expected about {0}: learn the client's plans early, before they start choosing."),
        WhyNeedSecondPerson => ("До ожидаемой покупки (около {0}) есть время: узнать, что клиенту понадобится.", "There is still time before the expected purchase (about {0}): find out what the client will need."),
        WhyNeedRenewalLead => ("Период заканчивается {0}: узнать планы клиента на следующий период, пока он не выбрал другого.", "The period ends on {0}: learn the client's plans for the next one before they choose someone else."),
        WhyNeedRenewalSecond => ("До конца периода ({0}) есть время: уточнить, что клиенту нужно в следующем.", "There is still time before the period ends ({0}): find out what the client needs in the next one."),
        WhyStandardForPerson => ("Касание месяца с пользой для клиента: совет или новость о том, чем клиент уже пользуется, не про покупку.", "This month's useful touch for the client: a tip or news about what they already use, not about buying."),
        WhyStandardReferral => ("Стандартное касание месяца, не про заказ: если клиент доволен, попросить рекомендацию.", "This month's standard touch, not about the order: if the client is satisfied, ask for a referral."),
        WhyStandardLoyalty => ("Стандартное касание месяца, не про заказ: рассказать о программе лояльности и что она даёт клиенту.", "This month's standard touch, not about the order: tell about the loyalty programme and what it gives the client."),
        WhyStandardGift => ("Стандартное касание месяца, не про заказ: небольшой подарок как знак внимания.", "This month's standard touch, not about the order: a small gift as a token of attention."),
        WhyBirthdayMoved => ("День рождения был {1} (выходной): {0}. Поздравьте в первый рабочий день после него, не раньше.", "The birthday was on {1} (a day off): {0}. Greet on the first working day after it, never earlier."),
        WhyEventSlotMonth => ("Приглашение на мероприятие компании в этом месяце (не меньше {0} в год для консультативных продаж): назовите настоящее событие, когда оно появится в плане.", "An invitation to a company event this month (at least {0} a year in consultative sales): name a real event once it is in the plan."),
        WhyMandatoryInUse => ("Обязательное касание по поставленному продукту: {0}.", "Mandatory touch about the product in use: {0}."),
        WhyStandard => ("Стандартное касание месяца: что-то полезное для бизнеса клиента, не про заказ.", "This month's standard touch: something useful for the client's business, not about the order."),
        WhyStandardAutomated => ("Стандартное касание делает маркетинг от имени менеджера (политика сегмента {0}).", "Marketing makes this standard touch in the manager's name (segment {0} policy)."),
        WhyTopUp => ("Автоматическое касание маркетинга: добирает баланс до {0} стандартных на одно обязательное.", "Automated marketing touch: brings the balance up to {0} standard per mandatory touch."),
        WhyNeedBeforeOrder => ("За {0} до следующего ожидаемого заказа (около {1}): узнать, что в него войдёт, пока не позвонили конкуренты.", "{0} before the next expected order (about {1}): ask what it will hold before competitors call."),
        WhyNeedEarly => ("Раннее касание по будущей сделке: заронить мысль о следующем проекте до сбора предложений.", "Early need-discovery touch: seed the next project before the client collects offers."),
        WhyNeedMonthly => ("Короткий цикл: одно касание по будущей сделке в месяц, перед ожидаемым заказом (около {0}).", "Short cycle: one need-discovery touch a month, before the expected order (about {0})."),
        WhyEvent => ("Приглашение на «{0}» ({1}): спросить, поедут ли, предложить сопровождение.", "Invitation to \"{0}\" ({1}): ask whether they go, offer to accompany them."),
        WhyEventSlot => ("Приглашение на мероприятие: не меньше {0} в год для консультационных продаж; выберите мероприятие из плана.", "Event invitation: at least {0} a year in consultative sales; pick an event from the plan."),
        WhyMeeting => ("Ежегодная встреча по итогам года с первым лицом клиента: что получилось, что улучшить, планы на следующий год.", "Annual results meeting with the client's head: what worked, what to improve, plans for next year."),
        WhyBirthday => ("День рождения: {0}. Поздравить лично и неформально, в сам день.", "Birthday of {0}: greet personally and informally, on the day."),
        WhyBirthdayScheduled => ("День рождения: {0}. Выпадает на выходной: подготовьте сообщение заранее, оно уйдёт в сам день.", "Birthday: {0}. It falls on a day off: prepare the message ahead, it goes out on the day."),
        WhyNewYear => ("Поздравление с Новым годом в последний рабочий день перед праздниками.", "New Year greeting on the last working day before the holidays."),
        WhyNewYearEarlier => ("Поздравление с наступающим Новым годом незадолго до праздников: последний рабочий день отдан поздравлению другого контакта.", "New Year greeting shortly before the holidays: the last working day goes to another contact's greeting."),
        WhyOnboarding => ("Подготовка к старту {0}: помогите подготовиться — согласовать материалы, записаться на первое занятие или настроить то, что нужно по услуге.", "Preparing the start on {0}: help the client get ready — approve the materials, book the first session or set up what the service needs."),
        WhyOnboardingCampaign => ("Подготовка к старту кампании {0}: согласуйте с клиентом материалы, чтобы размещение вышло вовремя.", "Preparing the campaign's start on {0}: get the materials approved so that the placement goes out on time."),
        WhyOnboardingMembership => ("Подготовка к старту {0}: помогите записаться на первое посещение или первое занятие с инструктором.", "Preparing the start on {0}: help book the first visit or the first lesson with an instructor."),
        WhyOnboardingContract => ("Подготовка к старту договора {0}: согласуйте настройку и всё, что нужно к началу работ.", "Preparing the contract's start on {0}: agree the setup and everything the start of work needs."),
        WhyOnboardingPolicy => ("Полис начинает действовать {0}: убедитесь, что документы у клиента на руках и он знает, что делать при страховом случае.", "The policy starts on {0}: make sure the client has the documents and knows what to do in case of a claim."),
        WhyCheckLate => ("Проверка после покупки от {0}: обычный срок ({1}-й день) прошёл, проверка запоздала — сделайте её как можно скорее.", "Post-purchase check for the order of {0}: the usual day {1} has passed and the check is late — make it as soon as you can."),
        WhyCheckServiceLate => ("Проверка после первых дней обслуживания: обычный срок ({0}-й день от старта) прошёл, проверка запоздала — сделайте её как можно скорее.", "Check after the first days of the service: the usual day {0} from the start has passed and the check is late — make it as soon as you can."),
        ReasonBirthdayOffer => ("Включите в поздравление подарок ко дню рождения: у компании есть специальное предложение к этому дню.", "Include the birthday gift in the greeting: the company has a special offer for the day."),
        WarnNoCompanyEventsInYear => ("На {0} год в плане не хватает мероприятий компании: добавьте события этого года, чтобы приглашение называло настоящее мероприятие. Касание остаётся в плане.", "Not enough company events for {0}: add that year's events so that the invitation names a real event. The touch stays in the plan."),
        WarnNoCompanyEvents => ("Нет мероприятий компании: добавьте события компании, чтобы приглашение называло настоящее мероприятие. Касание остаётся в плане.", "No company events: add the company's events so that the invitation names a real event. The touch stays in the plan."),
        WhyFirstDay => ("Первый день периода обслуживания: клиент сразу видит обещанное качество.", "First day of the service period: the client sees the promised quality at once."),
        WhyCheck => ("Проверка после покупки от {0}: после дней тишины, не позже {1}-го дня.", "Post-purchase check for the order of {0}: after the days of silence, by day {1}."),
        WhyCheckService => ("Проверка после первых дней обслуживания: всё ли так, как обещано (после дней тишины, не позже {0}-го дня от старта).", "Check after the first days of the service: is everything as promised (after the days of silence, by day {0} from the start)."),
        WhyReactionLast => ("Последняя проверка до {0}: за {1} дн. до решения есть время исправить проблему.", "Last check by {0}: {1} days before the decision there is time to fix a problem."),
        WhyReactionGap => ("Проверка в окне реакции: между касаниями не больше {0} дн.", "Reaction-window check-in: touches at most {0} days apart."),
        WhyRenewal => ("Срок заканчивается {0}: напомнить заранее, предложить встречу, а не продажу по телефону.", "The term ends on {0}: remind ahead, aim at a meeting rather than a sale on the phone."),
        WhyRenewalPromo => ("Акция продления действует до {0}: прийти раньше её окончания.", "The renewal promotion holds until {0}: come before it ends."),
        WhyExpiry => ("Заканчивается «{0}» ({1}): напомнить заранее и предложить встречу, а не продажу по телефону; по пути предложить другие продукты.", "\"{0}\" ends on {1}: remind ahead and aim at a meeting rather than a sale on the phone; offer other products on the way."),
        WhyApology => ("Сбой {0}: «{1}». Лично извиниться и рассказать, что исправлено; о компенсации — если компания её даёт.", "Failure on {0}: \"{1}\". Apologise personally and tell what was fixed; mention compensation if the company gives one."),
        WhyApologyMessage => ("Сбой: «{0}». Звонок с извинением — не раньше {1}: личное сообщение с извинением отправьте сейчас, не откладывая до звонка.", "Failure: \"{0}\". The apology call cannot come before {1}: send a personal apology message now, without waiting for the call."),
        WhyFollowUp => ("Через {0} дн. после сбоя: рассказать, что улучшили.", "{0} days after the failure: tell what was improved."),
        WhyContent => ("Повод из контент-плана: «{0}».", "Content-plan item: \"{0}\"."),
        WhyPriceChange => ("Цена того, что клиент покупает, меняется: «{0}». Сказать закупщику заранее, пока действует старая цена.", "The price of what the client buys changes: \"{0}\". Tell the buyer ahead, while the old price holds."),
        WhyPriceChangeAutomated => ("Цена того, что клиент покупает, меняется: «{0}». Маркетинг сообщает об этом заранее, пока действует старая цена (политика сегмента {1}: стандартные касания автоматические).", "The price of what the client buys changes: \"{0}\". Marketing tells the client ahead, while the old price holds (segment {1} policy: standard touches are automated)."),
        WhyPersonalItem => ("Повод из контент-плана для этого человека: «{0}». Сказать, пока он актуален.", "A content-plan item for this person: \"{0}\". Tell them while it is current."),
        WhyPersonalItemAutomated => ("Короткий цикл заказов: повод из контент-плана для этого человека («{0}») отправляет маркетинг, пока он актуален.", "Short order cycle: marketing sends this person the content-plan item (\"{0}\") while it is current."),
        WhyAlsoStandard => ("Заодно — стандартное касание: «{0}».", "Also the standard touch: \"{0}\"."),
        WhyHobbyNovelty => ("Новинка для частой покупки клиента: «{0}». Сообщить сразу, а не через месяц.", "A new item for something the client buys often: \"{0}\". Tell them at once, not a month later."),

        NotePromo => ("Клиент купил по акции «{0}»: проверьте её условия.", "The client bought on the promotion \"{0}\": check its terms."),
        NotePromoUntil => ("Акция продления до {0}: скажите, до какого числа она действует, детали при встрече.", "Renewal promotion until {0}: say until when it holds, details at the meeting."),
        NoteFrozen => ("Заморозка с {0} по {1}: учтите при разговоре.", "Frozen from {0} to {1}: keep it in mind."),
        NoteFrozenMoved => ("Напоминание перенесено за заморозку ({0} – {1}).", "Reminder moved past the freeze ({0} – {1})."),
        NoteDecisionMaker => ("Привезёте документы: найдите пару минут для ЛПР.", "Bringing documents: take a short word with the decision maker."),
        NoteIncident => ("Сбой {0}: «{1}».", "Failure on {0}: \"{1}\"."),
        MoreFailures => (" и ещё сбоев в тот день: {0}", " and {0} more failures that day"),
        MoreExpiries => (" и ещё сроков в тот день: {0}", " and {0} more terms ending that day"),
        NoteApologyMessageSent => ("Личное сообщение с извинением ушло клиенту {0}: теперь извинитесь лично.", "A personal apology message went to the client on {0}: now apologise in person."),
        NoteCheckLate => ("Проверка запоздала: обычный срок ({0}-й день после покупки) прошёл — сделайте её как можно скорее.", "The check is late: the usual day {0} after the purchase has passed — make it as soon as you can."),
        NoteMovedPastFreeze => ("Перенесено за заморозку: пока услуга заморожена, клиента не беспокоим.", "Moved past the freeze: the client is not contacted while the service is frozen."),
        NoteMovedAfterQuiet => ("Отложено: после сбоя маркетинг не пишет клиенту {0} дн.", "Postponed: no marketing reaches the client for {0} days after a failure."),
        NoteNoOnPhone => ("Без подробностей по телефону: цель — встреча.", "No details on the phone: the aim is a meeting."),

        WarnNoSpecificReason => ("Нет конкретного повода: заполните из контент-плана или пропустите касание.", "No specific reason yet: fill it from the content plan or skip the touch."),
        CauseDailyCap => ("не больше одного касания в день", "one touch a day at most"),
        CauseWeeklyCap => ("недельный лимит касаний", "the weekly cap on touches"),
        CauseEffort => ("клиенту сегмента {0} с теми же данными план дал бы меньше касаний, а менее ценный клиент не получает больше (правило R8)", "a segment {0} client with the same data would get fewer touches, and a less valuable client never gets more (rule R8)"),
        CauseMergeGap => ("ближе {0} дн. к нему стоит касание другому человеку или с другой целью, в один разговор их не объединить, а другого дня, который позволяют правило касания и лимиты, нет", "a touch to another person or with another purpose stands less than {0} days from it, they cannot share one conversation, and no other day its rule and the caps allow exists"),
        CauseChannelGap => ("это автоматическое касание по каналу «{0}» пришлось бы ближе минимального интервала канала ({1}) к другому касанию, а другого канала, который принимает контакт, и другого дня в его окне нет", "this automated touch by {0} would come closer than the channel's minimum gap ({1}) to another touch, and no other channel the contact accepts nor another day in its window exists"),
        LabelAutomated => (" (автоматическое)", " (automated)"),
        WarnDroppedGap => ("{0}: {1}. Если касание нужно, назначьте его сами на другой день.", "{0}: {1}. If the touch is needed, schedule it yourself on another day."),
        WarnDropped => ("Не поместилось в план — {0} ({1}). Если касание нужно, назначьте его сами на свободный день рядом или попросите руководителя поднять лимит.", "Did not fit in the plan: {0} ({1}). If the touch is needed, set it yourself on a free day nearby, or ask your head of sales to raise the cap."),
        WarnDroppedFreeze => ("Касание «{0}» убрано: оно приходилось на заморозку, а после неё подходящего дня нет. Свяжитесь после заморозки, если повод ещё актуален.", "The {0} touch was dropped: it fell in the freeze and no day after it fits. Get in touch after the freeze if the reason still holds."),
        WarnDroppedQuiet => ("Автоматическая рассылка убрана: после сбоя маркетинг не пишет клиенту {0} дн., а подходящего дня после нет. Отправьте позже, если повод ещё актуален.", "An automated message was dropped: no marketing reaches the client for {0} days after a failure, and no day after fits. Send it later if the reason still holds."),
        WarnPeriodTooShort => ("Период обслуживания короче времени реакции: проверьте даты периода и время реакции; запланировано то, что помещается.", "The service period is shorter than the reaction time: check the period's dates and the reaction time; planned what fits."),
        WarnGapExceeded => ("Перед решением клиента касания реже, чем раз в {0} дн.: добавьте звонок или встречу после этих дат, чтобы успеть исправить проблему.", "Before the client's decision, touches are more than {0} days apart: add a call or a meeting after these dates, in time to fix a problem."),
        WarnGapHolidays => ("Перед решением клиента касания реже, чем раз в {0} дн.: между {1} и {2} нет ни одного рабочего дня (праздники), звонок туда не поставить. На касании {1} договоритесь, как клиент сообщит о проблеме в праздники; следующее касание — {2}.", "Before the client's decision, touches are more than {0} days apart: there is no working day between {1} and {2} (holidays), so no call fits there. At the touch on {1}, agree how the client reports a problem over the holidays; the next touch is on {2}."),
        WarnShortCycleTopUps => ("Добор маркетингом до баланса {1}:1 не запланирован, и это ожидаемо: сейчас {0} стандартных на одно обязательное, а при заказах чаще раза в месяц обязательные касания каждого заказа занимают почти каждый день, который оставляет промежуток между касаниями. Ещё несколько сообщений в неделю клиент воспримет как навязчивость; стандартное касание месяца делает маркетинг, менять ничего не нужно.", "Marketing's top-ups to the {1}:1 balance are not planned, as expected: it is {0} standard touches per mandatory one now, and with orders more often than monthly every order's mandatory touches take nearly every day the gap between touches leaves. A few more messages a week would feel like pestering; marketing makes the month's standard touch, and nothing needs changing."),
        WarnCalendarNotCovered => ("Производственного календаря на {0} год нет: учтены только выходные и праздники хоста.", "No production calendar for {0}: only weekends and the host's holidays are used."),
        WarnNeedPaused => ("Идёт сделка с {0}: касания по будущей сделке приостановлены.", "A deal is open since {0}: need-discovery touches are paused."),
        WarnDiscouraged => ("Повод «{0}» не годится как повод касания и не предлагается.", "The reason \"{0}\" is not a reason for a touch and is not suggested."),
        WarnChannelGap => ("Касания по каналу «{0}» в эти даты ближе его минимального интервала ({1}): другой канал здесь нарушил бы чередование каналов или не принимается контактом (или касание ключевое). Сдвиньте одно из этих касаний на несколько дней или выберите для него другой канал.", "Touches by {0} on these dates come closer than the channel's minimum gap ({1}): another channel here would break the rotation or is not accepted by the contact (or the touch is a key one). Move one of these touches by a few days or choose another channel for it."),
        WarnNoOrders => ("Заказов нет: касаний по исполнению и проверок нет, пока нечего исполнять. Когда появится первый заказ, добавьте его в данные клиента.", "No orders: no fulfilment touches or checks until something is sold. Add the first order to the client's data when it comes."),
        WarnTopUpNoRoom => ("Лимиты касаний не оставили места для автоматических касаний маркетинга до баланса 2:1 в этих циклах: проверьте недельный лимит.", "The caps left no room for marketing's automated touches up to the 2:1 balance in these cycles: check the weekly cap."),
        WarnRatioBelowTarget => ("Баланс {0} стандартных на одно обязательное ниже цели {1}:1: лимиты касаний не оставили места маркетингу. Проверьте недельный лимит или добавьте полезные поводы в контент-план.", "The balance of {0} standard per mandatory touch is below the {1}:1 target: the caps left marketing no room. Check the weekly cap or add useful items to the content plan."),

        RwRule => ("{0} (правило {1}).", "{0} (rule {1})."),
        RwFirstOrder => ("Узнать, что нужно клиенту, раньше конкурентов (правило R4).", "Learn what the client needs before competitors do (rule R4)."),
        RwContent => ("В контент-плане с {0}: «{1}».", "In the content plan from {0}: \"{1}\"."),
        RwContentPilot => ("Пилот для лояльных клиентов с {0}: «{1}».", "Pilot for loyal clients from {0}: \"{1}\"."),
        RwRole => ("Подходит роли контакта.", "Suits the contact's role."),
        RwPurchases => ("Клиент покупал: {0}.", "The client bought: {0}."),
        RwPromo => ("Клиент откликается на акции.", "The client responds to promotions."),
        RwIndustry => ("Отрасль клиента: {0}.", "The client's industry: {0}."),
        RwInterests => ("Интересы контакта: {0}.", "The contact's interests: {0}."),
        RwAfterCheck => ("После проверки удовлетворённости, если клиент доволен.", "After the satisfaction check, if the client is satisfied."),
        RwDurable => ("Обычный интервал покупки «{0}» прошёл.", "The usual interval for \"{0}\" has passed."),
        RwCampaign => ("Идёт рекламная кампания.", "An advertising campaign is running."),
        RwGeneric => ("Подходит для касания этого вида.", "Fits a touch of this kind."),
        RwLoyal => ("Клиент лоялен.", "The client is loyal."),
        RwIncident => ("Был сбой в обслуживании.", "There was a service failure."),
        RwExpiry => ("Заканчивается срок.", "A term ends."),
        RwTopSegment => ("Клиент сегмента A+/A.", "An A+/A client."),
        RwCampaignAhead => ("Рекламная кампания клиента ещё не стартовала.", "The client's advertising campaign has not started yet."),
        RwCampaignEnded => ("Рекламная кампания клиента завершена: время подвести итоги.", "The client's advertising campaign has ended: time to review it."),
        WarnFulfilmentNoDay => ("Заказы на эти даты: не поместилось обязательное касание — {0}: до следующего заказа нет ни одного рабочего дня. Уточните у клиента, когда придёт следующий заказ, и назначьте касание сами.", "Orders on these dates: a mandatory touch did not fit ({0}): there is no working day before the next order. Ask the client when the next order will come and set the touch yourself."),
        WarnFulfilmentNoDays => ("Заказы на эти даты: не поместились обязательные касания — {0}: до следующего заказа нет ни одного рабочего дня. Уточните у клиента, когда придёт следующий заказ, и назначьте касания сами.", "Orders on these dates: their mandatory touches did not fit ({0}): there is no working day before the next order. Ask the client when the next order will come and set the touches yourself."),
        RwPriceChange => ("«{0}»: сообщите до изменения цены, пока действует старая.", "\"{0}\": tell the client before the price changes, while the old price holds."),
    }
}

/// Every rule's plain-language name, what the rule is for: a rule number
/// reaches the reader only beside it (DOMAIN "What the manager reads").
const RULE_NAMES: &[(&str, &str, &str)] = &[
    (
        "R1",
        "Полезный повод у каждого касания",
        "A useful reason for every touch",
    ),
    (
        "R2",
        "Касания, которых требует цикл заказов",
        "The touches an order cycle needs",
    ),
    (
        "R3",
        "Два полезных касания на одно обязательное",
        "Two useful touches per mandatory one",
    ),
    (
        "R4",
        "Узнать о следующем заказе раньше конкурентов",
        "Learn of the next order before competitors do",
    ),
    (
        "R5",
        "Первый день и проверка после покупки",
        "First day and the check after a purchase",
    ),
    (
        "R6",
        "Успеть исправить проблему до решения клиента",
        "Time to fix a problem before the client decides",
    ),
    ("R7", "Разные форматы касаний", "Varied formats of touches"),
    (
        "R8",
        "Усилия по ценности клиента",
        "Effort that follows the client's value",
    ),
    ("R9", "Поздравления в меру", "Greetings, sparingly"),
    (
        "R10",
        "Предложения только тем, кому они подходят",
        "Offers only to those they fit",
    ),
    (
        "R11",
        "Напомнить об окончании срока заранее",
        "A reminder well before a term ends",
    ),
    ("R12", "Извиниться после сбоя", "An apology after a failure"),
    (
        "R13",
        "Один план без навязчивости",
        "One plan, no pestering",
    ),
    ("R14", "Касания в рабочие дни", "Touches on working days"),
    (
        "R15",
        "Нужный человек у клиента",
        "The right person at the client",
    ),
];

/// A rule's plain-language name in `locale`; the code itself when the
/// table lacks it.
pub fn rule_name(locale: Locale, rule: &str) -> &str {
    RULE_NAMES
        .iter()
        .find(|(code, _, _)| *code == rule)
        .map_or(rule, |(_, ru, en)| match locale {
            Locale::Ru => ru,
            Locale::En => en,
        })
}

/// A warning's label for the reader in `locale`, by its code: the code
/// itself never reaches the reader (DOMAIN "What the manager reads").
pub fn warning_label(locale: Locale, code: &str) -> &'static str {
    let (ru, en) = match code {
        "no_specific_reason" => ("Нет конкретного повода", "No specific reason"),
        "merge_gap" => ("Касания слишком близко", "Touches too close"),
        "channel_gap" => ("Канал повторяется слишком часто", "Same channel too soon"),
        "gap_exceeded" => (
            "Редкие касания перед решением",
            "Long silence before the decision",
        ),
        "dropped" => ("Не поместилось", "Left out"),
        "no_orders" => ("Заказов нет", "No orders"),
        "no_company_events" => ("Нет мероприятий компании", "No company events"),
        "need_paused" => (
            "Касания по будущей сделке на паузе",
            "Need discovery paused",
        ),
        "ratio_below_target" => ("Мало места маркетингу", "Little room for marketing"),
        "calendar_not_covered" => ("Нет производственного календаря", "No production calendar"),
        "discouraged_reason" => ("Неподходящий повод", "Unsuitable reason"),
        "period_too_short" => ("Короткий период обслуживания", "Short service period"),
        _ => ("Предупреждение", "Warning"),
    };
    match locale {
        Locale::Ru => ru,
        Locale::En => en,
    }
}

/// A rule shown to the reader: its plain name, the number beside it —
/// "Касания в рабочие дни (правило R14)."
pub fn rule_why(locale: Locale, rule: &str) -> String {
    message(locale, Msg::RwRule, &[rule_name(locale, rule), rule])
}

/// Fills `m`'s template in `locale` with `args`.
pub fn message(locale: Locale, m: Msg, args: &[&str]) -> String {
    let (ru, en) = template(m);
    let t = match locale {
        Locale::Ru => ru,
        Locale::En => en,
    };
    let mut out = String::with_capacity(t.len() + 16);
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        match tail
            .find('}')
            .and_then(|j| tail[..j].parse::<usize>().ok().map(|n| (n, j)))
        {
            Some((n, j)) => {
                out.push_str(args.get(n).copied().unwrap_or(""));
                rest = &tail[j + 1..];
            }
            None => {
                out.push('{');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day and month as a sentence says it: "5 декабря", "5 December".
pub fn human_day_month(locale: Locale, d: Date) -> String {
    let m = d.month0() as usize;
    match locale {
        Locale::Ru => format!("{} {}", d.day(), MONTHS_RU[m]),
        Locale::En => format!("{} {}", d.day(), MONTHS_EN[m]),
    }
}

/// A date as a sentence says it: "1 декабря 2026", "1 December 2026".
pub fn human_date(locale: Locale, d: Date) -> String {
    let m = d.month0() as usize;
    match locale {
        Locale::Ru => format!("{} {} {}", d.day(), MONTHS_RU[m], d.year()),
        Locale::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

/// A number with the locale's decimal mark: "1,7" in Russian, "1.7" in English.
pub fn decimal(locale: Locale, x: f64) -> String {
    let s = format!("{x}");
    match locale {
        Locale::Ru => s.replace('.', ","),
        Locale::En => s,
    }
}

/// A whole number with its thousands grouped: "200 000", "200,000".
pub fn grouped(locale: Locale, n: usize) -> String {
    let digits = n.to_string();
    let sep = match locale {
        Locale::Ru => ' ',
        Locale::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// Words counted in texts, each with its Russian plural forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Day,
    WorkingDay,
    Touch,
}

/// Russian plural form index for `n`: 0 for 1, 21…; 1 for 2–4, 22…; 2 else.
pub fn ru_plural(n: u64) -> usize {
    let (m10, m100) = (n % 10, n % 100);
    if m10 == 1 && m100 != 11 {
        0
    } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
        1
    } else {
        2
    }
}

/// "5 рабочих дней", "1 working day": a number with its word, inflected.
pub fn count(locale: Locale, n: u32, what: Counted) -> String {
    let (ru, en): ([&str; 3], [&str; 2]) = match what {
        Counted::Day => (["день", "дня", "дней"], ["day", "days"]),
        Counted::WorkingDay => (
            ["рабочий день", "рабочих дня", "рабочих дней"],
            ["working day", "working days"],
        ),
        Counted::Touch => (["касание", "касания", "касаний"], ["touch", "touches"]),
    };
    match locale {
        Locale::Ru => format!("{n} {}", ru[ru_plural(u64::from(n))]),
        Locale::En => format!("{n} {}", en[usize::from(n != 1)]),
    }
}

/// The touch kind as a manager reads it.
pub fn kind_name(locale: Locale, k: TouchKind) -> &'static str {
    use TouchKind::*;
    let (ru, en) = match k {
        Mandatory => ("обязательное", "mandatory"),
        Standard => ("стандартное", "standard"),
        Need => ("будущая сделка", "need discovery"),
        Event => ("приглашение на мероприятие", "event invitation"),
        Meeting => ("встреча по итогам года", "annual results meeting"),
        Greeting => ("поздравление", "greeting"),
        Renewal => ("продление", "renewal"),
        Check => ("проверка", "check"),
        Apology => ("извинение", "apology"),
        FirstDay => ("первый день", "first day"),
        Onboarding => ("ввод в работу", "onboarding"),
    };
    if locale == Locale::Ru {
        ru
    } else {
        en
    }
}

/// A purpose's kind as a manager reads it on a touch whose reasons are
/// `codes`: R12's follow-up is `apology` on the wire (CONTRACT) but a
/// standard-class touch (DOMAIN's protection list), so it is shown as
/// "после сбоя" / "follow-up", not as a second apology.
pub fn purpose_word<'a>(
    locale: Locale,
    k: TouchKind,
    mut codes: impl Iterator<Item = &'a str>,
) -> &'static str {
    if k == TouchKind::Apology {
        let (mut follow_up, mut apology) = (false, false);
        for c in codes.by_ref() {
            follow_up |= c == "apology_follow_up";
            apology |= c == "apology";
        }
        if follow_up && !apology {
            return if locale == Locale::Ru {
                "после сбоя"
            } else {
                "follow-up"
            };
        }
    }
    kind_name(locale, k)
}

/// The channel as a manager reads it.
pub fn channel_name(locale: Locale, c: Channel) -> &'static str {
    use Channel::*;
    let (ru, en) = match c {
        Phone => ("звонок", "phone call"),
        Visit => ("визит", "visit"),
        Messenger => ("мессенджер", "messenger"),
        Email => ("e-mail", "email"),
        Sms => ("SMS", "SMS"),
        Newsletter => ("рассылка", "newsletter"),
        Event => ("встреча на мероприятии", "meeting at an event"),
        Staff => ("разговор с персоналом", "talk to staff"),
        Portal => ("личный кабинет", "client portal"),
        Social => ("соцсети", "social pages"),
        Letter => ("письмо почтой", "letter by post"),
    };
    if locale == Locale::Ru {
        ru
    } else {
        en
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every counted word at the numbers where Russian changes form.
    #[test]
    fn counted_words_follow_each_locale_s_plural_rules() {
        let ns = [1, 2, 5, 11, 21, 22, 25, 111];
        let table: [(Counted, [&str; 8], [&str; 8]); 3] = [
            (
                Counted::Day,
                [
                    "1 день",
                    "2 дня",
                    "5 дней",
                    "11 дней",
                    "21 день",
                    "22 дня",
                    "25 дней",
                    "111 дней",
                ],
                [
                    "1 day", "2 days", "5 days", "11 days", "21 days", "22 days", "25 days",
                    "111 days",
                ],
            ),
            (
                Counted::WorkingDay,
                [
                    "1 рабочий день",
                    "2 рабочих дня",
                    "5 рабочих дней",
                    "11 рабочих дней",
                    "21 рабочий день",
                    "22 рабочих дня",
                    "25 рабочих дней",
                    "111 рабочих дней",
                ],
                [
                    "1 working day",
                    "2 working days",
                    "5 working days",
                    "11 working days",
                    "21 working days",
                    "22 working days",
                    "25 working days",
                    "111 working days",
                ],
            ),
            (
                Counted::Touch,
                [
                    "1 касание",
                    "2 касания",
                    "5 касаний",
                    "11 касаний",
                    "21 касание",
                    "22 касания",
                    "25 касаний",
                    "111 касаний",
                ],
                [
                    "1 touch",
                    "2 touches",
                    "5 touches",
                    "11 touches",
                    "21 touches",
                    "22 touches",
                    "25 touches",
                    "111 touches",
                ],
            ),
        ];
        for (what, ru, en) in table {
            for (i, n) in ns.iter().enumerate() {
                assert_eq!(count(Locale::Ru, *n, what), ru[i]);
                assert_eq!(count(Locale::En, *n, what), en[i]);
            }
        }
        // 12–14 take the "many" form although they end in 2–4.
        assert_eq!(count(Locale::Ru, 12, Counted::Day), "12 дней");
        assert_eq!(count(Locale::Ru, 14, Counted::Touch), "14 касаний");
        assert_eq!(count(Locale::Ru, 104, Counted::Day), "104 дня");
    }

    #[test]
    fn decimals_use_the_locale_s_mark() {
        assert_eq!(decimal(Locale::Ru, 1.71), "1,71");
        assert_eq!(decimal(Locale::En, 1.71), "1.71");
        assert_eq!(decimal(Locale::Ru, 2.0), "2");
    }

    /// A date in a sentence, every month, both locales: "1 декабря 2026".
    #[test]
    fn dates_in_sentences_are_the_locale_s_way_in_every_month() {
        let ru = [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ];
        let en = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        for m in 1..=12u32 {
            let first = Date::from_ymd_opt(2027, m, 1).unwrap();
            let ninth = Date::from_ymd_opt(2026, m, 9).unwrap();
            let i = (m - 1) as usize;
            assert_eq!(human_date(Locale::Ru, first), format!("1 {} 2027", ru[i]));
            assert_eq!(human_date(Locale::En, first), format!("1 {} 2027", en[i]));
            assert_eq!(human_date(Locale::Ru, ninth), format!("9 {} 2026", ru[i]));
            assert_eq!(human_date(Locale::En, ninth), format!("9 {} 2026", en[i]));
        }
        let leap = Date::from_ymd_opt(2028, 2, 29).unwrap();
        assert_eq!(human_date(Locale::Ru, leap), "29 февраля 2028");
        assert_eq!(human_date(Locale::En, leap), "29 February 2028");
    }

    #[test]
    fn fills_placeholders_in_order_and_keeps_stray_braces() {
        assert_eq!(
            message(Locale::En, Msg::TooMany, &["5", "7"]),
            "at most 5 entries, got 7"
        );
        assert_eq!(
            message(Locale::Ru, Msg::BadDate, &["31.02.2026"]),
            "ожидается дата вида 2026-11-22, получено \"31.02.2026\""
        );
    }
}
