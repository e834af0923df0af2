// The contract's shapes (CONTRACT.md), emitted into pkg/touchplan.d.ts by
// src/wasm.rs so that TypeScript integrators get real types.

/** A calendar day, `YYYY-MM-DD`. Dates never cross as JS `Date`s. */
export type IsoDate = string;
export type Locale = "ru" | "en";
export type Channel = "phone" | "visit" | "messenger" | "email" | "sms" | "newsletter" | "event" | "staff" | "portal" | "social" | "letter";
export type Role = "decision_maker" | "influencer" | "technical" | "user" | "buyer" | "other";
export type TouchKind = "mandatory" | "standard" | "need" | "event" | "meeting" | "greeting" | "renewal" | "check" | "apology" | "first_day" | "onboarding";
/** A stable snake_case code of the reasons catalog, e.g. "market_analytics". */
export type ReasonCode = string;

export interface PlanInput {
  /** Required: the engine never reads a clock. */
  today: IsoDate;
  /** 1..36, default 12. */
  horizonMonths?: number;
  /** Default "ru". */
  locale?: Locale;
  client: Client;
  company?: Company;
  /** Policy overrides; every field and its default is in the README. */
  settings?: Partial<Settings>;
}

export interface Client {
  id: string;
  name?: string;
  segment?: "A+" | "A" | "B" | "C" | "D";
  saleType?: "transactional" | "consultative";
  orderCycleDays?: number;
  mandatoryPerOrder?: number;
  mandatorySteps?: ReasonCode[];
  orders?: { date: IsoDate; amount?: number; categories?: string[]; promo?: boolean; items?: string[] }[];
  service?: {
    start: IsoDate; end: IsoDate; reactionDays?: number;
    kind?: "campaign" | "contract" | "membership" | "subscription" | "policy";
    frozenFrom?: IsoDate; frozenTo?: IsoDate; promo?: string; promoUntil?: IsoDate;
  };
  expiries?: { date: IsoDate; what: string }[];
  contacts?: { name: string; role?: Role; birthday?: IsoDate | string; channels?: Channel[]; interests?: string[] }[];
  channels?: Channel[];
  industry?: string;
  annualRevenue?: number;
  flags?: { promoSensitive?: boolean; birthdayOffer?: boolean; loyal?: boolean };
  openDeal?: { since: IsoDate; stage?: string };
  incidents?: { date: IsoDate; summary: string }[];
  history?: { date: IsoDate; channel: Channel; reason?: string }[];
}

export interface Company {
  contentPlan?: {
    date: IsoDate; reason: ReasonCode; title: string; detail?: string;
    categories?: string[]; items?: string[]; segments?: string[]; roles?: string[]; industries?: string[];
    until?: IsoDate; pilot?: IsoDate; delivery?: "manager" | "automated" | "semi";
  }[];
  events?: { date: IsoDate; title: string }[];
  country?: "RU" | "none";
  holidays?: IsoDate[];
  workdays?: IsoDate[];
}

export interface Plan {
  clientId: string;
  clientName?: string;
  horizon: { from: IsoDate; to: IsoDate };
  /** Sorted by date, then priority. */
  touches: Touch[];
  summary: {
    total: number;
    byKind: Record<TouchKind, number>;
    byMonth: { month: string; count: number }[];
    perCycle: { cycleDays: number; mandatory: number; standard: number; need: number; total: number; automated: number };
    standardToMandatory: number | null;
    avgGapDays: number | null;
    maxGapDays: number | null;
  };
  warnings: { code: string; message: string; path?: string; rule?: string; date?: IsoDate }[];
  /** The locale the texts are in. */
  locale: Locale;
}

export interface Touch {
  date: IsoDate;
  kind: TouchKind;
  channel: Channel;
  automated: boolean;
  contact?: string;
  role?: string;
  contacts?: string[];
  /** The rule that placed it, e.g. "R6". */
  rule: string;
  why: string;
  /** Best first, at least one. */
  reasons: { code: ReasonCode; title: string; hint: string; score: number; why: string }[];
  movedFrom?: IsoDate;
  purposes?: TouchKind[];
  scheduled?: boolean;
  notes?: string[];
}

/** The input of `planBook`: a manager's book (DOMAIN.md R16). */
export interface BookInput {
  today: IsoDate;
  horizonMonths?: number;
  locale?: Locale;
  /** Each a `Client` as in `plan`, with the manager who serves it; clients
   * without one are the book's own manager's (`manager: null` below). */
  clients: (Client & { manager?: string })[];
  company?: Company;
  /** `managerDailyCapacity` (every manager's capacity unless `managers`
   * gives one) and `levelSlackDays` among them. */
  settings?: Partial<Settings>;
  /** Managers with a capacity of their own (R16): personal touches per
   * working day, an integer 1–1000; without `capacity`, or not listed,
   * a manager has `settings.managerDailyCapacity`. A name given twice is a
   * `duplicate` error. Listed managers without clients show with no load. */
  managers?: { name: string; capacity?: number }[];
}

/** What `planBook` returns: compact, for thousands of clients. */
export interface Book {
  horizon: { from: IsoDate; to: IsoDate };
  locale: Locale;
  /** `settings.managerDailyCapacity`: the capacity of every manager
   * `BookInput.managers` gives none (each manager's own is in `managers`). */
  capacity: number;
  /** Title and hint of every reason the plans use, by code, once. */
  reasons: Record<ReasonCode, { title: string; hint: string }>;
  /** Every touch's `why`, once: a touch's `why` is an index into it. */
  whys: string[];
  /** In input order: a levelled plan, or that client's errors alone
   * (paths `clients[i].…`). */
  clients: BookClient[];
  /** By manager; clients without a manager under `manager: null`, first. */
  managers: ManagerLoad[];
}

export interface BookClient {
  id: string;
  name?: string;
  manager?: string;
  touches?: BookTouch[];
  summary?: Plan["summary"];
  warnings?: Plan["warnings"];
  errors?: { code: string; path: string; message: string }[];
}

/** A `Touch` with `why` by index and reasons as `[code, score]`, best first. */
export type BookTouch = Omit<Touch, "why" | "reasons" | "automated"> & {
  automated?: true;
  why: number;
  reasons: [ReasonCode, number][];
};

export interface ManagerLoad {
  manager: string | null;
  /** This manager's personal touches per working day (their own from
   * `BookInput.managers`, else `Book.capacity`). */
  capacity: number;
  /** Clients planned (errors apart). */
  clients: number;
  /** `[date, before, after]`: personal touches a day before and after
   * levelling, for every day with any. */
  days: [IsoDate, number, number][];
  /** Days still over capacity; `clients` index `Book.clients`, the ones
   * that keep the day first (protection, then segment, A+ first). */
  overloads: { date: IsoDate; load: number; clients: number[] }[];
  /** What levelling moved; `client` indexes `Book.clients`. */
  moves: { client: number; from: IsoDate; to: IsoDate; kind: TouchKind; why: string }[];
}

/** One result of `planMany` and `planEach`: the plan, or that input's error alone. */
export type PlanResult = Plan | { error: TouchPlanError };

/**
 * `planEach` of www/api.js: plans a stream of inputs with bounded memory,
 * results in input order, the next input pulled only after the previous
 * result was taken, the event loop served every `chunkSize` (64) inputs.
 * `for await (const r of planEach(inputs)) …`
 */
export type PlanEach = (
  inputs: Iterable<PlanInput> | AsyncIterable<PlanInput>,
  options?: { chunkSize?: number },
) => AsyncGenerator<PlanResult, void, undefined>;

/** An entry of `reasonCatalog()`. */
export interface Reason {
  code: ReasonCode;
  kind: "mandatory" | "standard" | "lifecycle";
  title: string;
  hint: string;
  /** Contact roles it suits; empty = any. */
  roles: string[];
  discouraged?: boolean;
}

/** What the API throws: a real `Error` with `name === "TouchPlanError"`. */
export interface TouchPlanError extends Error {
  name: "TouchPlanError";
  /** Of the first problem, e.g. "invalid_date". */
  code: string;
  /** Of the first problem, e.g. "client.orders[2].date". */
  path: string;
  /** Every problem of the input. */
  errors: { code: string; path: string; message: string }[];
}

/** R8: one row of the segment policy table. */
export interface SegmentPolicy {
  standardByManager: boolean;
  needPerCycle: 0 | 1 | 2;
  topUps: boolean;
  greetings: "always" | "withOffer" | "never";
  annualMeeting: boolean;
  visits: "allowed" | "onRequest" | "no";
  events: "manager" | "automated" | "none";
}

/** Every product choice of DOMAIN.md; `defaultSettings()` gives the defaults (README table). */
export interface Settings {
  defaultCycleTransactional: number;
  defaultCycleConsultative: number;
  consultativeThresholdDays: number;
  subMonthThresholdDays: number;
  ordersForCycle: number;
  mandatoryTransactional: number;
  mandatoryConsultative: number;
  standardPerMandatory: number;
  eventsPerYear: number;
  eventInviteLeadDays: number;
  silenceDays: number;
  checkByDay: number;
  checkMinAmount: number;
  preOrderLeadWorkdays: number;
  /** R7, R9: greetings by a call or a personal message ahead of rotation. */
  greetingsAheadOfRotation: boolean;
  reactionDays: number;
  /** `null`: max(reactionDays, 7). */
  reactionGapDays: number | null;
  onboardingLeadDays: number;
  renewalLeadDays: number;
  promoLeadDays: number;
  apologyDelayDays: number;
  followUpDays: number;
  channelGaps: Partial<Record<Channel, number>>;
  automatedChannels: Channel[];
  mergeGapDays: number;
  weeklyCap: number;
  dailyCap: number;
  offersPerMonth: number;
  contentValidityDays: number;
  durableIntervalDays: number;
  freshnessTouches: number;
  needLeadDays: number;
  checkLateDays: number;
  reactionWatchDays: number;
  apologyMaxDays: number;
  quietAfterIncidentDays: number;
  /** Months (1–12) of the event-invitation slots without known events. */
  eventSlotMonths: number[];
  /** `null`: a call or a visit where accepted. */
  apologyChannel: Channel | null;
  /** Minimum annual revenue per segment; `null`: segment B by default. */
  revenueSegments: Partial<Record<"A+" | "A" | "B" | "C", number>> | null;
  referralsPerYear: number;
  influencerTouchesPerQuarter: number;
  /** R16: a manager's personal touches a working day across a book (12). */
  managerDailyCapacity: number;
  /** R16: working days a flexible touch may move either way to level (3). */
  levelSlackDays: number;
  /** `--MM-DD` */
  annualMeeting: string;
  segments: Partial<Record<"A+" | "A" | "B" | "C" | "D", Partial<SegmentPolicy>>>;
}
