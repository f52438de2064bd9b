/** The dashboard's store on both dialects (a file of its own, so it runs without the whole store suite). */
import { runDashboardContract } from './dashboard-contract.js';
import { runDashboardChannelContract } from './dashboard-channel-contract.js';
import { runDashboardRebuildContract } from './dashboard-rebuild-contract.js';

runDashboardContract('sqlite');
runDashboardRebuildContract('sqlite');
runDashboardChannelContract('sqlite');
runDashboardContract('postgres');
runDashboardRebuildContract('postgres');
runDashboardChannelContract('postgres');
