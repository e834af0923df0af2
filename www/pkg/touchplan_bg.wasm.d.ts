/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const __forcePanic: () => void;
export const plan: (a: any) => [number, number, number];
export const planMany: (a: any) => [number, number, number];
export const reasonCatalog: (a: number, b: number) => [number, number, number];
export const toCsv: (a: any) => [number, number, number, number];
export const toIcs: (a: any, b: any) => [number, number, number, number];
export const version: () => [number, number];
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
