// Creates a SQLite or PostgreSQL database holding the demo jurisdiction and its
// services and no requests, for timing `o311 import`:
//   node packages/store/bench/prepare-db.mjs sqlite:/tmp/x/o311.sqlite
import { seedDemoCity } from '@o311/demo';
import { openStore } from '@o311/store';

const store = await openStore(process.argv[2] ?? 'sqlite:/tmp/o311-cli/o311.sqlite');
await store.migrate();
const result = await seedDemoCity(store, { requests: 0 });
console.log(`${result.jurisdiction_id}: ${result.services} services`);
await store.close();
