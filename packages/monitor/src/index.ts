/** @o311/monitor: the status monitor of registry endpoints (issue 12): polls, usage, conformance scores, alerts. */
export {};
