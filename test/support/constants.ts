/** The fixed "now" of the demo seed in tests: every generated date is relative to it. */
export const SEED_NOW = new Date('2026-11-02T09:00:00.000Z');
