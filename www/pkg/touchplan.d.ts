/* tslint:disable */
/* eslint-disable */

/**
 * Test only: panics, so that tests can check the panic report and the
 * wrapper's recovery. Not part of the public API.
 */
export function __forcePanic(): void;

export function __wbg_reset_state(): void;

/**
 * Plans one client (CONTRACT.md `plan(input)`).
 *
 * # Errors
 * Throws a `TouchPlanError` listing every problem of the input.
 */
export function plan(input: any): any;

/**
 * Plans each input independently: a bad input yields `{ error }` in its
 * place and the others still plan.
 *
 * # Errors
 * Throws a `TouchPlanError` when `inputs` is not an array or is longer
 * than 100,000.
 */
export function planMany(inputs: any): Array<any>;

/**
 * The reasons catalog in `locale` ("ru" by default).
 *
 * # Errors
 * Throws a `TouchPlanError` (`unknown_value`, path `locale`) for a locale
 * other than "ru" or "en".
 */
export function reasonCatalog(locale?: string | null): any;

/**
 * The plan as CSV (RFC 4180), see [`crate::to_csv`].
 *
 * # Errors
 * Throws a `TouchPlanError` (`invalid_type`, path `plan`) when `plan` is
 * not a plan.
 */
export function toCsv(plan: any): string;

/**
 * The plan as an iCalendar file (RFC 5545), see [`crate::to_ics`].
 *
 * # Errors
 * Throws a `TouchPlanError` (`invalid_type`, path `plan`) when `plan` is
 * not a plan.
 */
export function toIcs(plan: any, opts: any): string;

/**
 * The engine's version, e.g. "0.1.0".
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __forcePanic: () => void;
    readonly plan: (a: any) => [number, number, number];
    readonly planMany: (a: any) => [number, number, number];
    readonly reasonCatalog: (a: number, b: number) => [number, number, number];
    readonly toCsv: (a: any) => [number, number, number, number];
    readonly toIcs: (a: any, b: any) => [number, number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
