import { describe, expect, it } from 'vitest';
import { shownState } from './shown-state.js';

const target = { state: 'unknown', consecutive_failures: 0, last_ok: null, last_poll_at: null } as const;

describe('shownState', () => {
  it('tells never checked, failing without an incident, down and up apart', () => {
    expect(shownState(target)).toBe('unknown');
    expect(shownState({ ...target, consecutive_failures: 2, last_ok: false, last_poll_at: 1 })).toBe('failing');
    expect(shownState({ ...target, state: 'up', consecutive_failures: 1, last_ok: false, last_poll_at: 1 })).toBe('failing');
    expect(shownState({ ...target, state: 'down', consecutive_failures: 5, last_ok: false, last_poll_at: 1 })).toBe('down');
    expect(shownState({ ...target, state: 'up', last_ok: true, last_poll_at: 1 })).toBe('up');
    // Answered, the monitor not yet sure: it answered, so up.
    expect(shownState({ ...target, last_ok: true, last_poll_at: 1 })).toBe('up');
  });
});
