/** Harvesting any Open311 endpoint's requests into a local mirror, incrementally and politely (issue 13). */
export {};
