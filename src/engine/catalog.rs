//! The reasons catalog (DOMAIN.md "The reasons catalog", R1): every reason a
//! touch can carry, with ru/en texts, suited roles and relevance signals.

use super::model::{Role, TouchKind};

/// The catalog's grouping of reasons (CONTRACT.md `Reason.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonKind {
    /// Tied to what was sold and its fulfilment (seed 004).
    Mandatory,
    /// Value for the client's business or the person (seed 004), offers
    /// (R10) and the discouraged weak reasons (R1).
    Standard,
    /// Placed by a rule of the client's lifecycle: onboarding, first day,
    /// checks, need discovery, renewal, annual meeting, apology, greetings.
    Lifecycle,
}

impl ReasonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonKind::Mandatory => "mandatory",
            ReasonKind::Standard => "standard",
            ReasonKind::Lifecycle => "lifecycle",
        }
    }
}

/// Client data that make a reason relevant (used by the ranking, R10/R15).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// `flags.promoSensitive` or orders bought on promotion (R10).
    PromoSensitive,
    /// The client has orders with categories or items (R10).
    HasPurchases,
    /// Only after a post-purchase check took place (R5: upsell, referral).
    AfterCheck,
    Consultative,
    Transactional,
    /// The client has a service period (campaign, contract, membership...).
    HasService,
    /// The service period is an advertising campaign (seed 000).
    Campaign,
    /// R1: the campaign has started and not ended on the touch's day, so
    /// that its results and the buyers' response exist ("first results").
    CampaignRunning,
    /// R1: the service period has reached its last day on the touch's day,
    /// so that its results can be summed up (the final report).
    PeriodEnded,
    /// A contact has personal interests in the dossier (seed 004 item 11).
    HasInterests,
    /// `flags.loyal`: very loyal clients only (insights, pilots).
    Loyal,
    /// `client.industry` is known (analytics, legislation, peers' cases).
    HasIndustry,
    /// A durable purchase whose usual interval has passed (R10).
    DurableIntervalPassed,
    /// Segment A+ or A.
    TopSegment,
    /// A service failure was recorded (R12).
    HasIncident,
    /// A term ends: renewal or expiry (R11).
    HasExpiry,
    /// The client is a company: reasons about its market, staff and buyers
    /// are not for a private person (R8).
    Business,
}

/// One catalog entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReasonDef {
    /// Stable snake_case code.
    pub code: &'static str,
    pub kind: ReasonKind,
    pub title_ru: &'static str,
    pub title_en: &'static str,
    /// One line on how to use it.
    pub hint_ru: &'static str,
    pub hint_en: &'static str,
    /// Roles it suits; empty = any.
    pub roles: &'static [Role],
    /// Touch kinds it can be the reason of.
    pub serves: &'static [TouchKind],
    /// Client data that make it relevant; empty = generally applicable.
    pub signals: &'static [Signal],
    /// R1: never suggested as a touch's reason.
    pub discouraged: bool,
}

/// R1: reasons that need a word with someone at the client — asking their
/// sellers, asking for a referral, offering more, a personal gesture: never
/// on an automated touch.
const CONVERSATION: &[&str] = &[
    "buyer_feedback",
    "referral",
    "upsell",
    "competitor_rumours",
    "client_insights",
    "personal_interests",
    "gift",
];

/// R15: strategy is for the decision group, never for technologists and
/// users.
const STRATEGY: &[&str] = &[
    "market_analytics",
    "legislation",
    "peer_cases",
    "client_insights",
    "competitor_marketing",
];

/// R15: training materials go to the people who use the product or to the
/// influencer, not to the director.
const TRAINING: &[&str] = &["staff_training"];

/// R8, R10: a private person after a durable purchase hears first of the
/// care and use of what was bought, of the service and of their interests
/// (seed 003: "how are you getting on with it?"); the competitive reasons
/// of B2B selling stay suggestions and never lead.
const PERSON_FIRST: &[&str] = &["better_use", "personal_interests", "service_improvements"];
const PERSON_LATER: &[&str] = &["competitor_analogue", "competitor_rumours"];

/// Hints for a private person where the general one speaks of a company
/// (R8): (code, ru, en).
const PERSON_HINTS: &[(&str, &str, &str)] = &[(
    "gift",
    "Небольшой личный подарок к поводу, который важен человеку: вручите лично или передайте с курьером.",
    "A small personal gift for an occasion that matters to the person: hand it over or send it by courier.",
)];

impl ReasonDef {
    /// R1: it needs a conversation, so it never goes on an automated touch.
    pub fn needs_conversation(&self) -> bool {
        CONVERSATION.contains(&self.code)
    }

    /// R8: how it ranks for a private person: care, use, service and
    /// interests up, competitors' moves down (never leading).
    pub fn person_weight(&self) -> f64 {
        if PERSON_FIRST.contains(&self.code) {
            0.1
        } else if PERSON_LATER.contains(&self.code) {
            -0.3
        } else {
            0.0
        }
    }

    /// R15: whether it may be suggested to a contact of `role` at all;
    /// elsewhere `roles` only ranks.
    pub fn suits(&self, role: Role) -> bool {
        match role {
            Role::DecisionMaker => !TRAINING.contains(&self.code),
            Role::Technical | Role::User => !STRATEGY.contains(&self.code),
            _ => true,
        }
    }

    /// Its hint for a private person, where it differs (R8).
    pub fn person_hint(&self) -> Option<(&'static str, &'static str)> {
        PERSON_HINTS
            .iter()
            .find(|(code, _, _)| *code == self.code)
            .map(|(_, ru, en)| (*ru, *en))
    }

    /// Training materials for the client's staff (R15).
    pub fn is_training(&self) -> bool {
        TRAINING.contains(&self.code)
    }
}

/// Looks a reason up by code.
pub fn find(code: &str) -> Option<&'static ReasonDef> {
    CATALOG.iter().find(|r| r.code == code)
}

/// Every reason, mandatory first, then standard, lifecycle, discouraged.
pub static CATALOG: &[ReasonDef] = &[
    // Mandatory (seed 004): tied to what was sold and its fulfilment. Order
    // fulfilment goes to the people who receive it, product care to those who
    // use it (R15).
    ReasonDef {
        code: "shipment",
        kind: ReasonKind::Mandatory,
        title_ru: "Отгрузка заказа",
        title_en: "Order shipment",
        hint_ru: "Сообщите дату и состав отгрузки, чтобы клиент заранее подготовил склад и людей к приёмке.",
        hint_en: "Confirm the shipment date and contents so the client can get the warehouse and staff ready.",
        roles: &[Role::Buyer, Role::User],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Transactional],
        discouraged: false,
    },
    ReasonDef {
        code: "acceptance",
        kind: ReasonKind::Mandatory,
        title_ru: "Приёмка заказа",
        title_en: "Order acceptance",
        hint_ru: "Уточните, как прошла приёмка: всё ли пришло вовремя и в полном объёме; расхождения решайте сразу.",
        hint_en: "Ask how the delivery was received: on time, complete, undamaged; settle any discrepancy at once.",
        roles: &[Role::User, Role::Buyer],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Transactional],
        discouraged: false,
    },
    ReasonDef {
        code: "documents",
        kind: ReasonKind::Mandatory,
        title_ru: "Первичные документы",
        title_en: "Shipping documents",
        hint_ru: "Передайте или сверьте накладные, счета-фактуры и акты, чтобы у бухгалтерии клиента не было вопросов; на визите загляните к ЛПР.",
        hint_en: "Hand over or reconcile invoices and delivery notes so the client's accountants have no questions; on a visit, drop in on the decision maker.",
        roles: &[Role::Buyer, Role::User, Role::Other],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Transactional],
        discouraged: false,
    },
    ReasonDef {
        code: "installation",
        kind: ReasonKind::Mandatory,
        title_ru: "Монтаж и пусконаладка",
        title_en: "Installation and commissioning",
        hint_ru: "Согласуйте сроки монтажа, проследите за пусконаладкой и убедитесь, что оборудование запущено и работает.",
        hint_en: "Agree on installation dates, follow the commissioning and make sure the equipment is up and running.",
        roles: &[Role::Technical, Role::User],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Consultative, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "technology_setup",
        kind: ReasonKind::Mandatory,
        title_ru: "Постановка технологии",
        title_en: "Process setup",
        hint_ru: "Помогите выстроить или скорректировать технологию работы с нашим продуктом, чтобы он давал обещанный результат.",
        hint_en: "Help set up or adjust the client's process around our product so that it delivers the promised result.",
        roles: &[Role::Technical, Role::User],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Consultative, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "operability_check",
        kind: ReasonKind::Mandatory,
        title_ru: "Контроль работоспособности",
        title_en: "Operability check",
        hint_ru: "Проверьте, как работает поставленное оборудование или решение, и устраните слабые места до того, как они приведут к простою.",
        hint_en: "Check how the supplied equipment or solution performs and fix weak spots before they cause downtime.",
        roles: &[Role::Technical, Role::User],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Consultative],
        discouraged: false,
    },
    ReasonDef {
        code: "shelf_display",
        kind: ReasonKind::Mandatory,
        title_ru: "Выкладка на полке",
        title_en: "Shelf display",
        hint_ru: "Посмотрите, как наш товар выложен у клиента, и подскажите выкладку, которая продаёт лучше.",
        hint_en: "See how our goods are displayed in the client's store and suggest a layout that sells better.",
        roles: &[Role::User, Role::Buyer],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Transactional, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "sell_through",
        kind: ReasonKind::Mandatory,
        title_ru: "Продажи покупателям клиента",
        title_en: "Sell-through to the client's customers",
        hint_ru: "Узнайте, как наш товар расходится у покупателей клиента, и помогите разогнать залежавшиеся остатки.",
        hint_en: "Find out how our goods sell to the client's customers and help move slow stock.",
        roles: &[Role::Buyer, Role::User],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Transactional, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "maintenance_reminder",
        kind: ReasonKind::Mandatory,
        title_ru: "Напоминание о техобслуживании",
        title_en: "Maintenance reminder",
        hint_ru: "Напомните о плановом техобслуживании и предложите удобную дату, чтобы оборудование не простаивало.",
        hint_en: "Remind the client of scheduled maintenance and offer a convenient date so the equipment does not stand idle.",
        roles: &[Role::Technical, Role::User],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Consultative],
        discouraged: false,
    },
    ReasonDef {
        code: "new_items_on_equipment",
        kind: ReasonKind::Mandatory,
        title_ru: "Новые изделия на нашем оборудовании",
        title_en: "New items on our equipment",
        hint_ru: "Поддержите запуск новых изделий на поставленном оборудовании: режимы, оснастка, пробная партия.",
        hint_en: "Support the launch of new items on the supplied equipment: settings, tooling, a trial batch.",
        roles: &[Role::Technical, Role::User],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Consultative],
        discouraged: false,
    },
    ReasonDef {
        code: "new_options",
        kind: ReasonKind::Mandatory,
        title_ru: "Новые опции к продукту",
        title_en: "New options for the product",
        hint_ru: "Расскажите о новых опциях и дополнениях к уже купленному продукту и о том, что они изменят в работе клиента.",
        hint_en: "Present new options and add-ons for the product the client already has and what they change in daily work.",
        roles: &[Role::Technical, Role::User, Role::Influencer],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::Consultative, Signal::HasPurchases],
        discouraged: false,
    },
    // Mandatory steps of a service period (R2 "service clients", seeds 000
    // and 003): they follow the service, not goods fulfilment.
    ReasonDef {
        code: "campaign_midway_stats",
        kind: ReasonKind::Mandatory,
        title_ru: "Промежуточная статистика кампании",
        title_en: "Mid-campaign statistics",
        hint_ru: "На середине кампании покажите цифры: охват, звонки, заявки; обсудите, что поправить до конца размещения.",
        hint_en: "Halfway through, show the figures (reach, calls, leads) and agree what to adjust before the placement ends.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::CampaignRunning],
        discouraged: false,
    },
    ReasonDef {
        code: "final_report",
        kind: ReasonKind::Mandatory,
        title_ru: "Итоговый отчёт",
        title_en: "Final report",
        hint_ru: "Передайте итоги периода с цифрами и выводами: что сработало, что стоит изменить в следующий раз.",
        hint_en: "Hand over the period's results with figures and conclusions: what worked, what to change next time.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::HasService, Signal::PeriodEnded],
        discouraged: false,
    },
    ReasonDef {
        code: "usage_check",
        kind: ReasonKind::Mandatory,
        title_ru: "Как идёт пользование",
        title_en: "How the service is used",
        hint_ru: "Узнайте, пользуется ли клиент тем, за что заплатил, и что мешает; помогите вернуться к регулярным занятиям или работе.",
        hint_en: "Find out whether the client uses what they paid for and what gets in the way; help them back to regular use.",
        roles: &[Role::User, Role::DecisionMaker],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::HasService],
        discouraged: false,
    },
    ReasonDef {
        code: "stage_acceptance",
        kind: ReasonKind::Mandatory,
        title_ru: "Приёмка этапа работ",
        title_en: "Acceptance of a stage",
        hint_ru: "Согласуйте приёмку очередного этапа договора: что сделано, какие замечания, что дальше.",
        hint_en: "Agree the acceptance of the contract's next stage: what was done, any remarks, what comes next.",
        roles: &[Role::Technical, Role::User, Role::DecisionMaker],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::HasService],
        discouraged: false,
    },
    ReasonDef {
        code: "policy_documents",
        kind: ReasonKind::Mandatory,
        title_ru: "Документы по полису",
        title_en: "Policy documents",
        hint_ru: "Убедитесь, что у клиента на руках полис и памятка: что делать при страховом случае и куда звонить.",
        hint_en: "Make sure the client has the policy and the guide: what to do in case of a claim and whom to call.",
        roles: &[Role::DecisionMaker],
        serves: &[TouchKind::Mandatory],
        signals: &[Signal::HasService],
        discouraged: false,
    },
    // Upsell concerns what was sold (seed 004): it rides on mandatory
    // touches and checks, and never leads a standard touch.
    ReasonDef {
        code: "upsell",
        kind: ReasonKind::Mandatory,
        title_ru: "Допродажа услуг, расходников и опций",
        title_en: "Upsell: services, consumables, options",
        hint_ru: "Только после проверки, показавшей, что клиент доволен: предложите сервис, расходные материалы или опции к купленному.",
        hint_en: "Only after a check has shown the client is satisfied: offer services, consumables or options for what they bought.",
        roles: &[Role::DecisionMaker, Role::Buyer, Role::Technical],
        serves: &[TouchKind::Mandatory, TouchKind::Check, TouchKind::Standard],
        signals: &[Signal::AfterCheck],
        discouraged: false,
    },
    // Standard (seed 004's 18, extended by seeds 000, 001, 003): value for the
    // client's business or the person. Strategy goes to the decision group,
    // usage tips to technologists and users (R15); offers need a history that
    // shows interest (R10).
    ReasonDef {
        code: "better_use",
        kind: ReasonKind::Standard,
        title_ru: "Как использовать продукт эффективнее",
        title_en: "Getting more from the product",
        hint_ru: "Покажите новый способ работы с уже купленным продуктом: меньше затрат, больше отдачи.",
        hint_en: "Show a new way to use the product the client already has: lower costs, better results.",
        roles: &[Role::Technical, Role::User],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasPurchases],
        discouraged: false,
    },
    ReasonDef {
        code: "new_products",
        kind: ReasonKind::Standard,
        title_ru: "Новинка с выгодой для клиента",
        title_en: "New product and its benefit",
        hint_ru: "Предлагайте новинку тем, кто покупал её предшественников, и начинайте с выгоды для клиента, а не с характеристик.",
        hint_en: "Offer a new item to clients who bought its predecessors, leading with their benefit rather than the specs.",
        roles: &[Role::DecisionMaker, Role::Influencer, Role::Buyer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasPurchases, Signal::DurableIntervalPassed],
        discouraged: false,
    },
    ReasonDef {
        code: "price_promotion",
        kind: ReasonKind::Standard,
        title_ru: "Ценовая акция",
        title_en: "Price promotion",
        hint_ru: "Предложите акцию тем, кто раньше покупал по акциям: назовите срок и конкретную экономию.",
        hint_en: "Offer the promotion to clients who bought on earlier ones: give the end date and the actual saving.",
        roles: &[Role::DecisionMaker, Role::Buyer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::PromoSensitive],
        discouraged: false,
    },
    ReasonDef {
        code: "price_change",
        kind: ReasonKind::Standard,
        title_ru: "Изменение цены",
        title_en: "Price change",
        hint_ru: "Первым предупредите о новой цене на то, что клиент закупает, и предложите успеть заказать по старой.",
        hint_en: "Be the first to warn about a new price on items the client buys and offer to order at the old one.",
        roles: &[Role::Buyer, Role::DecisionMaker],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasPurchases],
        discouraged: false,
    },
    ReasonDef {
        code: "market_analytics",
        kind: ReasonKind::Standard,
        title_ru: "Аналитика рынка клиента",
        title_en: "Market analytics",
        hint_ru: "Передайте отчёт, прогноз или статистику по рынку клиента с коротким выводом, что это значит для его бизнеса.",
        hint_en: "Share a report, forecast or statistics on the client's market with a short note on what it means for their business.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasIndustry, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "legislation",
        kind: ReasonKind::Standard,
        title_ru: "Изменения в законодательстве",
        title_en: "Legislation update",
        hint_ru: "Расскажите о новом законе или законопроекте, который затронет рынок клиента, и о том, как к нему подготовиться.",
        hint_en: "Flag a new law or bill that will affect the client's market and how to get ready for it.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasIndustry, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "service_improvements",
        kind: ReasonKind::Standard,
        title_ru: "Улучшения нашего сервиса",
        title_en: "Service improvements",
        hint_ru: "Расскажите, что улучшилось в доставке, сроках или поддержке и как это упростит клиенту работу с нами.",
        hint_en: "Explain what has improved in our delivery, lead times or support and how it makes working with us easier.",
        roles: &[Role::DecisionMaker, Role::Influencer, Role::Buyer],
        serves: &[TouchKind::Standard],
        signals: &[],
        discouraged: false,
    },
    ReasonDef {
        code: "event_invitation",
        kind: ReasonKind::Standard,
        title_ru: "Приглашение на мероприятие",
        title_en: "Event invitation",
        hint_ru: "Пригласите на выставку, конференцию или встречу клиентов, узнайте, поедет ли клиент, и предложите пойти вместе.",
        hint_en: "Invite the client to a trade show, conference or client day, ask whether they are going and offer to go along.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Event, TouchKind::Standard],
        signals: &[],
        discouraged: false,
    },
    ReasonDef {
        code: "peer_cases",
        kind: ReasonKind::Standard,
        title_ru: "Опыт коллег по рынку",
        title_en: "Peer cases",
        hint_ru: "Расскажите об удачном или поучительном неудачном опыте компаний отрасли клиента, не очерняя конкурентов.",
        hint_en: "Tell a success story or a cautionary tale from the client's industry without running down competitors.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasIndustry, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "client_insights",
        kind: ReasonKind::Standard,
        title_ru: "Инсайды о технологиях и бизнесе отрасли",
        title_en: "Industry insights",
        hint_ru: "Только для очень лояльных клиентов и вне NDA: наблюдения о технологиях и бизнесе отрасли, безопасные для источника.",
        hint_en: "For very loyal clients only and never under an NDA: observations on the industry's technology and business that cannot harm the source.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::Loyal, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "personal_interests",
        kind: ReasonKind::Standard,
        title_ru: "Личные интересы контакта",
        title_en: "Personal interests",
        hint_ru: "Поздравьте с тем, что важно человеку по досье: победой любимой команды, открытием сезона, премьерой.",
        hint_en: "Mark something the contact cares about according to their profile: their team's win, the start of the season, a premiere.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasInterests],
        discouraged: false,
    },
    ReasonDef {
        code: "competitor_analogue",
        kind: ReasonKind::Standard,
        title_ru: "Новый аналог у конкурента",
        title_en: "Competitor's new analogue",
        hint_ru: "Расскажите о новинке конкурента раньше него и в верном свете: чем она отличается от того, что клиент берёт у нас.",
        hint_en: "Tell the client about a competitor's new analogue before the competitor does, and how it compares with what they buy from us.",
        roles: &[Role::DecisionMaker, Role::Influencer, Role::Technical],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasPurchases],
        discouraged: false,
    },
    ReasonDef {
        code: "competitor_rumours",
        kind: ReasonKind::Standard,
        title_ru: "Упреждение слухов от конкурентов",
        title_en: "Pre-empting competitors' rumours",
        hint_ru: "Если конкурент распускает о нас слухи, позвоните первым и спокойно изложите факты: тогда слухи не сработают.",
        hint_en: "When a competitor spreads rumours about us, call first and calmly set out the facts so the rumours fall flat.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[],
        discouraged: false,
    },
    ReasonDef {
        code: "discontinued_items",
        kind: ReasonKind::Standard,
        title_ru: "Снятие товара с продажи",
        title_en: "Discontinued item",
        hint_ru: "Сообщите клиенту, который покупал позицию, о её снятии вместе с заменой и тем, чем замена для него лучше.",
        hint_en: "Tell clients who bought the item that it is being discontinued, together with the replacement and why it suits them better.",
        roles: &[Role::Buyer, Role::Technical, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasPurchases],
        discouraged: false,
    },
    ReasonDef {
        code: "useful_software",
        kind: ReasonKind::Standard,
        title_ru: "Полезные программы и облачные сервисы",
        title_en: "Useful software and cloud services",
        hint_ru: "Порекомендуйте программу или облачный сервис, который сэкономит клиенту время и упростит работу.",
        hint_en: "Recommend software or a cloud service that will save the client time and make their work easier.",
        roles: &[Role::Technical, Role::User, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[],
        discouraged: false,
    },
    ReasonDef {
        code: "staff_training",
        kind: ReasonKind::Standard,
        title_ru: "Материалы для обучения персонала",
        title_en: "Staff training materials",
        hint_ru: "Пришлите толковые материалы для обучения сотрудников клиента и спросите, насколько они полезны.",
        hint_en: "Send practical training materials for the client's staff and ask how useful they find them.",
        roles: &[Role::Technical, Role::User, Role::Influencer],
        serves: &[TouchKind::Mandatory, TouchKind::Standard],
        signals: &[Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "competitor_marketing",
        kind: ReasonKind::Standard,
        title_ru: "Реклама конкурентов клиента",
        title_en: "Client's competitors' marketing",
        hint_ru: "Перешлите буклет или рекламу конкурента клиента (не нашего клиента), чтобы он видел, как конкуренты борются за его покупателей.",
        hint_en: "Forward a brochure or ad from one of the client's competitors (not our client) so they see how rivals court their customers.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasIndustry, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "industry_humour",
        kind: ReasonKind::Standard,
        title_ru: "Отраслевой юмор",
        title_en: "Industry humour",
        hint_ru: "Поделитесь уместной шуткой или забавным случаем из отрасли, чтобы поддержать тёплые отношения.",
        hint_en: "Share a fitting joke or a funny story from the industry to keep the relationship warm.",
        roles: &[],
        serves: &[TouchKind::Standard],
        signals: &[Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "campaign_results",
        kind: ReasonKind::Standard,
        title_ru: "Первые результаты кампании",
        title_en: "First campaign results",
        hint_ru: "Покажите первые цифры и статистику кампании; когда есть конкретные числа, хватит и короткого SMS.",
        hint_en: "Show the campaign's first figures and statistics; when there are concrete numbers, a short SMS will do.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Check, TouchKind::Standard],
        signals: &[Signal::CampaignRunning],
        discouraged: false,
    },
    ReasonDef {
        code: "buyer_feedback",
        kind: ReasonKind::Standard,
        title_ru: "Что говорят покупатели",
        title_en: "What the buyers say",
        hint_ru: "Спросите продавцов клиента, довольны ли они потоком покупателей и что те отвечают на вопрос «Откуда вы о нас узнали?».",
        hint_en: "Ask the client's sellers whether they are happy with the flow of customers and what buyers answer to “How did you hear about us?”",
        roles: &[Role::User, Role::DecisionMaker],
        serves: &[TouchKind::Check, TouchKind::Standard],
        signals: &[Signal::CampaignRunning, Signal::Business],
        discouraged: false,
    },
    ReasonDef {
        code: "next_placement_idea",
        kind: ReasonKind::Standard,
        title_ru: "Идея для следующего размещения",
        title_en: "Idea for the next placement",
        hint_ru: "Предложите идею следующего размещения, опираясь на то, что показала текущая кампания.",
        hint_en: "Pitch an idea for the next placement, built on what the current campaign has shown.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::Campaign],
        discouraged: false,
    },
    ReasonDef {
        code: "loyalty_programme",
        kind: ReasonKind::Standard,
        title_ru: "Программа лояльности",
        title_en: "Loyalty programme",
        hint_ru: "Расскажите о запуске программы лояльности и о том, что она даст клиенту при его обычном объёме закупок.",
        hint_en: "Announce the new loyalty programme and what it gives the client at their usual purchase volume.",
        roles: &[Role::DecisionMaker, Role::Buyer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::HasPurchases],
        discouraged: false,
    },
    ReasonDef {
        code: "launch_price",
        kind: ReasonKind::Standard,
        title_ru: "Стартовая цена на новинку",
        title_en: "Launch price",
        hint_ru: "Сообщите, что специально для клиента удалось получить временную цену ниже рынка на старте продаж новинки.",
        hint_en: "Let the client know you secured a temporary below-market price on a new item at its launch, just for them.",
        roles: &[Role::DecisionMaker, Role::Buyer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::PromoSensitive],
        discouraged: false,
    },
    ReasonDef {
        code: "referral",
        kind: ReasonKind::Standard,
        title_ru: "Просьба о рекомендации",
        title_en: "Referral request",
        hint_ru: "Если проверка показала, что клиент доволен, попросите порекомендовать вас партнёрам или знакомым.",
        hint_en: "When a check has shown the client is satisfied, ask whether they would recommend you to partners or friends.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Standard],
        signals: &[Signal::AfterCheck],
        discouraged: false,
    },
    ReasonDef {
        code: "gift",
        kind: ReasonKind::Standard,
        title_ru: "Подарок",
        title_en: "Gift",
        hint_ru: "Вручите небольшой персональный подарок; сильнее всего действуют подарки для детей сотрудников клиента.",
        hint_en: "Give a small personal gift; presents for the children of the client's staff work best.",
        roles: &[],
        serves: &[TouchKind::Greeting, TouchKind::Standard],
        signals: &[],
        discouraged: false,
    },
    // Lifecycle: placed by the planner's own rules (R4-R6, R9, R11, R12, R2's
    // annual meeting).
    ReasonDef {
        code: "onboarding",
        kind: ReasonKind::Lifecycle,
        title_ru: "Помощь на старте",
        title_en: "Onboarding",
        hint_ru: "До начала услуги помогите клиенту подготовиться: первое занятие, обучение, настройка на его площадке.",
        hint_en: "Before the service starts, help the client get ready: a first session, training, setup on their site.",
        roles: &[Role::User, Role::Technical, Role::DecisionMaker],
        serves: &[TouchKind::Onboarding],
        signals: &[Signal::HasService],
        discouraged: false,
    },
    ReasonDef {
        code: "first_day",
        kind: ReasonKind::Lifecycle,
        title_ru: "Первый день услуги",
        title_en: "First day of the service",
        hint_ru: "Свяжитесь в первый день кампании или договора, чтобы клиент сразу увидел обещанное качество.",
        hint_en: "Get in touch on the first day of the campaign or contract so the client sees the promised quality at once.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::FirstDay],
        signals: &[Signal::HasService],
        discouraged: false,
    },
    ReasonDef {
        code: "post_purchase_check",
        kind: ReasonKind::Lifecycle,
        title_ru: "Проверка после покупки",
        title_en: "Post-purchase check",
        hint_ru: "Выждав несколько дней после покупки, спросите, всё ли устраивает, и сразу решите возникшие вопросы.",
        hint_en: "A few days after the purchase, ask whether everything is fine and sort out any issue straight away.",
        roles: &[],
        serves: &[TouchKind::Check],
        signals: &[Signal::HasPurchases],
        discouraged: false,
    },
    ReasonDef {
        code: "need_before_order",
        kind: ReasonKind::Lifecycle,
        title_ru: "Что войдёт в следующий заказ",
        title_en: "What goes into the next order",
        hint_ru: "Незадолго до заказа спросите, что в него войдёт, не торопя со сроками, и предложите зарезервировать товар.",
        hint_en: "Shortly before the order, ask what it will include (never when) and offer to reserve stock.",
        roles: &[Role::DecisionMaker, Role::Influencer, Role::Buyer],
        serves: &[TouchKind::Need],
        signals: &[Signal::HasPurchases],
        discouraged: false,
    },
    ReasonDef {
        code: "need_early_cycle",
        kind: ReasonKind::Lifecycle,
        title_ru: "Задел на следующую сделку",
        title_en: "Laying ground for the next deal",
        hint_ru: "Предложите идею следующего проекта до того, как клиент начнёт собирать предложения, или узнайте, как идут дела, в середине цикла.",
        hint_en: "Bring up the next project before the client starts collecting quotes, or check how things stand mid-cycle.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Need],
        signals: &[],
        discouraged: false,
    },
    ReasonDef {
        code: "need_first_order",
        kind: ReasonKind::Lifecycle,
        title_ru: "С чего начать: первый заказ",
        title_en: "Where to start: a first order",
        hint_ru: "Клиент ещё не заказывал: предложите понятный первый шаг — пробную партию, расчёт или образец — и узнайте, что мешает начать.",
        hint_en: "The client has not ordered yet: offer a clear first step (a trial batch, a quote or a sample) and find out what holds them back.",
        roles: &[Role::DecisionMaker, Role::Influencer, Role::Buyer],
        serves: &[TouchKind::Need],
        signals: &[],
        discouraged: false,
    },
    ReasonDef {
        code: "need_client_tasks",
        kind: ReasonKind::Lifecycle,
        title_ru: "Задачи клиента сейчас",
        title_en: "The client's current tasks",
        hint_ru: "Узнайте, какие задачи стоят перед клиентом сейчас, у кого он покупает и что его там не устраивает.",
        hint_en: "Find out what the client is working on now, whom they buy from and what they miss there.",
        roles: &[Role::DecisionMaker, Role::Influencer, Role::Buyer],
        serves: &[TouchKind::Need],
        signals: &[],
        discouraged: false,
    },
    ReasonDef {
        code: "reaction_check",
        kind: ReasonKind::Lifecycle,
        title_ru: "Контроль до даты решения",
        title_en: "Check-in before the decision date",
        hint_ru: "Убедитесь, что всё идёт по плану, пока до конца периода есть время исправить проблему и вернуть клиенту хорошее настроение.",
        hint_en: "Make sure everything is on track while there is still time before the period ends to fix a problem and turn the client's mood around.",
        roles: &[Role::DecisionMaker, Role::Influencer, Role::User],
        serves: &[TouchKind::Check],
        signals: &[Signal::HasService],
        discouraged: false,
    },
    ReasonDef {
        code: "renewal_reminder",
        kind: ReasonKind::Lifecycle,
        title_ru: "Подготовка к продлению",
        title_en: "Renewal",
        hint_ru: "Пригласите на встречу, чтобы обсудить продление и подобрать более удобный вариант, а не продавать по телефону.",
        hint_en: "Invite the client to a meeting to discuss the renewal and a better-fitting option instead of selling on the phone.",
        roles: &[Role::DecisionMaker, Role::Buyer],
        serves: &[TouchKind::Renewal],
        signals: &[Signal::HasExpiry],
        discouraged: false,
    },
    ReasonDef {
        code: "expiry_reminder",
        kind: ReasonKind::Lifecycle,
        title_ru: "Срок действия подходит к концу",
        title_en: "Term ending soon",
        hint_ru: "Напомните, когда заканчивается полис, депозит или абонемент, и попутно предложите другие подходящие продукты.",
        hint_en: "Remind the client when their policy, deposit or membership ends and suggest other suitable products along the way.",
        roles: &[Role::DecisionMaker, Role::Buyer],
        serves: &[TouchKind::Renewal],
        signals: &[Signal::HasExpiry],
        discouraged: false,
    },
    ReasonDef {
        code: "promotion_ending",
        kind: ReasonKind::Lifecycle,
        title_ru: "Акция на продление скоро закончится",
        title_en: "Renewal offer ends soon",
        hint_ru: "Назовите дату, до которой действует акция на продление, детали оставьте для встречи и договоритесь о ней.",
        hint_en: "Say until when the renewal offer holds, keep the details for a face-to-face meeting and book one.",
        roles: &[Role::DecisionMaker, Role::Buyer],
        serves: &[TouchKind::Renewal],
        signals: &[Signal::HasExpiry, Signal::PromoSensitive],
        discouraged: false,
    },
    ReasonDef {
        code: "annual_meeting",
        kind: ReasonKind::Lifecycle,
        title_ru: "Встреча по итогам года",
        title_en: "Annual results meeting",
        hint_ru: "Встретьтесь с ЛПР, чтобы подвести итоги года, узнать планы клиента и договориться о целях на следующий год.",
        hint_en: "Meet the decision maker to review the year, learn the client's plans and agree on goals for the next one.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Meeting],
        signals: &[Signal::TopSegment],
        discouraged: false,
    },
    ReasonDef {
        code: "apology",
        kind: ReasonKind::Lifecycle,
        title_ru: "Извинение за сбой",
        title_en: "Apology",
        hint_ru: "Лично извинитесь за сбой, расскажите, как его устранили, и предложите компенсацию, если она предусмотрена.",
        hint_en: "Apologise personally for the failure, explain how it was fixed and offer compensation where the company provides one.",
        roles: &[],
        serves: &[TouchKind::Apology],
        signals: &[Signal::HasIncident],
        discouraged: false,
    },
    ReasonDef {
        code: "apology_follow_up",
        kind: ReasonKind::Lifecycle,
        title_ru: "Что изменилось после сбоя",
        title_en: "After the failure: what changed",
        hint_ru: "Через некоторое время после сбоя расскажите, что изменили, чтобы он больше не повторился.",
        hint_en: "Some time after the failure, tell the client what has changed so that it does not happen again.",
        roles: &[],
        serves: &[TouchKind::Apology],
        signals: &[Signal::HasIncident],
        discouraged: false,
    },
    ReasonDef {
        code: "birthday",
        kind: ReasonKind::Lifecycle,
        title_ru: "День рождения",
        title_en: "Birthday",
        hint_ru: "Поздравьте лично и неформально в сам день рождения — заранее поздравлять не принято.",
        hint_en: "Congratulate the contact personally and informally on the day itself, never in advance.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Greeting],
        signals: &[],
        discouraged: false,
    },
    ReasonDef {
        code: "new_year",
        kind: ReasonKind::Lifecycle,
        title_ru: "Новый год",
        title_en: "New Year",
        hint_ru: "Поздравьте лично, а не массовой рассылкой, в последний рабочий день перед новогодними праздниками.",
        hint_en: "Send personal greetings, not a mass message, on the last working day before the New Year holidays.",
        roles: &[Role::DecisionMaker, Role::Influencer],
        serves: &[TouchKind::Greeting],
        signals: &[],
        discouraged: false,
    },
    // Discouraged (R1, seed 004): kept so that a content plan naming them can
    // be recognised and refused; never suggested.
    ReasonDef {
        code: "company_awards",
        kind: ReasonKind::Standard,
        title_ru: "Награды нашей компании",
        title_en: "Our company's awards",
        hint_ru: "Разве что упомяните вскользь при встрече; звонить ради этого не стоит, клиенту это ничего не даёт.",
        hint_en: "At most mention them in passing at a meeting; never call about them, they give the client nothing.",
        roles: &[],
        serves: &[TouchKind::Standard],
        signals: &[],
        discouraged: true,
    },
    ReasonDef {
        code: "staff_changes",
        kind: ReasonKind::Standard,
        title_ru: "Кадровые и структурные изменения",
        title_en: "Staff or structure changes",
        hint_ru: "Не используйте как повод: перестановки могут заставить клиента волноваться за выполнение его заказов.",
        hint_en: "Do not use as a reason: reshuffles can make the client worry about how their orders will be handled.",
        roles: &[],
        serves: &[TouchKind::Standard],
        signals: &[],
        discouraged: true,
    },
    ReasonDef {
        code: "fixed_asset_changes",
        kind: ReasonKind::Standard,
        title_ru: "Изменения основных фондов",
        title_en: "Changes to fixed assets",
        hint_ru: "Не используйте как повод: клиент может увидеть в этом риски для себя.",
        hint_en: "Do not use as a reason: the client may read risks for themselves into it.",
        roles: &[],
        serves: &[TouchKind::Standard],
        signals: &[],
        discouraged: true,
    },
    ReasonDef {
        code: "certificates",
        kind: ReasonKind::Standard,
        title_ru: "Новые сертификаты компании",
        title_en: "Company certificates",
        hint_ru: "Не используйте как повод, если сертификат никак не влияет на клиента и его работу с его покупателями.",
        hint_en: "Do not use as a reason unless the certificate affects the client or their dealings with their own customers.",
        roles: &[],
        serves: &[TouchKind::Standard],
        signals: &[],
        discouraged: true,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const DISCOURAGED: &[&str] = &[
        "company_awards",
        "staff_changes",
        "fixed_asset_changes",
        "certificates",
    ];

    fn reason(code: &str) -> &'static ReasonDef {
        find(code).unwrap_or_else(|| panic!("{code} is missing from the catalog"))
    }

    fn is_snake_case(code: &str) -> bool {
        code.starts_with(|c: char| c.is_ascii_lowercase())
            && !code.ends_with('_')
            && !code.contains("__")
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }

    fn has_cyrillic(s: &str) -> bool {
        s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    }

    #[test]
    fn has_at_least_fifty_reasons() {
        assert!(CATALOG.len() >= 50, "only {} reasons", CATALOG.len());
    }

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = HashSet::new();
        for r in CATALOG {
            assert!(is_snake_case(r.code), "{} is not snake_case", r.code);
            assert!(seen.insert(r.code), "{} appears twice", r.code);
        }
    }

    #[test]
    fn every_text_is_present_in_both_languages() {
        for r in CATALOG {
            for (field, text) in [
                ("title_ru", r.title_ru),
                ("title_en", r.title_en),
                ("hint_ru", r.hint_ru),
                ("hint_en", r.hint_en),
            ] {
                assert!(!text.trim().is_empty(), "{}: empty {field}", r.code);
                assert_eq!(text, text.trim(), "{}: {field} has stray spaces", r.code);
                assert!(!text.contains('\n'), "{}: {field} spans lines", r.code);
            }
            assert!(
                has_cyrillic(r.title_ru),
                "{}: title_ru is not Russian",
                r.code
            );
            assert!(
                has_cyrillic(r.hint_ru),
                "{}: hint_ru is not Russian",
                r.code
            );
            assert!(
                !has_cyrillic(r.title_en),
                "{}: title_en has Cyrillic",
                r.code
            );
            assert!(!has_cyrillic(r.hint_en), "{}: hint_en has Cyrillic", r.code);
        }
    }

    #[test]
    fn titles_are_short() {
        for r in CATALOG {
            for title in [r.title_ru, r.title_en] {
                let words = title.split_whitespace().count();
                assert!(words <= 6, "{}: title {title:?} is too long", r.code);
            }
        }
    }

    fn has_duplicates<T: PartialEq>(items: &[T]) -> bool {
        items
            .iter()
            .enumerate()
            .any(|(i, a)| items[i + 1..].contains(a))
    }

    #[test]
    fn lists_have_no_duplicates() {
        for r in CATALOG {
            assert!(!has_duplicates(r.roles), "{}: roles repeat", r.code);
            assert!(!has_duplicates(r.serves), "{}: serves repeat", r.code);
            assert!(!has_duplicates(r.signals), "{}: signals repeat", r.code);
        }
    }

    #[test]
    fn every_suggestable_reason_serves_a_touch_kind() {
        for r in CATALOG.iter().filter(|r| !r.discouraged) {
            assert!(!r.serves.is_empty(), "{} serves no touch kind", r.code);
        }
    }

    #[test]
    fn every_touch_kind_has_a_suggestable_reason() {
        for kind in TouchKind::ALL {
            assert!(
                CATALOG
                    .iter()
                    .any(|r| !r.discouraged && r.serves.contains(kind)),
                "no reason serves {}",
                kind.as_str()
            );
        }
    }

    #[test]
    fn exactly_the_weak_reasons_are_discouraged() {
        for r in CATALOG {
            assert_eq!(r.discouraged, DISCOURAGED.contains(&r.code), "{}", r.code);
        }
        for code in DISCOURAGED {
            let r = reason(code);
            assert_eq!(r.kind, ReasonKind::Standard, "{code}");
        }
    }

    #[test]
    fn upsell_and_referral_wait_for_a_check() {
        for code in ["upsell", "referral"] {
            assert!(reason(code).signals.contains(&Signal::AfterCheck), "{code}");
        }
        let after_check: Vec<_> = CATALOG
            .iter()
            .filter(|r| r.signals.contains(&Signal::AfterCheck))
            .map(|r| r.code)
            .collect();
        assert_eq!(after_check, ["upsell", "referral"]);
    }

    #[test]
    fn mandatory_reasons_are_seed_004s_list() {
        let codes = [
            "shipment",
            "acceptance",
            "documents",
            "installation",
            "technology_setup",
            "operability_check",
            "shelf_display",
            "sell_through",
            "maintenance_reminder",
            "new_items_on_equipment",
            "new_options",
            "campaign_midway_stats",
            "final_report",
            "usage_check",
            "stage_acceptance",
            "policy_documents",
        ];
        for code in codes {
            let r = reason(code);
            assert_eq!(r.kind, ReasonKind::Mandatory, "{code}");
            assert_eq!(r.serves, &[TouchKind::Mandatory], "{code}");
        }
        // Upsell concerns what was sold: with the mandatory reasons, also
        // after a check and second on a standard touch (DOMAIN v3 catalog).
        let upsell = reason("upsell");
        assert_eq!(upsell.kind, ReasonKind::Mandatory);
        assert_eq!(
            upsell.serves,
            &[TouchKind::Mandatory, TouchKind::Check, TouchKind::Standard]
        );
        let mandatory = CATALOG
            .iter()
            .filter(|r| r.kind == ReasonKind::Mandatory)
            .count();
        assert_eq!(mandatory, codes.len() + 1);
    }

    #[test]
    fn standard_reasons_are_present() {
        let codes = [
            "better_use",
            "new_products",
            "price_promotion",
            "price_change",
            "market_analytics",
            "legislation",
            "service_improvements",
            "event_invitation",
            "peer_cases",
            "client_insights",
            "personal_interests",
            "competitor_analogue",
            "competitor_rumours",
            "discontinued_items",
            "useful_software",
            "staff_training",
            "competitor_marketing",
            "industry_humour",
            "campaign_results",
            "buyer_feedback",
            "next_placement_idea",
            "loyalty_programme",
            "launch_price",
            "referral",
            "gift",
        ];
        for code in codes {
            let r = reason(code);
            assert_eq!(r.kind, ReasonKind::Standard, "{code}");
            assert!(!r.discouraged, "{code}");
            assert!(r.serves.contains(&TouchKind::Standard), "{code}");
        }
        assert_eq!(
            reason("event_invitation").serves,
            &[TouchKind::Event, TouchKind::Standard]
        );
        assert_eq!(
            reason("gift").serves,
            &[TouchKind::Greeting, TouchKind::Standard]
        );
        for code in ["campaign_results", "buyer_feedback"] {
            assert_eq!(
                reason(code).serves,
                &[TouchKind::Check, TouchKind::Standard],
                "{code}"
            );
        }
    }

    #[test]
    fn lifecycle_reasons_serve_their_touch_kind() {
        let expected = [
            ("onboarding", TouchKind::Onboarding),
            ("first_day", TouchKind::FirstDay),
            ("post_purchase_check", TouchKind::Check),
            ("need_before_order", TouchKind::Need),
            ("need_early_cycle", TouchKind::Need),
            ("need_first_order", TouchKind::Need),
            ("need_client_tasks", TouchKind::Need),
            ("reaction_check", TouchKind::Check),
            ("renewal_reminder", TouchKind::Renewal),
            ("expiry_reminder", TouchKind::Renewal),
            ("promotion_ending", TouchKind::Renewal),
            ("annual_meeting", TouchKind::Meeting),
            ("apology", TouchKind::Apology),
            ("apology_follow_up", TouchKind::Apology),
            ("birthday", TouchKind::Greeting),
            ("new_year", TouchKind::Greeting),
        ];
        for (code, kind) in expected {
            let r = reason(code);
            assert_eq!(r.kind, ReasonKind::Lifecycle, "{code}");
            assert_eq!(r.serves, &[kind], "{code}");
        }
        let lifecycle = CATALOG
            .iter()
            .filter(|r| r.kind == ReasonKind::Lifecycle)
            .count();
        assert_eq!(lifecycle, expected.len());
    }

    #[test]
    fn relevance_signals_follow_the_client_data() {
        let expected = [
            ("price_promotion", Signal::PromoSensitive),
            ("launch_price", Signal::PromoSensitive),
            ("promotion_ending", Signal::PromoSensitive),
            ("new_products", Signal::HasPurchases),
            ("new_products", Signal::DurableIntervalPassed),
            ("price_change", Signal::HasPurchases),
            ("discontinued_items", Signal::HasPurchases),
            ("competitor_analogue", Signal::HasPurchases),
            ("new_options", Signal::HasPurchases),
            ("better_use", Signal::HasPurchases),
            ("market_analytics", Signal::HasIndustry),
            ("legislation", Signal::HasIndustry),
            ("peer_cases", Signal::HasIndustry),
            ("competitor_marketing", Signal::HasIndustry),
            ("client_insights", Signal::Loyal),
            ("personal_interests", Signal::HasInterests),
            ("campaign_results", Signal::CampaignRunning),
            ("buyer_feedback", Signal::CampaignRunning),
            ("next_placement_idea", Signal::Campaign),
            ("renewal_reminder", Signal::HasExpiry),
            ("expiry_reminder", Signal::HasExpiry),
            ("annual_meeting", Signal::TopSegment),
            ("apology", Signal::HasIncident),
            ("apology_follow_up", Signal::HasIncident),
            ("shelf_display", Signal::Transactional),
            ("sell_through", Signal::Transactional),
            ("installation", Signal::Consultative),
            ("technology_setup", Signal::Consultative),
            ("maintenance_reminder", Signal::Consultative),
        ];
        for (code, signal) in expected {
            assert!(
                reason(code).signals.contains(&signal),
                "{code} lacks {signal:?}"
            );
        }
        for r in CATALOG {
            let both = r.signals.contains(&Signal::Transactional)
                && r.signals.contains(&Signal::Consultative);
            assert!(!both, "{} claims both sale types", r.code);
        }
    }

    #[test]
    fn strategy_goes_to_the_decision_group_and_tips_to_users() {
        // R15, seed 004: a technologist gets usage tips, not strategy cases.
        for code in [
            "market_analytics",
            "peer_cases",
            "legislation",
            "annual_meeting",
        ] {
            let roles = reason(code).roles;
            assert!(!roles.is_empty(), "{code}");
            assert!(
                roles.iter().all(|r| r.in_decision_group()),
                "{code}: {roles:?}"
            );
        }
        for code in ["better_use", "staff_training", "maintenance_reminder"] {
            let roles = reason(code).roles;
            assert!(roles.contains(&Role::Technical), "{code}");
            assert!(roles.contains(&Role::User), "{code}");
            assert!(!roles.contains(&Role::DecisionMaker), "{code}");
        }
        for code in ["shipment", "documents"] {
            let roles = reason(code).roles;
            assert!(
                roles.contains(&Role::Buyer) && roles.contains(&Role::User),
                "{code}"
            );
        }
    }

    #[test]
    fn company_reasons_conversations_and_audiences_are_marked() {
        // R8: about a company's market, staff, buyers or plant.
        for code in [
            "market_analytics",
            "legislation",
            "peer_cases",
            "client_insights",
            "competitor_marketing",
            "staff_training",
            "buyer_feedback",
            "industry_humour",
            "shelf_display",
            "sell_through",
            "installation",
            "technology_setup",
        ] {
            assert!(reason(code).signals.contains(&Signal::Business), "{code}");
        }
        // R1: a word with someone at the client.
        for code in ["buyer_feedback", "referral", "upsell"] {
            assert!(reason(code).needs_conversation(), "{code}");
        }
        assert!(!reason("market_analytics").needs_conversation());
        // R15: training not to the director, strategy not to technologists.
        assert!(!reason("staff_training").suits(Role::DecisionMaker));
        assert!(reason("staff_training").suits(Role::Influencer));
        assert!(!reason("peer_cases").suits(Role::Technical));
        assert!(reason("better_use").suits(Role::Technical));
    }

    #[test]
    fn catalog_is_grouped_mandatory_standard_lifecycle_discouraged() {
        let rank = |r: &ReasonDef| match (r.discouraged, r.kind) {
            (true, _) => 3,
            (false, ReasonKind::Mandatory) => 0,
            (false, ReasonKind::Standard) => 1,
            (false, ReasonKind::Lifecycle) => 2,
        };
        let ranks: Vec<_> = CATALOG.iter().map(rank).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    }

    #[test]
    fn find_looks_codes_up() {
        let r = find("market_analytics").expect("a known code");
        assert_eq!(r.code, "market_analytics");
        assert_eq!(r.kind, ReasonKind::Standard);
        assert!(find("just_checking_in").is_none());
        assert!(find("").is_none());
        assert!(find("Market_Analytics").is_none());
    }

    #[test]
    fn kind_names_match_the_contract() {
        assert_eq!(ReasonKind::Mandatory.as_str(), "mandatory");
        assert_eq!(ReasonKind::Standard.as_str(), "standard");
        assert_eq!(ReasonKind::Lifecycle.as_str(), "lifecycle");
    }
}
