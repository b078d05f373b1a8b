// Types of scripts/build-stamp.mjs for the tests (test/unit/build-stamp.test.ts).
export interface BuildSpec {
  inputs: string[];
  stamp: string;
  outputs: string[];
}
export type Decision = { build: true; why: string; hash: string } | { build: false; hash: string };
export const BUILDS: { main: BuildSpec; renderer: BuildSpec };
export const ROOT: string;
export function listInputs(root: string, inputs: string[]): string[];
export function fingerprint(root: string, inputs: string[]): { hash: string; files: number };
export function decide(root: string, build: BuildSpec): Decision;
export function writeStamp(root: string, build: BuildSpec, hash: string): void;
export function removeStamp(root: string, build: BuildSpec): void;
