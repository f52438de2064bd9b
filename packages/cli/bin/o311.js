#!/usr/bin/env node
// Stable, executable entry for npm's bin link; the compiled CLI lives in dist/.
await import('../dist/bin.js');
